// A damaged database is reported, never hidden: at start the server refuses it with a plain message (real process:
// exit 1, no stack trace); found while running, /api/health answers 503 and every write answers 503 with the same
// explanation. Damage is made in real SQLite files: junk over a table's leaf pages in the middle, or over the header.
// SQLite only (PostgreSQL's health: routes/health/health.test.ts).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { newVisit, oneOfEach } from '../test-support/fixture-content.ts';
import { damageHeader, damageTablePages, fillDatabase, runServerToExit } from '../test-support/damage.ts';
import { statementsOf } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { DB_FILE } from './db.ts';
import { analystHeaders } from '../test-support/admin.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

const serverEnv = (e: TestEnv) => ({
  RUYI_DATA_DIR: e.config.dataDir,
  RUYI_CONTENT_DIR: e.config.contentDir,
  RUYI_APP_DIR: e.config.appDir,
});

/** The start-up refusal every damaged file must get: the file, the problem, the steps; no stack trace; exit 1. */
function expectPlainRefusal(result: { code: number | null; stdout: string; stderr: string }, file: string, problem: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`The database ${file} cannot be used`);
  expect(result.stderr).toMatch(problem);
  expect(result.stderr).toContain('To restore:');
  expect(result.stderr).toContain('Move the damaged file aside');
  expect(result.stderr).toContain(`Copy the latest backup (made with \`npm run admin -- backup <file>\`) to ${file}`);
  expect(result.stderr).toContain('section "Data and backup"');
  // No stack trace, no JavaScript error dump: only the message.
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/SqliteError|node:internal|\.ts:\d+/);
  expect(result.stdout).not.toContain('http://');
}

describe('a damaged database at start (the real server process)', () => {
  it('damage in the middle of the statements table: quick_check finds it, the server does not start', { timeout: 60_000 }, async () => {
    env = createTestEnv({ postgres: false });
    const file = join(env.config.dataDir, DB_FILE);
    fillDatabase(env.config.dataDir, 6000);
    damageTablePages(file, 'statements');
    expectPlainRefusal(await runServerToExit(serverEnv(env)), file, /PRAGMA quick_check found damage \(/);
  });

  it('a damaged header (not a database any more): SQLITE_NOTADB, the server does not start', { timeout: 60_000 }, async () => {
    env = createTestEnv({ postgres: false });
    const file = join(env.config.dataDir, DB_FILE);
    fillDatabase(env.config.dataDir, 100);
    damageHeader(file);
    expectPlainRefusal(await runServerToExit(serverEnv(env)), file, /SQLITE_NOTADB: file is not a database/);
  });
});

describe('damage found while running', () => {
  async function damagedWhileRunning(): Promise<{ app: App; file: string }> {
    env = createTestEnv({ postgres: false });
    const file = join(env.config.dataDir, DB_FILE);
    fillDatabase(env.config.dataDir, 6000);
    // Counted by the statistics, so GET /api/stats/summary reads every row.
    const db = new Database(file);
    db.exec(`UPDATE statements SET kind = 'scenario-end', area = 'fire', score_scaled = 0.5, passed = 0`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const app = await env.start();
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    expect(health.json()).not.toHaveProperty('database');
    damageTablePages(file, 'statements', 8);
    return { app, file };
  }

  const expectDamagedHealth = async (app: App, file: string) => {
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    const body = health.json();
    expect(body.status).toBe('damaged');
    expect(body.database.message).toContain(`the database ${file} is damaged`);
    expect(body.database.message).toContain('To restore:');
    expect(body.database.problem).toMatch(/SQLITE_CORRUPT|quick_check/);
  };

  const expectWritesRefused = async (app: App, file: string) => {
    const statements = statementsOf(app, env!.config, oneOfEach(newVisit()));
    for (const request of [
      { method: 'POST' as const, url: '/api/statements', payload: statements },
      { method: 'POST' as const, url: '/xapi/statements', payload: statements, headers: { 'x-experience-api-version': '1.0.3' } },
      { method: 'PUT' as const, url: `/xapi/statements?statementId=${statements[0]!.id}`, payload: statements[0] },
      { method: 'POST' as const, url: '/api/admin/packs', payload: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream' } },
    ]) {
      const res = await app.inject(request);
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(503);
      expect(res.json().message).toContain(`the database ${file} is damaged`);
    }
  };

  it('a request (the statistics) that meets damage answers 503, not a bare 500, and marks the server damaged', async () => {
    const { app, file } = await damagedWhileRunning();
    const staff = await analystHeaders(app);
    // Another connection commits: the server's page cache is dropped and its next read goes to the damaged pages.
    const other = new Database(file);
    other.exec('CREATE TABLE nudge (x INTEGER)');
    other.close();
    const stats = await app.inject({ url: '/api/stats/summary', headers: staff });
    expect(stats.statusCode).toBe(503);
    expect(stats.json().message).toContain(`the database ${file} is damaged (SQLITE_CORRUPT`);
    await expectDamagedHealth(app, file);
    await expectWritesRefused(app, file);
  });

  it('the background check (quick_check in a worker, on its own connection) finds damage no request has met', async () => {
    const { app, file } = await damagedWhileRunning();
    const problems = await app.dbHealth.check();
    expect(problems.length).toBeGreaterThan(0);
    await expectDamagedHealth(app, file);
    await expectWritesRefused(app, file);
    // Reads that do not touch the damage still answer, and staff can still log in (no database write).
    expect((await app.inject({ url: '/api/content' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/admin/session', payload: { password: 'x'.repeat(12) } })).statusCode).not.toBe(503);
  });

  it('a file too big to check before start: the server starts, checks it at once in the background, then refuses writes', async () => {
    env = createTestEnv({ postgres: false, config: { data: { checkMinutes: 0, startCheckMaxBytes: 1024, retentionDays: 0, retentionWithoutSync: 'keep' } } });
    const file = join(env.config.dataDir, DB_FILE);
    fillDatabase(env.config.dataDir, 6000);
    damageTablePages(file, 'statements', 8);
    // With every file checked before start, this one stops the server (the real process's test above).
    const app = await env.start();
    await expect.poll(async () => (await app.inject({ url: '/api/health' })).statusCode, { timeout: 15_000 }).toBe(503);
    await expectDamagedHealth(app, file);
    expect(app.dbHealth.damage?.problem).toMatch(/^PRAGMA quick_check: /);
    await expectWritesRefused(app, file);
  });

  it('a sound database passes the background check and stays ok', async () => {
    env = createTestEnv({ postgres: false });
    fillDatabase(env.config.dataDir, 600);
    const app = await env.start();
    expect(await app.dbHealth.check()).toEqual([]);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect(existsSync(join(env.config.dataDir, DB_FILE))).toBe(true);
  });
});
