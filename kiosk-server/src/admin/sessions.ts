// Staff sessions, kept in the database (table staff_sessions) by the SHA-256 of their token: a restart does not log
// staff out, and on a hub a session made by one process is valid on every other one behind the reverse proxy. A copy
// of the database opens no session. Login attempts are counted per address by a FailureLimit (src/auth/failures.ts)
// in plugins/admin.ts, with the limits below; that count is each process's own.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase } from '../storage/schema.ts';
import { sqliteBuilder, sqliteGet, sqliteRun } from './sqlite-sql.ts';

export const SESSION_MS = 8 * 60 * 60 * 1000;
/** Wrong passwords from one address (counted as each attempt starts) before it is refused for LOCKOUT_MS. */
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 60 * 1000;
/** Failures are forgotten this long after the first of a series (a typo a day never locks anyone out). */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Password hashes at once, server-wide, and how many more may wait; past that a login is refused at once (503). */
export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 8;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface SessionStore {
  /** A new random 32-byte token and when it expires. */
  create(): Promise<{ token: string; expiresAt: Date }>;
  /** Whether the token names a session that has not expired or been revoked. */
  isValid(token: string): Promise<boolean>;
  /** Ends the session (nothing happens for an unknown token). */
  revoke(token: string): Promise<void>;
}

// Times are ISO 8601 strings on both dialects (TEXT in SQLite, compared as text, which orders them; timestamptz in
// PostgreSQL), and the clock is the server's, as it always was.
const q = {
  prune: (db: Kysely<RuyiDatabase>, now: string) => db.deleteFrom('staff_sessions').where('expires_at', '<=', now),
  insert: (db: Kysely<RuyiDatabase>, tokenHash: string, now: string, expiresAt: string) =>
    db.insertInto('staff_sessions').values({ token_hash: tokenHash, created_at: now, expires_at: expiresAt }),
  find: (db: Kysely<RuyiDatabase>, tokenHash: string, now: string) =>
    db.selectFrom('staff_sessions').select('token_hash').where('token_hash', '=', tokenHash).where('expires_at', '>', now),
  revoke: (db: Kysely<RuyiDatabase>, tokenHash: string) => db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash),
};

function newSession(now: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_MS);
  return { token, expiresAt, tokenHash: digest(token), created: new Date(now).toISOString() };
}

export function createSqliteSessionStore(db: Database.Database, now: () => number = Date.now): SessionStore {
  return {
    async create() {
      const session = newSession(now());
      // The expired ones go at each login: a handful of rows, never a sweep over many.
      db.transaction(() => {
        sqliteRun(db, q.prune(sqliteBuilder, session.created));
        sqliteRun(db, q.insert(sqliteBuilder, session.tokenHash, session.created, session.expiresAt.toISOString()));
      })();
      return { token: session.token, expiresAt: session.expiresAt };
    },
    isValid: async (token) => sqliteGet(db, q.find(sqliteBuilder, digest(token), new Date(now()).toISOString())) !== undefined,
    async revoke(token) {
      sqliteRun(db, q.revoke(sqliteBuilder, digest(token)));
    },
  };
}

export function createPostgresSessionStore(db: Kysely<RuyiDatabase>, now: () => number = Date.now): SessionStore {
  return {
    async create() {
      const session = newSession(now());
      await q.prune(db, session.created).execute();
      await q.insert(db, session.tokenHash, session.created, session.expiresAt.toISOString()).execute();
      return { token: session.token, expiresAt: session.expiresAt };
    },
    isValid: async (token) => (await q.find(db, digest(token), new Date(now()).toISOString()).executeTakeFirst()) !== undefined,
    async revoke(token) {
      await q.revoke(db, digest(token)).execute();
    },
  };
}

export function sessionStoreFor(storage: StorageDatabase, now: () => number = Date.now): SessionStore {
  return storage.dialect === 'postgres' ? createPostgresSessionStore(storage.db, now) : createSqliteSessionStore(storage.sqlite!, now);
}
