// The forwarder's queue and ledger on PostgreSQL (002_sync.sql), for a hub that forwards on to another LRS, and the
// hub's view of its parks. Reading by seq is safe although a sequence hands numbers out before commit: every
// transaction that inserts statements takes pg_advisory_xact_lock(7361305) first, so seqs commit in the order they are
// handed out and the cursor never passes a statement still in flight. Seqs do have gaps (a rolled-back insert keeps its
// numbers), so the backlog is counted, never max(seq) - cursor.
import type { QuarantineEntry, QueuedStatement, SyncProgress } from '@ruyi/sync';
import { sql, type Kysely } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';
import { deliveriesQuery, toDelivery } from './deliveries.ts';
import { fitBatch, ms, progressOf, quarantineEntryOf, type SyncLedgerStore, type SyncQueue, type SyncStore } from './store.ts';

const iso = (ms: number) => new Date(ms).toISOString();

function postgresQueue(db: Kysely<RuyiDatabase>): SyncQueue {
  return {
    after: async (afterSeq, limit) =>
      fitBatch((await db.selectFrom('statements').select(['seq', 'id', 'body']).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()) as QueuedStatement[]),
    async countAfter(afterSeq) {
      const row = await db
        .selectFrom('statements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('seq', '>', afterSeq)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async get(seq) {
      return ((await db.selectFrom('statements').select(['seq', 'id', 'body']).where('seq', '=', seq).executeTakeFirst()) as QueuedStatement | undefined) ?? null;
    },
  };
}

async function postgresLedger(db: Kysely<RuyiDatabase>, target: string): Promise<SyncLedgerStore> {
  await db.insertInto('sync_state').values({ target }).onConflict((oc) => oc.column('target').doNothing()).execute();
  const state = () => db.updateTable('sync_state').where('target', '=', target);
  const quarantineRow = (seq: number) => db.updateTable('sync_quarantine').where('target', '=', target).where('seq', '=', seq);

  return {
    async read(): Promise<SyncProgress> {
      const row = await db.selectFrom('sync_state').selectAll().where('target', '=', target).executeTakeFirstOrThrow();
      return progressOf(row);
    },
    async delivered(cursor, at) {
      await state()
        .set({ cursor: sql<number>`greatest(cursor, ${cursor})`, last_success_at: iso(at), last_error_at: null, last_error: null, last_error_status: null })
        .execute();
    },
    async quarantine(entry) {
      // The refusal and the cursor past it in one commit: a crash between them would send the statement again.
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('sync_quarantine')
          .values({ target, seq: entry.seq, statement_id: entry.id, status: entry.status, reason: entry.reason, quarantined_at: iso(entry.at) })
          .onConflict((oc) =>
            oc.columns(['target', 'seq']).doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              reason: eb.ref('excluded.reason'),
              quarantined_at: eb.ref('excluded.quarantined_at'),
              attempts: sql<number>`sync_quarantine.attempts + 1`,
            })),
          )
          .execute();
        await tx
          .updateTable('sync_state')
          .set({ cursor: sql<number>`greatest(cursor, ${entry.seq})` })
          .where('target', '=', target)
          .execute();
      });
    },
    async failed(error) {
      await state().set({ last_error_at: iso(error.at), last_error: error.message, last_error_status: error.status ?? null }).execute();
    },
    async setStopped(stop) {
      await state()
        .set({ stopped_at: stop ? iso(stop.at) : null, stopped_reason: stop?.reason ?? null, stopped_credentials: stop?.credentials ?? null })
        .execute();
    },
    async quarantined(): Promise<QuarantineEntry[]> {
      // No foreign key holds a quarantined statement here (statements are partitioned): one whose month retention
      // dropped, or that was erased, can never be sent, so its row goes.
      await db
        .deleteFrom('sync_quarantine')
        .where('target', '=', target)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('statement_ids').select('statement_ids.seq').whereRef('statement_ids.id', '=', 'sync_quarantine.statement_id'))),
        )
        .execute();
      const rows = await db.selectFrom('sync_quarantine').selectAll().where('target', '=', target).orderBy('seq').execute();
      return rows.map(quarantineEntryOf);
    },
    async release(seq) {
      await db.deleteFrom('sync_quarantine').where('target', '=', target).where('seq', '=', seq).execute();
    },
    async refused(seq, status, reason, at) {
      await quarantineRow(seq)
        .set({ status, reason, quarantined_at: iso(at), attempts: sql<number>`attempts + 1` })
        .execute();
    },
    async discard(seq, at) {
      await quarantineRow(seq).set({ discarded_at: iso(at) }).where('discarded_at', 'is', null).execute();
    },
  };
}

/** The sync store over a PostgreSQL database (migrations/postgres). */
export function createPostgresSyncStore(db: Kysely<RuyiDatabase>): SyncStore {
  const ledgers = new Map<string, Promise<SyncLedgerStore>>();
  return {
    queue: postgresQueue(db),
    ledger(target) {
      let ledger = ledgers.get(target);
      if (!ledger) {
        ledger = postgresLedger(db, target);
        // A failed first use (the database away) is tried again next time rather than remembered.
        ledger.catch(() => ledgers.delete(target));
        ledgers.set(target, ledger);
      }
      return ledger;
    },
    async deliveries() {
      return (await deliveriesQuery(db).execute()).map(toDelivery);
    },
  };
}
