// Write admission for statements: `app.floor.admit(...)` runs right before a route stores a batch and throws (so
// nothing is stored) when the disk is under its floor (507), a statement is larger than the route allows (413), or
// the client is over its budget (429 with Retry-After). A refusal charges nothing. Budgets are per client key: on the
// device route the enrolled device, else the address; on /xapi the authenticated client, charged only once it is
// known, so made-up credentials cannot spend a real client's budget.
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, summarize } from '../errors.ts';
import type { Client } from '../xapi/clients.ts';
import type { StatementItem } from '../xapi/store.ts';
import { createBudgets, type Admission, type Budgets, type BudgetsOptions, type WriteBudget } from './budget.ts';
import { DEFAULT_FLOOR, MIB, type FloorConfig } from './defaults.ts';
import { createDiskFloor, type DiskState, type FreeSpaceProbe } from './disk.ts';

export type RouteKind = 'device' | 'xapi';

export interface Floor {
  /**
   * Admits a batch of statements about to be stored, or throws the ApiError to answer. `who` is the request (its
   * client key is derived from it) or a client key. Each item is a statement, its JSON text, or a store item
   * ({ statement, body }): its size is the body's UTF-8 bytes. `single`: the body was one statement, not an array.
   */
  admit(who: FastifyRequest | string, kind: RouteKind, items: readonly unknown[], options?: { single?: boolean }): void;
  status(): FloorStatusData;
}

export interface FloorStatusData {
  disk: DiskState;
  budgets: Record<RouteKind, WriteBudget>;
  refused: { overBudget: number; tooLarge: number; diskLow: number };
}

export interface FloorOptions extends Partial<FloorConfig> {
  dataDir: string;
  /** Tests: a full disk without filling one. */
  probe?: FreeSpaceProbe;
  /** Tests: the clock of the budgets and the disk reading's cache. */
  now?: () => number;
  diskCacheMs?: number;
  maxKeys?: BudgetsOptions['maxKeys'];
}

declare module 'fastify' {
  interface FastifyInstance {
    floor: Floor;
  }
  interface FastifyRequest {
    /** The enrolled device a request comes from (set by the enrollment hook); unset for an unenrolled caller. */
    deviceId?: string;
  }
}

// The xAPI store path (xapi/statements.ts) calls this, set by xapi/routes.ts, once the client is authenticated.
declare module '../xapi/statements.ts' {
  interface StatementsContext {
    admit?: (client: Client, items: readonly StatementItem[], single: boolean) => void;
  }
}

/** The budget key of a request: the device it comes from, else its address (xAPI: its authenticated client). */
export function clientKey(request: FastifyRequest, kind: RouteKind): string {
  if (kind === 'xapi' && request.xapiClient) return `client:${request.xapiClient.id}`;
  if (kind === 'device' && request.deviceId) return `device:${request.deviceId}`;
  return `addr:${request.ip}`;
}

export function sizeOf(item: unknown): number {
  if (typeof item === 'string') return Buffer.byteLength(item);
  if (item !== null && typeof item === 'object' && 'statement' in item && 'body' in item && typeof item.body === 'string') return Buffer.byteLength(item.body);
  return Buffer.byteLength(JSON.stringify(item) ?? '');
}

const n = (value: number) => Math.round(value).toLocaleString('en');
/** 16 MiB, 1.5 MiB, 140 KiB, 900 bytes: sizes as staff and client authors read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(1)).toLocaleString('en')} MiB`;
  if (bytes >= 1024) return `${n(bytes / 1024)} KiB`;
  return `${n(bytes)} bytes`;
}

const ROUTE = { device: 'POST /api/statements', xapi: '/xapi/statements' } as const;

/** The answer to a refused batch. */
export function refusal(admission: Exclude<Admission, { kind: 'admitted' }>, budget: WriteBudget, kind: RouteKind, single = false): ApiError {
  const limit = `at most ${n(budget.statementsPerMinute)} statements and ${formatBytes(budget.bytesPerMinute)} a minute from one client on ${ROUTE[kind]}`;
  switch (admission.kind) {
    case 'statement-too-large': {
      const details = admission.oversize.map(({ index, bytes }) => ({
        path: single ? 'body' : `[${index}]`,
        message: `${n(bytes)} bytes; a statement may be at most ${n(budget.statementBytes)} bytes on this route`,
      }));
      return new ApiError(413, `${summarize(details)}; nothing from this request was stored`, details);
    }
    case 'batch-too-large':
      return new ApiError(
        413,
        `body: ${n(admission.statements)} statements, ${formatBytes(admission.bytes)}, is more than this route takes in a minute (${limit}); send fewer statements per request`,
      );
    case 'over-budget': {
      const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
      return new ApiError(
        429,
        `over this client's write budget: ${limit}; this request (${n(admission.statements)} statements, ${formatBytes(admission.bytes)}) fits in ${seconds} s, nothing was stored`,
        undefined,
        { 'retry-after': String(seconds) },
      );
    }
  }
}

/** How long a client is told to wait when the disk is low: staff must act, so there is no point asking sooner. */
const DISK_RETRY_SECONDS = 60;

export function diskRefusal(disk: DiskState): ApiError {
  return new ApiError(
    507,
    `the kiosk-server's disk is nearly full (${formatBytes(disk.freeBytes ?? 0)} free; statement writes stop below ${formatBytes(disk.floorBytes)}), so nothing was stored. ` +
      'Staff: free space on the disk holding the data folder (or move it to a larger disk); writes resume by themselves once there is room, and kiosks keep their records until then',
    undefined,
    { 'retry-after': String(DISK_RETRY_SECONDS) },
  );
}

export default fp(
  async (app, options: FloorOptions) => {
    const budgets: Record<RouteKind, WriteBudget> = { device: options.device ?? DEFAULT_FLOOR.device, xapi: options.xapi ?? DEFAULT_FLOOR.xapi };
    const perRoute: Record<RouteKind, Budgets> = {
      device: createBudgets(budgets.device, { now: options.now, maxKeys: options.maxKeys }),
      xapi: createBudgets(budgets.xapi, { now: options.now, maxKeys: options.maxKeys }),
    };
    const disk = createDiskFloor({
      dir: options.dataDir,
      floorBytes: options.diskFloorBytes ?? DEFAULT_FLOOR.diskFloorBytes,
      probe: options.probe,
      now: options.now,
      cacheMs: options.diskCacheMs,
      onProbeError: (error) => app.log.error({ err: error }, `free space on ${options.dataDir} cannot be read: the disk floor is not enforced`),
    });
    const refused = { overBudget: 0, tooLarge: 0, diskLow: 0 };
    let wasLow = false;

    /** The disk's state, logging each change between low and enough once (not once per refused request). */
    function diskState(): DiskState {
      const state = disk.state();
      if (state.low !== wasLow) {
        wasLow = state.low;
        if (state.low)
          app.log.error({ freeBytes: state.freeBytes, floorBytes: state.floorBytes }, 'disk nearly full: statement writes are refused (507) until space is freed');
        else app.log.warn({ freeBytes: state.freeBytes, floorBytes: state.floorBytes }, 'disk space is back above the floor: statement writes resume');
      }
      return state;
    }

    app.decorate('floor', {
      admit(who, kind, items, { single = false } = {}) {
        const state = diskState();
        if (state.low) {
          refused.diskLow++;
          throw diskRefusal(state);
        }
        const admission = perRoute[kind].admit(typeof who === 'string' ? who : clientKey(who, kind), items.map(sizeOf));
        if (admission.kind === 'admitted') return;
        if (admission.kind === 'over-budget') refused.overBudget++;
        else refused.tooLarge++;
        throw refusal(admission, budgets[kind], kind, single);
      },
      status: () => ({ disk: diskState(), budgets, refused: { ...refused } }),
    } satisfies Floor);
  },
  { name: 'ruyi-floor', fastify: '5.x' },
);
