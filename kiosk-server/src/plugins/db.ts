// The SQLite file: how it is opened (pragmas), checked and migrated; and `app.db`, its connection, for code not yet
// on a store interface (storage/).
import Database from 'better-sqlite3';
import fp from 'fastify-plugin';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDatabase, DatabaseUnusable, describeDamage, isDamage } from '../database/damage.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
  }
}

export const DB_FILE = 'ruyi.sqlite';
/** The page size of a new database file (see openDatabase). */
export const PAGE_SIZE = 8192;
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered migrations (`NNN_name.sql`) in a folder, in order. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => {
      const match = MIGRATION_FILE.exec(name);
      if (!match) throw new Error(`migration file '${name}' in ${dir} must be named NNN_name.sql (e.g. 002_add_index.sql)`);
      return { version: Number(match[1]), name, sql: readFileSync(join(dir, name), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]!.version === m.version)
      throw new Error(`two migrations share the number ${m.version}: ${migrations[i - 1]!.name} and ${m.name}`);
  });
  return migrations;
}

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction. Returns their names. */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: string[] = [];
  for (const m of readMigrations(dir)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
    done.push(m.name);
  }
  return done;
}

/**
 * Opens (creating if needed) `<dataDir>/ruyi.sqlite` with the settings the server relies on. A file SQLite cannot read
 * (not a database, a damaged header, no permission) throws DatabaseUnusable, whose message says what to do.
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseUnusable(file, describeDamage(error));
  }
  try {
    // 8 KiB pages, for a new file only (an existing one keeps its size; in WAL mode it cannot change): a statement row
    // is about 2 KiB, so a 4 KiB page holds one and leaves most of the rest empty (measured: 3.2 KiB a row on disk,
    // against 2.3 KiB with 8 KiB pages). Must come before WAL.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    // WAL: readers (statistics) never block the writer (kiosks posting records), and a crash never corrupts the file.
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss. The kiosk deletes records from its
    // outbox once we answer 2xx, so a 2xx must mean "on disk and survives a power cut". FULL fsyncs every commit;
    // batching (one transaction per request) keeps that affordable (~160k rows/s measured).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Wait for a lock rather than fail at once if a backup (`npm run admin -- backup`) or another reader holds it.
    db.pragma('busy_timeout = 5000');
    // An erased or expired statement is overwritten with zeros, not just unlinked: visitors' answers must not linger
    // in free pages of the file (or of a copy of it).
    db.pragma('secure_delete = ON');
  } catch (error) {
    db.close();
    if (isDamage(error)) throw new DatabaseUnusable(file, describeDamage(error));
    throw error;
  }
  return db;
}

/** Throws DatabaseUnusable when `PRAGMA quick_check` finds damage (every page read once: seconds on a big file). */
export function assertSound(db: Database.Database, file: string): void {
  const problems = checkDatabase(db, 'quick_check', 10);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 3).join('; ');
  throw new DatabaseUnusable(file, `PRAGMA quick_check found damage (${shown}${problems.length > 3 ? '; …' : ''})`);
}

/**
 * `app.db`: the better-sqlite3 connection under `app.storage` (one connection, migrated by storage/plugin.ts), for the
 * code that still runs synchronous SQL on the file. Absent on PostgreSQL, where every store goes through its interface.
 */
export default fp(
  async (app) => {
    if (app.storage.sqlite) app.decorate('db', app.storage.sqlite);
  },
  { name: 'ruyi-db', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
