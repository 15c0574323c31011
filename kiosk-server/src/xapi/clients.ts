// The xAPI clients (other servers, tools, the hub's kiosk-servers) and their credentials. A secret is 32 random bytes,
// shown once when made; only its SHA-256 is kept, which is enough for a random secret and cheap on every request.
//
// `ClientRegistry` is the store's interface (asynchronous); `app.clients` (clients-plugin.ts) holds the one for the
// server's database: SQLite (synchronous better-sqlite3 inside) or PostgreSQL (Kysely over the pool). Both run the same
// queries, written once with Kysely.
import type Database from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PARK_ID } from '../admin/scopes.ts';
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
  /**
   * The park (its id, as staff scopes name it) a park's client's statements count in: a statement stored through a
   * client is in that client's park, never the park it claims. On a hub it also places the park in the client's
   * district for the staff scopes (admin/client-places.ts).
   */
  park?: string;
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

/** What setting a client's district or park did. */
export interface PlaceSet {
  client: Client;
  /** The district or park it had. */
  before: string | null;
  /** Whether the statistics are counted again from the first statement (the district or park changed). */
  recount: boolean;
}

export type DistrictSet = PlaceSet;
export type ParkSet = PlaceSet;

/** A client's park and the district it is in (null: none set), for the hub's places directory. */
export interface ClientPark {
  park: string;
  district: string | null;
}

export interface ClientRegistry {
  /** A new client with fresh credentials; ClientError for a bad name, role or district, or a name already taken. */
  add(name: string, role: Role, now?: string, district?: string | null, park?: string | null): Promise<NewClient>;
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
  /**
   * Puts a client's statements in a park (null: in none), as setDistrict does for a district, re-counting when it
   * changes. ClientError for no such client, a reader or a bad park id.
   */
  setPark(name: string, park: string | null): Promise<ParkSet>;
  /** The park of every client that has one, revoked ones too (their statements stay counted), with its district. */
  parks(): Promise<ClientPark[]>;
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
  ...(r.park ? { park: r.park } : {}),
});

/** Why a district cannot be a client's, or null. */
export function districtProblem(district: string | null, role: Role): string | null {
  if (district === null) return null;
  if (!DISTRICT_CODE.test(district)) return `district '${district}': must be a 6-digit administrative division code, e.g. 220104`;
  if (role === 'reader') return 'district: a reader writes no statements, so it has no district; only kiosk and hub clients do';
  return null;
}

/** Why a park cannot be a client's, or null. */
export function parkProblem(park: string | null, role: Role): string | null {
  if (park === null) return null;
  if (!PARK_ID.test(park)) return `park '${park}': must be a park id: 1–63 of a-z, 0-9 and '-', starting with a letter or digit, e.g. ruyi-xi`;
  if (role === 'reader') return 'park: a reader writes no statements, so it has no park; only kiosk and hub clients do';
  return null;
}

type PlaceColumn = 'district' | 'park';
const placeProblem: Record<PlaceColumn, (value: string | null, role: Role) => string | null> = { district: districtProblem, park: parkProblem };

function checkNew(name: string, role: Role, district: string | null = null, park: string | null = null): void {
  if (!CLIENT_NAME.test(name)) throw new ClientError(`name '${name}': must be 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit`);
  if (!ROLES.includes(role)) throw new ClientError(`role '${role}': must be one of ${ROLES.join(', ')}`);
  const problem = districtProblem(district, role) ?? parkProblem(park, role);
  if (problem) throw new ClientError(problem);
}

const noSuchClient = (name: string) => new ClientError(`no client named '${name}' (see: npm run admin -- client list)`);

const taken = (name: string) =>
  new ClientError(`a client named '${name}' already exists; choose another name, or revoke it and add a new one under another name`);

/** A key and secret, and the row that keeps the secret's hash. The key is an identifier (it may appear in logs). */
function credentials(name: string, role: Role, now: string, district: string | null, park: string | null) {
  const key = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { secret, row: { name, role, key, secret_hash: sha256(secret).toString('hex'), created_at: now, district, park } };
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
  ...(row.park ? { park: row.park } : {}),
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
  setPlace: (db: Kysely<RuyiDatabase>, name: string, column: PlaceColumn, value: string | null) =>
    db.updateTable('xapi_clients').set(column === 'district' ? { district: value } : { park: value }).where('name', '=', name),
  parks: (db: Kysely<RuyiDatabase>) => db.selectFrom('xapi_clients').select(['park', 'district']).where('park', 'is not', null).orderBy('id'),
  insert: (db: Kysely<RuyiDatabase>, row: ReturnType<typeof credentials>['row']) => db.insertInto('xapi_clients').values(row).returning('id'),
  all: (db: Kysely<RuyiDatabase>) => db.selectFrom('xapi_clients').selectAll().orderBy('id'),
  revoke: (db: Kysely<RuyiDatabase>, name: string, now: string) =>
    db.updateTable('xapi_clients').set({ revoked_at: now }).where('name', '=', name).where('revoked_at', 'is', null),
};

/** The synchronous SQLite registry: the inside of the SQLite ClientRegistry, and for code still on `app.db`. */
export interface ClientRegistrySync {
  readonly synchronous: true;
  add(name: string, role: Role, now?: string, district?: string | null, park?: string | null): NewClient;
  list(): Client[];
  revoke(name: string, now?: string): boolean;
  authenticate(key: string, secret: string): Client | null;
  setDistrict(name: string, district: string | null): DistrictSet;
  setPark(name: string, park: string | null): ParkSet;
  parks(): ClientPark[];
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
  // A client's district or park, and when it changes, the re-count in the same transaction (see ClientRegistry).
  const setPlace = (name: string, column: PlaceColumn, value: string | null) =>
    db
      .transaction((): PlaceSet => {
        const row = sqliteGet(db, q.row(sqliteBuilder, name));
        if (!row) throw noSuchClient(name);
        const problem = placeProblem[column](value, row.role);
        if (problem) throw new ClientError(problem);
        const before = row[column];
        const recount = before !== value;
        if (recount) {
          sqliteRun(db, q.setPlace(sqliteBuilder, name, column, value));
          const cursor = Number(sqliteGet(db, cursorQuery(sqliteBuilder))!.seq);
          for (const write of recountWrites(sqliteBuilder, cursor)) sqliteRun(db, write);
        }
        verified.forget();
        return { client: toClient({ ...row, [column]: value }), before, recount };
      })
      .immediate();
  return {
    synchronous: true,
    add(name, role, now = new Date().toISOString(), district = null, park = null) {
      checkNew(name, role, district, park);
      if (sqliteGet(db, q.byName(sqliteBuilder, name))) throw taken(name);
      const { secret, row } = credentials(name, role, now, district, park);
      const { id } = sqliteGet(db, q.insert(sqliteBuilder, row))!;
      verified.forget();
      return newClient(id, row, secret);
    },
    setDistrict: (name, district) => setPlace(name, 'district', district),
    setPark: (name, park) => setPlace(name, 'park', park),
    parks: () => sqliteAll(db, q.parks(sqliteBuilder)) as ClientPark[],
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
    add: async (name, role, now, district, park) => sync.add(name, role, now, district, park),
    list: async () => sync.list(),
    revoke: async (name, now) => sync.revoke(name, now),
    authenticate: async (key, secret) => sync.authenticate(key, secret),
    setDistrict: async (name, district) => sync.setDistrict(name, district),
    setPark: async (name, park) => sync.setPark(name, park),
    parks: async () => sync.parks(),
  };
}

const UNIQUE_VIOLATION = '23505';

export function createPostgresClientRegistry(db: Kysely<RuyiDatabase>): ClientRegistry {
  const setPlace = (name: string, column: PlaceColumn, value: string | null) =>
    db.transaction().execute(async (trx): Promise<PlaceSet> => {
      // The client's row, then the cursor, locked: a follower's batch under way waits, then finds the cursor moved.
      // Not FOR UPDATE: the client's statements (their foreign key) keep being stored meanwhile.
      const row = await q.row(trx, name).forNoKeyUpdate().executeTakeFirst();
      if (!row) throw noSuchClient(name);
      const problem = placeProblem[column](value, row.role);
      if (problem) throw new ClientError(problem);
      const before = row[column];
      const recount = before !== value;
      if (recount) {
        await q.setPlace(trx, name, column, value).execute();
        const cursor = Number((await cursorQuery(trx).forUpdate().executeTakeFirstOrThrow()).seq);
        for (const write of recountWrites(trx, cursor)) await trx.executeQuery(write.compile());
      }
      return { client: toClient({ ...row, [column]: value }), before, recount };
    });
  return {
    async add(name, role, now = new Date().toISOString(), district = null, park = null) {
      checkNew(name, role, district, park);
      if (await q.byName(db, name).executeTakeFirst()) throw taken(name);
      const { secret, row } = credentials(name, role, now, district, park);
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
    setDistrict: (name, district) => setPlace(name, 'district', district),
    setPark: (name, park) => setPlace(name, 'park', park),
    parks: async () => (await q.parks(db).execute()) as ClientPark[],
  };
}

/** The registry for the database `storage` opened. */
export function clientRegistryFor(storage: StorageDatabase): ClientRegistry {
  return storage.dialect === 'postgres' ? createPostgresClientRegistry(storage.db) : createSqliteClientRegistry(storage.sqlite!);
}
