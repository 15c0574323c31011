// Erasure and retention on PostgreSQL (migrations/postgres/001_xapi.sql): the same rules as the SQLite code (erase.ts,
// retention.ts, delete.ts), written for the partitioned tables. A statement's rows are its row in `statements`, its
// `statement_ids` row (the id's uniqueness across months), its agent and activity references, its quarantine entries,
// and dictionary keys and attachment bytes nothing else names any more.
//
// Retention deletes rows in batches, which keeps the rule exact (a month is rarely all forwarded at once). When a pass
// has nothing more to delete, each month wholly before the cutoff whose partitions it left empty is dropped: the
// month's files go back to the file system at once, where deleted rows would wait for VACUUM and stay as bloat.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';
import { countPostgresDocumentsFor, deletePostgresDocumentsFor } from '../xapi/documents/postgres.ts';
import type { EraseDocumentsTarget } from '../xapi/documents/store.ts';
import { agentsOf } from '../xapi/store.ts';
import { pgText } from '../xapi/store-postgres.ts';
import type { Agent, Statement } from '../xapi/lib.ts';
import { countPostgresClassVisit, erasePostgresClassVisit, expirePostgresClasses, visitOfErasure } from './classes.ts';
import { attachmentHashes, type Deleted } from './delete.ts';
import type { ErasePlan, EraseResult, EraseTarget } from './erase.ts';
import type { ExpiryRule, StatementDeletionStore } from './store.ts';

type Trx = Transaction<RuyiDatabase>;

/** A statement to delete: its seq, and its partition key and id (to find its other rows without a full scan). */
interface Doomed {
  seq: number;
  stored: string;
  id: string;
}

/**
 * The lock every transaction that inserts statements takes first (001_xapi.sql). Deleting under it too means no
 * statement naming an agent or activity can be written while its dictionary key is found unreferenced and deleted
 * (the insert's foreign key would then fail), and erasure's plan cannot miss a statement committed meanwhile. Batches
 * are short, as SQLite's write lock is.
 */
const STATEMENTS_LOCK = 7361305;

/** Rows deleted per round trip: the arrays stay small, and every query reads few partitions. */
const CHUNK = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An authority no agent key can match: agentsOf without the authority, so a client's own key never selects its statements. */
const NO_AUTHORITY = { objectType: 'Group' } as unknown as Agent;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The stored range of some statements, [from, to): with it, a delete by seq reads only their months' partitions. Times
 * come back in milliseconds (database.ts) while a timestamptz may hold microseconds, so the end is a millisecond later.
 */
function storedRange(rows: readonly Doomed[]): [string, string] {
  let lo = Date.parse(rows[0]!.stored);
  let hi = lo;
  for (const r of rows) {
    const t = Date.parse(r.stored);
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return [new Date(lo).toISOString(), new Date(hi + 1).toISOString()];
}

/** Deletes these statements and what only they name; call inside a transaction holding STATEMENTS_LOCK. */
async function deleteStatements(trx: Trx, doomed: readonly Doomed[]): Promise<Deleted> {
  const hashes = new Set<string>();
  let statements = 0;
  for (const part of chunks(doomed)) {
    const seqs = part.map((r) => r.seq);
    const [lo, hi] = storedRange(part);
    const gone = await trx
      .deleteFrom('statements')
      .where('seq', '=', (eb) => eb.fn.any(eb.val(seqs)))
      .where('stored', '>=', lo)
      .where('stored', '<', hi)
      .returning(['id', 'body'])
      .execute();
    statements += gone.length;
    for (const { body } of gone) for (const h of attachmentHashes(body)) hashes.add(h.toLowerCase());
    if (gone.length)
      await trx
        .deleteFrom('statement_ids')
        .where('id', '=', (eb) => eb.fn.any(eb.val(gone.map((g) => g.id))))
        .execute();
    const agents = await trx
      .deleteFrom('statement_agent_refs')
      .where('seq', '=', (eb) => eb.fn.any(eb.val(seqs)))
      .where('stored', '>=', lo)
      .where('stored', '<', hi)
      .returning('agent')
      .execute();
    const activities = await trx
      .deleteFrom('statement_activity_refs')
      .where('seq', '=', (eb) => eb.fn.any(eb.val(seqs)))
      .where('stored', '>=', lo)
      .where('stored', '<', hi)
      .returning('activity')
      .execute();
    // An erased visitor's identifier must not stay behind in the dictionary once nothing refers to it.
    const agentIds = [...new Set(agents.map((a) => a.agent))];
    if (agentIds.length)
      await trx
        .deleteFrom('statement_agent_keys as k')
        .where('k.id', '=', (eb) => eb.fn.any(eb.val(agentIds)))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('statement_agent_refs as r').select(sql.lit(1).as('one')).whereRef('r.agent', '=', 'k.id'))))
        .execute();
    const activityIds = [...new Set(activities.map((a) => a.activity))];
    if (activityIds.length)
      await trx
        .deleteFrom('statement_activity_iris as i')
        .where('i.id', '=', (eb) => eb.fn.any(eb.val(activityIds)))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('statement_activity_refs as r').select(sql.lit(1).as('one')).whereRef('r.activity', '=', 'i.id'))))
        .execute();
    await trx
      .deleteFrom('sync_quarantine')
      .where('seq', '=', (eb) => eb.fn.any(eb.val(seqs)))
      .execute();
    // Its statistics facts go with it (the cubes' counts stay: they name no visit), and, for an erased visit still
    // under way, what the statistics remember of it.
    const facts = await trx
      .deleteFrom('statement_facts')
      .where('seq', '=', (eb) => eb.fn.any(eb.val(seqs)))
      .returning('visit_id')
      .execute();
    const visits = [...new Set(facts.map((f) => f.visit_id))];
    if (visits.length)
      await trx
        .deleteFrom('stat_replay_memory')
        .where('visit_id', '=', (eb) => eb.fn.any(eb.val(visits)))
        .execute();
  }
  // Bodies hold the hash as text: a plain search (every partition), run only for the few statements with attachments.
  let attachments = 0;
  for (const h of hashes) {
    const named = await trx
      .selectFrom('statements')
      .select(sql.lit(1).as('one'))
      .where(sql<boolean>`strpos(body, ${h}) > 0`)
      .limit(1)
      .executeTakeFirst();
    if (!named) attachments += Number((await trx.deleteFrom('attachments').where('sha2', '=', h).executeTakeFirst()).numDeletedRows);
  }
  return { statements, attachments };
}

const documentsOf = (target: EraseTarget): EraseDocumentsTarget =>
  'registration' in target ? { registration: target.registration } : { agent: target.agentKey };

async function plan(trx: Trx, target: EraseTarget, syncTarget: string | null): Promise<ErasePlan & { doomed: Doomed[] }> {
  const found = new Map<number, Doomed>();
  if ('registration' in target) {
    // The column is a uuid: anything else names no statement (and must not make the query fail).
    if (UUID.test(target.registration))
      for (const row of await trx.selectFrom('statements').select(['seq', 'stored', 'id']).where('registration', '=', target.registration.toLowerCase()).execute())
        found.set(row.seq, row);
  } else {
    const candidates = await trx
      .selectFrom('statement_agent_keys as k')
      .innerJoin('statement_agent_refs as r', 'r.agent', 'k.id')
      .innerJoin('statements as s', (join) => join.onRef('s.seq', '=', 'r.seq').onRef('s.stored', '=', 'r.stored'))
      .select(['s.seq', 's.stored', 's.id', 's.body'])
      .where('k.key', '=', pgText(target.agentKey))
      .execute();
    for (const { body, ...row } of candidates) {
      const agents = agentsOf(JSON.parse(body) as Statement, NO_AUTHORITY);
      if (agents.direct.has(target.agentKey) || agents.related.has(target.agentKey)) found.set(row.seq, row);
    }
  }
  // Statements referring to an erased one (a voiding statement's StatementRef), and those referring to them.
  let frontier = [...found.values()].map((r) => r.id);
  while (frontier.length) {
    const next: string[] = [];
    for (const ids of chunks(frontier)) {
      const referring = await trx
        .selectFrom('statements')
        .select(['seq', 'stored', 'id'])
        .where('object_statement_id', '=', (eb) => eb.fn.any(eb.val(ids)))
        .execute();
      for (const row of referring) if (!found.has(row.seq)) (found.set(row.seq, row), next.push(row.id));
    }
    frontier = next;
  }
  const doomed = [...found.values()].sort((a, b) => a.seq - b.seq);
  let forwarded = 0;
  if (syncTarget !== null) {
    const state = await trx.selectFrom('sync_state').select('cursor').where('target', '=', syncTarget).executeTakeFirst();
    const cursor = state?.cursor ?? 0;
    const held = new Set((await trx.selectFrom('sync_quarantine').select('seq').where('target', '=', syncTarget).execute()).map((r) => Number(r.seq)));
    forwarded = doomed.filter((r) => r.seq <= cursor && !held.has(r.seq)).length;
  }
  const visit = visitOfErasure(target);
  const classRows = visit !== null ? await countPostgresClassVisit(trx, visit) : { classVisits: 0, certificates: 0 };
  return { doomed, seqs: doomed.map((r) => r.seq), forwarded, documents: await countPostgresDocumentsFor(trx, documentsOf(target)), ...classRows };
}

async function expired(trx: Trx, cutoff: string, rule: ExpiryRule, limit: number): Promise<Doomed[]> {
  // By seq, not by stored: rows arrive in stored order, so the order is the same, and the primary key (seq, stored)
  // of each old month's partition serves it without sorting the month.
  const old = trx.selectFrom('statements').select(['seq', 'stored', 'id']).where('stored', '<', cutoff).orderBy('seq').limit(limit);
  if (rule.syncTarget !== null) {
    const state = await trx.selectFrom('sync_state').select('cursor').where('target', '=', rule.syncTarget).executeTakeFirst();
    return old
      .where('seq', '<=', state?.cursor ?? 0)
      .where('seq', 'not in', (eb) =>
        eb.selectFrom('sync_quarantine').select('seq').where('target', '=', rule.syncTarget!).where('discarded_at', 'is', null),
      )
      .execute();
  }
  return rule.withoutSync === 'delete' ? old.execute() : [];
}

/** The tables partitioned by month (001_xapi.sql): a month goes only when all three of its partitions are empty. */
const MONTHLY = ['statements', 'statement_agent_refs', 'statement_activity_refs'] as const;

/** Drops the month partitions that end at or before `cutoff` and hold no row in any of the three tables; returns the months. */
export async function dropEmptyMonths(trx: Trx, cutoff: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent::regclass::text IN (${sql.join(MONTHLY.map((t) => sql.lit(t)))}) AND c.relname ~ '_p[0-9]{4}_[0-9]{2}$'`.execute(trx);
  const byMonth = new Map<string, string[]>();
  for (const { name } of rows) {
    const month = name.slice(-7); // YYYY_MM
    byMonth.set(month, [...(byMonth.get(month) ?? []), name]);
  }
  const dropped: string[] = [];
  for (const [month, parts] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const [year, m] = month.split('_').map(Number) as [number, number];
    if (new Date(Date.UTC(year, m, 1)).toISOString() > cutoff) continue; // the month ends after the cutoff
    const { rows: held } = await sql<{ any: boolean }>`SELECT ${sql.join(
      parts.map((part) => sql`EXISTS (SELECT 1 FROM ${sql.table(part)})`),
      sql` OR `,
    )} AS any`.execute(trx);
    if (held[0]?.any) continue;
    for (const part of parts) await sql`DROP TABLE ${sql.table(part)}`.execute(trx);
    dropped.push(month.replace('_', '-'));
  }
  return dropped;
}

export function createPostgresStatementDeletion(db: Kysely<RuyiDatabase>): StatementDeletionStore {
  const locked = <T>(work: (trx: Trx) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${sql.lit(STATEMENTS_LOCK)})`.execute(trx);
      return work(trx);
    });
  return {
    async planErase(target, syncTarget) {
      const { doomed: _, ...rest } = await db.transaction().setAccessMode('read only').execute((trx) => plan(trx, target, syncTarget));
      return rest;
    },
    async erase(target, syncTarget): Promise<EraseResult> {
      return locked(async (trx) => {
        const { doomed, ...planned } = await plan(trx, target, syncTarget);
        const deleted = await deleteStatements(trx, doomed);
        const documents = await deletePostgresDocumentsFor(trx, documentsOf(target));
        const visit = visitOfErasure(target);
        const classRows = visit !== null ? await erasePostgresClassVisit(trx, visit) : { classVisits: 0, certificates: 0 };
        // No `records` table on PostgreSQL: the older device records are a park server's, never a hub's.
        return { ...planned, ...deleted, records: 0, documents, ...classRows };
      });
    },
    async expire(cutoff, rule, limit) {
      if (rule.syncTarget === null && rule.withoutSync === 'keep') return 0;
      return locked(async (trx) => {
        const doomed = await expired(trx, cutoff, rule, limit);
        const { statements } = await deleteStatements(trx, doomed);
        if (doomed.length < limit) await dropEmptyMonths(trx, cutoff);
        return statements;
      });
    },
    async expireClasses(cutoff) {
      return db.transaction().execute((trx) => expirePostgresClasses(trx, cutoff));
    },
  };
}
