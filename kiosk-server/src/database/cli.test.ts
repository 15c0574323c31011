// `npm run admin -- backup` and `integrity-check` as an operator runs them: real processes on real files, the backup
// while a real server process is taking writes.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, DB_FILE } from '../plugins/db.ts';
import { basicAuthorization } from '../sync/http-transport.ts';
import { statement } from '../sync/test-support.ts';
import { damageTablePages, fillDatabase, runAdmin } from '../test-support/damage.ts';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { createClientRegistry } from '../xapi/clients.ts';

let env: TestEnv | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  await env?.cleanup();
  env = server = undefined;
});

describe('npm run admin -- backup <file>', () => {
  it('copies the database while the server writes: the copy opens, passes quick_check and has every statement acknowledged before it started', { timeout: 90_000 }, async () => {
    const e = (env = createTestEnv({ postgres: false }));
    fillDatabase(e.config.dataDir, 3000);
    const db = openDatabase(e.config.dataDir);
    migrate(db);
    const { key, secret } = createClientRegistry(db).add('park-tool', 'kiosk');
    db.close();
    server = await startServerProcess({ RUYI_DATA_DIR: e.config.dataDir, RUYI_CONTENT_DIR: e.config.contentDir, RUYI_APP_DIR: e.config.appDir });
    const headers = { authorization: basicAuthorization(key, secret), 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' };

    const acknowledged: string[] = [];
    const refused: string[] = [];
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        const batch = Array.from({ length: 20 }, () => statement());
        const res = await fetch(`${server!.url}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(batch) });
        if (res.status === 200) acknowledged.push(...batch.map((s) => s.id as string));
        else if (res.status !== 429) refused.push(`${res.status} ${await res.text()}`);
      }
    })();
    while (acknowledged.length < 200 && refused.length === 0) await new Promise((r) => setTimeout(r, 10));
    const before = [...acknowledged];
    const target = join(e.root, 'ruyi-backup.sqlite');
    const result = await runAdmin(['backup', target], { RUYI_DATA_DIR: e.config.dataDir });
    const during = acknowledged.length;
    stop = true;
    await writer;
    expect(refused).toEqual([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(during).toBeGreaterThan(before.length); // the server went on taking writes while the copy was made
    expect(result.stdout).toMatch(new RegExp(`Backed up .*${DB_FILE} to ${target}: [\\d.]+ MiB, \\d+ statements, checked \\(quick_check ok\\)`));

    expect(existsSync(`${target}-wal`)).toBe(false);
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(copy.prepare('SELECT id FROM statements').pluck().all() as string[]);
      expect(ids.size).toBeGreaterThanOrEqual(3000 + before.length);
      for (const id of before) expect(ids.has(id), `statement ${id} acknowledged before the backup`).toBe(true);
    } finally {
      copy.close();
    }
    expect(result.stdout).toContain(`${(statSync(target).size / 1024 / 1024).toFixed(1)} MiB`);

    // A second backup to the same file is refused and leaves the first one as it was.
    const bytes = readFileSync(target);
    const again = await runAdmin(['backup', target], { RUYI_DATA_DIR: e.config.dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${target} already exists; choose a new file name`);
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});

describe('npm run admin -- integrity-check', () => {
  it('prints ok for a sound file (exit 0), and the problems with the restore steps for a damaged one (exit 1)', { timeout: 60_000 }, async () => {
    const e = (env = createTestEnv({ postgres: false }));
    const file = join(e.config.dataDir, DB_FILE);
    fillDatabase(e.config.dataDir, 6000);
    const sound = await runAdmin(['integrity-check'], { RUYI_DATA_DIR: e.config.dataDir });
    expect(sound).toMatchObject({ code: 0, stderr: '' });
    expect(sound.stdout.trim()).toBe(`ok: ${file} passed PRAGMA integrity_check`);

    damageTablePages(file, 'statements');
    const damaged = await runAdmin(['integrity-check'], { RUYI_DATA_DIR: e.config.dataDir });
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain(`${file} is damaged: PRAGMA integrity_check found`);
    expect(damaged.stdout).toMatch(/Tree \d+ page \d+|database disk image is malformed|btreeInitPage/);
    expect(damaged.stdout).toContain('To restore:');
    expect(damaged.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('on a server whose database is PostgreSQL (RUYI_DATABASE_URL)', () => {
  it('backup and integrity-check say they are for the SQLite file and name PostgreSQL\'s own tools, writing nothing', { timeout: 60_000 }, async () => {
    const e = (env = createTestEnv({ postgres: false }));
    // Never connected to: the commands answer from the settings alone.
    const settings = { RUYI_DATA_DIR: e.config.dataDir, RUYI_DATABASE_URL: 'postgres://ruyi:s3cret@127.0.0.1:1/ruyi' };
    const target = join(e.root, 'ruyi-backup.sqlite');
    const backup = await runAdmin(['backup', target], settings);
    expect(backup).toMatchObject({ code: 1, stdout: '' });
    expect(backup.stderr).toContain("this server's database is PostgreSQL (RUYI_DATABASE_URL postgres://ruyi:***@127.0.0.1:1/ruyi)");
    expect(backup.stderr).toMatch(/pg_dump/);
    expect(existsSync(target)).toBe(false);
    const check = await runAdmin(['integrity-check'], settings);
    expect(check).toMatchObject({ code: 1, stdout: '' });
    expect(check.stderr).toMatch(/integrity-check works on the SQLite file .* pg_amcheck/);
    for (const out of [backup.stderr, check.stderr]) expect(out).not.toContain('s3cret');
    expect(existsSync(join(e.config.dataDir, DB_FILE))).toBe(false);
  });

  it('a command that needs the database, while PostgreSQL does not answer, says which database and what to check', { timeout: 60_000 }, async () => {
    const e = (env = createTestEnv({ postgres: false }));
    const settings = { RUYI_DATA_DIR: e.config.dataDir, RUYI_DATABASE_URL: 'postgres://ruyi:s3cret@127.0.0.1:1/ruyi' };
    const listed = await runAdmin(['client', 'list'], settings);
    expect(listed).toMatchObject({ code: 1, stdout: '' });
    expect(listed.stderr).toContain('Cannot use the PostgreSQL database postgres://ruyi:***@127.0.0.1:1/ruyi (RUYI_DATABASE_URL)');
    expect(listed.stderr).toMatch(/ECONNREFUSED[\s\S]*Check that PostgreSQL is running[\s\S]*run the command again once it answers/);
    expect(listed.stderr).not.toContain('s3cret');
    expect(existsSync(join(e.config.dataDir, DB_FILE))).toBe(false);
  });
});
