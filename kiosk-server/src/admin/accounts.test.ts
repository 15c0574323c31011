// The account stores (xAPI clients, the staff credential, staff sessions) on both databases: the same tests on the
// SQLite file and on a real PostgreSQL server. The last ones run two app instances on one database, as a hub's
// processes behind a reverse proxy do: a staff session made on one is valid on the other, a client revoked through one
// is refused by the other.
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setErrorHandling } from '../errors.ts';
import adminPlugin from '../plugins/admin.ts';
import sessionRoutes from '../routes/admin/session.ts';
import { createDatabase, type DatabaseSettings, type StorageDatabase } from '../storage/database.ts';
import { listMigrations, migrationsDir, runMigrations } from '../storage/migrations.ts';
import storagePlugin from '../storage/plugin.ts';
import { createTestDatabase, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';
import { login, PASSWORD, setPasswordDirectly } from '../test-support/admin.ts';
import { authenticate } from '../xapi/auth.ts';
import { ClientError, clientRegistryFor } from '../xapi/clients.ts';
import clientsPlugin from '../xapi/clients-plugin.ts';
import { accountStoreFor } from './accounts.ts';
import { credentialStoreFor } from './credentials.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { SESSION_MS, sessionStoreFor } from './sessions.ts';

const FAST = { N: 2 ** 10, r: 8, p: 1, keyLength: 64 };
const FAST_CREDENTIAL = await hashPassword('a long operator password', FAST);

let server: TestPostgres | undefined;
const folders: string[] = [];

/** A fresh database of the dialect: a new SQLite data folder, or a new PostgreSQL database in the run's cluster. */
async function freshSettings(dialect: 'sqlite' | 'postgres'): Promise<DatabaseSettings> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruyi-accounts-'));
  folders.push(dataDir);
  if (dialect === 'sqlite') return { dataDir };
  let base = process.env.RUYI_TEST_DATABASE_URL;
  if (!base) {
    server ??= await startPostgres();
    base = server.url;
  }
  return { dataDir, databaseUrl: await createTestDatabase(base, 'ruyi_accounts') };
}

afterAll(async () => {
  await server?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, 60_000);

describe.each(['sqlite', 'postgres'] as const)('account stores on %s', (dialect) => {
  let storage: StorageDatabase;
  beforeAll(async () => {
    storage = createDatabase(await freshSettings(dialect));
    await runMigrations(storage);
    expect(storage.dialect).toBe(dialect);
  }, 60_000);
  afterAll(() => storage?.close());

  it('adds, lists, authenticates and revokes xAPI clients', async () => {
    const clients = clientRegistryFor(storage);
    const now = '2026-12-07T05:00:00.000Z';
    const a = await clients.add('park-a', 'kiosk', now);
    const b = await clients.add('city.reader', 'reader');
    expect(a).toMatchObject({ name: 'park-a', role: 'kiosk', createdAt: now, revokedAt: null });
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.id).toBeGreaterThan(a.id);

    const listed = await clients.list();
    expect(listed.map((c) => c.name)).toEqual(['park-a', 'city.reader']);
    expect(listed[0]).toEqual({ id: a.id, name: 'park-a', role: 'kiosk', key: a.key, createdAt: now, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(a.secret);

    expect(await clients.authenticate(a.key, a.secret)).toMatchObject({ id: a.id, name: 'park-a', role: 'kiosk' });
    expect(await clients.authenticate(a.key, b.secret)).toBeNull();
    expect(await clients.authenticate('no-such-key', a.secret)).toBeNull();

    const header = `Basic ${Buffer.from(`${b.key}:${b.secret}`).toString('base64')}`;
    expect((await authenticate(clients, header)).name).toBe('city.reader');
    await expect(authenticate(clients, undefined)).rejects.toMatchObject({ statusCode: 401 });
    await expect(authenticate(clients, `Basic ${Buffer.from(`${b.key}:wrong`).toString('base64')}`)).rejects.toThrow(/unknown or revoked key, or wrong secret/);

    const revokedAt = '2026-12-07T06:00:00.000Z';
    expect(await clients.revoke('park-a', revokedAt)).toBe(true);
    expect(await clients.revoke('park-a')).toBe(false);
    expect(await clients.revoke('nobody')).toBe(false);
    expect(await clients.authenticate(a.key, a.secret)).toBeNull();
    expect((await clients.list())[0]!.revokedAt).toBe(revokedAt);
  });

  it('refuses a bad name, a bad role and a name already taken (even revoked), storing nothing', async () => {
    const clients = clientRegistryFor(storage);
    const before = (await clients.list()).length;
    await expect(clients.add('a b', 'kiosk')).rejects.toThrow(ClientError);
    await expect(clients.add('ok-name', 'admin' as 'kiosk')).rejects.toThrow(/role 'admin'/);
    await clients.add('twice', 'hub');
    await expect(clients.add('twice', 'reader')).rejects.toThrow(/a client named 'twice' already exists/);
    await clients.revoke('twice');
    await expect(clients.add('twice', 'reader')).rejects.toThrow(ClientError);
    expect((await clients.list()).length).toBe(before + 1);
  });

  it('two adds of one name at once: one client, one ClientError', async () => {
    const clients = clientRegistryFor(storage);
    const results = await Promise.allSettled([clients.add('racer', 'kiosk'), clients.add('racer', 'hub')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ClientError);
    expect((await clients.list()).filter((c) => c.name === 'racer')).toHaveLength(1);
  });

  it('writes, reads and replaces the staff credential', async () => {
    const credentials = credentialStoreFor(storage);
    expect(await credentials.read()).toBeNull();
    const first = await hashPassword(PASSWORD, FAST);
    await credentials.write(first);
    expect(await credentials.read()).toEqual(first);
    const second = await hashPassword('another long password', FAST);
    await credentials.write(second);
    const stored = (await credentials.read())!;
    expect(stored).toEqual(second);
    expect(await verifyPassword('another long password', stored)).toBe(true);
    expect(await verifyPassword(PASSWORD, stored)).toBe(false);
    const rows = await storage.db.selectFrom('staff_accounts').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ login: 'admin', role: 'admin', scope_kind: 'city', scope_id: '' });
    expect(JSON.stringify(rows)).not.toContain('another long password');
  });

  it('keeps sessions by token hash until they expire or are revoked', async () => {
    let clock = Date.parse('2026-12-07T05:00:00.000Z');
    const sessions = sessionStoreFor(storage, () => clock);
    const owner = (await accountStoreFor(storage).withCredential('admin'))!.account.id;
    const a = await sessions.create(owner);
    const b = await sessions.create(owner);
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.expiresAt.getTime()).toBe(clock + SESSION_MS);
    expect(await sessions.isValid(a.token)).toBe(true);
    expect(await sessions.isValid('x'.repeat(43))).toBe(false);

    const rows = await storage.db.selectFrom('staff_sessions').selectAll().execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(a.token);
    expect(rows[0]!.expires_at).toBe(new Date(clock + SESSION_MS).toISOString());

    await sessions.revoke(b.token);
    expect(await sessions.isValid(b.token)).toBe(false);
    expect(await sessions.isValid(a.token)).toBe(true);

    clock += SESSION_MS - 1;
    expect(await sessions.isValid(a.token)).toBe(true);
    clock += 1;
    expect(await sessions.isValid(a.token)).toBe(false);
    // The next login removes expired rows.
    const c = await sessions.create(owner);
    expect((await storage.db.selectFrom('staff_sessions').select('token_hash').execute()).length).toBe(1);
    expect(await sessions.isValid(c.token)).toBe(true);
  });
});

/** The account plugins and routes on their own (the rest of the app is not on PostgreSQL yet). */
async function accountsApp(settings: DatabaseSettings): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  setErrorHandling(app);
  await app.register(storagePlugin, settings);
  await app.register(clientsPlugin);
  await app.register(adminPlugin);
  await app.register(sessionRoutes, { prefix: '/api/admin' });
  app.get('/api/admin/probe', { onRequest: app.admin.authenticate }, async () => ({ staff: true }));
  app.get('/xapi/probe', async (request) => ({ client: (await authenticate(app.clients, request.headers.authorization)).name }));
  await app.ready();
  return app;
}

describe.each(['sqlite', 'postgres'] as const)('two app instances on one %s database', (dialect) => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('a staff session made on one is valid on the other, and logging out on the other ends it on both', async () => {
    const settings = await freshSettings(dialect);
    const one = await accountsApp(settings);
    apps.push(one);
    const two = await accountsApp(settings);
    apps.push(two);
    expect(one.storage.dialect).toBe(dialect);

    expect((await two.inject({ url: '/api/admin/status' })).json()).toEqual({ passwordSet: false });
    expect((await two.inject({ url: '/api/admin/probe' })).statusCode).toBe(403);
    await setPasswordDirectly(one);
    expect((await two.inject({ url: '/api/admin/status' })).json()).toEqual({ passwordSet: true });

    const headers = await login(one);
    expect((await two.inject({ url: '/api/admin/probe' })).statusCode).toBe(401);
    const probe = await two.inject({ url: '/api/admin/probe', headers });
    expect(probe.statusCode, probe.body).toBe(200);
    expect((await one.inject({ url: '/api/admin/probe', headers })).statusCode).toBe(200);

    // A wrong password is refused by either.
    expect((await two.inject({ method: 'POST', url: '/api/admin/session', payload: { password: 'wrong password!!' } })).statusCode).toBe(401);

    expect((await two.inject({ method: 'DELETE', url: '/api/admin/session', headers })).statusCode).toBe(204);
    const ended = await one.inject({ url: '/api/admin/probe', headers });
    expect(ended.statusCode).toBe(401);
    expect(ended.json().message).toMatch(/session has expired or was ended/);

    // A restart keeps sessions: a new instance knows one made before it started.
    const again = await login(two, PASSWORD);
    const three = await accountsApp(settings);
    apps.push(three);
    expect((await three.inject({ url: '/api/admin/probe', headers: again })).statusCode).toBe(200);
  }, 60_000);

  it('a client added through one authenticates on the other until revoked there', async () => {
    const settings = await freshSettings(dialect);
    const one = await accountsApp(settings);
    apps.push(one);
    const two = await accountsApp(settings);
    apps.push(two);
    const client = await one.clients.add('park-7', 'kiosk');
    const authorization = `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`;
    const ok = await two.inject({ url: '/xapi/probe', headers: { authorization } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ client: 'park-7' });
    expect(await two.clients.revoke('park-7')).toBe(true);
    expect((await one.inject({ url: '/xapi/probe', headers: { authorization } })).statusCode).toBe(401);
  }, 60_000);
});

describe.each(['sqlite', 'postgres'] as const)('staff accounts on %s', (dialect) => {
  let storage: StorageDatabase;
  beforeAll(async () => {
    storage = createDatabase(await freshSettings(dialect));
    await runMigrations(storage);
  }, 60_000);
  afterAll(() => storage?.close());

  it('creates, lists and changes accounts; refuses a bad or taken login name and a role its scope does not fit', async () => {
    const accounts = accountStoreFor(storage);
    const credential = await hashPassword('analyst password 1', FAST);
    const now = new Date('2026-12-07T05:00:00.000Z');
    const analyst = await accounts.create({ login: 'nanguan.analyst', role: 'analyst', scope: { kind: 'district', id: '220102' } }, credential, now);
    expect(analyst).toEqual({
      id: analyst.id,
      login: 'nanguan.analyst',
      role: 'analyst',
      scope: { kind: 'district', id: '220102' },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      disabledAt: null,
    });
    await expect(accounts.create({ login: 'nanguan.analyst', role: 'admin', scope: { kind: 'city' } }, credential)).rejects.toMatchObject({ statusCode: 409 });
    await expect(accounts.create({ login: 'Zhang San', role: 'admin', scope: { kind: 'city' } }, credential)).rejects.toMatchObject({ statusCode: 400, path: 'login' });
    await expect(accounts.create({ login: 'teacher-1', role: 'teacher', scope: { kind: 'park', id: 'ruyi-xi' } }, credential)).rejects.toThrow(/a teacher is scoped to school/);
    expect((await accounts.list()).map((a) => a.login)).toEqual(['nanguan.analyst']);

    const moved = await accounts.update(analyst.id, { scope: { kind: 'park', id: 'ruyi-xi' } });
    expect(moved?.scope).toEqual({ kind: 'park', id: 'ruyi-xi' });
    await expect(accounts.update(analyst.id, { role: 'teacher' })).rejects.toMatchObject({ statusCode: 400 });
    expect(await accounts.update(999_999, { disabled: true })).toBeNull();
    const found = await accounts.withCredential('nanguan.analyst');
    expect(await verifyPassword('analyst password 1', found!.credential)).toBe(true);
    const stored = await storage.db.selectFrom('staff_accounts').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('analyst password 1');
  });

  it("a disabled, deleted or re-passworded account's sessions are refused at once; a role change applies at once", async () => {
    const accounts = accountStoreFor(storage);
    const sessions = sessionStoreFor(storage);
    const make = (login: string) => accounts.create({ login, role: 'operator', scope: { kind: 'park', id: 'ruyi-xi' } }, FAST_CREDENTIAL);
    const a = await make('op-a');
    const b = await make('op-b');
    const c = await make('op-c');
    const [sa, sb, sc] = await Promise.all([sessions.create(a.id), sessions.create(b.id), sessions.create(c.id)]);
    expect((await sessions.find(sa.token))?.login).toBe('op-a');

    await accounts.update(a.id, { role: 'analyst' });
    expect((await sessions.find(sa.token))?.role).toBe('analyst');

    await accounts.update(a.id, { disabled: true });
    expect(await sessions.find(sa.token)).toBeNull();
    expect(await accounts.anyEnabled()).toBe(true);
    // Enabled again, it needs a new login: its sessions were removed with the disabling.
    await accounts.update(a.id, { disabled: false });
    expect(await sessions.find(sa.token)).toBeNull();

    await storage.db.deleteFrom('staff_accounts').where('id', '=', b.id).execute();
    expect(await sessions.find(sb.token)).toBeNull();

    expect(await accounts.setPassword(c.id, FAST_CREDENTIAL)).toBe(true);
    expect(await sessions.find(sc.token)).toBeNull();
  });

  it('set-password makes the first admin again: role admin, scope city, enabled, old sessions ended', async () => {
    const accounts = accountStoreFor(storage);
    const credentials = credentialStoreFor(storage);
    await credentials.write(FAST_CREDENTIAL);
    const admin = (await accounts.withCredential('admin'))!.account;
    const session = await sessionStoreFor(storage).create(admin.id);
    await accounts.update(admin.id, { role: 'analyst', scope: { kind: 'district', id: '220102' }, disabled: true });
    await credentials.write(await hashPassword(PASSWORD, FAST));
    const again = (await accounts.withCredential('admin'))!;
    expect(again.account).toMatchObject({ id: admin.id, role: 'admin', scope: { kind: 'city' }, disabledAt: null });
    expect(await verifyPassword(PASSWORD, again.credential)).toBe(true);
    expect(await sessionStoreFor(storage).find(session.token)).toBeNull();
  });
});

describe.each(['sqlite', 'postgres'] as const)('the migration to named accounts on %s', (dialect) => {
  it('moves the single password to the account admin (same hash) and keeps its open sessions', async () => {
    const storage = createDatabase(await freshSettings(dialect));
    try {
      // The database as it was before the accounts: every migration but the accounts' own.
      const all = migrationsDir(dialect);
      const accountsVersion = dialect === 'sqlite' ? 12 : 8;
      const before = mkdtempSync(join(tmpdir(), 'ruyi-before-accounts-'));
      folders.push(before);
      for (const m of listMigrations(all)) if (m.version < accountsVersion) copyFileSync(m.path, join(before, m.name));
      await runMigrations(storage, { dir: before });
      const old = await hashPassword(PASSWORD, FAST);
      const now = new Date().toISOString();
      await storage.db.insertInto('admin_credential').values({ id: 1, algorithm: 'scrypt', params: JSON.stringify(old.params), salt: old.salt, hash: old.hash, updated_at: now }).execute();
      const token = 'a'.repeat(43);
      const { createHash } = await import('node:crypto');
      const digest = createHash('sha256').update(token).digest('base64url');
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await sql`INSERT INTO staff_sessions (token_hash, created_at, expires_at) VALUES (${digest}, ${now}, ${later})`.execute(storage.db);

      expect(await runMigrations(storage)).toContain(dialect === 'sqlite' ? '012_staff_accounts.sql' : '008_staff_accounts.sql');
      const found = await accountStoreFor(storage).withCredential('admin');
      expect(found?.account).toMatchObject({ login: 'admin', role: 'admin', scope: { kind: 'city' }, disabledAt: null });
      expect(found?.credential).toEqual(old);
      expect(await verifyPassword(PASSWORD, found!.credential)).toBe(true);
      expect(await storage.db.selectFrom('admin_credential').selectAll().execute()).toEqual([]);
      expect((await sessionStoreFor(storage).find(token))?.login).toBe('admin');
    } finally {
      await storage.close();
    }
  }, 60_000);

  it('a database with no password yet gets no account', async () => {
    const storage = createDatabase(await freshSettings(dialect));
    try {
      await runMigrations(storage);
      expect(await accountStoreFor(storage).list()).toEqual([]);
      expect(await accountStoreFor(storage).anyEnabled()).toBe(false);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
