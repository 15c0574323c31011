// Numbered migrations for either dialect, applied in order, each in its own transaction together with its row in
// `schema_migrations`, so a crash mid-way leaves it either wholly applied and recorded or not at all, and a restart
// picks up where it stopped. The SQLite files stay in kiosk-server/migrations/ (the same table and rows as the runner
// in plugins/db.ts, so either runner accepts a database the other migrated); PostgreSQL's are in migrations/postgres/.
//
// A migration is `NNN_name.sql` or `NNN_name.ts`. A TypeScript one exports `up(db, context)` and gets the transaction:
// for backfills that need code (parsing the stored JSON, say) rather than SQL.
import { sql, type Kysely, type Transaction } from 'kysely';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Dialect, StorageDatabase } from './database.ts';

export const SQLITE_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/postgres/', import.meta.url));

/** The folder of a dialect's migrations. */
export function migrationsDir(dialect: Dialect): string {
  return dialect === 'postgres' ? POSTGRES_MIGRATIONS_DIR : SQLITE_MIGRATIONS_DIR;
}

export interface MigrationContext {
  dialect: Dialect;
  /** SQLite only: the connection under the transaction, for `exec` of several statements at once. */
  sqlite: StorageDatabase['sqlite'];
}

/** What a `NNN_name.ts` migration exports. `db` is the migration's transaction: everything it does commits with it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationUp = (db: Transaction<any>, context: MigrationContext) => Promise<void>;

export interface MigrationFile {
  version: number;
  name: string;
  kind: 'sql' | 'ts';
  path: string;
}

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_-]+\.(sql|ts)$/;

/** The numbered migrations in a folder, in order. Sub-folders are skipped (SQLite's folder holds postgres/). */
export function listMigrations(dir: string): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((name) => (name.endsWith('.sql') || name.endsWith('.ts')) && !statSync(join(dir, name)).isDirectory())
    .map((name): MigrationFile => {
      const match = MIGRATION_FILE.exec(name);
      if (!match)
        throw new Error(`migration file '${name}' in ${dir} must be named NNN_name.sql or NNN_name.ts (e.g. 002_add_index.sql)`);
      return { version: Number(match[1]), name, kind: match[2] as 'sql' | 'ts', path: join(dir, name) };
    })
    .sort((a, b) => a.version - b.version);
  files.forEach((m, i) => {
    if (i > 0 && files[i - 1]!.version === m.version)
      throw new Error(`two migrations share the number ${m.version}: ${files[i - 1]!.name} and ${m.name}`);
  });
  return files;
}

async function loadUp(file: MigrationFile): Promise<MigrationUp> {
  const module = (await import(pathToFileURL(file.path).href)) as { up?: unknown };
  if (typeof module.up !== 'function') throw new Error(`migration ${file.name} must export an async function up(db, context)`);
  return module.up as MigrationUp;
}

// Any fixed number: every process migrating the same PostgreSQL database waits on it (several hub processes may start
// at once); the transaction's end releases it.
const MIGRATION_LOCK = 7_361_304;

async function createLedger<DB>(storage: StorageDatabase<DB>): Promise<void> {
  // The same columns as plugins/db.ts's table (STRICT there too), so the two runners share it.
  const db = storage.db as Kysely<unknown>;
  if (storage.dialect === 'sqlite')
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`.execute(db);
  else
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL
    )`.execute(db);
}

async function appliedVersions(db: Kysely<unknown>): Promise<Set<number>> {
  const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(db);
  return new Set(rows.map((r) => Number(r.version)));
}

export interface MigrateOptions {
  /** The folder of migrations; by default the dialect's own. */
  dir?: string;
  /** Called after each migration commits. */
  onApplied?: (name: string) => void;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, oldest first, each in its own transaction. Returns
 * the names applied (empty when the database was up to date). A failing migration throws with its name; those before
 * it stay applied.
 */
export async function runMigrations<DB>(storage: StorageDatabase<DB>, options: MigrateOptions = {}): Promise<string[]> {
  const files = listMigrations(options.dir ?? migrationsDir(storage.dialect));
  const db = storage.db as Kysely<unknown>;
  if (storage.dialect === 'postgres') {
    // CREATE TABLE IF NOT EXISTS can still collide when two processes run it at the same moment: under the lock.
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      await createLedger({ ...storage, db: trx as unknown as Kysely<DB> });
    });
  } else await createLedger(storage);

  let applied = await appliedVersions(db);
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.version)) continue;
    const up = file.kind === 'ts' ? await loadUp(file) : null;
    const ran = await db.transaction().execute(async (trx) => {
      if (storage.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      // Another process (a second hub, the admin CLI) may have applied it meanwhile.
      applied = await appliedVersions(trx);
      if (applied.has(file.version)) return false;
      try {
        if (up) await up(trx, { dialect: storage.dialect, sqlite: storage.sqlite });
        else {
          const text = readFileSync(file.path, 'utf8');
          // better-sqlite3 prepares one statement at a time; exec runs a whole file, on the connection Kysely holds
          // for this transaction. pg sends a query without parameters as one simple query: several statements go.
          if (storage.sqlite) storage.sqlite.exec(text);
          else await sql.raw(text).execute(trx);
        }
      } catch (error) {
        throw new Error(`migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${file.version}, ${file.name}, ${new Date().toISOString()})`.execute(trx);
      return true;
    });
    if (ran) {
      done.push(file.name);
      options.onApplied?.(file.name);
    }
  }
  return done;
}
