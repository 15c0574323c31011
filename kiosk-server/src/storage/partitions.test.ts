// The PostgreSQL statement tables on a real server: month partitions, the default partition's rows moving into their
// month, ids unique across months, the values stores get back, and the sequence gaps a forwarder must live with.
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type StorageDatabase } from './database.ts';
import { runMigrations } from './migrations.ts';
import { ensurePartitions, listPartitions } from './partitions.ts';
import { startPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;
let storage: StorageDatabase;

beforeAll(async () => {
  server = await startPostgres();
  storage = createDatabase({ dataDir: '/nonexistent', databaseUrl: server.url.replace('postgres@', 'postgres:pw@') });
  await runMigrations(storage);
}, 60_000);
afterAll(async () => {
  await storage?.close();
  await server?.stop();
}, 60_000);

const NOW = new Date('2026-12-07T02:30:00.000Z');

/** Stores one statement as a hub's store would: its id first (the uniqueness check), then the row and a side row. */
async function store(stored: string, id: string = randomUUID()): Promise<{ id: string; seq: number }> {
  return storage.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(7361305)`.execute(trx);
    const { seq } = await trx
      .insertInto('statements')
      .values({ id, body: JSON.stringify({ id }), stored, authority: '{}', client_id: null, verb_id: 'http://adlnet.gov/expapi/verbs/answered', timestamp: stored, registration: null, object_statement_id: null, kind: null, visit_id: null, platform: null, locale: null, pack_id: null, scenario_id: null, area: null, run_id: null, score_scaled: 0.5, passed: 1 })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await trx.insertInto('statement_ids').values({ id, seq, stored }).execute();
    const agent = await trx
      .insertInto('statement_agent_keys')
      .values({ key: 'account:park|visitor' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ key: 'account:park|visitor' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('statement_agent_refs').values({ agent: agent.id, seq, stored, direct: 1 }).execute();
    return { id, seq };
  });
}

async function partitionOf(table: 'statements' | 'statement_agent_refs', seq: number): Promise<string> {
  const { rows } = await sql<{ part: string }>`SELECT tableoid::regclass::text AS part FROM ${sql.table(table)} WHERE seq = ${seq}`.execute(storage.db);
  return rows[0]!.part;
}

describe('PostgreSQL statement partitions', () => {
  it('creates this month and three ahead for the three tables, once', async () => {
    expect(storage.dialect).toBe('postgres');
    expect(storage.location).toBe(server.url.replace('postgres@', 'postgres:***@'));
    expect(await ensurePartitions(storage, { now: NOW })).toBe(12);
    expect(await ensurePartitions(storage, { now: NOW })).toBe(0);
    for (const table of ['statements', 'statement_agent_refs', 'statement_activity_refs']) {
      const parts = await listPartitions(storage, table);
      expect(parts.map((p) => p.name)).toEqual([`${table}_default`, `${table}_p2026_12`, `${table}_p2027_01`, `${table}_p2027_02`, `${table}_p2027_03`]);
    }
    const december = (await listPartitions(storage, 'statements')).find((p) => p.name === 'statements_p2026_12')!;
    expect(december.bounds).toMatch(/FROM \('2026-12-01 00:00:00\+00'\) TO \('2027-01-01 00:00:00\+00'\)/);
  });

  it('puts a statement in the month of its stored time (UTC), and gives back numbers and ISO strings', async () => {
    const last = await store('2027-01-31T23:59:59.999Z');
    const next = await store('2027-02-01T00:00:00.000Z');
    expect(await partitionOf('statements', last.seq)).toBe('statements_p2027_01');
    expect(await partitionOf('statements', next.seq)).toBe('statements_p2027_02');
    expect(await partitionOf('statement_agent_refs', next.seq)).toBe('statement_agent_refs_p2027_02');
    const row = await storage.db
      .selectFrom('statement_ids as i')
      .innerJoin('statements as s', (join) => join.onRef('s.seq', '=', 'i.seq').onRef('s.stored', '=', 'i.stored'))
      .select(['s.seq', 's.id', 's.stored', 's.voided', 's.passed', 's.score_scaled'])
      .where('i.id', '=', last.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ seq: last.seq, id: last.id, stored: '2027-01-31T23:59:59.999Z', voided: false, passed: true, score_scaled: 0.5 });
  });

  it('reads only the months a since/until range covers', async () => {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT seq FROM statements
      WHERE stored >= '2027-01-05T00:00:00Z' AND stored < '2027-01-06T00:00:00Z' ORDER BY seq`.execute(storage.db);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('statements_p2027_01');
    expect(plan).not.toMatch(/statements_p2026_12|statements_p2027_02|statements_default/);
  });

  it('keeps a statement id unique across months', async () => {
    const { id } = await store('2026-12-10T10:00:00.000Z');
    await expect(store('2027-03-10T10:00:00.000Z', id)).rejects.toThrow(/statement_ids_pkey/);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM statements WHERE id = ${id}`.execute(storage.db)).rows[0]!.n).toBe(1);
  });

  it("keeps a statement whose month has no partition in the default one, and moves it in when the month's is made", async () => {
    const early = await store('2031-05-10T08:00:00.000Z');
    expect(await partitionOf('statements', early.seq)).toBe('statements_default');
    expect(await partitionOf('statement_agent_refs', early.seq)).toBe('statement_agent_refs_default');
    expect(await ensurePartitions(storage, { now: new Date('2031-05-01T00:00:00Z'), monthsAhead: 0 })).toBe(3);
    expect(await partitionOf('statements', early.seq)).toBe('statements_p2031_05');
    expect(await partitionOf('statement_agent_refs', early.seq)).toBe('statement_agent_refs_p2031_05');
    const left = await sql<{ n: number }>`SELECT (SELECT count(*) FROM statements_default)::int + (SELECT count(*) FROM statement_agent_refs_default)::int AS n`.execute(storage.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('refuses a nonsensical number of months', async () => {
    await expect(sql`SELECT ruyi_ensure_partitions('2026-12-01', 0)`.execute(storage.db)).rejects.toThrow(/months must be from 1 to 120/);
  });

  it('leaves holes in seq when a transaction rolls back: a backlog is counted, never max(seq) - cursor', async () => {
    const before = await store('2026-12-11T00:00:00.000Z');
    await expect(
      storage.db.transaction().execute(async (trx) => {
        await trx.insertInto('statements').values({ id: randomUUID(), body: '{}', stored: '2026-12-11T00:00:01.000Z', authority: '{}', client_id: null, verb_id: 'v', timestamp: null, registration: null, object_statement_id: null, kind: null, visit_id: null, platform: null, locale: null, pack_id: null, scenario_id: null, area: null, run_id: null, score_scaled: null, passed: null }).execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const after = await store('2026-12-11T00:00:02.000Z');
    expect(after.seq - before.seq).toBe(2);
    const backlog = await storage.db.selectFrom('statements').select((eb) => eb.fn.countAll<number>().as('n')).where('seq', '>', before.seq).executeTakeFirstOrThrow();
    expect(backlog.n).toBe(1);
  });
});

describe('the PostgreSQL pool', () => {
  it('survives the server dropping its idle connections, and says so', async () => {
    const lost: Error[] = [];
    const own = createDatabase({ dataDir: '/nonexistent', databaseUrl: server.url, onConnectionError: (error) => lost.push(error) });
    try {
      const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(own.db)).rows[0]!.pid;
      await sql`SELECT pg_terminate_backend(${pid})`.execute(storage.db);
      await vi.waitFor(() => expect(lost).toHaveLength(1));
      expect(lost[0]!.message).toMatch(/terminat/);
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(own.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await own.close();
    }
  });
});
