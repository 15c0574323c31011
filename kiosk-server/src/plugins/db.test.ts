import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { DB_FILE, MIGRATIONS_DIR, migrate, openDatabase, readMigrations } from './db.ts';

describe('migrations', () => {
  let env: TestEnv | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await env?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
    env = dir = undefined;
  });

  it('are applied once and recorded in schema_migrations, across restarts', async () => {
    // About the SQLite file's own ledger and columns.
    env = createTestEnv({ postgres: false });
    await (await env.start()).close();
    await (await env.start()).close();
    const db = env.openDb();
    const recorded = db.prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(readMigrations(MIGRATIONS_DIR).map(({ version, name }) => ({ version, name })));
    expect(recorded.slice(0, 4).map((m) => m.name)).toEqual(['001_records.sql', '002_admin.sql', '003_xapi.sql', '004_sync.sql']);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('statements');
    expect(columns).toEqual(expect.arrayContaining(['seq', 'id', 'body', 'stored', 'authority', 'client_id', 'kind', 'visit_id', 'area', 'score_scaled']));
  });

  it('run in number order, each once, and a later one is applied on the next start', () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-migrations-'));
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '002_second.sql'), 'INSERT INTO log (step) VALUES (2);');
    writeFileSync(join(migrations, '001_first.sql'), 'CREATE TABLE log (step INTEGER NOT NULL); INSERT INTO log (step) VALUES (1);');
    const db = openDatabase(join(dir, 'data'));
    try {
      expect(migrate(db, migrations)).toEqual(['001_first.sql', '002_second.sql']);
      expect(migrate(db, migrations)).toEqual([]);
      writeFileSync(join(migrations, '003_third.sql'), 'INSERT INTO log (step) VALUES (3);');
      expect(migrate(db, migrations)).toEqual(['003_third.sql']);
      expect(db.prepare('SELECT step FROM log').pluck().all()).toEqual([1, 2, 3]);
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2, 3]);
    } finally {
      db.close();
    }
  });

  it('roll back a failing migration entirely and leave it unrecorded', () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-migrations-'));
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_broken.sql'), 'CREATE TABLE half (x INTEGER); THIS IS NOT SQL;');
    const db = openDatabase(join(dir, 'data'));
    try {
      expect(() => migrate(db, migrations)).toThrow();
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
      expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuse a badly named migration file', () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-migrations-'));
    writeFileSync(join(dir, 'add-index.sql'), '');
    expect(() => readMigrations(dir!)).toThrow(/NNN_name\.sql/);
  });

  it('open the database in WAL mode with synchronous FULL and foreign keys on', () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-db-'));
    const db = openDatabase(join(dir, 'new', 'data'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.name).toBe(join(dir, 'new', 'data', DB_FILE));
    } finally {
      db.close();
    }
  });
});
