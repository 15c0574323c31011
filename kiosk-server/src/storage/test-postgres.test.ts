// The harness itself: a real cluster starts, answers, and leaves nothing behind (no process, no folder).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, findPostgresBin, startPostgres } from './test-postgres.ts';
import setup from './vitest-postgres.ts';

/** Running, not merely not yet reaped (a zombie still answers kill(pid, 0)). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('startPostgres', () => {
  it('starts a throwaway cluster with a database, then stops it and removes its folder', async () => {
    const server = await startPostgres({ database: 'harness_check' });
    let pid = 0;
    try {
      expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/harness_check`);
      pid = Number(readFileSync(join(server.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(alive(pid)).toBe(true);
      const client = new pg.Client(server.url);
      await client.connect();
      try {
        const { rows } = await client.query<{ db: string; version: number }>(
          "SELECT current_database() AS db, current_setting('server_version_num')::int AS version",
        );
        expect(rows[0]!.db).toBe('harness_check');
        expect(rows[0]!.version).toBeGreaterThanOrEqual(150000);
      } finally {
        await client.end();
      }
      const other = await server.createDatabase('second_one');
      const second = new pg.Client(other);
      await second.connect();
      expect((await second.query('SELECT current_database() AS db')).rows[0].db).toBe('second_one');
      await second.end();
    } finally {
      await server.stop();
    }
    expect(alive(pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    await server.stop(); // twice is harmless
  }, 60_000);

  it('refuses a database name that would need quoting', async () => {
    await expect(startPostgres({ database: 'x; DROP' })).rejects.toThrow(/must match/);
  });

  it('says where the server programs are expected when they are missing', () => {
    expect(() => findPostgresBin({ RUYI_PG_BIN: '/nonexistent' })).toThrow(/RUYI_PG_BIN=\/nonexistent holds no initdb/);
    expect(findPostgresBin({})).toMatch(/\/bin$/);
  });

  it('serves a whole vitest run through the globalSetup, or uses the URL it is given', async () => {
    const before = process.env.RUYI_TEST_DATABASE_URL;
    delete process.env.RUYI_TEST_DATABASE_URL;
    const provided = new Map<string, string>();
    const project = { provide: (key: string, value: string) => void provided.set(key, value) };
    const teardown = await setup(project);
    try {
      const url = process.env.RUYI_TEST_DATABASE_URL!;
      expect(provided.get('ruyiTestDatabaseUrl')).toBe(url);
      const client = new pg.Client(url);
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
      // A test file's own database beside the shared one.
      const own = await createTestDatabase(url);
      expect(own).toMatch(new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:\\d+/ruyi_t_${process.pid}_`));
      const ownClient = new pg.Client(own);
      await ownClient.connect();
      expect((await ownClient.query('SELECT current_database() AS db')).rows[0].db).toBe(own.split('/').pop());
      await ownClient.end();
    } finally {
      await teardown();
    }
    expect(process.env.RUYI_TEST_DATABASE_URL).toBeUndefined();
    process.env.RUYI_TEST_DATABASE_URL = 'postgres://ruyi@db.example/ruyi';
    const noop = await setup(project);
    expect(provided.get('ruyiTestDatabaseUrl')).toBe('postgres://ruyi@db.example/ruyi');
    await noop();
    if (before === undefined) delete process.env.RUYI_TEST_DATABASE_URL;
    else process.env.RUYI_TEST_DATABASE_URL = before;
  }, 60_000);
});
