// One way to open the server's database whichever it is: the embedded SQLite file (the default: one park, one machine)
// or a PostgreSQL server (the city's hub, several processes behind one database), as a Kysely instance. Stores written
// against Kysely run on both; where the dialects differ (see migrations/postgres/*.sql) they ask `dialect`.
import type Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
import { DB_FILE, openDatabase } from '../plugins/db.ts';
import type { RuyiDatabase } from './schema.ts';
import { isPostgresUrl, redactDatabaseUrl } from './url.ts';

export { isPostgresUrl, redactDatabaseUrl };

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseSettings {
  /** Where ruyi.sqlite lives when there is no databaseUrl. */
  dataDir: string;
  /** `postgres://…` (or `postgresql://…`): the PostgreSQL database to use instead of the SQLite file. */
  databaseUrl?: string | null;
  /** Connections the PostgreSQL pool may hold (default 10). SQLite has one. */
  poolSize?: number;
  /** Told when PostgreSQL drops an idle connection (a restart, a failover); the pool opens a new one when needed. */
  onConnectionError?: (error: Error) => void;
}

export interface StorageDatabase<DB = RuyiDatabase> {
  dialect: Dialect;
  db: Kysely<DB>;
  /** Where the data is, for logs and /api/health: the SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  /**
   * The better-sqlite3 connection under `db` (SQLite only): for what Kysely cannot say, such as running a migration
   * file of several statements (`exec`) inside a Kysely transaction on the same connection.
   */
  sqlite: Database.Database | null;
  /** Closes the file or the pool (waiting for queries under way). */
  close(): Promise<void>;
}

const INT8 = 20;
const TIMESTAMPTZ = 1184;

// Both dialects give stores the same JavaScript values: a seq is a number (pg's default for bigint is a string; a
// seq passes 2^53 after 285 years at a million statements a second), a time an ISO 8601 string as SQLite stores it.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8)
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} is beyond JavaScript's exact integers`);
        return n;
      };
    if (oid === TIMESTAMPTZ) {
      const parse = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (value: string) => Date;
      return (value: string) => parse(value).toISOString();
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * Opens the database the settings name: PostgreSQL when databaseUrl is set, else `<dataDir>/ruyi.sqlite` with the
 * pragmas the server has always used (WAL, synchronous FULL, foreign keys, busy timeout, secure delete: see
 * plugins/db.ts, which this reuses). Nothing is migrated here: see migrations.ts.
 */
export function createDatabase<DB = RuyiDatabase>(settings: DatabaseSettings): StorageDatabase<DB> {
  const url = settings.databaseUrl?.trim();
  if (url) {
    if (!isPostgresUrl(url)) throw new Error(`database URL must start with postgres:// or postgresql:// (got ${redactDatabaseUrl(url)})`);
    const pool = new pg.Pool({
      connectionString: url,
      max: settings.poolSize ?? 10,
      types: pgTypes,
      application_name: 'ruyi-kiosk-server',
      // A host that silently drops packets would otherwise hold a start-up or a request until the OS gives up.
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection the server drops (restart, failover) emits 'error' on the pool; unhandled, it would end the
    // process. The next query gets a fresh connection or a clear error.
    pool.on('error', (error) => settings.onConnectionError?.(error));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { dialect: 'postgres', db, location: redactDatabaseUrl(url), sqlite: null, close: () => db.destroy() };
  }
  const sqlite = openDatabase(settings.dataDir);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { dialect: 'sqlite', db, location: join(settings.dataDir, DB_FILE), sqlite, close: () => db.destroy() };
}
