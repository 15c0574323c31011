// The statement store on a real SQLite file: all or none per request, conflicts, voiding order, Ruyi's facts, and
// group commit (requests queued in one turn share one transaction, each failing alone, in queue order). This is the
// SQLite module itself (insertNow, app.db, a rollback forced by a trigger): pinned to SQLite; statement-store.test.ts
// runs the StatementStore interface on both dialects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '@ruyi/xapi';
import type { App } from '../app.ts';
import { oneOfEach } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { createAdmission } from '../records/admission.ts';
import { createStatementStore, StatementConflict, VoidingRejected, type SqliteStatementStore } from './store.ts';
import { statement, uuid } from './test-lrs.ts';

let env: TestEnv;
let app: App;
let store: SqliteStatementStore;
const by = { authority: { objectType: 'Agent' as const, account: { homePage: 'https://ruyi.localhost/parks/test', name: 'kiosk-app' } }, clientId: null };
beforeEach(async () => {
  env = createTestEnv({ postgres: false });
  app = await env.start();
  store = createStatementStore(app.db);
});
afterEach(() => env.cleanup());

const item = (s: Record<string, unknown>) => ({ statement: s as Statement, body: JSON.stringify(s) });
const rows = () => env.openDb().prepare('SELECT * FROM statements ORDER BY seq').all() as Record<string, unknown>[];

describe('createStatementStore', () => {
  it('stores a batch with the exact bodies, reports duplicates, and stores nothing of a batch with a conflict', async () => {
    const a = statement({ id: uuid() });
    const b = statement({ id: uuid() });
    expect(await store.insert([item(a), item(b)], by, [])).toEqual({ stored: [a.id, b.id], duplicates: [] });
    expect(rows().map((r) => r.body)).toEqual([JSON.stringify(a), JSON.stringify(b)]);
    const c = statement({ id: uuid() });
    expect(await store.insert([item(c), item(a)], by)).toEqual({ stored: [c.id], duplicates: [a.id] });
    const d = statement({ id: uuid() });
    await expect(store.insert([item(d), item({ ...b, verb: { id: 'http://example.com/other' } })], by)).rejects.toThrow(StatementConflict);
    expect(rows()).toHaveLength(3);
    expect(await store.count()).toBe(3);
  });

  it('throws StatementConflict for one id twice in a batch with different content, and takes identical twins once', async () => {
    const a = statement({ id: uuid() });
    await expect(store.insert([item(a), item({ ...a, result: { success: true } })], by)).rejects.toThrow(StatementConflict);
    expect(() => store.insertNow([item(a), item({ ...a, result: { success: true } })], by)).toThrow(StatementConflict);
    expect(await store.insert([item(a), item(a)], by)).toEqual({ stored: [a.id], duplicates: [a.id] });
  });

  it('applies voiding in either arrival order, and refuses to void a voiding statement', async () => {
    const target = uuid();
    const voider = statement({ id: uuid(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } });
    await store.insert([item(voider)], by);
    await store.insert([item(statement({ id: target }))], by);
    expect((await store.get(target))?.voided).toBe(true);
    expect((await store.get(voider.id as string))?.voided).toBe(false);
    const voidVoider = statement({ id: uuid(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voider.id } });
    await expect(store.insert([item(voidVoider)], by)).rejects.toThrow(VoidingRejected);
    expect((await store.get(voider.id as string))?.voided).toBe(false);
  });

  it("fills the statistics columns with the facts admission gives Ruyi's own statements, and leaves them null for other tools'", async () => {
    const statements = statementsOf(app, env.config, oneOfEach());
    const admission = createAdmission(store, { base: env.config.xapi.base, content: () => app.content.index() });
    const facts = await admission.admit({ statements, clientId: null, at: (i) => `[${i}].` });
    await store.insert([...statements.map((s, i) => ({ statement: s, body: JSON.stringify(s), facts: facts[i] })), item(statement({ id: uuid() }))], by);
    const all = rows();
    const end = all.find((r) => r.kind === 'scenario-end')!;
    expect(end).toMatchObject({ pack_id: 'fire-test', scenario_id: 'workshop', area: 'fire', platform: 'kiosk', locale: 'zh-CN' });
    expect(end.visit_id).toEqual(all[0]!.visit_id);
    expect(typeof end.score_scaled).toBe('number');
    expect(all.at(-1)).toMatchObject({ kind: null, visit_id: null, area: null });
  });

  it('pages a query by seq, bounded by the newest seq of the first page', async () => {
    const ids = Array.from({ length: 4 }, () => uuid());
    await store.insert(ids.map((id) => item(statement({ id }))), by);
    const first = await store.query({ limit: 3 });
    expect(first.statements.map((s) => s.id)).toEqual([ids[3], ids[2], ids[1]]);
    await store.insert([item(statement({ id: uuid() }))], by);
    const second = await store.query({ limit: 3, ...first.next!, afterSeq: first.next!.afterSeq });
    expect(second.statements.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
  });
});

describe('group commit', () => {
  const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

  it('commits the requests of one turn in one transaction, in queue order, and answers them in that order', async () => {
    const before = store.commits();
    const batches = Array.from({ length: 5 }, (_, i) => Array.from({ length: i + 1 }, () => statement({ id: uuid() })));
    const answered: number[] = [];
    const outcomes = await Promise.all(batches.map((batch, i) => store.insert(batch.map(item), by).then((o) => (answered.push(i), o))));
    expect(outcomes.map((o) => o.stored)).toEqual(batches.map((b) => b.map((s) => s.id)));
    expect(answered).toEqual([0, 1, 2, 3, 4]);
    expect(rows().map((r) => r.id)).toEqual(batches.flat().map((s) => s.id)); // seq order = queue order
    expect(store.commits()).toEqual({ commits: before.commits + 1, requests: before.requests + 5 });
  });

  it('refuses a conflicting request alone: the others of its transaction are stored', async () => {
    const a = statement({ id: uuid() });
    await store.insert([item(a)], by);
    const before = store.commits();
    const first = statement({ id: uuid() });
    const fresh = statement({ id: uuid() });
    const last = statement({ id: uuid() });
    const results = await Promise.all([
      settle(store.insert([item(first)], by)),
      // Its first statement is new, its second conflicts: nothing of it is kept, not even the new one.
      settle(store.insert([item(fresh), item({ ...a, verb: { id: 'http://example.com/other' } })], by)),
      settle(store.insert([item(last)], by)),
    ]);
    expect(results[0]).toEqual({ value: { stored: [first.id], duplicates: [] } });
    expect((results[1] as { error: unknown }).error).toBeInstanceOf(StatementConflict);
    expect(results[2]).toEqual({ value: { stored: [last.id], duplicates: [] } });
    expect(rows().map((r) => r.id)).toEqual([a.id, first.id, last.id]);
    expect(await store.get(fresh.id as string)).toBeUndefined();
    expect(store.commits().commits).toBe(before.commits + 1);
  });

  it('judges two requests of one transaction with the same id as if they came one after the other', async () => {
    const a = statement({ id: uuid() });
    const b = statement({ id: uuid() });
    const results = await Promise.all([
      settle(store.insert([item(a)], by)),
      settle(store.insert([item({ ...a, result: { success: true } })], by)), // other content: 409 for the later one
      settle(store.insert([item(b)], by)),
      settle(store.insert([item(b)], by)), // the same content: a resend, stored once
    ]);
    expect(results[0]).toEqual({ value: { stored: [a.id], duplicates: [] } });
    expect((results[1] as { error: unknown }).error).toBeInstanceOf(StatementConflict);
    expect(results[2]).toEqual({ value: { stored: [b.id], duplicates: [] } });
    expect(results[3]).toEqual({ value: { stored: [], duplicates: [b.id] } });
    expect(rows().map((r) => [r.id, r.body])).toEqual([
      [a.id, JSON.stringify(a)],
      [b.id, JSON.stringify(b)],
    ]);
  });

  it('voids across requests of one transaction, and refuses voiding a voiding statement queued before', async () => {
    const target = uuid();
    const voider = statement({ id: uuid(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } });
    const voidVoider = statement({ id: uuid(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voider.id } });
    const results = await Promise.all([
      settle(store.insert([item(statement({ id: target }))], by)),
      settle(store.insert([item(voider)], by)),
      settle(store.insert([item(voidVoider)], by)),
    ]);
    expect((results[2] as { error: unknown }).error).toBeInstanceOf(VoidingRejected);
    expect((await store.get(target))?.voided).toBe(true);
    expect((await store.get(voider.id as string))?.voided).toBe(false);
    expect(await store.get(voidVoider.id as string)).toBeUndefined();
  });

  it('refers to agent keys and activity IRIs that exist after a request of the same transaction made them and was undone', async () => {
    const existing = statement({ id: uuid() });
    await store.insert([item(existing)], by);
    // The first request makes a new agent key and activity IRI, then fails on its conflict: its savepoint undoes them.
    const actor = { objectType: 'Agent', mbox: 'mailto:new-in-undone@example.com' };
    const object = { objectType: 'Activity', id: 'http://example.com/activities/new-in-undone' };
    const undone = store.insert([item(statement({ id: uuid(), actor, object })), item({ ...existing, verb: { id: 'http://example.com/other' } })], by);
    const kept = statement({ id: uuid(), actor, object });
    const later = store.insert([item(kept)], by);
    await expect(undone).rejects.toThrow(StatementConflict);
    expect(await later).toEqual({ stored: [kept.id], duplicates: [] });
    const db = env.openDb();
    const seq = (db.prepare('SELECT seq FROM statements WHERE id = ?').pluck().get(kept.id) as number);
    expect(db.prepare('SELECT agent_key FROM statement_agents WHERE seq = ? AND related = 0').pluck().all(seq)).toEqual(['mbox:mailto:new-in-undone@example.com']);
    expect(db.prepare('SELECT activity_id FROM statement_activities WHERE seq = ? AND related = 0').pluck().all(seq)).toEqual([object.id]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('refuses the whole group, storing nothing, when SQLite rolls the transaction back', async () => {
    const poison = uuid();
    // A trigger that aborts the whole transaction stands in for a full disk or an I/O error in the middle of a group.
    app.db.exec(`CREATE TEMP TRIGGER abort_group BEFORE INSERT ON main.statements WHEN NEW.id = '${poison}' BEGIN SELECT RAISE(ROLLBACK, 'disk gone'); END`);
    const results = await Promise.all([
      settle(store.insert([item(statement({ id: uuid() }))], by)),
      settle(store.insert([item(statement({ id: poison }))], by)),
      settle(store.insert([item(statement({ id: uuid() }))], by)),
    ]);
    app.db.exec('DROP TRIGGER temp.abort_group');
    for (const r of results) expect(String((r as { error: unknown }).error)).toContain('disk gone');
    expect(rows()).toEqual([]);
    // The store goes on: the next group commits.
    const next = statement({ id: uuid() });
    expect(await store.insert([item(next)], by)).toEqual({ stored: [next.id], duplicates: [] });
  });
});
