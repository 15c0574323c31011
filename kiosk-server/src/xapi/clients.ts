// The xAPI clients (other servers, tools, the hub's kiosk-servers) and their credentials. A secret is 32 random bytes,
// shown once when made; only its SHA-256 is kept, which is enough for a random secret and cheap on every request.
//
// `ClientRegistry` is the store's interface (asynchronous); `app.clients` (clients-plugin.ts) holds the one for the
// server's database: SQLite (synchronous better-sqlite3 inside) or PostgreSQL (Kysely over the pool). Both run the same
// queries, written once with Kysely.
import type Database from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sqliteAll, sqliteBuilder, sqliteGet, sqlitePrepare, sqliteRun } from '../admin/sqlite-sql.ts';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase, XapiClientsTable } from '../storage/schema.ts';

export const ROLES = ['kiosk', 'hub', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface Client {
  id: number;
  name: string;
  role: Role;
  key: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewClient extends Client {
  /** Shown once; never stored. */
  secret: string;
}

/** A name an operator can type and a log can show: letters, digits, dot, dash, underscore. */
export const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class ClientError extends Error {
  override name = 'ClientError';
}

export interface ClientRegistry {
  /** A new client with fresh credentials; ClientError for a bad name or role, or a name already taken. */
  add(name: string, role: Role, now?: string): Promise<NewClient>;
  list(): Promise<Client[]>;
  /** False when there is no such client or it was already revoked. */
  revoke(name: string, now?: string): Promise<boolean>;
  /** The active client with this key and secret, or null. */
  authenticate(key: string, secret: string): Promise<Client | null>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

type Row = Selectable<XapiClientsTable>;
const toClient = (r: Row): Client => ({ id: r.id, name: r.name, role: r.role, key: r.key, createdAt: r.created_at, revokedAt: r.revoked_at });

function checkNew(name: string, role: Role): void {
  if (!CLIENT_NAME.test(name)) throw new ClientError(`name '${name}': must be 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit`);
  if (!ROLES.includes(role)) throw new ClientError(`role '${role}': must be one of ${ROLES.join(', ')}`);
}

const taken = (name: string) =>
  new ClientError(`a client named '${name}' already exists; choose another name, or revoke it and add a new one under another name`);

/** A key and secret, and the row that keeps the secret's hash. The key is an identifier (it may appear in logs). */
function credentials(name: string, role: Role, now: string) {
  const key = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { secret, row: { name, role, key, secret_hash: sha256(secret).toString('hex'), created_at: now } };
}

function matches(row: Row | undefined, secret: string): Client | null {
  if (!row || row.revoked_at !== null) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  return timingSafeEqual(expected, sha256(secret)) ? toClient(row) : null;
}

// --- The queries, once for both dialects ---

const q = {
  byKey: (db: Kysely<RuyiDatabase>, key: string) => db.selectFrom('xapi_clients').selectAll().where('key', '=', key),
  byName: (db: Kysely<RuyiDatabase>, name: string) => db.selectFrom('xapi_clients').select('id').where('name', '=', name),
  insert: (db: Kysely<RuyiDatabase>, row: ReturnType<typeof credentials>['row']) => db.insertInto('xapi_clients').values(row).returning('id'),
  all: (db: Kysely<RuyiDatabase>) => db.selectFrom('xapi_clients').selectAll().orderBy('id'),
  revoke: (db: Kysely<RuyiDatabase>, name: string, now: string) =>
    db.updateTable('xapi_clients').set({ revoked_at: now }).where('name', '=', name).where('revoked_at', 'is', null),
};

/** The synchronous SQLite registry: the inside of the SQLite ClientRegistry, and for code still on `app.db`. */
export interface ClientRegistrySync {
  readonly synchronous: true;
  add(name: string, role: Role, now?: string): NewClient;
  list(): Client[];
  revoke(name: string, now?: string): boolean;
  authenticate(key: string, secret: string): Client | null;
}

/** Credentials verified on a SQLite connection at most remembered (a park has a handful of clients, a hub hundreds). */
export const VERIFIED_CREDENTIALS = 1024;

/**
 * Credentials already verified on one SQLite connection, so a client's every request costs one hash and one map
 * lookup, not a query. Keyed by the SHA-256 of key and secret (the secret itself is kept nowhere). Exact, never
 * stale: every registry on the connection forgets it all when it adds or revokes (one cache per connection, however
 * many registries), and `PRAGMA data_version` (which changes when another connection, such as `npm run admin --
 * client revoke`, commits) is checked before each use. Wrong credentials are never remembered: every guess is checked.
 */
class VerifiedCredentials {
  private readonly clients = new Map<string, Client>();
  private version: number | undefined;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(db: Database.Database) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  private static digest(key: string, secret: string): string {
    // The key's length first: no other key and secret run together into the same text.
    return createHash('sha256').update(`${key.length}:${key}:${secret}`).digest('base64');
  }

  get(key: string, secret: string): Client | undefined {
    const version = this.dataVersion.get();
    if (version !== this.version) {
      this.clients.clear();
      this.version = version;
    }
    return this.clients.get(VerifiedCredentials.digest(key, secret));
  }

  set(key: string, secret: string, client: Client): void {
    if (this.clients.size >= VERIFIED_CREDENTIALS) this.clients.clear();
    this.clients.set(VerifiedCredentials.digest(key, secret), client);
  }

  forget(): void {
    this.clients.clear();
  }
}

const verifiedOn = new WeakMap<Database.Database, VerifiedCredentials>();

function verifiedCredentials(db: Database.Database): VerifiedCredentials {
  let verified = verifiedOn.get(db);
  if (!verified) verifiedOn.set(db, (verified = new VerifiedCredentials(db)));
  return verified;
}

export function createClientRegistry(db: Database.Database): ClientRegistrySync {
  // Every xAPI request looks its key up: prepared once.
  const byKey = sqlitePrepare(db, q.byKey(sqliteBuilder, '').compile().sql);
  const verified = verifiedCredentials(db);
  return {
    synchronous: true,
    add(name, role, now = new Date().toISOString()) {
      checkNew(name, role);
      if (sqliteGet(db, q.byName(sqliteBuilder, name))) throw taken(name);
      const { secret, row } = credentials(name, role, now);
      const { id } = sqliteGet(db, q.insert(sqliteBuilder, row))!;
      verified.forget();
      return { id, name, role, key: row.key, secret, createdAt: now, revokedAt: null };
    },
    list: () => sqliteAll(db, q.all(sqliteBuilder)).map(toClient),
    revoke: (name, now = new Date().toISOString()) => {
      // Forgotten before and after: no request verified in between can outlive the revocation.
      verified.forget();
      const revoked = sqliteRun(db, q.revoke(sqliteBuilder, name, now)) === 1;
      verified.forget();
      return revoked;
    },
    authenticate: (key, secret) => {
      const known = verified.get(key, secret);
      if (known) return { ...known };
      const client = matches(byKey.get(key) as Row | undefined, secret);
      if (client) verified.set(key, secret, client);
      return client && { ...client };
    },
  };
}

export function createSqliteClientRegistry(db: Database.Database): ClientRegistry {
  const sync = createClientRegistry(db);
  return {
    add: async (name, role, now) => sync.add(name, role, now),
    list: async () => sync.list(),
    revoke: async (name, now) => sync.revoke(name, now),
    authenticate: async (key, secret) => sync.authenticate(key, secret),
  };
}

const UNIQUE_VIOLATION = '23505';

export function createPostgresClientRegistry(db: Kysely<RuyiDatabase>): ClientRegistry {
  return {
    async add(name, role, now = new Date().toISOString()) {
      checkNew(name, role);
      if (await q.byName(db, name).executeTakeFirst()) throw taken(name);
      const { secret, row } = credentials(name, role, now);
      try {
        const { id } = await q.insert(db, row).executeTakeFirstOrThrow();
        return { id, name, role, key: row.key, secret, createdAt: now, revokedAt: null };
      } catch (error) {
        // Another process added the same name between the check and the insert.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && (error as { constraint?: string }).constraint === 'xapi_clients_name_key') throw taken(name);
        throw error;
      }
    },
    list: async () => (await q.all(db).execute()).map(toClient),
    revoke: async (name, now = new Date().toISOString()) => Number((await q.revoke(db, name, now).executeTakeFirst()).numUpdatedRows) === 1,
    authenticate: async (key, secret) => matches(await q.byKey(db, key).executeTakeFirst(), secret),
  };
}

/** The registry for the database `storage` opened. */
export function clientRegistryFor(storage: StorageDatabase): ClientRegistry {
  return storage.dialect === 'postgres' ? createPostgresClientRegistry(storage.db) : createSqliteClientRegistry(storage.sqlite!);
}
