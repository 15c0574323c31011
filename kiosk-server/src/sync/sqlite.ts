// The forwarder's queue and ledger over the server's SQLite file: the queue is the `statements` table in seq order
// (the LRS's own store, read only), the ledger is sync_state and sync_quarantine (004_sync.sql). Every ledger write is
// one transaction, committed (fsynced: synchronous = FULL) before it returns, so the forwarder's "cursor before the
// next send" holds across a power cut. The work is synchronous on the one better-sqlite3 connection (no other
// request's queries can land inside a transaction); createSqliteSyncStore gives it the asynchronous SyncStore shape.
import type { QuarantineEntry, QueuedStatement, StatementQueue, SyncError, SyncLedger, SyncProgress, SyncStop } from '@ruyi/sync';
import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { SyncStateTable } from '../storage/schema.ts';
import type { StorageDatabase } from '../storage/database.ts';
import { fitBatch, ms, progressOf, quarantineEntryOf, type ClientDelivery, type SyncLedgerStore, type SyncQueue, type SyncStore } from './store.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function sqliteQueue(db: Database.Database) {
  const after = db.prepare<[number, number], QueuedStatement>('SELECT seq, id, body FROM statements WHERE seq > ? ORDER BY seq LIMIT ?');
  // seq comes from AUTOINCREMENT (a rolled-back insert gives its numbers back), so the count after a seq is a
  // subtraction: COUNT(*) over a million-row backlog took ~1.9 s and blocked the server every time the admin page
  // polled. Erased and expired statements leave gaps; a trigger records each in statements_deleted (007_erasure.sql),
  // and the gaps between the cursor and the newest statement are subtracted too.
  const countAfter = db
    .prepare<{ after: number }, number>(
      `WITH top(seq) AS (SELECT coalesce(max(seq), 0) FROM statements)
       SELECT max(0, top.seq - @after - (SELECT count(*) FROM statements_deleted d WHERE d.seq > @after AND d.seq < top.seq)) FROM top`,
    )
    .pluck();
  const get = db.prepare<[number], QueuedStatement>('SELECT seq, id, body FROM statements WHERE seq = ?');
  return {
    after: (afterSeq: number, limit: number) => fitBatch(after.all(afterSeq, limit)),
    countAfter: (afterSeq: number) => countAfter.get({ after: afterSeq }) ?? 0,
    get: (seq: number) => get.get(seq) ?? null,
  } satisfies StatementQueue;
}

type StateRow = Omit<Selectable<SyncStateTable>, 'target'>;

interface QuarantineRow {
  seq: number;
  statement_id: string;
  status: number;
  reason: string;
  quarantined_at: string;
  attempts: number;
  discarded_at: string | null;
}

/** The ledger for one target address; its row is made on first use. */
export function sqliteLedger(db: Database.Database, target: string) {
  db.prepare('INSERT OR IGNORE INTO sync_state (target) VALUES (?)').run(target);
  const read = db.prepare<[string], StateRow>('SELECT * FROM sync_state WHERE target = ?');
  const delivered = db.prepare(
    'UPDATE sync_state SET cursor = max(cursor, ?), last_success_at = ?, last_error_at = NULL, last_error = NULL, last_error_status = NULL WHERE target = ?',
  );
  const moveCursor = db.prepare('UPDATE sync_state SET cursor = max(cursor, ?) WHERE target = ?');
  const insertQuarantine = db.prepare(
    `INSERT INTO sync_quarantine (target, seq, statement_id, status, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (target, seq) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       quarantined_at = excluded.quarantined_at, attempts = attempts + 1`,
  );
  const failed = db.prepare('UPDATE sync_state SET last_error_at = ?, last_error = ?, last_error_status = ? WHERE target = ?');
  const stopped = db.prepare('UPDATE sync_state SET stopped_at = ?, stopped_reason = ?, stopped_credentials = ? WHERE target = ?');
  const list = db.prepare<[string], QuarantineRow>('SELECT * FROM sync_quarantine WHERE target = ? ORDER BY seq');
  const release = db.prepare('DELETE FROM sync_quarantine WHERE target = ? AND seq = ?');
  const refused = db.prepare(
    'UPDATE sync_quarantine SET status = ?, reason = ?, quarantined_at = ?, attempts = attempts + 1 WHERE target = ? AND seq = ?',
  );
  const discard = db.prepare('UPDATE sync_quarantine SET discarded_at = ? WHERE target = ? AND seq = ? AND discarded_at IS NULL');
  const quarantine = db.transaction((entry: Omit<QuarantineEntry, 'attempts' | 'discardedAt'>) => {
    insertQuarantine.run(target, entry.seq, entry.id, entry.status, entry.reason, iso(entry.at));
    moveCursor.run(entry.seq, target);
  });

  return {
    read(): SyncProgress {
      const row = read.get(target)!;
      return progressOf(row);
    },
    delivered(cursor: number, at: number) {
      delivered.run(cursor, iso(at), target);
    },
    quarantine(entry: Omit<QuarantineEntry, 'attempts' | 'discardedAt'>) {
      quarantine(entry);
    },
    failed(error: SyncError) {
      failed.run(iso(error.at), error.message, error.status ?? null, target);
    },
    setStopped(stop: SyncStop | null) {
      stopped.run(stop ? iso(stop.at) : null, stop?.reason ?? null, stop?.credentials ?? null, target);
    },
    quarantined: (): QuarantineEntry[] =>
      list.all(target).map(quarantineEntryOf),
    release(seq: number, _at: number) {
      release.run(target, seq);
    },
    refused(seq: number, status: number, reason: string, at: number) {
      refused.run(status, reason, iso(at), target, seq);
    },
    discard(seq: number, at: number) {
      discard.run(iso(at), target, seq);
    },
  } satisfies SyncLedger;
}

/** Runs each method of a synchronous implementation and hands its result (or its error) back as a promise. */
function promised<T extends object>(sync: T): { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never } {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(sync)) {
    out[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve((fn as (...a: unknown[]) => unknown)(...args));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return out as never;
}

/** The sync store over the SQLite file under `storage` (its better-sqlite3 connection). */
export function createSqliteSyncStore(storage: StorageDatabase): SyncStore {
  const db = storage.sqlite;
  if (!db) throw new Error('createSqliteSyncStore needs the SQLite storage (storage.sqlite is null)');
  const queue: SyncQueue = promised(sqliteQueue(db));
  const ledgers = new Map<string, SyncLedgerStore>();
  const deliveries = sqliteDeliveries(db);
  return {
    queue,
    async ledger(target) {
      let ledger = ledgers.get(target);
      if (!ledger) {
        ledger = promised(sqliteLedger(db, target));
        ledgers.set(target, ledger);
      }
      return ledger;
    },
    async deliveries() {
      return deliveries();
    },
  };
}

interface Tally {
  delivered: number;
  last: string | null;
}

/**
 * What each client delivered, kept up to date from the statements added since the last look: `statements` has no
 * index on client_id (adding one costs every insert), and grouping a million statements holds the server for about
 * two seconds, which an open sync page must not do again and again. SQLite hands seqs out in commit order and never
 * reuses one, so the statements after the highest seq seen are exactly the new ones; a deleted statement (erasure,
 * retention: recorded in statements_deleted) makes the next look count everything again.
 */
function sqliteDeliveries(db: Database.Database) {
  const top = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM statements').pluck();
  const deleted = db.prepare<[], number>('SELECT count(*) FROM statements_deleted').pluck();
  const since = db.prepare<[number, number], { client_id: number; delivered: number; last: string }>(
    'SELECT client_id, count(*) AS delivered, max(stored) AS last FROM statements WHERE seq > ? AND seq <= ? AND client_id IS NOT NULL GROUP BY client_id',
  );
  const clients = db.prepare<[], { id: number; name: string; role: ClientDelivery['role']; revoked_at: string | null }>(
    "SELECT id, name, role, revoked_at FROM xapi_clients WHERE role IN ('kiosk', 'hub') ORDER BY name",
  );
  let seen: { top: number; deleted: number; byClient: Map<number, Tally> } | null = null;
  return db.transaction((): ClientDelivery[] => {
    const now = { top: top.get() ?? 0, deleted: deleted.get() ?? 0 };
    if (!seen || seen.deleted !== now.deleted || now.top < seen.top) seen = { top: 0, deleted: now.deleted, byClient: new Map() };
    for (const row of since.all(seen.top, now.top)) {
      const tally = seen.byClient.get(row.client_id) ?? { delivered: 0, last: null };
      tally.delivered += row.delivered;
      if (tally.last === null || row.last > tally.last) tally.last = row.last;
      seen.byClient.set(row.client_id, tally);
    }
    seen.top = now.top;
    const byClient = seen.byClient;
    return clients
      .all()
      .map((c) => ({ c, tally: byClient.get(c.id) }))
      .filter(({ c, tally }) => tally !== undefined || c.revoked_at === null)
      .map(({ c, tally }) => ({ name: c.name, role: c.role, revokedAt: c.revoked_at, lastDeliveryAt: tally?.last ?? null, delivered: tally?.delivered ?? 0 }));
  });
}
