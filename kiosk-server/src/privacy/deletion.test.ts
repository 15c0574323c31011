// The statement-deletion store (erasure and retention) on both stores: the same cases, the same answers, and nothing of
// an erased visitor left in any table (statements, ids, references, dictionaries, quarantine, attachments, documents).
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import db from '../plugins/db.ts';
import dbHealth from '../plugins/db-health.ts';
import storagePlugin from '../storage/plugin.ts';
import retentionPlugin from './plugin.ts';
import type { StorageDatabase } from '../storage/database.ts';
import { runAdmin } from '../test-support/damage.ts';
import { createStatementDeletion, type StatementDeletionStore } from './store.ts';
import { expiring } from './retention.ts';
import { ensurePartitions, listPartitions } from '../storage/partitions.ts';
import { countRows, DIALECTS, insertStatements, openTestStore, PARK, visitStatement, type TestStore } from './test-support.ts';

const TARGET = 'http://127.0.0.1:9/xapi/';
const DAY = 86_400_000;

describe.each(DIALECTS)('deleting statements on %s', (dialect) => {
  let store: TestStore;
  let storage: StorageDatabase;
  let deletion: StatementDeletionStore;
  beforeEach(async () => {
    store = await openTestStore(dialect);
    storage = store.storage;
    deletion = createStatementDeletion(storage);
  });
  afterEach(() => store.close());

  const visit = (registration: string, n: number, stored?: string) =>
    Array.from({ length: n }, () => ({ statement: visitStatement(registration), stored }));
  const agentOf = (registration: string) => `account:${PARK}|${registration}`;

  const keysOf = async () => (await storage.db.selectFrom('statement_agent_keys').select('key').execute()).map((r) => r.key);
  const seqsLeft = async () => (await storage.db.selectFrom('statements').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));

  async function syncState(cursor: number) {
    await storage.db.insertInto('sync_state').values({ target: TARGET, cursor }).execute();
  }
  async function quarantine(seq: number, id: string, discarded = false) {
    await storage.db
      .insertInto('sync_quarantine')
      .values({ target: TARGET, seq, statement_id: id, status: 400, reason: 'refused', quarantined_at: new Date().toISOString(), discarded_at: discarded ? new Date().toISOString() : null })
      .execute();
  }
  async function document(kind: 'state' | 'agent-profile', agent: string, registration: string) {
    const content = Buffer.from(`{"of":"${agent}"}`);
    await storage.db
      .insertInto('xapi_documents')
      .values({ kind, activity_id: kind === 'state' ? `${PARK}/activities/a` : '', agent, registration, doc_id: `doc-${kind}`, owner: 1, content, content_type: 'application/json', etag: 'e', updated: Date.now() })
      .execute();
  }

  it('erases a visit by registration: its statements, those referring to them, their side rows and documents', async () => {
    const gone = randomUUID();
    const kept = randomUUID();
    // One stored with microseconds (as PostgreSQL keeps them; the stores give times back in milliseconds).
    const micro = new Date().toISOString().replace('Z', '456Z');
    await insertStatements(storage, [...visit(kept, 3), ...visit(gone, 3), ...visit(gone, 1, micro), ...visit(kept, 2)]);
    const [target] = await storage.db.selectFrom('statements').select('id').where('registration', '=', gone).limit(1).execute();
    // A voiding statement (no registration of its own) refers to one of the visit's statements, and a statement
    // refers to the voiding one: both go.
    const [voiding] = await insertStatements(storage, [
      { statement: { actor: { mbox: 'mailto:staff@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target!.id } } },
    ]);
    await insertStatements(storage, [{ statement: { actor: { mbox: 'mailto:staff@example.com' }, verb: { id: 'http://example.com/noted' }, object: { objectType: 'StatementRef', id: voiding!.id } } }]);
    await document('state', agentOf(gone), gone);
    await document('agent-profile', agentOf(gone), '');
    await document('state', agentOf(kept), kept);
    const activitiesBefore = await countRows(storage, 'statement_activity_iris');

    const plan = await deletion.planErase({ registration: gone }, null);
    expect(plan).toMatchObject({ forwarded: 0, documents: 1 });
    expect(plan.seqs).toHaveLength(6);
    expect(await countRows(storage, 'statements')).toBe(11); // the plan changes nothing

    const result = await deletion.erase({ registration: gone }, null);
    expect(result).toMatchObject({ statements: 6, forwarded: 0, documents: 1, attachments: 0 });
    expect(await countRows(storage, 'statements')).toBe(5);
    expect(await storage.db.selectFrom('statements').select('id').where('registration', '=', gone).execute()).toEqual([]);
    if (dialect === 'postgres') expect(await countRows(storage, 'statement_ids')).toBe(5);
    // Every reference left belongs to a statement left; the visitor's key left the dictionary (the staff member's
    // too: only the erased statements named them), and the erased statements' activities with it.
    const left = new Set(await seqsLeft());
    for (const table of ['statement_agent_refs', 'statement_activity_refs'] as const)
      for (const { seq } of await storage.db.selectFrom(table).select('seq').execute()) expect(left.has(Number(seq))).toBe(true);
    expect(await keysOf()).not.toContain(agentOf(gone));
    expect(await keysOf()).not.toContain('mbox:mailto:staff@example.com');
    expect(await keysOf()).toContain(agentOf(kept));
    expect(await countRows(storage, 'statement_activity_iris')).toBe(activitiesBefore - 4); // one per visit statement
    // Its State document went; the Agent Profile (no registration) names the agent, not the visit, and stays.
    expect(await countRows(storage, 'xapi_documents')).toBe(2);

    expect(await deletion.erase({ registration: gone }, null)).toMatchObject({ statements: 0, documents: 0 });
    // Not a UUID: names nothing, fails nothing.
    expect(await deletion.erase({ registration: 'not-a-uuid' }, null)).toMatchObject({ statements: 0 });
  });

  it('erases an agent: every statement naming it and its documents, never by the authority', async () => {
    const a = randomUUID();
    const other = randomUUID();
    await insertStatements(storage, [
      ...visit(a, 3),
      ...visit(other, 2),
      // Named only in context (an instructor): related, so erased too.
      { statement: visitStatement(other, { context: { registration: other, instructor: { account: { homePage: PARK, name: a } } } }) },
    ]);
    await document('state', agentOf(a), a);
    await document('agent-profile', agentOf(a), '');
    await document('agent-profile', agentOf(other), '');

    expect(await deletion.planErase({ agentKey: agentOf(a) }, null)).toMatchObject({ documents: 2 });
    expect(await deletion.erase({ agentKey: agentOf(a) }, null)).toMatchObject({ statements: 4, documents: 2 });
    expect(await countRows(storage, 'statements')).toBe(2);
    expect(await keysOf()).not.toContain(agentOf(a));
    expect(await countRows(storage, 'xapi_documents')).toBe(1);
    // The authority (the client that sent them) is related to every statement; it is not a person to erase by.
    const authority = (await keysOf()).find((k) => k.includes('local-tool'))!;
    expect(authority).toBeDefined();
    expect(await deletion.erase({ agentKey: authority }, null)).toMatchObject({ statements: 0 });
    expect(await countRows(storage, 'statements')).toBe(2);
  });

  it('says how many of the erased statements the sync target already has, and drops their quarantine entries', async () => {
    const v = randomUUID();
    const rows = await insertStatements(storage, [...visit(v, 5), ...visit(randomUUID(), 2)]);
    await syncState(rows[3]!.seq); // the first four were sent on…
    await quarantine(rows[1]!.seq, rows[1]!.id); // …but this one was refused
    expect(await deletion.erase({ registration: v }, TARGET)).toMatchObject({ statements: 5, forwarded: 3 });
    expect(await countRows(storage, 'sync_quarantine')).toBe(0);
  });

  it('deletes attachment bytes no statement names any more, and keeps those another still names', async () => {
    const gone = randomUUID();
    const kept = randomUUID();
    const shared = 'a'.repeat(64);
    const own = 'b'.repeat(64);
    const attachment = (sha2: string) => ({ usageType: 'http://example.com/photo', display: { en: 'photo' }, contentType: 'image/png', length: 3, sha2 });
    await storage.db
      .insertInto('attachments')
      .values([shared, own].map((sha2) => ({ sha2, content_type: 'image/png', content: Buffer.from('png') })))
      .execute();
    await insertStatements(storage, [
      { statement: visitStatement(gone, { attachments: [attachment(shared), attachment(own)] }) },
      { statement: visitStatement(kept, { attachments: [attachment(shared)] }) },
    ]);
    expect(await deletion.erase({ registration: gone }, null)).toMatchObject({ statements: 1, attachments: 1 });
    expect((await storage.db.selectFrom('attachments').select('sha2').execute()).map((r) => r.sha2)).toEqual([shared]);
  });

  it('retention deletes only old statements the sync target has, not those waiting in quarantine', async () => {
    const now = Date.now();
    const old = new Date(now - 40 * DAY).toISOString();
    const recent = new Date(now - 2 * DAY).toISOString();
    const v = randomUUID();
    const rows = await insertStatements(storage, [...visit(v, 30, old), ...visit(v, 10, recent)]);
    const seq = (i: number) => rows[i - 1]!.seq; // the i-th statement, from 1
    await syncState(seq(20)); // 1..20 forwarded; 21..30 old but not yet
    await quarantine(seq(5), rows[4]!.id); // waiting for the operator
    await quarantine(seq(6), rows[5]!.id, true); // the operator chose never to send it: it may go

    const expire = expiring(deletion, { days: 30, syncTarget: TARGET, withoutSync: 'keep' });
    expect(await expire.deleteBatch(now, 7)).toBe(7);
    expect(await expire.deleteBatch(now)).toBe(12);
    expect(await expire.deleteBatch(now)).toBe(0);
    expect(await seqsLeft()).toEqual([seq(5), ...Array.from({ length: 20 }, (_, i) => seq(21 + i))]);
    expect(await countRows(storage, 'sync_quarantine')).toBe(1);
    if (dialect === 'postgres') expect(await countRows(storage, 'statement_ids')).toBe(21);
    expect(await countRows(storage, 'statement_agent_refs')).toBe(21 * 2); // the visitor and the authority, each
    // Once forwarded, the rest of the old ones go at the next run.
    await storage.db.updateTable('sync_state').set({ cursor: seq(40) }).where('target', '=', TARGET).execute();
    expect(await expire.deleteBatch(now)).toBe(10);
    expect(await countRows(storage, 'statements')).toBe(11);
  });

  it.runIf(dialect === 'postgres')('a retention pass drops the old months it left empty, and keeps a month with a statement left', async () => {
    await ensurePartitions(storage, { now: new Date('2025-11-15T00:00:00Z'), monthsAhead: 1 });
    const v = randomUUID();
    const rows = await insertStatements(storage, [
      ...visit(v, 5, '2025-11-10T08:00:00.000Z'),
      ...visit(v, 3, '2025-12-10T08:00:00.000Z'),
      ...visit(v, 2),
    ]);
    await syncState(rows[5]!.seq); // November and the first of December forwarded
    const months = async () => (await listPartitions(storage, 'statements')).map((p) => p.name).filter((n) => /_p2025_/.test(n));
    expect(await months()).toEqual(['statements_p2025_11', 'statements_p2025_12']);

    const expire = expiring(deletion, { days: 30, syncTarget: TARGET, withoutSync: 'keep' });
    // A batch that stops short of the end leaves every partition in place.
    expect(await expire.deleteBatch(Date.now(), 3)).toBe(3);
    expect(await months()).toEqual(['statements_p2025_11', 'statements_p2025_12']);
    expect(await expire.deleteBatch(Date.now())).toBe(3);
    expect(await months()).toEqual(['statements_p2025_12']);
    for (const table of ['statement_agent_refs', 'statement_activity_refs'])
      expect((await listPartitions(storage, table)).map((p) => p.name).filter((n) => /_p2025_/.test(n)), table).toEqual([`${table}_p2025_12`]);
    expect(await countRows(storage, 'statements')).toBe(4);

    // Once the rest of December is forwarded, its month goes too; this month's and the coming ones stay.
    await storage.db.updateTable('sync_state').set({ cursor: rows[9]!.seq }).where('target', '=', TARGET).execute();
    expect(await expire.deleteBatch(Date.now())).toBe(2);
    expect(await months()).toEqual([]);
    expect((await listPartitions(storage, 'statements')).length).toBeGreaterThan(3);
    expect(await countRows(storage, 'statements')).toBe(2);
  });

  it('npm run admin -- erase works on this store: asks first, erases, says how many the hub already has', { timeout: 90_000 }, async () => {
    const v = randomUUID();
    const rows = await insertStatements(storage, [...visit(v, 4), ...visit(randomUUID(), 1)]);
    await syncState(rows[1]!.seq);
    await document('state', agentOf(v), v);
    const cli = { ...store.env, RUYI_SYNC_URL: TARGET, RUYI_SYNC_KEY: 'k', RUYI_SYNC_SECRET: 's' };

    const declined = await runAdmin(['erase', '--registration', v], cli, 'n\n');
    expect(declined.stderr).toBe('');
    expect(declined.code).toBe(1);
    expect(declined.stdout).toContain(`Erase 4 statements and 1 xAPI documents of visit ${v} from ${storage.location} for good?`);
    expect(await countRows(storage, 'statements')).toBe(5);

    const done = await runAdmin(['erase', '--registration', v, '--yes'], cli);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Erased 4 statements and 1 xAPI documents of visit ${v} from ${storage.location}`);
    expect(done.stdout).toContain(`2 of them had already been forwarded to ${TARGET}`);
    expect(await countRows(storage, 'statements')).toBe(1);
    expect(await countRows(storage, 'xapi_documents')).toBe(0);
  });

  it('retention with no sync target keeps everything unless told to delete', async () => {
    const now = Date.now();
    await insertStatements(storage, [...visit(randomUUID(), 6, new Date(now - 10 * DAY).toISOString()), ...visit(randomUUID(), 4)]);
    expect(await expiring(deletion, { days: 7, syncTarget: null, withoutSync: 'keep' }).deleteBatch(now)).toBe(0);
    expect(await expiring(deletion, { days: 0, syncTarget: null, withoutSync: 'delete' }).deleteBatch(now)).toBe(0);
    expect(await expiring(deletion, { days: 7, syncTarget: null, withoutSync: 'delete' }).deleteBatch(now)).toBe(6);
    expect(await countRows(storage, 'statements')).toBe(4);
    // Nothing of the expired visit is left in the dictionary.
    expect(await countRows(storage, 'statement_agent_keys')).toBe(2);
  });
});

describe.each(DIALECTS)('the retention plugin on %s', (dialect) => {
  let store: TestStore | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await store?.close();
    app = store = undefined;
  });

  it('deletes expired statements at start, from the store in use, and offers app.erasure', async () => {
    store = await openTestStore(dialect);
    const old = new Date(Date.now() - 31 * DAY).toISOString();
    await insertStatements(store.storage, [
      ...Array.from({ length: 3 }, () => ({ statement: visitStatement(randomUUID()), stored: old })),
      { statement: visitStatement(randomUUID()) },
    ]);
    app = Fastify({ logger: false });
    await app.register(storagePlugin, { dataDir: store.env.RUYI_DATA_DIR, databaseUrl: store.env.RUYI_DATABASE_URL ?? null });
    await app.register(db);
    await app.register(dbHealth, { checkMinutes: 0 });
    await app.register(retentionPlugin, { days: 30, syncTarget: null, withoutSync: 'delete' });
    await app.ready();
    const storage = store.storage;
    await expect.poll(() => countRows(storage, 'statements')).toBe(1);
    expect(await app.retention.run()).toBe(0);
    expect(app.erasure).toBeDefined();
    const [left] = await storage.db.selectFrom('statements').select('registration').execute();
    expect(await app.erasure.erase({ registration: left!.registration! }, null)).toMatchObject({ statements: 1 });
  });
});

