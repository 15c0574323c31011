// Staff sessions, kept in the database (table staff_sessions) by the SHA-256 of their token: a restart does not log
// staff out, and on a hub a session made by one process is valid on every other one behind the reverse proxy. A copy
// of the database opens no session. Each belongs to an account, read with it on every request: a change of role or
// scope applies at once, and a disabled or deleted account's sessions are refused at once. Login attempts are counted per address by a FailureLimit (src/auth/failures.ts)
// in plugins/admin.ts, with the limits below; that count is each process's own.
import type { Kysely } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase } from '../storage/schema.ts';
import { toAccount, type StaffAccount } from './accounts.ts';
import { runnerFor, type Runner } from './runner.ts';

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
  /** A new random 32-byte token for the account, and when it expires. */
  create(accountId: number): Promise<{ token: string; expiresAt: Date }>;
  /** The account of a session that has not expired or been revoked, if that account is enabled; else null. */
  find(token: string): Promise<StaffAccount | null>;
  /** Whether the token names a session that `find` accepts. */
  isValid(token: string): Promise<boolean>;
  /** Ends the session (nothing happens for an unknown token). */
  revoke(token: string): Promise<void>;
}

// Times are ISO 8601 strings on both dialects (TEXT in SQLite, compared as text, which orders them; timestamptz in
// PostgreSQL), and the clock is the server's, as it always was.
const q = {
  prune: (db: Kysely<RuyiDatabase>, now: string) => db.deleteFrom('staff_sessions').where('expires_at', '<=', now),
  insert: (db: Kysely<RuyiDatabase>, tokenHash: string, accountId: number, now: string, expiresAt: string) =>
    db.insertInto('staff_sessions').values({ token_hash: tokenHash, account_id: accountId, created_at: now, expires_at: expiresAt }),
  find: (db: Kysely<RuyiDatabase>, tokenHash: string, now: string) =>
    db
      .selectFrom('staff_sessions as s')
      .innerJoin('staff_accounts as a', 'a.id', 's.account_id')
      .select(['a.id', 'a.login', 'a.role', 'a.scope_kind', 'a.scope_id', 'a.created_at', 'a.updated_at', 'a.disabled_at'])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now)
      .where('a.disabled_at', 'is', null),
  revoke: (db: Kysely<RuyiDatabase>, tokenHash: string) => db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash),
};

function newSession(now: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_MS);
  return { token, expiresAt, tokenHash: digest(token), created: new Date(now).toISOString() };
}

function createStore(r: Runner, now: () => number): SessionStore {
  const find = async (token: string) => {
    const row = await r.get(q.find(r.db, digest(token), new Date(now()).toISOString()));
    return row ? toAccount(row) : null;
  };
  return {
    async create(accountId) {
      const session = newSession(now());
      // The expired ones go at each login: a handful of rows, never a sweep over many.
      await r.run(q.prune(r.db, session.created));
      await r.run(q.insert(r.db, session.tokenHash, accountId, session.created, session.expiresAt.toISOString()));
      return { token: session.token, expiresAt: session.expiresAt };
    },
    find,
    isValid: async (token) => (await find(token)) !== null,
    async revoke(token) {
      await r.run(q.revoke(r.db, digest(token)));
    },
  };
}

export function sessionStoreFor(storage: StorageDatabase, now: () => number = Date.now): SessionStore {
  return createStore(runnerFor(storage), now);
}
