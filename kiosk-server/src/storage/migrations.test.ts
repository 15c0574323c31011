// The migration runner on a real SQLite file and a real PostgreSQL server: the repository's migrations, TypeScript
// backfills, failures and restarts.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, migrate } from '../plugins/db.ts';
import { createDatabase, type StorageDatabase } from './database.ts';
import { listMigrations, runMigrations, SQLITE_MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from './migrations.ts';
import { startPostgres, type TestPostgres } from './test-postgres.ts';

const FIXTURES = fileURLToPath(new URL('./test-migrations/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ruyi-migrations-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function notes<DB>(storage: StorageDatabase<DB>) {
  const { rows } = await sql<{ id: number; word_count: number | null }>`SELECT id, word_count FROM notes ORDER BY id`.execute(
    storage.db as Kysely<unknown>,
  );
  return rows.map((r) => [Number(r.id), r.word_count]);
}

async function ledger<DB>(storage: StorageDatabase<DB>) {
  const { rows } = await sql<{ version: number; name: string }>`SELECT version, name FROM schema_migrations ORDER BY version`.execute(
    storage.db as Kysely<unknown>,
  );
  return rows.map((r) => `${r.version} ${r.name}`);
}

/** A folder with these migration files (for failures, which the fixtures do not have). */
function folder(files: Record<string, string>): string {
  const path = mkdtempSync(join(dir, 'm-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

describe('listMigrations', () => {
  it('reads SQL and TypeScript migrations in order and skips the postgres sub-folder', () => {
    expect(listMigrations(join(FIXTURES, 'sqlite')).map((m) => `${m.version} ${m.kind}`)).toEqual(['1 sql', '2 sql', '3 ts']);
    const sqliteNames = listMigrations(SQLITE_MIGRATIONS_DIR).map((m) => m.name);
    expect(sqliteNames.slice(0, 3)).toEqual(['001_records.sql', '002_admin.sql', '003_xapi.sql']);
    expect(sqliteNames.some((n) => n.includes('postgres'))).toBe(false);
    const postgresNames = listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name);
    expect(postgresNames.slice(0, 2)).toEqual(['001_xapi.sql', '002_sync.sql']);
    expect(postgresNames.map((n) => Number(n.slice(0, 3)))).toEqual(postgresNames.map((_, i) => i + 1));
  });

  it('refuses badly named files and two migrations with one number', () => {
    expect(() => listMigrations(folder({ '1_x.sql': '' }))).toThrow(/'1_x.sql' .* must be named NNN_name.sql or NNN_name.ts/);
    expect(() => listMigrations(folder({ '004_a.sql': '', '004_b.ts': '' }))).toThrow('two migrations share the number 4: 004_a.sql and 004_b.ts');
  });
});

describe('runMigrations on SQLite', () => {
  it("applies the repository's migrations once, sharing plugins/db.ts's ledger both ways", async () => {
    const storage = createDatabase({ dataDir: join(dir, 'a') });
    try {
      const all = listMigrations(SQLITE_MIGRATIONS_DIR).map((m) => m.name);
      expect(await runMigrations(storage)).toEqual(all);
      expect(await runMigrations(storage)).toEqual([]);
      const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(storage.db);
      expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['statements', 'xapi_clients', 'sync_state', 'schema_migrations']));
    } finally {
      await storage.close();
    }
    // The runner the server uses today finds nothing left to do on the same file...
    const file = new Database(join(dir, 'a', DB_FILE));
    expect(migrate(file)).toEqual([]);
    file.close();
    // ...and this runner finds nothing left on a file that one migrated.
    mkdirSync(join(dir, 'b'));
    const old = new Database(join(dir, 'b', DB_FILE));
    expect(migrate(old).length).toBeGreaterThan(0);
    old.close();
    const reopened = createDatabase({ dataDir: join(dir, 'b') });
    try {
      expect(await runMigrations(reopened)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('runs a TypeScript backfill in its transaction, and nothing again after a restart', async () => {
    const first = createDatabase({ dataDir: dir });
    try {
      expect(await runMigrations(first, { dir: join(FIXTURES, 'sqlite') })).toEqual(['001_notes.sql', '002_word_count.sql', '003_count_words.ts']);
      expect(await notes(first)).toEqual([[1, 2], [2, 0], [3, 1]]);
    } finally {
      await first.close();
    }
    const again = createDatabase({ dataDir: dir });
    try {
      expect(await runMigrations(again, { dir: join(FIXTURES, 'sqlite') })).toEqual([]);
      expect(await ledger(again)).toEqual(['1 001_notes.sql', '2 002_word_count.sql', '3 003_count_words.ts']);
    } finally {
      await again.close();
    }
  });

  it('rolls a failing migration back whole, names it, keeps those before it, and resumes once it is fixed', async () => {
    const storage = createDatabase({ dataDir: dir });
    const files = { '001_a.sql': 'CREATE TABLE a (x INTEGER);', '002_b.sql': 'CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);' };
    try {
      const path = folder(files);
      await expect(runMigrations(storage, { dir: path })).rejects.toThrow(/^migration 002_b.sql failed: no such table: nowhere/);
      expect(await ledger(storage)).toEqual(['1 001_a.sql']);
      const b = await sql`SELECT name FROM sqlite_master WHERE name = 'b'`.execute(storage.db);
      expect(b.rows).toEqual([]);
      writeFileSync(join(path, '002_b.sql'), 'CREATE TABLE b (x INTEGER);');
      expect(await runMigrations(storage, { dir: path })).toEqual(['002_b.sql']);
    } finally {
      await storage.close();
    }
  });
});

describe('runMigrations on PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  const open = async (name: string) => createDatabase({ dataDir: dir, databaseUrl: await server.createDatabase(name) });

  it("applies the repository's migrations once, also when several processes start at the same moment", async () => {
    const url = await server.createDatabase('repository');
    const hubs = [1, 2, 3].map(() => createDatabase({ dataDir: dir, databaseUrl: url }));
    try {
      const all = listMigrations(POSTGRES_MIGRATIONS_DIR);
      const results = await Promise.all(hubs.map((hub) => runMigrations(hub)));
      // Each migration ran in exactly one of them.
      expect(results.flat().sort()).toEqual(all.map((m) => m.name));
      expect(await runMigrations(hubs[0]!)).toEqual([]);
      expect(await ledger(hubs[0]!)).toEqual(all.map((m) => `${m.version} ${m.name}`));
      const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(hubs[0]!.db);
      expect(rows.map((r) => r.name)).toEqual(
        expect.arrayContaining(['statements_default', 'statement_ids', 'xapi_clients', 'attachments', 'sync_state', 'sync_quarantine']),
      );
      const partitioned = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid ORDER BY 1`.execute(hubs[0]!.db);
      expect(partitioned.rows.map((r) => r.name)).toEqual(['statement_activity_refs', 'statement_agent_refs', 'statements']);
    } finally {
      await Promise.all(hubs.map((hub) => hub.close()));
    }
  }, 30_000);

  it('runs a TypeScript backfill, and nothing again after a restart', async () => {
    const url = await server.createDatabase('backfill');
    const first = createDatabase({ dataDir: dir, databaseUrl: url });
    try {
      expect(await runMigrations(first, { dir: join(FIXTURES, 'postgres') })).toEqual(['001_notes.sql', '002_word_count.sql', '003_count_words.ts']);
      expect(await notes(first)).toEqual([[1, 2], [2, 0], [3, 1]]);
    } finally {
      await first.close();
    }
    const again = createDatabase({ dataDir: dir, databaseUrl: url });
    try {
      expect(await runMigrations(again, { dir: join(FIXTURES, 'postgres') })).toEqual([]);
      expect(await ledger(again)).toEqual(['1 001_notes.sql', '2 002_word_count.sql', '3 003_count_words.ts']);
    } finally {
      await again.close();
    }
  }, 30_000);

  it('rolls a failing migration back whole (DDL included), names it, and resumes once it is fixed', async () => {
    const storage = await open('failing');
    const files = { '001_a.sql': 'CREATE TABLE a (x integer);', '002_b.sql': 'CREATE TABLE b (x integer);\nINSERT INTO nowhere VALUES (1);' };
    try {
      const path = folder(files);
      await expect(runMigrations(storage, { dir: path })).rejects.toThrow(/^migration 002_b.sql failed: relation "nowhere" does not exist/);
      expect(await ledger(storage)).toEqual(['1 001_a.sql']);
      expect((await sql`SELECT to_regclass('b') AS b`.execute(storage.db)).rows).toEqual([{ b: null }]);
      writeFileSync(join(path, '002_b.sql'), 'CREATE TABLE b (x integer);');
      expect(await runMigrations(storage, { dir: path })).toEqual(['002_b.sql']);
    } finally {
      await storage.close();
    }
  }, 30_000);
});
