// Moving a park from its SQLite file to PostgreSQL: a file made by the real app (statements posted through its routes,
// attachments, a voided statement), a real PostgreSQL server, and every statement compared byte for byte.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../plugins/db.ts';
import { createTestDatabase, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import { newVisit, played, records } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { startLrs, statement, uuid } from '../xapi/test-lrs.ts';
import { createDatabase } from '../storage/database.ts';
import { createPostgresStatementStore, pgText } from '../xapi/store-postgres.ts';
import { moveToPostgres, MoveRefused, type MoveProgress } from './move.ts';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

let server: TestPostgres | null = null;
let baseUrl: string;
let env: TestEnv;
let file: string;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const LONG_VERB = `http://example.com/verbs/${'长'.repeat(900)}`;
const LONG_VERB_STATEMENT = randomUUID();

/** A multipart/mixed statement with one attachment, as an xAPI client sends it. */
function withAttachment(content: Buffer) {
  const json = statement({
    id: uuid(),
    attachments: [{ usageType: 'http://example.com/usage/certificate', display: { 'en-US': 'Certificate' }, contentType: 'application/octet-stream', length: content.length, sha2: sha(content) }],
  });
  const body = Buffer.concat([
    Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha(content)}\r\n\r\n`),
    content,
    Buffer.from('\r\n--b--\r\n'),
  ]);
  return { body, contentType: 'multipart/mixed; boundary=b' };
}

beforeAll(async () => {
  const given = process.env.RUYI_TEST_DATABASE_URL;
  if (given) baseUrl = given;
  else {
    server = await startPostgres();
    baseUrl = server.url;
  }
  // The park: Ruyi's own statements from the kiosk route, other tools' statements on /xapi (one with an attachment,
  // one voided), in several requests.
  // The source is a park's SQLite file, whichever store the rest of the run is on.
  const lrs = await startLrs({}, { postgres: false });
  env = lrs.env;
  const app = lrs.app;
  for (let i = 0; i < 6; i++) {
    const visit = newVisit();
    const res = await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: statementsOf(app, env.config, [records.visitStart(visit), ...played(visit, i % 2 ? { skill: 'poor' } : {}), records.visitEnd(visit)]),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const other = Array.from({ length: 40 }, (_, i) =>
    statement({ id: uuid(), context: { registration: uuid(), contextActivities: { parent: [{ id: `http://example.com/courses/${i % 3}` }] } } }),
  );
  expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: other })).statusCode).toBe(200);
  const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
  const { body, contentType } = withAttachment(binary);
  const attached = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: body, headers: { 'content-type': contentType } });
  expect(attached.statusCode, attached.body).toBe(200);
  const voiding = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: other[3]!.id } });
  expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: voiding })).statusCode).toBe(200);
  // A verb IRI too long for a PostgreSQL index entry: the hub keeps its digest, and must still find it by `verb=`.
  const longVerb = statement({ id: LONG_VERB_STATEMENT, verb: { id: LONG_VERB } });
  expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: longVerb })).statusCode).toBe(200);
  // Unicode beyond the BMP and escapes, kept as sent.
  const odd = `{"id":"${uuid()}","actor":{"mbox":"mailto:z@example.com","name":"张三 🚒 \\u00e9"},"verb":{"id":"http://example.com/v"},"object":{"id":"http://example.com/a/🔥"}}`;
  expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: odd })).statusCode).toBe(200);
  // The rest of what a park keeps, through the app too: the staff password and a session, an enrolled device (and its
  // used code), an xAPI State document.
  await setPasswordDirectly(app);
  const staff = await login(app);
  const code = await app.inject({ method: 'POST', url: '/api/admin/devices/codes', headers: { ...staff, host: '192.168.10.2:8080' }, payload: { label: '东门 1 号机' } });
  expect(code.statusCode, code.body).toBe(201);
  const enrolled = await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code: code.json().code }, remoteAddress: '192.168.10.31' });
  expect(enrolled.statusCode, enrolled.body).toBeLessThan(300);
  const state = `/xapi/activities/state?${new URLSearchParams({ activityId: 'http://example.com/course/1', agent: JSON.stringify({ mbox: 'mailto:a@example.com' }), stateId: 'bookmark' })}`;
  const put = await lrs.request({ method: 'PUT', url: state, payload: { page: 7, 章: '三' } });
  expect(put.statusCode, put.body).toBe(204);
  await app.close();

  file = join(env.config.dataDir, DB_FILE);
  const db = new Database(file);
  // An older park: its first statements were stored months ago (each month gets its partition). A forwarder's state
  // with one refused statement, as the sync ledger keeps it.
  db.prepare("UPDATE statements SET stored = '2025-11-03T08:00:00.123Z' WHERE seq <= 5").run();
  db.prepare("UPDATE statements SET stored = '2026-01-15T23:59:59.999Z' WHERE seq > 5 AND seq <= 9").run();
  const quarantined = db.prepare('SELECT seq, id FROM statements WHERE seq = 12').get() as { seq: number; id: string };
  db.prepare("INSERT INTO sync_state (target, cursor, last_success_at) VALUES ('https://hub.example/xapi/', 20, '2026-12-01T00:00:00.000Z')").run();
  db.prepare("INSERT INTO sync_quarantine (target, seq, statement_id, status, reason, quarantined_at) VALUES ('https://hub.example/xapi/', ?, ?, 400, 'bad', '2026-12-01T00:00:00.000Z')").run(quarantined.seq, quarantined.id);
  // The last statement deleted (erasure): the PostgreSQL sequence must not hand its seq out again.
  const lastSeq = db.prepare('SELECT max(seq) FROM statements').pluck().get() as number;
  db.prepare('DELETE FROM statement_agents WHERE seq = ?').run(lastSeq);
  db.prepare('DELETE FROM statement_activities WHERE seq = ?').run(lastSeq);
  db.prepare('DELETE FROM statements WHERE seq = ?').run(lastSeq);
  db.close();
}, 60_000);

afterAll(async () => {
  await env?.cleanup();
  await server?.stop();
});

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  // bigint as a number, as the server's own pool reads it.
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: ((oid: number, format?: 'text') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const sqlite = () => new Database(file, { readonly: true });

describe('moveToPostgres', () => {
  let url: string;
  let progress: MoveProgress[];
  let result: Awaited<ReturnType<typeof moveToPostgres>>;

  beforeAll(async () => {
    url = await createTestDatabase(baseUrl, 'ruyi_move');
    progress = [];
    result = await moveToPostgres({ sqliteFile: file, databaseUrl: url, batchSize: 25, onProgress: (p) => progress.push(p), now: new Date('2026-12-07T00:00:00Z') });
  }, 60_000);

  it('copies every statement with its seq, id, body and columns, byte for byte and in order', async () => {
    const db = sqlite();
    const source = db.prepare('SELECT * FROM statements ORDER BY seq').all() as Record<string, unknown>[];
    db.close();
    expect(source.length).toBeGreaterThan(100);
    const target = await query<Record<string, unknown>>(url, 'SELECT * FROM statements ORDER BY seq');
    expect(target.map((r) => r.seq)).toEqual(source.map((r) => r.seq));
    expect(target.map((r) => r.id)).toEqual(source.map((r) => r.id));
    for (const [i, s] of source.entries()) {
      const t = target[i]!;
      expect(Buffer.from(t.body as string, 'utf8').equals(Buffer.from(s.body as string, 'utf8')), `body of seq ${s.seq}`).toBe(true);
      expect(new Date(t.stored as Date).toISOString()).toBe(s.stored);
      expect(t.verb_id, `verb_id of seq ${s.seq}`).toEqual(pgText(s.verb_id as string));
      for (const column of ['authority', 'client_id', 'timestamp', 'registration', 'object_statement_id', 'kind', 'visit_id', 'platform', 'locale', 'pack_id', 'scenario_id', 'area', 'run_id', 'score_scaled'])
        expect(t[column], `${column} of seq ${s.seq}`).toEqual(s[column]);
      for (const flag of ['voiding', 'voided', 'passed']) expect(t[flag], `${flag} of seq ${s.seq}`).toEqual(s[flag] === null ? null : Boolean(s[flag]));
    }
    expect(source.some((s) => s.voided === 1) && source.some((s) => s.voiding === 1)).toBe(true);
    expect(result).toMatchObject({ statements: source.length, firstSeq: source[0]!.seq, lastSeq: source.at(-1)!.seq });
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
    // statement_ids: every id once, with its seq and stored.
    const ids = await query<{ id: string; seq: string }>(url, 'SELECT id::text AS id, seq FROM statement_ids ORDER BY seq');
    expect(ids.map((r) => r.id)).toEqual(source.map((r) => r.id));
  });

  it('keeps every agent and activity reference (dictionary ids remapped), so filters find the same statements', async () => {
    const db = sqlite();
    const agents = db.prepare('SELECT r.seq, k.key, r.direct FROM statement_agent_refs r JOIN statement_agent_keys k ON k.id = r.agent ORDER BY r.seq, k.key').all();
    const activities = db.prepare('SELECT r.seq, i.iri, r.direct FROM statement_activity_refs r JOIN statement_activity_iris i ON i.id = r.activity ORDER BY r.seq, i.iri').all();
    db.close();
    const pgAgents = await query<{ seq: number; key: string; direct: boolean }>(url, 'SELECT r.seq, k.key, r.direct FROM statement_agent_refs r JOIN statement_agent_keys k ON k.id = r.agent ORDER BY r.seq, k.key COLLATE "C"');
    const pgActivities = await query<{ seq: number; iri: string; direct: boolean }>(url, 'SELECT r.seq, i.iri, r.direct FROM statement_activity_refs r JOIN statement_activity_iris i ON i.id = r.activity ORDER BY r.seq, i.iri COLLATE "C"');
    expect(agents.length).toBeGreaterThan(100);
    expect(pgAgents.map((r) => ({ seq: Number(r.seq), key: r.key, direct: r.direct ? 1 : 0 }))).toEqual(agents);
    expect(pgActivities.map((r) => ({ seq: Number(r.seq), iri: r.iri, direct: r.direct ? 1 : 0 }))).toEqual(activities);
    // The refs carry their statement's stored (the partition key).
    const [mismatch] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM statement_agent_refs r JOIN statements s ON s.seq = r.seq WHERE r.stored <> s.stored');
    expect(Number(mismatch!.n)).toBe(0);
  });

  it('copies attachments, clients and the sync ledger, and lists what it did not copy', async () => {
    const db = sqlite();
    const attachments = db.prepare('SELECT sha2, content_type, content FROM attachments ORDER BY sha2').all() as { sha2: string; content_type: string; content: Buffer }[];
    const clients = db.prepare('SELECT id, name, role, key, secret_hash, created_at FROM xapi_clients ORDER BY id').all();
    db.close();
    expect(attachments).toHaveLength(1);
    const pgAttachments = await query<{ sha2: string; content_type: string; content: Buffer }>(url, 'SELECT sha2, content_type, content FROM attachments ORDER BY sha2');
    expect(pgAttachments).toHaveLength(1);
    expect(pgAttachments[0]!.content.equals(attachments[0]!.content)).toBe(true);
    expect(sha(pgAttachments[0]!.content)).toBe(attachments[0]!.sha2);
    const pgClients = await query<Record<string, unknown>>(url, 'SELECT id, name, role, key, secret_hash, created_at FROM xapi_clients ORDER BY id');
    expect(pgClients.map((c) => ({ ...c, created_at: (c.created_at as Date).toISOString() }))).toEqual(clients);
    // A client added on the hub later gets a new id, not one of the copied ones.
    const [nextClient] = await query<{ n: number }>(url, "SELECT nextval(pg_get_serial_sequence('xapi_clients', 'id')) AS n");
    expect(nextClient!.n).toBe(Math.max(...(clients as { id: number }[]).map((c) => c.id)) + 1);
    const [state] = await query<{ cursor: string }>(url, 'SELECT cursor FROM sync_state');
    expect(Number(state!.cursor)).toBe(20);
    expect(await query(url, 'SELECT seq::int, status, reason FROM sync_quarantine')).toEqual([{ seq: 12, status: 400, reason: 'bad' }]);
    expect(result.tables).toEqual(expect.arrayContaining([{ table: 'attachments', rows: 1 }, { table: 'xapi_clients', rows: 3 }, { table: 'sync_quarantine', rows: 1 }]));
    expect(result.notCopied.map((n) => n.what)).toContain('statements_deleted');
  });

  it.each(['staff_accounts', 'staff_sessions', 'devices', 'device_codes', 'xapi_documents'])('copies %s row for row', async (table) => {
    const db = sqlite();
    const source = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    db.close();
    expect(source.length, `the app wrote ${table}`).toBeGreaterThan(0);
    const target = await query<Record<string, unknown>>(url, `SELECT * FROM ${table}`);
    // Times come back as Dates, bytes as Buffers: compared as SQLite holds them.
    const same = (row: Record<string, unknown>) =>
      JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k] instanceof Date ? (row[k] as Date).toISOString() : Buffer.isBuffer(row[k]) ? (row[k] as Buffer).toString('hex') : row[k]]));
    expect(target.map(same).sort()).toEqual(source.map(same).sort());
  });

  it('keeps a long verb IRI findable: the hub\'s store answers verb= with the moved statement', async () => {
    const target = createDatabase({ dataDir: '', databaseUrl: url, poolSize: 1 });
    try {
      const page = await createPostgresStatementStore(target.db).query({ verb: LONG_VERB, limit: 10 });
      expect(page.statements.map((s) => s.id)).toEqual([LONG_VERB_STATEMENT]);
    } finally {
      await target.close();
    }
  });

  it('puts each month in its partition and goes on numbering after the highest seq SQLite handed out', async () => {
    const [inDefault] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM statements_default');
    expect(Number(inDefault!.n)).toBe(0);
    const months = await query<{ part: string; n: string }>(url, 'SELECT tableoid::regclass::text AS part, count(*) AS n FROM statements GROUP BY 1 ORDER BY 1');
    expect(months.map((m) => m.part)).toEqual(['statements_p2025_11', 'statements_p2026_01', 'statements_p2026_12']);
    const db = sqlite();
    const handedOut = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'statements'").pluck().get() as number;
    db.close();
    expect(handedOut).toBe(result.lastSeq! + 1); // the deleted last statement
    const [next] = await query<{ n: string }>(url, "SELECT nextval('statements_seq') AS n");
    expect(Number(next!.n)).toBe(handedOut + 1);
  });

  it('reported progress batch by batch', () => {
    const statements = progress.filter((p) => p.table === 'statements');
    expect(statements.length).toBe(Math.ceil(result.statements / 25));
    expect(statements.at(-1)).toEqual({ table: 'statements', done: result.statements, total: result.statements });
  });

  it('refuses a target that already holds statements, changing nothing', async () => {
    const before = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM statements');
    await expect(moveToPostgres({ sqliteFile: file, databaseUrl: url })).rejects.toThrow(/already holds statements.*nothing was changed/);
    await expect(moveToPostgres({ sqliteFile: file, databaseUrl: url })).rejects.toBeInstanceOf(MoveRefused);
    expect(await query(url, 'SELECT count(*) AS n FROM statements')).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('rolls everything back when a late batch fails, and the same command then succeeds once the cause is fixed', async () => {
    const copy = join(env.root, 'broken.sqlite');
    copyFileSync(file, copy);
    const db = new Database(copy);
    const last = db.prepare('SELECT max(seq) FROM statements').pluck().get() as number;
    // Not a UUID: PostgreSQL refuses it (a uuid column), in the last batch.
    db.prepare("UPDATE statements SET registration = 'not-a-uuid' WHERE seq = ?").run(last);
    db.close();
    const url = await createTestDatabase(baseUrl, 'ruyi_move');
    const seen: number[] = [];
    await expect(moveToPostgres({ sqliteFile: copy, databaseUrl: url, batchSize: 10, onProgress: (p) => p.table === 'statements' && seen.push(p.done) })).rejects.toThrow(/uuid/);
    expect(seen.length).toBeGreaterThan(5); // it failed late, after many batches
    for (const table of ['statements', 'statement_ids', 'statement_agent_refs', 'statement_agent_keys', 'xapi_clients', 'attachments', 'sync_state'])
      expect(await query(url, `SELECT count(*)::int AS n FROM ${table}`), table).toEqual([{ n: 0 }]);

    const fixed = new Database(copy);
    fixed.prepare('UPDATE statements SET registration = ? WHERE seq = ?').run(randomUUID(), last);
    fixed.close();
    const moved = await moveToPostgres({ sqliteFile: copy, databaseUrl: url });
    expect(moved.lastSeq).toBe(last);
  }, 60_000);

  it('refuses a file whose schema is not this server\'s, before touching the target', async () => {
    const copy = join(env.root, 'old.sqlite');
    copyFileSync(file, copy);
    const db = new Database(copy);
    db.prepare('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)').run();
    db.close();
    const url = await createTestDatabase(baseUrl, 'ruyi_move');
    await expect(moveToPostgres({ sqliteFile: copy, databaseUrl: url })).rejects.toThrow(/lacks migrations \d+: start this version of the server on it once/);
    expect(await query(url, "SELECT to_regclass('statements') AS t")).toEqual([{ t: null }]);
  });
});

describe('npm run admin -- move-to-postgres', () => {
  it('moves RUYI_DATA_DIR/ruyi.sqlite and prints the verified counts', async () => {
    const url = await createTestDatabase(baseUrl, 'ruyi_move');
    const { stdout } = await run('node', ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', 'move-to-postgres', url], {
      cwd: REPO,
      env: { ...process.env, RUYI_DATA_DIR: env.config.dataDir, RUYI_DATABASE_URL: '' },
      encoding: 'utf8',
    });
    const db = sqlite();
    const count = db.prepare('SELECT count(*) FROM statements').pluck().get() as number;
    db.close();
    expect(stdout).toMatch(new RegExp(`Moved ${count} statements`));
    expect(stdout).toMatch(/verified/);
    expect(await query(url, 'SELECT count(*)::int AS n FROM statements')).toEqual([{ n: count }]);
    // Again: refused with exit code 1 and the reason.
    const again = await run('node', ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', 'move-to-postgres', url], {
      cwd: REPO,
      env: { ...process.env, RUYI_DATA_DIR: env.config.dataDir, RUYI_DATABASE_URL: '' },
      encoding: 'utf8',
    }).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toMatch(/already holds statements/);
  }, 60_000);
});
