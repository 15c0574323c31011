// A store's tests, once, on both databases: `describe.each(DIALECTS)` and `useTestStorage(dialect)` give every test a
// fresh, migrated database of that dialect: a SQLite file in a temporary folder, or a new database in a real
// PostgreSQL cluster (the run's, RUYI_TEST_DATABASE_URL, when the globalSetup started one; else one for this file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDatabase, type Dialect, type StorageDatabase } from '../storage/database.ts';
import { runMigrations } from '../storage/migrations.ts';
import { createTestDatabase, migratedTemplate, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestStorage {
  /** This test's database, migrated. */
  readonly storage: StorageDatabase;
  /** Opens a second connection (pool) to the same database, as another process would; closed after the test. */
  reopen(): StorageDatabase;
}

/** Registers the hooks that give each test of the enclosing describe a fresh database of `dialect`. */
export function useTestStorage(dialect: Dialect): TestStorage {
  let server: TestPostgres | null = null;
  let baseUrl = '';
  // The run's migrated database to copy (the globalSetup's cluster only); runMigrations then finds nothing to do.
  let template: string | undefined;
  let settings: { dataDir: string; databaseUrl: string | null } | null = null;
  let current: StorageDatabase | null = null;
  const opened: StorageDatabase[] = [];

  if (dialect === 'postgres') {
    beforeAll(async () => {
      const given = process.env.RUYI_TEST_DATABASE_URL?.trim();
      if (given) {
        baseUrl = given;
        template = migratedTemplate();
      } else {
        server = await startPostgres();
        baseUrl = server.url;
      }
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    }, 60_000);
  }

  beforeEach(async () => {
    settings =
      dialect === 'postgres'
        ? { dataDir: '/nonexistent', databaseUrl: await createTestDatabase(baseUrl, undefined, template) }
        : { dataDir: mkdtempSync(join(tmpdir(), 'ruyi-store-')), databaseUrl: null };
    current = createDatabase(settings);
    opened.push(current);
    await runMigrations(current);
  }, 60_000);

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    if (settings && !settings.databaseUrl) rmSync(settings.dataDir, { recursive: true, force: true });
    current = null;
    settings = null;
  });

  return {
    get storage() {
      if (!current) throw new Error('useTestStorage: the database exists only inside a test');
      return current;
    },
    reopen() {
      if (!settings) throw new Error('useTestStorage: the database exists only inside a test');
      const other = createDatabase(settings);
      opened.push(other);
      return other;
    },
  };
}

/**
 * Reads an app's database over a connection of its own (the SQLite file opened again, or a new PostgreSQL pool), as
 * another process would: what a 2xx promised is there for anyone, not only in the app's own connection.
 */
export async function readAsAnotherProcess<T>(config: { dataDir: string; databaseUrl?: string | null }, read: (db: StorageDatabase['db']) => Promise<T>): Promise<T> {
  const other = createDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl ?? null, poolSize: 1 });
  try {
    return await read(other.db);
  } finally {
    await other.close();
  }
}
