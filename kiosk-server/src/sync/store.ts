// What statement sync keeps, as asynchronous interfaces: the queue the forwarder reads (the stored statements in seq
// order), its ledger per target (cursor, last success and error, stop, quarantine), and a hub's view of what each
// park's client delivered. Two implementations: sqlite.ts (the park's file) and postgres.ts (the city's hub); the
// plugin decorates `app.syncStore` with the one for `app.storage.dialect`.
import type { QuarantineEntry, QueuedStatement, StatementQueue, SyncError, SyncLedger, SyncProgress, SyncStop } from '@ruyi/sync';
import type { Selectable } from 'kysely';
import type { SyncQuarantineTable, SyncStateTable } from '../storage/schema.ts';
import { JSON_LIMIT } from '../xapi/statements.ts';

/**
 * The largest request body a batch makes: a hub (this server in hub mode) refuses a JSON body over JSON_LIMIT with
 * 413, which the forwarder would take as a refusal and answer by sending each half again. So a batch of large
 * statements holds fewer than the batch size.
 */
export const MAX_BATCH_BYTES = JSON_LIMIT;

/**
 * The longest run of `rows` from the first whose batch payload (`[b1,b2,…]`) stays within `maxBytes`: at least one
 * row, so a statement that is larger on its own is still sent (and refused and quarantined by the forwarder as before).
 */
export function fitBatch<T extends QueuedStatement>(rows: T[], maxBytes = MAX_BATCH_BYTES): T[] {
  let bytes = 1;
  for (let i = 0; i < rows.length; i++) {
    bytes += Buffer.byteLength(rows[i]!.body) + 1; // the body and its comma (or the closing bracket)
    if (bytes > maxBytes) return rows.slice(0, Math.max(1, i));
  }
  return rows;
}

/** An ISO 8601 time as stored, in ms (null stays null). */
export const ms = (text: string | null) => (text === null ? null : Date.parse(text));

/** A row of sync_quarantine as the ledger reports it, the same on both stores. */
export function quarantineEntryOf(r: Omit<Selectable<SyncQuarantineTable>, 'target'>): QuarantineEntry {
  return {
    seq: r.seq,
    id: r.statement_id,
    status: r.status,
    reason: r.reason,
    at: Date.parse(r.quarantined_at),
    attempts: r.attempts,
    discardedAt: ms(r.discarded_at),
  };
}

/** A target's row of sync_state as the ledger reports it, the same on both stores. */
export function progressOf(row: Omit<Selectable<SyncStateTable>, 'target'>): SyncProgress {
  return {
    cursor: row.cursor,
    lastSuccessAt: ms(row.last_success_at),
    lastError:
      row.last_error === null
        ? null
        : { at: ms(row.last_error_at)!, message: row.last_error, ...(row.last_error_status === null ? {} : { status: row.last_error_status }) },
    stopped: row.stopped_reason === null ? null : { at: ms(row.stopped_at)!, reason: row.stopped_reason, credentials: row.stopped_credentials ?? '' },
  };
}

export interface SyncQueue extends StatementQueue {
  /** Up to `limit` statements with seq > `afterSeq`, by seq ascending, as many as fit in MAX_BATCH_BYTES (one at least). */
  after(afterSeq: number, limit: number): Promise<QueuedStatement[]>;
  /** How many statements have seq > `afterSeq` (counted: seqs may have gaps). */
  countAfter(afterSeq: number): Promise<number>;
  get(seq: number): Promise<QueuedStatement | null>;
}

/** One target's ledger. Each write is committed before its promise resolves. */
export interface SyncLedgerStore extends SyncLedger {
  read(): Promise<SyncProgress>;
  delivered(cursor: number, at: number): Promise<void>;
  quarantine(entry: Omit<QuarantineEntry, 'attempts' | 'discardedAt'>): Promise<void>;
  failed(error: SyncError): Promise<void>;
  setStopped(stop: SyncStop | null): Promise<void>;
  quarantined(): Promise<QuarantineEntry[]>;
  release(seq: number, at: number): Promise<void>;
  refused(seq: number, status: number, reason: string, at: number): Promise<void>;
  discard(seq: number, at: number): Promise<void>;
}

/** What one xAPI client that sends statements on (a park's kiosk-server, another hub) delivered here. */
export interface ClientDelivery {
  name: string;
  role: 'kiosk' | 'hub';
  /** ISO 8601; set when the client's credentials were revoked. */
  revokedAt: string | null;
  /** ISO 8601: when the newest statement it sent was stored here; null when none is stored. */
  lastDeliveryAt: string | null;
  /** Statements from it stored here (erased or expired ones are no longer counted). */
  delivered: number;
}

export interface SyncStore {
  readonly queue: SyncQueue;
  /** The ledger for one target address; its row is made on first use. */
  ledger(target: string): Promise<SyncLedgerStore>;
  /**
   * Every client of role kiosk or hub that has statements stored here, and every active one that has none yet (a park
   * not heard from), by name.
   */
  deliveries(): Promise<ClientDelivery[]>;
}
