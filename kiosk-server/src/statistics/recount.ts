// Counting the statistics again from the first statement: for a change that alters the facts of statements already
// rolled up (a park's client put in a district on a hub). It empties the facts, the replay memory and every cube and
// moves the follower's cursor back before the first statement; the follower (rollup.ts) then re-counts in its
// batches. Run inside the transaction of the change itself, so the facts never mix the old and the new. The re-count
// ends at the cursor it started from: `stat_cursor.recounts` says it happened, for what keeps reports by cursor.
// Emptying is one transaction: on SQLite it holds other writes while it deletes (1.4 s for a million facts rows on a
// 2-core machine), on PostgreSQL only the follower waits.
import { CUBE_NAMES } from '@ruyi/statistics';
import type { Compilable, Kysely } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';

/**
 * The writes of a re-count, given the cursor as it is now (read in the same transaction). The new cursor is below
 * every seq (so everything is read again) and below any value the cursor held before: a batch a follower read before
 * the re-count then fails its cursor check (it moves the cursor only from where it read it) even if it had started at
 * the very beginning, and is discarded rather than written with the old facts.
 */
export function recountWrites(qb: Kysely<RuyiDatabase>, cursor: number, now: number = Date.now()): Compilable<unknown>[] {
  return [
    qb.deleteFrom('statement_facts'),
    qb.deleteFrom('stat_replay_memory'),
    ...CUBE_NAMES.map((cube) => qb.deleteFrom(`stat_${cube}`)),
    qb
      .updateTable('stat_cursor')
      .set((eb) => ({ seq: Math.min(cursor, -now) - 1, recounts: eb('recounts', '+', 1) }))
      .where('id', '=', 1),
  ];
}

/** The follower's cursor (read it inside the re-count's transaction). */
export const cursorQuery = (qb: Kysely<RuyiDatabase>) => qb.selectFrom('stat_cursor').select('seq').where('id', '=', 1);
