// The statement store's interface, the same tests on both implementations: the SQLite file and a real PostgreSQL
// server (the run's cluster from RUYI_TEST_DATABASE_URL, else one started for this file). Duplicates and conflicts,
// voiding in every order, the query filters and paging, group commit order; on PostgreSQL also that a reader moving
// by seq never passes a statement that another process commits later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Statement, StatementFacts } from '@ruyi/xapi';
import { createDatabase, type StorageDatabase } from '../storage/database.ts';
import { runMigrations } from '../storage/migrations.ts';
import { ensurePartitions } from '../storage/partitions.ts';
import { createTestDatabase, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';
import { agentKey } from './lib.ts';
import { createPostgresStatementStore, STATEMENTS_LOCK } from './store-postgres.ts';
import { createSqliteStatementStore, StatementConflict, VoidingForbidden, VoidingRejected, type StatementStore, type Writer } from './store.ts';
import { statement, uuid } from './test-lrs.ts';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const authority = { objectType: 'Agent' as const, account: { homePage: 'https://ruyi.localhost/parks/test', name: 'kiosk-app' } };
const device: Writer = { authority, clientId: null };
const item = (s: Record<string, unknown>, facts?: StatementFacts) => ({ statement: s as Statement, body: JSON.stringify(s), ...(facts ? { facts } : {}) });
const voiding = (target: unknown) => statement({ id: uuid(), verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: target } });
const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

let cluster: TestPostgres | undefined;
let baseUrl: string | undefined;
beforeAll(async () => {
  baseUrl = process.env.RUYI_TEST_DATABASE_URL?.trim();
  if (!baseUrl) {
    cluster = await startPostgres();
    baseUrl = cluster.url;
  }
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

// A fresh PostgreSQL database per test (created and migrated) takes a few seconds on a busy machine.
describe.each(['sqlite', 'postgres'] as const)('StatementStore on %s', { timeout: 30_000 }, (dialect) => {
  let dir: string;
  let url: string | null;
  let storage: StorageDatabase;
  let store: StatementStore;
  const open = (s: StorageDatabase) => (s.dialect === 'postgres' ? createPostgresStatementStore(s.db) : createSqliteStatementStore(s.sqlite!));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-statement-store-'));
    url = dialect === 'postgres' ? await createTestDatabase(baseUrl!) : null;
    storage = createDatabase({ dataDir: dir, databaseUrl: url });
    await runMigrations(storage);
    await ensurePartitions(storage);
    store = open(storage);
  });
  afterEach(async () => {
    await store.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const addClient = async (name: string, role: 'kiosk' | 'hub' | 'reader') =>
    (
      await storage.db
        .insertInto('xapi_clients')
        .values({ name, role, key: `key-${name}`, secret_hash: 'x', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const writer = (clientId: number, voidsOnlyOwn = false): Writer => ({ authority: { objectType: 'Agent', account: { homePage: 'https://hub', name: String(clientId) } }, clientId, voidsOnlyOwn });
  const idsInSeqOrder = async () => (await storage.db.selectFrom('statements').select('id').orderBy('seq').execute()).map((r) => r.id);
  const all = async (q: Omit<Parameters<StatementStore['query']>[0], 'limit'> = {}) => (await store.query({ limit: 500, ascending: true, ...q })).statements.map((s) => s.id);

  it('stores a batch with the exact bodies, takes a resend as duplicates, and stores nothing of a batch with a conflict', async () => {
    const a = statement({ id: uuid() });
    const b = statement({ id: uuid() });
    expect(await store.insert([item(a), item(b)], device)).toEqual({ stored: [a.id, b.id], duplicates: [] });
    expect((await store.get(String(a.id).toUpperCase()))?.body).toBe(JSON.stringify(a));
    const c = statement({ id: uuid() });
    expect(await store.insert([item(c), item(a)], device)).toEqual({ stored: [c.id], duplicates: [a.id] });
    const d = statement({ id: uuid() });
    await expect(store.insert([item(d), item({ ...b, verb: { id: 'http://example.com/other' } })], device)).rejects.toThrow(StatementConflict);
    expect(await store.count()).toBe(3);
    expect(await store.get(d.id as string)).toBeUndefined();
    expect(await idsInSeqOrder()).toEqual([a.id, b.id, c.id]);
    expect(await store.storedIds([String(a.id).toUpperCase(), d.id as string, c.id as string])).toEqual(new Set([a.id, c.id]));
  });

  it('takes identical twins in one batch once, and refuses twins with different content', async () => {
    const a = statement({ id: uuid() });
    const refused = await settle(store.insert([item(statement({ id: uuid() })), item(a), item({ ...a, result: { success: true } })], device));
    expect((refused as { error: StatementConflict }).error).toMatchObject({ name: 'StatementConflict', index: 2, id: a.id });
    expect(await store.insert([item(a), item(a)], device)).toEqual({ stored: [a.id], duplicates: [a.id] });
    expect(await store.count()).toBe(1);
  });

  it('voids in either arrival order, within one batch too, and never voids a voiding statement', async () => {
    const target = uuid();
    const voider = voiding(target);
    await store.insert([item(voider)], device);
    await store.insert([item(statement({ id: target }))], device);
    expect((await store.get(target))?.voided).toBe(true);
    expect((await store.get(voider.id as string))?.voided).toBe(false);
    await expect(store.insert([item(voiding(voider.id))], device)).rejects.toThrow(VoidingRejected);

    // One batch: a target before its voiding statement, and one after it.
    const early = statement({ id: uuid() });
    const late = statement({ id: uuid() });
    const voidEarly = voiding(early.id);
    const voidLate = voiding(late.id);
    await store.insert([item(early), item(voidEarly), item(voidLate), item(late)], device);
    expect((await store.get(early.id as string))?.voided).toBe(true);
    expect((await store.get(late.id as string))?.voided).toBe(true);
    // A voiding statement voiding one earlier in the same batch is refused, the whole batch with it.
    const v1 = voiding(uuid());
    await expect(store.insert([item(v1), item(voiding(v1.id))], device)).rejects.toThrow(VoidingRejected);
    expect(await store.get(v1.id as string)).toBeUndefined();
    // Voided statements are not listed; voiding statements are.
    expect(await all()).toEqual([voider.id, voidEarly.id, voidLate.id]);
  });

  it("lets a kiosk client void only its own statements, and a kiosk's early voiding statement void only its own", async () => {
    const kiosk = await addClient('park-a', 'kiosk');
    const other = await addClient('park-b', 'kiosk');
    const hub = await addClient('hub', 'hub');
    const theirs = statement({ id: uuid() });
    await store.insert([item(theirs)], writer(other, true));
    const refused = await settle(store.insert([item(statement({ id: uuid() })), item(voiding(theirs.id))], writer(kiosk, true)));
    expect((refused as { error: VoidingForbidden }).error).toMatchObject({ name: 'VoidingForbidden', index: 1, target: theirs.id });
    expect((await store.get(theirs.id as string))?.voided).toBe(false);

    // Voiding statements that came before their targets: the kiosk's voids only its own, the hub's any.
    const mine = uuid();
    const notMine = uuid();
    const byHub = uuid();
    await store.insert([item(voiding(mine)), item(voiding(notMine))], writer(kiosk, true));
    await store.insert([item(voiding(byHub))], writer(hub));
    await store.insert([item(statement({ id: mine }))], writer(kiosk, true));
    await store.insert([item(statement({ id: notMine })), item(statement({ id: byHub }))], writer(other, true));
    expect((await store.get(mine))?.voided).toBe(true);
    expect((await store.get(notMine))?.voided).toBe(false);
    expect((await store.get(byHub))?.voided).toBe(true);
    expect((await store.get(mine))?.clientId).toBe(kiosk);
  });

  it('filters by agent, verb, activity, registration, time and client, directly or related, and adds statements referring to a match', async () => {
    const hub = await addClient('hub', 'hub');
    const alice = { objectType: 'Agent', mbox: 'mailto:alice@example.com' };
    const registration = uuid();
    const act = 'http://example.com/activities/fire';
    const s1 = statement({ id: uuid(), actor: alice, object: { objectType: 'Activity', id: act } });
    const s2 = statement({ id: uuid(), context: { instructor: alice, registration, contextActivities: { parent: [{ id: act }] } } });
    const s3 = statement({ id: uuid(), verb: { id: 'http://example.com/verbs/answered' } });
    await store.insert([item(s1), item(s2)], { ...device, stored: '2026-03-01T10:00:00.000Z' });
    await store.insert([item(s3)], { ...writer(hub), stored: '2026-03-02T10:00:00.000Z' });
    // Refers to s1 by StatementRef (not voiding): found with s1.
    const ref = statement({ id: uuid(), object: { objectType: 'StatementRef', id: s1.id } });
    await store.insert([item(ref)], { ...device, stored: '2026-03-03T10:00:00.000Z' });

    const key = agentKey(alice as never)!;
    expect(await all({ agent: key })).toEqual([s1.id, ref.id]);
    expect(await all({ agent: key, relatedAgents: true })).toEqual([s1.id, s2.id, ref.id]);
    expect(await all({ activity: act })).toEqual([s1.id, ref.id]);
    expect(await all({ activity: act, relatedActivities: true })).toEqual([s1.id, s2.id, ref.id]);
    expect(await all({ verb: 'http://example.com/verbs/answered' })).toEqual([s3.id]);
    expect(await all({ registration: registration.toUpperCase() })).toEqual([s2.id]);
    expect(await all({ since: '2026-03-01T10:00:00.000Z' })).toEqual([s3.id, ref.id]);
    expect(await all({ until: '2026-03-02T10:00:00.000Z' })).toEqual([s1.id, s2.id, s3.id]);
    expect(await all({ clientId: hub })).toEqual([s3.id]);
    expect(await all({ agent: 'mbox:mailto:nobody@example.com' })).toEqual([]);
    expect((await store.query({ limit: 10 })).statements.map((s) => s.id)).toEqual([ref.id, s3.id, s2.id, s1.id]);

    const row = (await store.get(s3.id as string))!;
    expect(row).toMatchObject({ id: s3.id, stored: '2026-03-02T10:00:00.000Z', clientId: hub, voided: false, body: JSON.stringify(s3) });
    expect(JSON.parse(row.authority)).toEqual(writer(hub).authority);

    // Voided statements are never listed; those referring to them are (the voiding statement among them).
    const voidS1 = voiding(s1.id);
    await store.insert([item(voidS1)], device);
    expect(await all({ agent: key })).toEqual([ref.id, voidS1.id]);
  });

  it('pages by seq in both orders, bounded by the newest seq of the first page', async () => {
    const ids = Array.from({ length: 5 }, () => uuid());
    await store.insert(ids.map((id) => item(statement({ id }))), device);
    const first = await store.query({ limit: 2 });
    expect(first.statements.map((s) => s.id)).toEqual([ids[4], ids[3]]);
    const extra = statement({ id: uuid() });
    await store.insert([item(extra)], device);
    const second = await store.query({ limit: 2, afterSeq: first.next!.afterSeq, maxSeq: first.next!.maxSeq });
    expect(second.statements.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    const third = await store.query({ limit: 2, ...second.next! });
    expect(third.statements.map((s) => s.id)).toEqual([ids[0]]);
    expect(third.next).toBeNull();

    const up = await store.query({ limit: 3, ascending: true });
    expect(up.statements.map((s) => s.id)).toEqual(ids.slice(0, 3));
    await store.insert([item(statement({ id: uuid() }))], device);
    const rest = await store.query({ limit: 3, ascending: true, ...up.next! });
    expect(rest.statements.map((s) => s.id)).toEqual([...ids.slice(3), extra.id]); // not the one stored after the first page
    expect(rest.next).toBeNull();
  });

  it('commits concurrent requests in fewer transactions, in call order, answering in that order; a refused one alone', async () => {
    const existing = statement({ id: uuid() });
    await store.insert([item(existing)], device);
    const before = store.commits();
    const batches = Array.from({ length: 6 }, (_, i) => Array.from({ length: i + 1 }, () => statement({ id: uuid() })));
    const answered: number[] = [];
    const requests = batches.map((batch, i) =>
      settle(
        store.insert(i === 2 ? [...batch.map((s) => item(s)), item({ ...existing, verb: { id: 'http://example.com/x' } })] : batch.map((s) => item(s)), device).finally(() => answered.push(i)),
      ),
    );
    const results = await Promise.all(requests);
    expect((results[2] as { error: unknown }).error).toBeInstanceOf(StatementConflict);
    expect(answered).toEqual([0, 1, 2, 3, 4, 5]);
    const stored = batches.filter((_, i) => i !== 2).flat().map((s) => s.id);
    expect(await idsInSeqOrder()).toEqual([existing.id, ...stored]);
    const after = store.commits();
    expect(after.requests - before.requests).toBe(6);
    expect(after.commits - before.commits).toBeLessThan(6);
  });

  it('keeps attachments by hash, and reads runs, definitions and names back for admission and the resources', async () => {
    const content = Buffer.from('a certificate');
    await store.insert([item(statement({ id: uuid() }))], device, [{ sha2: 'ab12', contentType: 'text/plain', content }]);
    const bytes = await store.attachment('ab12');
    expect(bytes && { ...bytes, content: Buffer.from(bytes.content).toString() }).toEqual({ sha2: 'ab12', contentType: 'text/plain', content: 'a certificate' });
    expect(await store.attachment('ffff')).toBeUndefined();

    const facts = (kind: string): StatementFacts =>
      ({ kind, visitId: 'v1', platform: 'kiosk', locale: 'zh-CN', packId: 'p', scenarioId: 's', area: 'fire', runId: 'run-1', scoreScaled: null, passed: null }) as StatementFacts;
    const start = statement({ id: uuid() });
    const step = statement({ id: uuid() });
    await store.insert([item(start, facts('scenario-start')), item(step, facts('step-end'))], device);
    expect(await store.runBodies('run-1', null, true)).toEqual([JSON.stringify(start)]);
    expect(await store.runBodies('run-1', null, false)).toEqual([JSON.stringify(start), JSON.stringify(step)]);
    expect(await store.runBodies('run-1', 99, false)).toEqual([]);

    const act = 'http://example.com/activities/defined';
    const named = { objectType: 'Agent', mbox: 'mailto:named@example.com', name: 'Named' };
    const bodies = Array.from({ length: 120 }, (_, i) => statement({ id: uuid(), actor: named, object: { objectType: 'Activity', id: act, definition: { name: { en: `v${i}` } } } }));
    await store.insert(bodies.map((s) => item(s)), device);
    const sources: string[] = [];
    for await (const body of store.activityDefinitionSources(act)) sources.push(body);
    expect(sources).toEqual(bodies.map((s) => JSON.stringify(s)).reverse()); // newest first, across pages
    const kiosk = await addClient('park', 'kiosk');
    const none: string[] = [];
    for await (const body of store.activityDefinitionSources(act, kiosk)) none.push(body);
    expect(none).toEqual([]);
    expect(await store.agentNameSources(agentKey(named as never)!, 2)).toEqual([JSON.stringify(bodies[119]), JSON.stringify(bodies[118])]);
  });

  if (dialect === 'postgres') {
    it('makes an insert wait for another process whose statements are in flight, so a reader paging by seq skips none', async () => {
      const earlier = statement({ id: uuid() });
      await store.insert([item(earlier)], device);
      const reader = async (afterSeq: number) => (await store.query({ limit: 100, ascending: true, afterSeq })).statements;

      // Another hub process, in the middle of its transaction: it holds the lock and has taken a seq.
      const other = new pg.Client(url!);
      await other.connect();
      const theirs = uuid();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_advisory_xact_lock($1)', [STATEMENTS_LOCK]);
        const stored = new Date().toISOString();
        const { rows } = await other.query<{ seq: string }>("INSERT INTO statement_ids (id, seq, stored) VALUES ($1, nextval('statements_seq'), $2) RETURNING seq", [theirs, stored]);
        await other.query("INSERT INTO statements (seq, id, body, stored, authority, verb_id) VALUES ($1, $2, $3, $4, '{}', 'http://example.com/v')", [
          rows[0]!.seq,
          theirs,
          JSON.stringify(statement({ id: theirs })),
          stored,
        ]);

        const mine = statement({ id: uuid() });
        const pending = store.insert([item(mine)], device);
        // This process's insert waits on the lock rather than taking a later seq and committing first.
        for (;;) {
          const { rows: waiting } = await other.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
          if (Number(waiting[0]!.n) > 0) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        const seen = await reader(0);
        expect(seen.map((s) => s.id)).toEqual([earlier.id]);
        const cursor = seen.at(-1)!.seq;

        await other.query('COMMIT');
        await pending;
        const next = await reader(cursor);
        expect(next.map((s) => s.id)).toEqual([theirs, mine.id]);
      } finally {
        await other.end();
      }
    }, 30_000);

    it('two processes writing at once, a reader following by seq: every statement read once, in seq order', async () => {
      const second = createDatabase({ dataDir: dir, databaseUrl: url });
      const otherStore = open(second);
      try {
        const written: string[] = [];
        const writers = [store, otherStore].flatMap((s) =>
          Array.from({ length: 4 }, async () => {
            for (let round = 0; round < 10; round++) {
              const batch = Array.from({ length: 1 + (round % 3) }, () => statement({ id: uuid() }));
              await s.insert(batch.map((b) => item(b)), device);
              written.push(...batch.map((b) => String(b.id)));
            }
          }),
        );
        let done = false;
        const all = Promise.all(writers).finally(() => (done = true));
        const read: string[] = [];
        let cursor = 0;
        for (;;) {
          const finished = done;
          const page = await store.query({ limit: 7, ascending: true, afterSeq: cursor });
          read.push(...page.statements.map((s) => s.id));
          if (page.statements.length) cursor = page.statements.at(-1)!.seq;
          else if (finished) break;
          else await new Promise((resolve) => setImmediate(resolve));
        }
        await all;
        expect(new Set(read).size).toBe(read.length);
        expect(read).toEqual(await idsInSeqOrder());
        expect(new Set(read)).toEqual(new Set(written));
      } finally {
        await otherStore.close();
        await second.close();
      }
    }, 60_000);
  }
});
