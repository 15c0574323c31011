// The statement store on PostgreSQL (migrations/postgres/001_xapi.sql), for a city's hub: several processes behind one
// database. What SQLite's store does statement by statement, this does set-wise per request, so a request of 500
// statements is a handful of round trips:
//   * `statement_ids` first: the ids that do not come back from its INSERT … ON CONFLICT DO NOTHING were stored before
//     (a duplicate, or a 409 when the content differs); `statements` is partitioned and cannot hold a unique id;
//   * every write carries `stored`, the partition key, so it lands in one month's partition, and lookups by id go
//     through `statement_ids` with `stored` to read one partition;
//   * agents and activities go into their dictionaries (each key once) and a statement refers to them by number;
//   * every transaction that inserts statements first takes pg_advisory_xact_lock(STATEMENTS_LOCK): seqs are handed
//     out and committed in the same order across every hub process, so a reader paging by seq (the forwarder, `more`)
//     never passes a statement that commits later with a smaller seq.
// Group commit, as on SQLite: the requests queued while a transaction is under way share the next one (one COMMIT, one
// WAL flush), each answered after that COMMIT. The group is written by one statement (insertGroup: ids, rows,
// dictionary keys and references for every request at once, so a transaction is BEGIN, one statement, COMMIT);
// only when a request must be undone alone (a 409, a value PostgreSQL refuses) or a voiding statement is in the group
// is it rolled back and written the careful way, each request in its own savepoint (insertAll). Either way the
// outcome is that of the requests stored one after another in queue order.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { createHash } from 'node:crypto';
import type { RuyiDatabase } from '../storage/schema.ts';
import { sameStatement, VOIDED_VERB, type Statement } from './lib.ts';
import {
  activitiesOf,
  agentsOf,
  SOURCES_PAGE,
  StatementConflict,
  VoidingForbidden,
  VoidingRejected,
  type AttachmentBytes,
  type InsertOutcome,
  type Pending,
  type QueryPage,
  type StatementItem,
  type StatementQuery,
  type StatementStore,
  type StoredStatement,
  type Writer,
} from './store.ts';

/** The advisory lock every statement-inserting transaction takes (see 001_xapi.sql). */
export const STATEMENTS_LOCK = 7361305;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Longer values are kept as a digest (see pgText): a btree index entry holds at most about 2.7 kB. */
const MAX_TEXT_BYTES = 2000;

/**
 * A client's text as PostgreSQL keeps it in an indexed column (agent keys, activity IRIs, verb ids) and compares it
 * there. SQLite keeps any string; PostgreSQL's text cannot hold U+0000 (xAPI allows it: an account name is any string),
 * and its btree indexes refuse an entry over about 2.7 kB. So a value with U+0000 is kept as its JSON string, and a
 * value still longer than MAX_TEXT_BYTES as `#sha256:` and its digest. Every other value is itself; no agent key
 * (`mbox:`, `account:`, ...) or IRI starts with a quote or `#`, so two values never share one form, and a query value
 * finds exactly what was stored with it. The statement's body keeps the value as sent.
 */
export function pgText(value: string): string {
  const text = value.includes('\u0000') ? JSON.stringify(value) : value;
  return Buffer.byteLength(text) <= MAX_TEXT_BYTES ? text : `#sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * An ISO 8601 time from a query (since, until) as a Date for the pg driver: PostgreSQL has no year 0000 (it counts
 * 1 BC), which the driver writes as PostgreSQL reads it.
 */
const timeParam = (iso: string) => new Date(iso);

type Db = Kysely<RuyiDatabase>;

interface Existing {
  id: string;
  body: string;
  voiding: boolean;
  client_id: number | null;
}

interface Row {
  seq: number;
  id: string;
  body: string;
  stored: string;
  authority: string;
  voided: boolean;
  clientId: number | null;
}

const toStored = (row: Row): StoredStatement => ({ ...row, voided: Boolean(row.voided) });

/** A request's statements after the checks that need no database: its first copy of each id, and its answer order. */
interface Planned {
  job: Pending;
  stored: string;
  /** First copies, in request order. */
  unique: { index: number; id: string; item: StatementItem }[];
  order: { id: string; duplicate: boolean }[];
}

/** The request's own repeats: an identical twin is a duplicate, a different one a conflict (thrown). */
function plan(job: Pending, stored: string): Planned {
  const unique: Planned['unique'] = [];
  const inBatch = new Map<string, Statement>();
  const order: Planned['order'] = [];
  job.items.forEach((item, index) => {
    const id = item.statement.id?.toLowerCase();
    if (!id) throw new Error(`[${index}]: the statement has no id; the route assigns one before storing`);
    if (!UUID.test(id)) throw new Error(`[${index}].id: '${id}' is not a UUID; the route checks statements before storing`);
    const earlier = inBatch.get(id);
    if (earlier) {
      if (!sameStatement(earlier, item.statement)) throw new StatementConflict(index, id);
      order.push({ id, duplicate: true });
      return;
    }
    inBatch.set(id, item.statement);
    unique.push({ index, id, item });
    order.push({ id, duplicate: false });
  });
  return { job, stored, unique, order };
}

const refIdOf = (statement: Statement): string | null => {
  const object = statement.object as { objectType?: string; id?: string };
  return object.objectType === 'StatementRef' && typeof object.id === 'string' ? object.id.toLowerCase() : null;
};
const isVoiding = (statement: Statement) => statement.verb.id === VOIDED_VERB && refIdOf(statement) !== null;

/**
 * One request's statements, inside the group's transaction (the caller wraps it in a savepoint): the careful path,
 * request by request, for a group the batched path (insertGroup) cannot take.
 */
async function insertAll(trx: Db, planned: Planned): Promise<InsertOutcome> {
  const { job: { by, attachments }, stored, unique, order } = planned;
  const authority = JSON.stringify(by.authority);
  const outcome: InsertOutcome = { stored: [], duplicates: [] };
  if (unique.length === 0) return { stored: [], duplicates: order.map((o) => o.id) };

  // Ids claimed in request order (nextval runs after the ORDER BY), so seq order is request order. In the same round
  // trip: whether a voiding statement came first and voids the newcomer, which it does only if its author could have
  // voided it: the same client, or a hub client (a kiosk client voids only its own statements).
  const claimed = await sql<{ id: string; seq: number; voided_before: boolean }>`
    WITH claimed AS (
      INSERT INTO statement_ids (id, seq, stored)
      SELECT u.id, nextval('statements_seq'), ${stored}::timestamptz
      FROM unnest(${unique.map((u) => u.id)}::uuid[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n
      ON CONFLICT (id) DO NOTHING
      RETURNING id, seq)
    SELECT c.id::text AS id, c.seq, EXISTS (
      SELECT 1 FROM statements v LEFT JOIN xapi_clients k ON k.id = v.client_id
      WHERE v.object_statement_id = c.id AND v.voiding AND (v.client_id IS NOT DISTINCT FROM ${by.clientId}::integer OR k.role = 'hub')
    ) AS voided_before
    FROM claimed c`.execute(trx);
  const seqOf = new Map(claimed.rows.map((r) => [r.id, r.seq]));

  // Rows already stored that this request needs: its own ids that were not claimed (resends), and voiding targets.
  const wanted = new Set<string>();
  for (const u of unique) {
    if (!seqOf.has(u.id)) wanted.add(u.id);
    const ref = isVoiding(u.item.statement) ? refIdOf(u.item.statement) : null;
    if (ref && UUID.test(ref) && !seqOf.has(ref)) wanted.add(ref);
  }
  const existing = new Map<string, Existing>();
  if (wanted.size) {
    const found = await sql<Existing>`
      SELECT i.id::text AS id, s.body, s.voiding, s.client_id
      FROM statement_ids i JOIN statements s ON s.seq = i.seq AND s.stored = i.stored
      WHERE i.id = ANY(${[...wanted]}::uuid[])`.execute(trx);
    for (const row of found.rows) existing.set(row.id, row);
  }

  // Statements already stored, or claimed by no row (a gap nobody fills: cannot happen under the lock), compare.
  for (const u of unique) {
    if (seqOf.has(u.id)) continue;
    const row = existing.get(u.id);
    if (!row) throw new Error(`statement '${u.id}' is claimed in statement_ids but has no row in statements`);
    if (!sameStatement(JSON.parse(row.body) as Statement, u.item.statement)) throw new StatementConflict(u.index, u.id);
  }
  const fresh = unique.filter((u) => seqOf.has(u.id));

  // Voiding, in request order as SQLite applies it: a target earlier in this request is voided before it is written;
  // one already stored is updated; one later in this request (or a voiding statement stored before) is born voided.
  const voidedNow = new Set<string>();
  const voidStored: string[] = [];
  const position = new Map(fresh.map((u, i) => [u.id, i]));
  fresh.forEach((u, i) => {
    if (!isVoiding(u.item.statement)) return;
    const ref = refIdOf(u.item.statement)!;
    const at = position.get(ref);
    if (at !== undefined) {
      const target = fresh[at]!.item.statement;
      if (isVoiding(target)) {
        if (at < i) throw new VoidingRejected(u.index, u.id, ref);
        return;
      }
      voidedNow.add(ref);
      return;
    }
    const target = existing.get(ref);
    if (!target) return;
    if (target.voiding) throw new VoidingRejected(u.index, u.id, ref);
    if (by.voidsOnlyOwn && target.client_id !== by.clientId) throw new VoidingForbidden(u.index, u.id, ref);
    voidStored.push(ref);
  });
  for (const row of claimed.rows) if (row.voided_before) voidedNow.add(row.id);
  if (voidStored.length)
    await sql`
      UPDATE statements s SET voided = true FROM statement_ids i
      WHERE i.id = ANY(${voidStored}::uuid[]) AND s.seq = i.seq AND s.stored = i.stored AND NOT s.voiding`.execute(trx);

  // Every direct agent or activity is also a related one: one reference each, flagged.
  const agentRefs: Ref[] = [];
  const activityRefs: Ref[] = [];
  for (const { id, item } of fresh) {
    const seq = seqOf.get(id)!;
    const agents = agentsOf(item.statement, by.authority);
    for (const key of agents.related) agentRefs.push({ key, seq, direct: agents.direct.has(key) });
    const activities = activitiesOf(item.statement);
    for (const key of activities.related) activityRefs.push({ key, seq, direct: activities.direct.has(key) });
  }
  const rows = fresh.map(({ id, item: { statement, body, facts } }) => {
    const registration = statement.context?.registration;
    const voiding = isVoiding(statement);
    return sql`(${seqOf.get(id)!}::bigint, ${id}::uuid, ${body}, ${stored}::timestamptz, ${authority}, ${by.clientId}::integer, ${pgText(statement.verb.id)},
      ${statement.timestamp ?? stored}, ${typeof registration === 'string' ? registration.toLowerCase() : null}::uuid, ${refIdOf(statement)}::uuid,
      ${voiding}::boolean, ${!voiding && voidedNow.has(id)}::boolean, ${facts?.kind ?? null}, ${facts?.visitId ?? null}, ${facts?.platform ?? null},
      ${facts?.locale ?? null}, ${facts?.packId ?? null}, ${facts?.scenarioId ?? null}, ${facts?.area ?? null}, ${facts?.runId ?? null},
      ${facts?.scoreScaled ?? null}::double precision, ${facts?.passed ?? null}::boolean, ${facts?.device ?? null}, ${facts?.packVersion ?? null})`;
  });
  // The rows, the dictionary keys and the references in one statement (one round trip). Under the advisory lock no
  // other writer adds keys meanwhile, so the keys found plus those inserted are all of them. A request of resends only
  // writes nothing.
  if (rows.length)
    await sql`
    WITH written AS (
      INSERT INTO statements (seq, id, body, stored, authority, client_id, verb_id, timestamp, registration, object_statement_id,
        voiding, voided, kind, visit_id, platform, locale, pack_id, scenario_id, area, run_id, score_scaled, passed, device, pack_version)
      VALUES ${sql.join(rows)}),
    ${refsSql('agent', refsInput(agentRefs, stored))},
    ${refsSql('activity', refsInput(activityRefs, stored))}
    SELECT 1`.execute(trx);

  if (attachments.length)
    await trx
      .insertInto('attachments')
      .values(attachments.map((a) => ({ sha2: a.sha2.toLowerCase(), content_type: a.contentType, content: Buffer.from(a.content) })))
      .onConflict((oc) => oc.column('sha2').doNothing())
      .execute();

  for (const o of order) (o.duplicate || !seqOf.has(o.id) ? outcome.duplicates : outcome.stored).push(o.id);
  return outcome;
}

interface Ref {
  key: string;
  seq: number;
  direct: boolean;
}

/** References with their statement's seq, for refsSql: (key, seq, stored, direct). */
const refsInput = (refs: Ref[], stored: string) =>
  sql`SELECT key, seq, ${stored}::timestamptz AS stored, direct FROM unnest(${refs.map((r) => pgText(r.key))}::text[], ${refs.map((r) => r.seq)}::bigint[], ${refs.map((r) => r.direct)}::boolean[]) AS t(key, seq, direct)`;

/**
 * CTEs that add the missing keys to a dictionary and write the references: `input` yields (key, seq, stored, direct)
 * (nothing for no references).
 */
function refsSql(kind: 'agent' | 'activity', input: RawBuilder<unknown>) {
  const [dictionary, column, refTable, refColumn] =
    kind === 'agent'
      ? ['statement_agent_keys', 'key', 'statement_agent_refs', 'agent']
      : ['statement_activity_iris', 'iri', 'statement_activity_refs', 'activity'];
  const t = (name: string) => sql.raw(`${kind}_${name}`);
  return sql`
    ${t('input')} AS (${input}),
    ${t('wanted')} AS (SELECT DISTINCT key FROM ${t('input')}),
    ${t('added')} AS (
      INSERT INTO ${sql.table(dictionary)} (${sql.ref(column)})
      SELECT w.key FROM ${t('wanted')} w WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(dictionary)} d WHERE d.${sql.ref(column)} = w.key)
      ON CONFLICT (${sql.ref(column)}) DO NOTHING RETURNING id, ${sql.ref(column)} AS key),
    ${t('dictionary')} AS (SELECT id, key FROM ${t('added')} UNION ALL SELECT d.id, d.${sql.ref(column)} FROM ${sql.table(dictionary)} d JOIN ${t('wanted')} w ON w.key = d.${sql.ref(column)}),
    ${t('refs')} AS (
      INSERT INTO ${sql.table(refTable)} (${sql.ref(refColumn)}, seq, stored, direct)
      SELECT d.id, i.seq, i.stored, i.direct FROM ${t('input')} i JOIN ${t('dictionary')} d USING (key)
      ON CONFLICT DO NOTHING)`;
}

/** The batched path gives the group to the careful one: thrown inside its transaction, which is rolled back. */
class NeedsCareful extends Error {}

/**
 * A whole commit group in one statement (one round trip, however many requests and statements): ids claimed in queue
 * order in `statement_ids` (nextval runs after the ORDER BY, so seq order is queue order), and for the ids claimed the
 * rows, the dictionary keys and the references; a row is born voided when a voiding statement stored before names it
 * (by its author's right, as on the careful path). Then the ids not claimed (resends of stored statements) are
 * compared. It hands the group to the careful path (returns null before writing, or throws NeedsCareful after) for
 * what needs one request undone alone or the rows this statement cannot see: a voiding statement, a resend with other
 * content (a 409), an id that two requests send with different content.
 */
async function insertGroup(conn: Db, group: readonly Planned[]): Promise<InsertOutcome[] | null> {
  // Each id once, in queue order; a later request's copy of an id is that request's duplicate.
  const first = new Map<string, Statement>();
  const rows: { id: string; item: StatementItem; planned: Planned }[] = [];
  const repeats = group.map(() => new Set<string>());
  for (const [p, planned] of group.entries()) {
    for (const u of planned.unique) {
      if (isVoiding(u.item.statement)) return null;
      const earlier = first.get(u.id);
      if (earlier) {
        if (!sameStatement(earlier, u.item.statement)) return null;
        repeats[p]!.add(u.id);
        continue;
      }
      first.set(u.id, u.item.statement);
      rows.push({ id: u.id, item: u.item, planned });
    }
  }

  const claimed = new Map<string, number>();
  if (rows.length) {
    const authorityOf = new Map(group.map((p) => [p, JSON.stringify(p.job.by.authority)]));
    const agentRefs: { key: string; n: number; direct: boolean }[] = [];
    const activityRefs: { key: string; n: number; direct: boolean }[] = [];
    rows.forEach(({ item, planned }, i) => {
      const agents = agentsOf(item.statement, planned.job.by.authority);
      for (const key of agents.related) agentRefs.push({ key: pgText(key), n: i + 1, direct: agents.direct.has(key) });
      const activities = activitiesOf(item.statement);
      for (const key of activities.related) activityRefs.push({ key: pgText(key), n: i + 1, direct: activities.direct.has(key) });
    });
    const refs = (list: typeof agentRefs) =>
      sql`SELECT r.key, f.seq, f.stored, r.direct
        FROM unnest(${list.map((r) => r.key)}::text[], ${list.map((r) => r.n)}::bigint[], ${list.map((r) => r.direct)}::boolean[]) AS r(key, n, direct)
        JOIN fresh f ON f.n = r.n`;
    // The rows go as one JSON document: pg's array parameters escape every element in JavaScript (about 30 times
    // slower than JSON.stringify for statement bodies), and PostgreSQL reads many arrays side by side (ROWS FROM)
    // in more than linear time.
    const { rows: returned } = await sql<{ id: string; seq: number }>`
      WITH input AS (
        SELECT * FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(
          rows.map((r) => {
            const registration = r.item.statement.context?.registration;
            const f = r.item.facts;
            return {
              id: r.id,
              body: r.item.body,
              stored: r.planned.stored,
              authority: authorityOf.get(r.planned)!,
              client_id: r.planned.job.by.clientId,
              verb_id: pgText(r.item.statement.verb.id),
              timestamp: r.item.statement.timestamp ?? r.planned.stored,
              registration: typeof registration === 'string' ? registration.toLowerCase() : null,
              object_statement_id: refIdOf(r.item.statement),
              kind: f?.kind ?? null,
              visit_id: f?.visitId ?? null,
              platform: f?.platform ?? null,
              locale: f?.locale ?? null,
              pack_id: f?.packId ?? null,
              scenario_id: f?.scenarioId ?? null,
              area: f?.area ?? null,
              run_id: f?.runId ?? null,
              score_scaled: f?.scoreScaled ?? null,
              passed: f?.passed ?? null,
              device: f?.device ?? null,
              pack_version: f?.packVersion ?? null,
            };
          }),
        )}::jsonb) AS (id uuid, body text, stored timestamptz, authority text, client_id integer, verb_id text, timestamp text,
          registration uuid, object_statement_id uuid, kind text, visit_id text, platform text, locale text, pack_id text, scenario_id text,
          area text, run_id text, score_scaled double precision, passed boolean, device text, pack_version text))
        WITH ORDINALITY AS t(id, body, stored, authority, client_id, verb_id, timestamp, registration, object_statement_id,
          kind, visit_id, platform, locale, pack_id, scenario_id, area, run_id, score_scaled, passed, device, pack_version, n)),
      claimed AS (
        INSERT INTO statement_ids (id, seq, stored)
        SELECT id, nextval('statements_seq'), stored FROM input ORDER BY n
        ON CONFLICT (id) DO NOTHING
        RETURNING id, seq),
      fresh AS (SELECT i.*, c.seq FROM input i JOIN claimed c USING (id)),
      written AS (
        INSERT INTO statements (seq, id, body, stored, authority, client_id, verb_id, timestamp, registration, object_statement_id,
          voiding, voided, kind, visit_id, platform, locale, pack_id, scenario_id, area, run_id, score_scaled, passed, device, pack_version)
        SELECT f.seq, f.id, f.body, f.stored, f.authority, f.client_id, f.verb_id, f.timestamp, f.registration, f.object_statement_id,
          false, EXISTS (
            SELECT 1 FROM statements v LEFT JOIN xapi_clients k ON k.id = v.client_id
            WHERE v.object_statement_id = f.id AND v.voiding AND (v.client_id IS NOT DISTINCT FROM f.client_id OR k.role = 'hub')),
          f.kind, f.visit_id, f.platform, f.locale, f.pack_id, f.scenario_id, f.area, f.run_id, f.score_scaled, f.passed, f.device, f.pack_version
        FROM fresh f),
      ${refsSql('agent', refs(agentRefs))},
      ${refsSql('activity', refs(activityRefs))}
      SELECT id::text AS id, seq FROM claimed`.execute(conn);
    for (const r of returned) claimed.set(r.id, r.seq);

    // Ids stored before (resends): the same content is a duplicate; other content is a 409 for that request alone.
    const resent = rows.filter((r) => !claimed.has(r.id));
    if (resent.length) {
      const { rows: found } = await sql<{ id: string; body: string }>`
        SELECT i.id::text AS id, s.body FROM statement_ids i JOIN statements s ON s.seq = i.seq AND s.stored = i.stored
        WHERE i.id = ANY(${resent.map((r) => r.id)}::uuid[])`.execute(conn);
      const bodyOf = new Map(found.map((f) => [f.id, f.body]));
      for (const r of resent) {
        const body = bodyOf.get(r.id);
        if (body === undefined) throw new Error(`statement '${r.id}' is claimed in statement_ids but has no row in statements`);
        if (!sameStatement(JSON.parse(body) as Statement, r.item.statement)) throw new NeedsCareful();
      }
    }
  }

  const attachments = group.flatMap((p) => p.job.attachments);
  if (attachments.length)
    await conn
      .insertInto('attachments')
      .values(attachments.map((a) => ({ sha2: a.sha2.toLowerCase(), content_type: a.contentType, content: Buffer.from(a.content) })))
      .onConflict((oc) => oc.column('sha2').doNothing())
      .execute();

  return group.map((planned, p) => {
    const outcome: InsertOutcome = { stored: [], duplicates: [] };
    for (const o of planned.order)
      (o.duplicate || repeats[p]!.has(o.id) || !claimed.has(o.id) ? outcome.duplicates : outcome.stored).push(o.id);
    return outcome;
  });
}

export interface PostgresStatementStoreOptions {
  /** Requests one transaction takes at most (the rest wait for the next); 1000 by default. */
  maxGroup?: number;
  /**
   * Statements one transaction takes at most, 5000 by default (a request larger than this still goes whole, alone):
   * the batched statement's parameters are held in memory on both sides.
   */
  maxGroupStatements?: number;
}

export function createPostgresStatementStore(db: Db, options: PostgresStatementStoreOptions = {}): StatementStore {
  const maxGroup = options.maxGroup ?? 1000;
  const maxGroupStatements = options.maxGroupStatements ?? 5000;
  let queue: Pending[] = [];
  let scheduled = false;
  let running: Promise<void> | null = null;
  const counts = { commits: 0, requests: 0 };

  /** BEGIN and the lock in one round trip, `work`, COMMIT; ROLLBACK on any error. */
  async function inTransaction(work: (conn: Db) => Promise<void>): Promise<void> {
    await db.connection().execute(async (conn) => {
      await sql.raw(`BEGIN; SELECT pg_advisory_xact_lock(${STATEMENTS_LOCK})`).execute(conn);
      try {
        await work(conn);
      } catch (error) {
        await sql.raw('ROLLBACK').execute(conn).catch(() => undefined);
        throw error;
      }
      await sql.raw('COMMIT').execute(conn);
    });
  }

  /** Request by request, each in its own savepoint: a refused one is undone alone. */
  async function commitCarefully(group: readonly Planned[]): Promise<void> {
    await inTransaction(async (conn) => {
      // One request alone needs no savepoint: its failure is the transaction's.
      if (group.length === 1) {
        group[0]!.job.outcome = await insertAll(conn, group[0]!);
        return;
      }
      await sql.raw('SAVEPOINT request').execute(conn);
      for (const [i, planned] of group.entries()) {
        const last = i === group.length - 1;
        try {
          planned.job.outcome = await insertAll(conn, planned);
          // The next request gets a fresh savepoint; COMMIT releases the last one.
          if (!last) await sql.raw('RELEASE SAVEPOINT request; SAVEPOINT request').execute(conn);
        } catch (error) {
          // The savepoint stays for the next request. If this fails too (the connection is gone), the whole group is
          // rejected below.
          await sql.raw('ROLLBACK TO SAVEPOINT request').execute(conn);
          planned.job.error = error;
        }
      }
    });
  }

  async function commitGroup(group: Pending[]): Promise<void> {
    const now = new Date().toISOString();
    const planned: Planned[] = [];
    for (const job of group) {
      try {
        planned.push(plan(job, job.by.stored ?? now));
      } catch (error) {
        job.error = error;
      }
    }
    if (planned.length === 0) return;
    // The batched path first. Any failure there (a refused request, a value PostgreSQL rejects) rolls the whole group
    // back and the careful path runs it again, where the request at fault fails alone. A COMMIT whose outcome is unknown
    // (the connection lost) is safe to run again too: the ids claimed then come back as duplicates.
    let outcomes: InsertOutcome[] | null = null;
    try {
      await inTransaction(async (conn) => {
        outcomes = await insertGroup(conn, planned);
        if (!outcomes) throw new NeedsCareful();
      });
    } catch {
      outcomes = null;
    }
    if (outcomes) {
      const done: InsertOutcome[] = outcomes;
      planned.forEach((p, i) => (p.job.outcome = done[i]));
      return;
    }
    await commitCarefully(planned);
  }

  async function flush(): Promise<void> {
    scheduled = false;
    let size = 0;
    let take = 0;
    while (take < queue.length && take < maxGroup && (take === 0 || size + queue[take]!.items.length <= maxGroupStatements))
      size += queue[take++]!.items.length;
    const group = queue.slice(0, take);
    queue = queue.slice(take);
    if (group.length === 0) return;
    try {
      await commitGroup(group);
    } catch (error) {
      for (const job of group) job.reject(job.error ?? error);
      return;
    }
    counts.commits++;
    counts.requests += group.length;
    for (const job of group) {
      if (job.error === undefined) job.resolve(job.outcome!);
      else job.reject(job.error);
    }
  }

  /** One transaction at a time from this process (the lock would serialise them anyway); the queue fills meanwhile. */
  function schedule(): void {
    if (scheduled || running) return;
    scheduled = true;
    // After the poll phase: every request whose body arrived in this turn is queued by then.
    setImmediate(() => {
      running = flush().finally(() => {
        running = null;
        if (queue.length) schedule();
      });
    });
  }

  const rowColumns = sql`s.seq, s.id::text AS id, s.body, s.stored, s.authority, s.voided, s.client_id AS "clientId"`;

  return {
    dialect: 'postgres',

    insert(items: readonly StatementItem[], by: Writer, attachments: readonly AttachmentBytes[] = []): Promise<InsertOutcome> {
      return new Promise<InsertOutcome>((resolve, reject) => {
        queue.push({ items, by, attachments, resolve, reject });
        schedule();
      });
    },

    commits: () => ({ ...counts }),

    async get(id) {
      if (!UUID.test(id)) return undefined;
      const { rows } = await sql<Row>`
        SELECT ${rowColumns} FROM statement_ids i JOIN statements s ON s.seq = i.seq AND s.stored = i.stored
        WHERE i.id = ${id.toLowerCase()}::uuid`.execute(db);
      return rows[0] && toStored(rows[0]);
    },

    async storedIds(ids) {
      const valid = ids.map((id) => id.toLowerCase()).filter((id) => UUID.test(id));
      if (valid.length === 0) return new Set();
      const { rows } = await sql<{ id: string }>`SELECT id::text AS id FROM statement_ids WHERE id = ANY(${valid}::uuid[])`.execute(db);
      return new Set(rows.map((r) => r.id));
    },

    async runBodies(runId, clientId, startOnly) {
      // `client_id = $` (not IS NOT DISTINCT FROM) when there is a client, so the index on (run_id, client_id, seq) serves.
      const client = clientId === null ? sql`client_id IS NULL` : sql`client_id = ${clientId}`;
      const { rows } = await sql<{ body: string }>`
        SELECT body FROM statements WHERE run_id = ${runId} AND ${client} AND NOT voided
        ${startOnly ? sql`AND kind = 'scenario-start'` : sql``} ORDER BY seq ${startOnly ? sql`LIMIT 1` : sql``}`.execute(db);
      return rows.map((r) => r.body);
    },

    async count() {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM statements`.execute(db);
      return rows[0]?.n ?? 0;
    },

    async attachment(sha2) {
      const row = await db.selectFrom('attachments').selectAll().where('sha2', '=', sha2.toLowerCase()).executeTakeFirst();
      return row && { sha2: row.sha2, contentType: row.content_type, content: row.content };
    },

    async query(q: StatementQuery): Promise<QueryPage> {
      // Under the insert lock, a seq that is visible means every smaller one committed (or never will): `max` is a
      // safe bound for every later page.
      const max = q.maxSeq ?? (await sql<{ m: number | null }>`SELECT max(seq) AS m FROM statements`.execute(db)).rows[0]?.m ?? 0;
      const content = [];
      if (q.agent !== undefined)
        content.push(
          sql`s.seq IN (SELECT r.seq FROM statement_agent_refs r WHERE r.agent = (SELECT id FROM statement_agent_keys WHERE key = ${pgText(q.agent)}) ${q.relatedAgents ? sql`` : sql`AND r.direct`})`,
        );
      if (q.verb !== undefined) content.push(sql`s.verb_id = ${pgText(q.verb)}`);
      if (q.activity !== undefined)
        content.push(
          sql`s.seq IN (SELECT r.seq FROM statement_activity_refs r WHERE r.activity = (SELECT id FROM statement_activity_iris WHERE iri = ${pgText(q.activity)}) ${q.relatedActivities ? sql`` : sql`AND r.direct`})`,
        );
      if (q.registration !== undefined) {
        if (!UUID.test(q.registration)) return { statements: [], next: null };
        content.push(sql`s.registration = ${q.registration.toLowerCase()}::uuid`);
      }
      const where = [sql`NOT s.voided`, sql`s.seq <= ${max}`];
      if (q.since !== undefined) where.push(sql`s.stored > ${timeParam(q.since)}::timestamptz`);
      if (q.until !== undefined) where.push(sql`s.stored <= ${timeParam(q.until)}::timestamptz`);
      if (q.clientId !== undefined) where.push(sql`s.client_id = ${q.clientId}`);
      if (q.afterSeq !== undefined) where.push(q.ascending ? sql`s.seq > ${q.afterSeq}` : sql`s.seq < ${q.afterSeq}`);
      if (content.length) where.push(sql`s.id IN (SELECT id FROM matched)`);
      const matched = content.length
        ? sql`WITH RECURSIVE matched(id) AS (
            SELECT s.id FROM statements s WHERE ${sql.join(content, sql` AND `)}
            UNION
            SELECT r.id FROM statements r JOIN matched m ON r.object_statement_id = m.id
          ) `
        : sql``;
      const { rows } = await sql<Row>`${matched}SELECT ${rowColumns} FROM statements s
        WHERE ${sql.join(where, sql` AND `)} ORDER BY s.seq ${q.ascending ? sql`ASC` : sql`DESC`} LIMIT ${q.limit + 1}`.execute(db);
      const statements = rows.map(toStored);
      const more = statements.length > q.limit;
      const page = more ? statements.slice(0, q.limit) : statements;
      return { statements: page, next: more ? { afterSeq: page[page.length - 1]!.seq, maxSeq: max } : null };
    },

    async *activityDefinitionSources(activityId: string, clientId?: number): AsyncIterable<string> {
      let before = Number.MAX_SAFE_INTEGER;
      for (;;) {
        const { rows } = await sql<{ seq: number; body: string }>`
          SELECT s.seq, s.body FROM statement_activity_refs a JOIN statements s ON s.seq = a.seq AND s.stored = a.stored
          WHERE a.activity = (SELECT id FROM statement_activity_iris WHERE iri = ${pgText(activityId)}) AND a.seq < ${before}
            AND NOT s.voided AND strpos(s.body, '"definition"') > 0
            ${clientId === undefined ? sql`` : sql`AND s.client_id = ${clientId}`}
          ORDER BY a.seq DESC LIMIT ${SOURCES_PAGE}`.execute(db);
        for (const row of rows) yield row.body;
        if (rows.length < SOURCES_PAGE) return;
        before = rows[rows.length - 1]!.seq;
      }
    },

    async agentNameSources(key, limit, clientId) {
      const { rows } = await sql<{ body: string }>`
        SELECT s.body FROM statement_agent_refs a JOIN statements s ON s.seq = a.seq AND s.stored = a.stored
        WHERE a.agent = (SELECT id FROM statement_agent_keys WHERE key = ${pgText(key)})
          AND NOT s.voided AND strpos(s.body, '"name"') > 0
          ${clientId === undefined ? sql`` : sql`AND s.client_id = ${clientId}`}
        ORDER BY a.seq DESC LIMIT ${limit}`.execute(db);
      return rows.map((r) => r.body);
    },

    async close() {
      while (running || scheduled || queue.length) {
        if (running) await running;
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
