// Class visits, seats and certificates on PostgreSQL (migrations/postgres/010_classes.sql). Taking a seat is one UPDATE
// of the class's row (it locks the row), so two devices joining at once on two hub processes get two seats.
import type { Kysely } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';
import { classQueries, classStoreWith, refusedCode, toClass, type ClassStore, type Exec } from './store.ts';

export function createPostgresClassStore(db: Kysely<RuyiDatabase>, now: () => number = Date.now, drawCode?: () => string): ClassStore {
  const q = classQueries(db);
  const exec: Exec = {
    all: async (query) => (await db.executeQuery(query.compile() as never)).rows as never,
    first: async (query) => (await db.executeQuery(query.compile() as never)).rows[0] as never,
    run: async (query) => Number((await db.executeQuery(query.compile() as never)).numAffectedRows ?? 0n),
  };
  return classStoreWith(
    q,
    exec,
    (code, platform, at, tokenHash) =>
      db.transaction().execute(async (trx) => {
        const tq = classQueries(trx);
        const taken = await tq.takeSeat(code, at).executeTakeFirst();
        if (!taken) return refusedCode(await tq.classByCode(code).executeTakeFirst());
        await tq.insertSeat({ class_id: taken.id, seat: Number(taken.joined), token_hash: tokenHash, platform, joined_at: at, last_seen_at: at }).execute();
        return toClass(taken);
      }),
    now,
    drawCode,
  );
}
