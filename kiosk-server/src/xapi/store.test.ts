// The statement store on a real SQLite file: one transaction per insert, conflicts, voiding order, Ruyi's facts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '@ruyi/xapi';
import type { App } from '../app.ts';
import { oneOfEach } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { createAdmission } from '../records/admission.ts';
import { createStatementStore, StatementConflict, VoidingRejected, type StatementStore } from './store.ts';
import { statement, uuid } from './test-lrs.ts';

let env: TestEnv;
let app: App;
let store: StatementStore;
const by = { authority: { objectType: 'Agent' as const, account: { homePage: 'https://ruyi.localhost/parks/test', name: 'kiosk-app' } }, clientId: null };
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
  store = createStatementStore(app.db);
});
afterEach(() => env.cleanup());

const item = (s: Record<string, unknown>) => ({ statement: s as Statement, body: JSON.stringify(s) });
const rows = () => env.openDb().prepare('SELECT * FROM statements ORDER BY seq').all() as Record<string, unknown>[];

describe('createStatementStore', () => {
  it('stores a batch with the exact bodies, reports duplicates, and stores nothing of a batch with a conflict', () => {
    const a = statement({ id: uuid() });
    const b = statement({ id: uuid() });
    expect(store.insert([item(a), item(b)], by, [])).toEqual({ stored: [a.id, b.id], duplicates: [] });
    expect(rows().map((r) => r.body)).toEqual([JSON.stringify(a), JSON.stringify(b)]);
    const c = statement({ id: uuid() });
    expect(store.insert([item(c), item(a)], by)).toEqual({ stored: [c.id], duplicates: [a.id] });
    const d = statement({ id: uuid() });
    expect(() => store.insert([item(d), item({ ...b, verb: { id: 'http://example.com/other' } })], by)).toThrow(StatementConflict);
    expect(rows()).toHaveLength(3);
    expect(store.count()).toBe(3);
  });

  it('throws StatementConflict for one id twice in a batch with different content, and takes identical twins once', () => {
    const a = statement({ id: uuid() });
    expect(() => store.insert([item(a), item({ ...a, result: { success: true } })], by)).toThrow(StatementConflict);
    expect(store.insert([item(a), item(a)], by)).toEqual({ stored: [a.id], duplicates: [a.id] });
  });

  it('applies voiding in either arrival order, and refuses to void a voiding statement', () => {
    const target = uuid();
    const voider = statement({ id: uuid(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } });
    store.insert([item(voider)], by);
    store.insert([item(statement({ id: target }))], by);
    expect(store.get(target)?.voided).toBe(true);
    expect(store.get(voider.id as string)?.voided).toBe(false);
    const voidVoider = statement({ id: uuid(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voider.id } });
    expect(() => store.insert([item(voidVoider)], by)).toThrow(VoidingRejected);
    expect(store.get(voider.id as string)?.voided).toBe(false);
  });

  it("fills the statistics columns with the facts admission gives Ruyi's own statements, and leaves them null for other tools'", () => {
    const statements = statementsOf(app, env.config, oneOfEach());
    const admission = createAdmission(app.db, { base: env.config.xapi.base, content: () => app.content.index() });
    const facts = admission.admit({ statements, clientId: null, at: (i) => `[${i}].` });
    store.insert([...statements.map((s, i) => ({ statement: s, body: JSON.stringify(s), facts: facts[i] })), item(statement({ id: uuid() }))], by);
    const all = rows();
    const end = all.find((r) => r.kind === 'scenario-end')!;
    expect(end).toMatchObject({ pack_id: 'fire-test', scenario_id: 'workshop', area: 'fire', platform: 'kiosk', locale: 'zh-CN' });
    expect(end.visit_id).toEqual(all[0]!.visit_id);
    expect(typeof end.score_scaled).toBe('number');
    expect(all.at(-1)).toMatchObject({ kind: null, visit_id: null, area: null });
  });

  it('pages a query by seq, bounded by the newest seq of the first page', () => {
    const ids = Array.from({ length: 4 }, () => uuid());
    store.insert(ids.map((id) => item(statement({ id }))), by);
    const first = store.query({ limit: 3 });
    expect(first.statements.map((s) => s.id)).toEqual([ids[3], ids[2], ids[1]]);
    store.insert([item(statement({ id: uuid() }))], by);
    const second = store.query({ limit: 3, ...first.next!, afterSeq: first.next!.afterSeq });
    expect(second.statements.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
  });
});
