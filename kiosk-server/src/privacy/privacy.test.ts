// Visitors' data: erased for good on request, expired by retention only once forwarded, never written to the log.
// On the SQLite file (its bytes, secure_delete, its forwarder ledger); both stores: deletion.test.ts.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { DB_FILE } from '../plugins/db.ts';
import { sqliteLedger, sqliteQueue } from '../sync/sqlite.ts';
import { addClient, post, statement } from '../sync/test-support.ts';
import { basicAuthorization } from '../sync/http-transport.ts';
import { runAdmin } from '../test-support/damage.ts';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { erase, parseAgent } from './erase.ts';
import { retention } from './retention.ts';

const PARK = 'https://ruyi.localhost/parks/test';
const TARGET = 'http://127.0.0.1:9/xapi/';

let env: TestEnv | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  await env?.cleanup();
  env = server = undefined;
});

/** One visit's statements as the kiosk app shapes them: the visit id is the account name and the registration. */
const visit = (registration: string, n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, () =>
    statement({ actor: { objectType: 'Agent', account: { homePage: PARK, name: registration } }, context: { registration }, ...extra }),
  );

async function appWithClient(config: Parameters<typeof createTestEnv>[0] = {}) {
  env = createTestEnv({ ...config, postgres: false });
  const app = await env.start();
  const writer = addClient(app, 'hub', 'local-tool');
  const party = { env, app, writer: basicAuthorization(writer.key, writer.secret) };
  return { app, store: (statements: unknown[]) => post(party, statements) };
}

const count = (app: App, sql: string, ...params: unknown[]) => app.db.prepare(sql).pluck().get(...params) as number;

describe('erase', () => {
  it('--registration deletes that visit and what refers to it, from every table, and overwrites the bytes', async () => {
    const { app, store } = await appWithClient();
    const gone = randomUUID();
    const kept = randomUUID();
    await store([...visit(kept, 5), ...visit(gone, 7), ...visit(kept, 5)]);
    const target = app.db.prepare('SELECT id FROM statements WHERE registration = ? LIMIT 1').pluck().get(gone) as string;
    // A voiding statement (no registration of its own) that refers to one of the visit's statements goes too.
    await store([statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } })]);
    const file = join(env!.config.dataDir, DB_FILE);
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(gone)).toBe(true);

    const result = erase(app.db, { registration: gone }, null);
    expect(result).toMatchObject({ statements: 8, forwarded: 0 });
    expect(count(app, 'SELECT count(*) FROM statements WHERE registration = ?', gone)).toBe(0);
    expect(count(app, 'SELECT count(*) FROM statements WHERE registration = ?', kept)).toBe(10);
    expect(count(app, 'SELECT count(*) FROM statements')).toBe(10);
    expect(count(app, 'SELECT count(*) FROM statement_agents WHERE seq NOT IN (SELECT seq FROM statements)')).toBe(0);
    expect(count(app, 'SELECT count(*) FROM statement_activities WHERE seq NOT IN (SELECT seq FROM statements)')).toBe(0);
    expect(count(app, 'SELECT count(*) FROM statement_agents WHERE agent_key = ?', `account:${PARK}|${gone}`)).toBe(0);
    // secure_delete: after a checkpoint the visit id is nowhere in the file, not even in free pages.
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(gone)).toBe(false);
    expect(readFileSync(file).includes(kept)).toBe(true);
    expect(erase(app.db, { registration: gone }, null).statements).toBe(0);
  });

  it('--agent takes the JSON, a key or a mailto: and deletes only statements naming that agent (not its authority)', async () => {
    const { app, store } = await appWithClient();
    const a = randomUUID();
    await store([...visit(a, 3), ...visit(randomUUID(), 4), statement({ actor: { mbox: 'mailto:Kid@EXAMPLE.com' } })]);
    const json = parseAgent(JSON.stringify({ account: { homePage: PARK, name: a } }));
    expect(json).toEqual({ ok: true, key: `account:${PARK}|${a}` });
    expect(erase(app.db, { agentKey: (json as { key: string }).key }, null).statements).toBe(3);
    const mbox = parseAgent('mailto:Kid@example.com'); // the domain is case-insensitive, the local part is not
    expect(erase(app.db, { agentKey: (mbox as { key: string }).key }, null).statements).toBe(1);
    expect(count(app, 'SELECT count(*) FROM statements')).toBe(4);
    // The authority (the client that sent them) names every statement; it is not a person to erase by.
    const authority = app.db.prepare(`SELECT agent_key FROM statement_agents WHERE related = 1 AND agent_key LIKE '%local-tool%' LIMIT 1`).pluck().get() as string | undefined;
    if (authority) expect(erase(app.db, { agentKey: authority }, null).statements).toBe(0);
    expect(parseAgent('someone')).toMatchObject({ ok: false });
  });

  it('takes the xAPI documents (State, Agent Profile) of that visit or agent with it, and no others', async () => {
    const { app, store } = await appWithClient();
    const gone = randomUUID();
    const kept = randomUUID();
    await store([...visit(gone, 2), ...visit(kept, 2)]);
    const agentOf = (visitId: string) => `account:${PARK}|${visitId}`;
    const put = (kind: 'state' | 'agent-profile', visitId: string, registration: string) =>
      app.documents.change(
        { kind, activityId: kind === 'state' ? 'https://ruyi.localhost/xapi/activities/a' : '', agent: agentOf(visitId), registration, id: `doc-${kind}` },
        1,
        () => ({ action: 'write', content: Buffer.from(`{"of":"${visitId}"}`), contentType: 'application/json' }),
      );
    await put('state', gone, gone);
    await put('agent-profile', gone, '');
    await put('state', kept, kept);
    await put('agent-profile', kept, '');
    const documents = () => count(app, 'SELECT count(*) FROM xapi_documents');

    // By visit: its State documents (registration); by agent: every document naming it.
    expect(erase(app.db, { registration: gone }, null)).toMatchObject({ statements: 2, documents: 1 });
    expect(documents()).toBe(3);
    expect(erase(app.db, { agentKey: agentOf(gone) }, null)).toMatchObject({ statements: 0, documents: 1 });
    expect(documents()).toBe(2);
    expect(count(app, 'SELECT count(*) FROM xapi_documents WHERE agent = ?', agentOf(kept))).toBe(2);
  });

  it('keeps the forwarder right: the backlog counts what is left, and the hub copies are reported', async () => {
    const { app, store } = await appWithClient();
    const ledger = sqliteLedger(app.db, TARGET);
    const queue = sqliteQueue(app.db);
    const visits = Array.from({ length: 6 }, () => randomUUID());
    for (const v of visits) await store(visit(v, 5)); // seqs 1..30, visit i has seqs 5i+1..5i+5
    ledger.delivered(10, Date.now()); // visits 0 and 1 are on the hub
    const exact = (after: number) => count(app, 'SELECT count(*) FROM statements WHERE seq > ?', after);
    expect(queue.countAfter(10)).toBe(20);

    expect(erase(app.db, { registration: visits[1]! }, TARGET)).toMatchObject({ statements: 5, forwarded: 5 });
    expect(erase(app.db, { registration: visits[3]! }, TARGET)).toMatchObject({ statements: 5, forwarded: 0 });
    expect(erase(app.db, { registration: visits[5]! }, TARGET)).toMatchObject({ statements: 5, forwarded: 0 }); // the newest
    for (const after of [0, 5, 10, 12, 17, 20, 25, 30]) expect(queue.countAfter(after), `backlog after ${after}`).toBe(exact(after));
    await store(visit(randomUUID(), 2)); // seqs 31, 32: AUTOINCREMENT never reuses the erased ones
    for (const after of [0, 10, 20, 30, 31]) expect(queue.countAfter(after), `backlog after ${after}`).toBe(exact(after));
  });

  it('npm run admin -- erase asks first, says what it did, and that the hub keeps its copies', { timeout: 60_000 }, async () => {
    const { app, store } = await appWithClient();
    const v = randomUUID();
    await store(visit(v, 4));
    sqliteLedger(app.db, TARGET).delivered(2, Date.now());
    await app.close();
    const cli = { RUYI_DATA_DIR: env!.config.dataDir, RUYI_SYNC_URL: TARGET, RUYI_SYNC_KEY: 'k', RUYI_SYNC_SECRET: 's' };

    const declined = await runAdmin(['erase', '--registration', v], cli, 'n\n');
    expect(declined.code).toBe(1);
    expect(declined.stdout).toContain(`Erase 4 statements of visit ${v}`);
    expect(declined.stdout).toContain('Nothing was erased.');

    const done = await runAdmin(['erase', '--registration', v.toUpperCase(), '--yes'], cli);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Erased 4 statements of visit ${v}`);
    expect(done.stdout).toContain(`This erases them on this server only. 2 of them had already been forwarded to ${TARGET}`);
    const db = new Database(join(env!.config.dataDir, DB_FILE), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    db.close();

    const bad = await runAdmin(['erase', '--registration', 'not-a-uuid', '--yes'], cli);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--registration: must be a UUID (the visit id), got 'not-a-uuid'");
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-07-01T12:00:00.000Z');
  const storedAt = (app: App, seqs: [number, number], daysAgo: number) =>
    app.db.prepare('UPDATE statements SET stored = ? WHERE seq BETWEEN ? AND ?').run(new Date(now - daysAgo * DAY).toISOString(), ...seqs);

  it('deletes only statements older than N days that the sync target has (not those waiting in quarantine)', async () => {
    const { app, store } = await appWithClient();
    await store(visit(randomUUID(), 40));
    storedAt(app, [1, 30], 40); // old
    storedAt(app, [31, 40], 2); // recent
    const ledger = sqliteLedger(app.db, TARGET);
    ledger.delivered(20, now); // 1..20 forwarded; 21..30 old but not yet forwarded
    ledger.quarantine({ seq: 5, id: 'x', status: 400, reason: 'refused', at: now }); // waiting for the operator
    ledger.quarantine({ seq: 6, id: 'y', status: 400, reason: 'refused', at: now });
    ledger.discard(6, now); // the operator chose never to send it: it may go

    const expire = retention(app.db, { days: 30, syncTarget: TARGET, withoutSync: 'keep' });
    expect(expire.deleteBatch(now, 7)).toBe(7);
    expect(expire.deleteBatch(now)).toBe(12);
    expect(expire.deleteBatch(now)).toBe(0);
    const left = app.db.prepare('SELECT seq FROM statements ORDER BY seq').pluck().all();
    expect(left).toEqual([5, ...Array.from({ length: 20 }, (_, i) => 21 + i)]);
    expect(sqliteQueue(app.db).countAfter(20)).toBe(20);
    // Once forwarded, the rest of the old ones go at the next run.
    ledger.delivered(40, now);
    expect(expire.deleteBatch(now)).toBe(10);
  });

  it('with no sync target keeps everything unless RUYI_RETENTION_WITHOUT_SYNC=delete', async () => {
    const { app, store } = await appWithClient();
    await store(visit(randomUUID(), 10));
    storedAt(app, [1, 6], 10);
    expect(retention(app.db, { days: 7, syncTarget: null, withoutSync: 'keep' }).deleteBatch(now)).toBe(0);
    expect(retention(app.db, { days: 0, syncTarget: null, withoutSync: 'delete' }).deleteBatch(now)).toBe(0);
    expect(retention(app.db, { days: 7, syncTarget: null, withoutSync: 'delete' }).deleteBatch(now)).toBe(6);
    expect(count(app, 'SELECT count(*) FROM statements')).toBe(4);
  });

  it('runs in the server at start (the plugin), from RUYI_RETENTION_DAYS', async () => {
    env = createTestEnv({ postgres: false, config: { data: { checkMinutes: 0, retentionDays: 30, retentionWithoutSync: 'delete' } } });
    const first = await env.start();
    const writer = addClient(first, 'hub', 'local-tool');
    await post({ env, app: first, writer: basicAuthorization(writer.key, writer.secret) }, visit(randomUUID(), 5));
    first.db.prepare('UPDATE statements SET stored = ? WHERE seq <= 3').run(new Date(Date.now() - 31 * DAY).toISOString());
    await first.close();
    const app = await env.start();
    await app.ready();
    await expect.poll(() => count(app, 'SELECT count(*) FROM statements')).toBe(2);
    expect(await app.retention.run()).toBe(0);
  });
});

describe('the log at info', () => {
  it('names the path of each request, never its query string', { timeout: 60_000 }, async () => {
    env = createTestEnv();
    server = await startServerProcess({
      RUYI_DATA_DIR: env.config.dataDir,
      RUYI_CONTENT_DIR: env.config.contentDir,
      RUYI_APP_DIR: env.config.appDir,
      RUYI_LOG_LEVEL: 'info',
    });
    let log = '';
    server.process.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    const agent = encodeURIComponent(JSON.stringify({ mbox: 'mailto:kid@example.com' }));
    await fetch(`${server.url}/xapi/agents?agent=${agent}`);
    await fetch(`${server.url}/api/health?visitor=mailto:kid@example.com&registration=3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b`);
    await expect.poll(() => log.split('\n').filter((l) => l.includes('request completed')).length).toBeGreaterThanOrEqual(2);
    const lines = log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    expect(lines.filter((l) => l.msg === 'incoming request').map((l) => l.req?.url)).toEqual(expect.arrayContaining(['/xapi/agents', '/api/health']));
    expect(log).not.toMatch(/kid|example\.com|mailto|3f1c2a9e|agent=|visitor=/);
  });
});
