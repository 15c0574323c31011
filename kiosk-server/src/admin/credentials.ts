// Where the staff password's hash is kept (table admin_credential, one row): the CredentialStore interface, on SQLite
// (synchronous inside) or PostgreSQL, with the same queries. Hashing and checking are in password.ts.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase } from '../storage/schema.ts';
import type { ScryptParams, StoredCredential } from './password.ts';
import { sqliteBuilder, sqliteGet, sqliteRun } from './sqlite-sql.ts';

export interface CredentialStore {
  /** The stored credential, or null when no password is set. */
  read(): Promise<StoredCredential | null>;
  /** Sets (or replaces) the credential. */
  write(credential: StoredCredential, now?: Date): Promise<void>;
}

const q = {
  read: (db: Kysely<RuyiDatabase>) => db.selectFrom('admin_credential').select(['algorithm', 'params', 'salt', 'hash']).where('id', '=', 1),
  write: (db: Kysely<RuyiDatabase>, credential: StoredCredential, now: Date) => {
    const row = { algorithm: credential.algorithm, params: JSON.stringify(credential.params), salt: credential.salt, hash: credential.hash, updated_at: now.toISOString() };
    return db
      .insertInto('admin_credential')
      .values({ id: 1, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row));
  },
};

function toCredential(row: { algorithm: string; params: string; salt: string; hash: string } | undefined): StoredCredential | null {
  if (!row || row.algorithm !== 'scrypt') return null;
  return { algorithm: 'scrypt', params: JSON.parse(row.params) as ScryptParams, salt: row.salt, hash: row.hash };
}

/** The credential on a SQLite connection, synchronously (the CLI's and tests' direct access). */
export function readCredential(db: Database.Database): StoredCredential | null {
  return toCredential(sqliteGet(db, q.read(sqliteBuilder)));
}

export function writeCredential(db: Database.Database, credential: StoredCredential, now = new Date()): void {
  sqliteRun(db, q.write(sqliteBuilder, credential, now));
}

export function createSqliteCredentialStore(db: Database.Database): CredentialStore {
  return {
    read: async () => readCredential(db),
    write: async (credential, now) => writeCredential(db, credential, now),
  };
}

export function createPostgresCredentialStore(db: Kysely<RuyiDatabase>): CredentialStore {
  return {
    read: async () => toCredential(await q.read(db).executeTakeFirst()),
    async write(credential, now = new Date()) {
      await q.write(db, credential, now).execute();
    },
  };
}

export function credentialStoreFor(storage: StorageDatabase): CredentialStore {
  return storage.dialect === 'postgres' ? createPostgresCredentialStore(storage.db) : createSqliteCredentialStore(storage.sqlite!);
}
