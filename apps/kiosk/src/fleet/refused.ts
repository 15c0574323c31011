// Statements the kiosk-server refused for good (a 4xx other than 401/429: invalid, or about content it does not have).
// They leave the outbox, but are kept on the device in their own IndexedDB store, bounded, and counted for staff
// (the heartbeat and the staff indicator), so a refusal is seen and its statement can still be looked at.
import { ErrorBody, type RefusalKind } from '@ruyi/api-contract';
import { deviceStore, type OutboxStore } from '@ruyi/records';
import type { Statement } from '@ruyi/xapi';
import { cut, useDeviceHealth } from './deviceHealth.ts';

export interface RefusedStatement {
  statement: Statement;
  /** The server's reason, e.g. `HTTP 400: object.id: no scenario 'x' in pack 'y'`. */
  reason: string;
  /** ISO 8601. */
  at: string;
  /** The kind of refusal, for staff in their language (absent on what an older version kept). */
  code?: RefusalKind;
}

/** The oldest are dropped beyond this: a kiosk that keeps being refused must not fill its disk. */
export const MAX_REFUSED = 500;

/** The server's reason from a StatementsRejected error (`HTTP <status>: <ErrorBody JSON or text>`). */
export function refusalReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^HTTP (\d{3}): ([\s\S]*)$/.exec(text);
  if (!match) return cut(text, 500);
  let message = match[2]!.trim();
  try {
    const body = ErrorBody.safeParse(JSON.parse(message));
    if (body.success) message = body.data.message;
  } catch {
    /* not JSON: the text as it came */
  }
  return cut(`HTTP ${match[1]}: ${message}`, 500);
}

const KIND_BY_STATUS: Record<string, RefusalKind> = { '400': 'invalid', '409': 'conflict', '413': 'too-large', '403': 'forbidden' };

/** The kind of a refusal, from the status of the server's answer. */
export function refusalKind(error: unknown): RefusalKind {
  const text = error instanceof Error ? error.message : String(error);
  return KIND_BY_STATUS[/^HTTP (\d{3}):/.exec(text)?.[1] ?? ''] ?? 'other';
}

export function createRefusedStore(store: OutboxStore<RefusedStatement> = deviceStore<RefusedStatement>('ruyi-refused'), max = MAX_REFUSED) {
  const publish = async () => {
    const count = await store.count();
    const newest = count ? (await store.head(count)).at(-1)?.item : undefined;
    useDeviceHealth.setState({
      refused: count,
      latestRefusal: newest ? { message: newest.reason, at: newest.at, ...(newest.code ? { code: newest.code } : {}) } : null,
    });
  };
  return {
    /** Keeps a refused batch; resolves once it is stored (the outbox removes it only after that). */
    async keep(batch: Statement[], error: unknown, at = new Date()): Promise<void> {
      const reason = refusalReason(error);
      const code = refusalKind(error);
      for (const statement of batch) await store.append({ statement, reason, code, at: at.toISOString() });
      const over = (await store.count()) - max;
      if (over > 0) await store.remove((await store.head(over)).map((h) => h.key));
      await publish();
    },
    /** Reads what earlier pages kept, for the counts. */
    load: publish,
    all: async () => (await store.head(max)).map((h) => h.item),
  };
}

export type RefusedStore = ReturnType<typeof createRefusedStore>;
