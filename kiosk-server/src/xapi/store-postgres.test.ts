// The PostgreSQL statement store's batched commit: a group of concurrent requests is written by one statement, and
// whatever needs one request undone alone (a 409, a value PostgreSQL refuses) or rows that statement cannot see (a
// voiding statement) goes the careful way, request by request in savepoints. Either way the answers must be those of
// the requests stored one after another in queue order. Runs in the postgres project only (statement-store.test.ts
// holds the cases both stores share).
import { afterEach, beforeEach, describe, expect, it, inject } from 'vitest';
import type { Statement } from '@ruyi/xapi';
import { createDatabase, type StorageDatabase } from '../storage/database.ts';
import { runMigrations } from '../storage/migrations.ts';
import { ensurePartitions } from '../storage/partitions.ts';
import { createTestDatabase } from '../storage/test-postgres.ts';
import { createPostgresStatementStore } from './store-postgres.ts';
import { StatementConflict, type InsertOutcome, type StatementStore, type Writer } from './store.ts';
import { statement, uuid } from './test-lrs.ts';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const item = (s: Record<string, unknown>) => ({ statement: s as Statement, body: JSON.stringify(s) });
const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

describe.skipIf(process.env.RUYI_TEST_STORE !== 'postgres')('PostgreSQL statement store: one statement per commit group', { timeout: 30_000 }, () => {
  let storage: StorageDatabase;
  let store: StatementStore;
  let hub: Writer;

  beforeEach(async () => {
    const url = await createTestDatabase(inject('ruyiTestDatabaseUrl'));
    storage = createDatabase({ dataDir: '/nonexistent', databaseUrl: url });
    await runMigrations(storage);
    await ensurePartitions(storage);
    store = createPostgresStatementStore(storage.db);
    const { id } = await storage.db
      .insertInto('xapi_clients')
      .values({ name: 'hub', role: 'hub', key: 'key-hub', secret_hash: 'x', created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    hub = { authority: { objectType: 'Agent', account: { homePage: 'https://hub', name: 'hub' } }, clientId: id };
  });
  afterEach(async () => {
    await store.close();
    await storage.close();
  });

  const idsInSeqOrder = async () => (await storage.db.selectFrom('statements').select('id').orderBy('seq').execute()).map((r) => r.id);
  const voided = async (id: string) =>
    (await storage.db.selectFrom('statements').select('voided').where('id', '=', id).executeTakeFirstOrThrow()).voided;

  it('answers resends and repeats across the requests of one group as duplicates, storing each id once in queue order', async () => {
    const old = statement({ id: uuid() });
    await store.insert([item(old)], hub);
    const shared = statement({ id: uuid() });
    const a = [statement({ id: uuid() }), shared];
    const b = [shared, statement({ id: uuid() }), old];
    const c = [statement({ id: uuid() })];
    const [ra, rb, rc] = await Promise.all([store.insert(a.map(item), hub), store.insert(b.map(item), hub), store.insert(c.map(item), hub)]);
    expect(ra).toEqual<InsertOutcome>({ stored: a.map((s) => s.id as string), duplicates: [] });
    expect(rb).toEqual<InsertOutcome>({ stored: [b[1]!.id as string], duplicates: [shared.id as string, old.id as string] });
    expect(rc).toEqual<InsertOutcome>({ stored: [c[0]!.id as string], duplicates: [] });
    expect(await idsInSeqOrder()).toEqual([old.id, a[0]!.id, shared.id, b[1]!.id, c[0]!.id]);
  });

  it('refuses only the request whose repeat of an id sent earlier in the group differs; the rest are stored in order', async () => {
    const first = statement({ id: uuid() });
    const a = [first, statement({ id: uuid() })];
    const b = [statement({ id: uuid() }), { ...first, verb: { id: 'http://example.com/other' } }];
    const c = [statement({ id: uuid() })];
    const results = await Promise.all([a, b, c].map((batch) => settle(store.insert(batch.map(item), hub))));
    expect((results[1] as { error: unknown }).error).toBeInstanceOf(StatementConflict);
    expect(await idsInSeqOrder()).toEqual([...a, ...c].map((s) => s.id));
  });

  it('refuses only the request with a value PostgreSQL rejects, storing the rest of its group', async () => {
    const a = [statement({ id: uuid() })];
    const bad = [statement({ id: uuid(), context: { registration: 'not-a-uuid' } })];
    const c = [statement({ id: uuid() }), statement({ id: uuid() })];
    const results = await Promise.all([a, bad, c].map((batch) => settle(store.insert(batch.map(item), hub))));
    expect('error' in results[1]!).toBe(true);
    expect('value' in results[0]! && 'value' in results[2]!).toBe(true);
    expect(await idsInSeqOrder()).toEqual([...a, ...c].map((s) => s.id));
  });

  it('commits a group of plain requests together, and stores a statement voided when its voiding one came first', async () => {
    const target = uuid();
    await store.insert([item(statement({ id: uuid(), verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: target } }))], hub);
    const before = store.commits();
    const batches = [[statement({ id: target })], ...Array.from({ length: 4 }, () => [statement({ id: uuid() }), statement({ id: uuid() })])];
    const outcomes = await Promise.all(batches.map((batch) => store.insert(batch.map(item), hub)));
    expect(outcomes.flatMap((o) => o.stored)).toEqual(batches.flat().map((s) => s.id));
    expect(await voided(target)).toBe(true);
    expect(await voided(batches[1]![0]!.id as string)).toBe(false);
    const now = store.commits();
    expect(now.requests - before.requests).toBe(5);
    expect(now.commits - before.commits).toBeLessThan(5);
  });

  it('takes a group with a voiding statement the careful way, voiding within the group in queue order', async () => {
    const target = statement({ id: uuid() });
    const voider = statement({ id: uuid(), verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: target.id } });
    const after = statement({ id: uuid() });
    const outcomes = await Promise.all([[target], [voider], [after]].map((batch) => store.insert(batch.map(item), hub)));
    expect(outcomes.flatMap((o) => o.stored)).toEqual([target.id, voider.id, after.id]);
    expect(await voided(target.id as string)).toBe(true);
  });
});
