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
import { cursorQuery, recountWrites } from '../statistics/recount.ts';
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
  /**
   * On a hub: the district (6-digit administrative division code) a park's client's statements count in. The hub's
   * statistics take a statement's district from the client that sent it, never from what the statement claims.
   */
  district?: string;
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

/** A district: its 6-digit administrative division code (长春市朝阳区 220104). */
export const DISTRICT_CODE = /^[0-9]{6}$/;

/** What setting a client's district did. */
export interface DistrictSet {
  client: Client;
  /** The district it had. */
  before: string | null;
  /** Whether the statistics are counted again from the first statement (the district changed). */
  recount: boolean;
}

export interface ClientRegistry {
  /** A new client with fresh credentials; ClientError for a bad name, role or district, or a name already taken. */
  add(name: string, role: Role, now?: string, district?: string | null): Promise<NewClient>;
  list(): Promise<Client[]>;
  /** False when there is no such client or it was already revoked. */
  revoke(name: string, now?: string): Promise<boolean>;
  /** The active client with this key and secret, or null. */
  authenticate(key: string, secret: string): Promise<Client | null>;
  /**
   * Puts a client's statements in a district (null: in none). When that changes, the statistics are counted again
   * from the first statement, in the same transaction, so those already stored count there too. ClientError for no
   * such client, a reader (it writes nothing) or a bad code.
   */
  setDistrict(name: string, district: string | null): Promise<DistrictSet>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

type Row = Selectable<XapiClientsTable>;
const toClient = (r: Row): Client => ({
  id: r.id,
  name: r.name,
  role: r.role,
  key: r.key,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  ...(r.district ? { district: r.district } : {}),
});

/** Why a district cannot be a client's, or null. */
export function districtProblem(district: string | null, role: Role): string | null {
  if (district === null) return null;
  if (!DISTRICT_CODE.test(district)) return `district '${district}': must be a 6-digit administrative division code, e.g. 220104`;
  if (role === 'reader') return 'district: a reader writes no statements, so it has no district; only kiosk and hub clients do';
  return null;
}

function checkNew(name: string, role: Role, district: string | null = null): void {
  if (!CLIENT_NAME.test(name)) throw new ClientError(`name '${name}': must be 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit`);
  if (!ROLES.includes(role)) throw new ClientError(`role '${role}': must be one of ${ROLES.join(', ')}`);
  const problem = districtProblem(district, role);
  if (problem) throw new ClientError(problem);
}

const noSuchClient = (name: string) => new ClientError(`no client named '${name}' (see: npm run admin -- client list)`);

const taken = (name: string) =>
  new ClientError(`a client named '${name}' already exists; choose another name, or revoke it and add a new one under another name`);

/** A key and secret, and the row that keeps the secret's hash. The key is an identifier (it may appear in logs). */
function credentials(name: string, role: Role, now: string, district: string | null) {
  const key = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { secret, row: { name, role, key, secret_hash: sha256(secret).toString('hex'), created_at: now, district } };
}

const newClient = (id: number, row: ReturnType<typeof credentials>['row'], secret: string): NewClient => ({
  id,
  name: row.name,
  role: row.role,
  key: row.key,
  secret,
  createdAt: row.created_at,
  revokedAt: null,
  ...(row.district ? { district: row.district } : {}),
});

function matches(row: Row | undefined, secret: string): Client | null {
  if (!row || row.revoked_at !== null) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  return timingSafeEqual(expected, sha256(secret)) ? toClient(row) : null;
}

// --- The queries, once for both dialects ---

const q = {
  byKey: (db: Kysely<RuyiDatabase>, key: string) => db.selectFrom('xapi_clients').selectAll().where('key', '=', key),
  byName: (db: Kysely<RuyiDatabase>, name: string) => db.selectFrom('xapi_clients').select('id').where('name', '=', name),
  row: (db: Kysely<RuyiDatabase>, name: string) => db.selectFrom('xapi_clients').selectAll().where('name', '=', name),
  setDistrict: (db: Kysely<RuyiDatabase>, name: string, district: string | null) =>
    db.updateTable('xapi_clients').set({ district }).where('name', '=', name),
  insert: (db: Kysely<RuyiDatabase>, row: ReturnType<typeof credentials>['row']) => db.insertInto('xapi_clients').values(row).returning('id'),
  all: (db: Kysely<RuyiDatabase>) => db.selectFrom('xapi_clients').selectAll().orderBy('id'),
  revoke: (db: Kysely<RuyiDatabase>, name: string, now: string) =>
    db.updateTable('xapi_clients').set({ revoked_at: now }).where('name', '=', name).where('revoked_at', 'is', null),
};

/** The synchronous SQLite registry: the inside of the SQLite ClientRegistry, and for code still on `app.db`. */
export interface ClientRegistrySync {
  readonly synchronous: true;
  add(name: string, role: Role, now?: string, district?: string | null): NewClient;
  list(): Client[];
  revoke(name: string, now?: string): boolean;
  authenticate(key: string, secret: string): Client | null;
  setDistrict(name: string, district: string | null): DistrictSet;
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
    add(name, role, now = new Date().toISOString(), district = null) {
      checkNew(name, role, district);
      if (sqliteGet(db, q.byName(sqliteBuilder, name))) throw taken(name);
      const { secret, row } = credentials(name, role, now, district);
      const { id } = sqliteGet(db, q.insert(sqliteBuilder, row))!;
      verified.forget();
      return newClient(id, row, secret);
    },
    setDistrict: (name, district) =>
      db
        .transaction((): DistrictSet => {
          const row = sqliteGet(db, q.row(sqliteBuilder, name));
          if (!row) throw noSuchClient(name);
          const problem = districtProblem(district, row.role);
          if (problem) throw new ClientError(problem);
          const before = row.district;
          const recount = before !== district;
          if (recount) {
            sqliteRun(db, q.setDistrict(sqliteBuilder, name, district));
            const cursor = Number(sqliteGet(db, cursorQuery(sqliteBuilder))!.seq);
            for (const write of recountWrites(sqliteBuilder, cursor)) sqliteRun(db, write);
          }
          verified.forget();
          return { client: toClient({ ...row, district }), before, recount };
        })
        .immediate(),
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
    add: async (name, role, now, district) => sync.add(name, role, now, district),
    list: async () => sync.list(),
    revoke: async (name, now) => sync.revoke(name, now),
    authenticate: async (key, secret) => sync.authenticate(key, secret),
    setDistrict: async (name, district) => sync.setDistrict(name, district),
  };
}

const UNIQUE_VIOLATION = '23505';

export function createPostgresClientRegistry(db: Kysely<RuyiDatabase>): ClientRegistry {
  return {
    async add(name, role, now = new Date().toISOString(), district = null) {
      checkNew(name, role, district);
      if (await q.byName(db, name).executeTakeFirst()) throw taken(name);
      const { secret, row } = credentials(name, role, now, district);
      try {
        const { id } = await q.insert(db, row).executeTakeFirstOrThrow();
        return newClient(id, row, secret);
      } catch (error) {
        // Another process added the same name between the check and the insert.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && (error as { constraint?: string }).constraint === 'xapi_clients_name_key') throw taken(name);
        throw error;
      }
    },
    list: async () => (await q.all(db).execute()).map(toClient),
    revoke: async (name, now = new Date().toISOString()) => Number((await q.revoke(db, name, now).executeTakeFirst()).numUpdatedRows) === 1,
    authenticate: async (key, secret) => matches(await q.byKey(db, key).executeTakeFirst(), secret),
    setDistrict: (name, district) =>
      db.transaction().execute(async (trx): Promise<DistrictSet> => {
        // The client's row, then the cursor, locked: a follower's batch under way waits, then finds the cursor moved.
        // Not FOR UPDATE: the client's statements (their foreign key) keep being stored meanwhile.
        const row = await q.row(trx, name).forNoKeyUpdate().executeTakeFirst();
        if (!row) throw noSuchClient(name);
        const problem = districtProblem(district, row.role);
        if (problem) throw new ClientError(problem);
        const before = row.district;
        const recount = before !== district;
        if (recount) {
          await q.setDistrict(trx, name, district).execute();
          const cursor = Number((await cursorQuery(trx).forUpdate().executeTakeFirstOrThrow()).seq);
          for (const write of recountWrites(trx, cursor)) await trx.executeQuery(write.compile());
        }
        return { client: toClient({ ...row, district }), before, recount };
      }),
  };
}

/** The registry for the database `storage` opened. */
export function clientRegistryFor(storage: StorageDatabase): ClientRegistry {
  return storage.dialect === 'postgres' ? createPostgresClientRegistry(storage.db) : createSqliteClientRegistry(storage.sqlite!);
}
