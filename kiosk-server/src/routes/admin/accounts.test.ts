// Staff accounts over HTTP: logging in by name, admins managing accounts within their own scope, and the guard's
// scope check against this server's place (here a park's server: park 'ruyi-xi' in district 220102). On the project's
// store (SQLite, or PostgreSQL in the postgres project).
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placesFrom, type Role, type Scope } from '../../admin/scopes.ts';
import { setErrorHandling } from '../../errors.ts';
import adminPlugin from '../../plugins/admin.ts';
import storagePlugin from '../../storage/plugin.ts';
import { addStaff, login, PASSWORD, setPasswordDirectly } from '../../test-support/admin.ts';
import { freshPostgresDatabase, TEST_STORE } from '../../test-support/test-app.ts';
import accountRoutes from './accounts.ts';
import sessionRoutes from './session.ts';

const PLACES = placesFrom([
  { kind: 'park', id: 'ruyi-xi', district: '220102' },
  { kind: 'park', id: 'nanhu', district: '220104' },
  { kind: 'school', id: '2122010201', district: '220102' },
]);

// Every account made over HTTP is hashed with the server's own parameters: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let app: FastifyInstance;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ruyi-staff-'));
  app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  setErrorHandling(app);
  await app.register(storagePlugin, { dataDir, databaseUrl: TEST_STORE === 'postgres' ? await freshPostgresDatabase() : null });
  await app.register(adminPlugin, { here: { kind: 'park', id: 'ruyi-xi' }, places: PLACES });
  await app.register(
    async (api) => {
      await api.register(sessionRoutes);
      await api.register(accountRoutes);
      // A park route and this park's statistics: guarded by their prefixes, as the real ones are.
      api.get('/packs', async (request) => ({ by: request.staff!.login }));
      api.get('/stats-probe', { config: { staff: { action: 'statistics' } } }, async (request) => ({ by: request.staff!.login }));
    },
    { prefix: '/api/admin' },
  );
  await app.ready();
  await setPasswordDirectly(app);
}, 60_000);

afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const as = async (role: Role, scope: Scope, name: string) => {
  await addStaff(app, { login: name, role, scope });
  return login(app, PASSWORD, name);
};

const create = (headers: Record<string, string>, body: object) => app.inject({ method: 'POST', url: '/api/admin/accounts', headers, payload: body });

describe('POST /api/admin/session with a login name', () => {
  it("logs in to the named account and says who it is; a wrong password, an unknown name and a disabled account are one 401", async () => {
    const analyst = await addStaff(app, { login: 'nanguan-analyst', role: 'analyst', scope: { kind: 'district', id: '220102' } });
    const ok = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { login: 'nanguan-analyst', password: PASSWORD } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().account).toEqual({ id: analyst.id, login: 'nanguan-analyst', role: 'analyst', scope: { kind: 'district', id: '220102' } });
    // Without a name: the first admin, as before named accounts.
    expect((await app.inject({ method: 'POST', url: '/api/admin/session', payload: { password: PASSWORD } })).json().account).toMatchObject({
      login: 'admin',
      role: 'admin',
      scope: { kind: 'city' },
    });
    await app.admin.accounts.update(analyst.id, { disabled: true });
    const refusals = await Promise.all(
      [
        { login: 'nanguan-analyst', password: 'wrong password!!' },
        { login: 'nobody-here', password: PASSWORD },
        { login: 'nanguan-analyst', password: PASSWORD },
      ].map((payload, i) => app.inject({ method: 'POST', url: '/api/admin/session', payload, remoteAddress: `10.5.0.${i}` })),
    );
    for (const r of refusals) expect([r.statusCode, r.json().message]).toEqual([401, 'wrong login name or password']);
  });
});

describe('/api/admin/accounts', () => {
  it('a city admin lists and creates any account; bad bodies are 400 naming the field, a taken name 409', async () => {
    const admin = await login(app);
    const created = await create(admin, { login: 'xi-operator', role: 'operator', scope: { kind: 'park', id: 'ruyi-xi' }, password: 'operator password 1' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ login: 'xi-operator', role: 'operator', scope: { kind: 'park', id: 'ruyi-xi' }, disabledAt: null });
    expect(created.body).not.toContain('operator password 1');
    const list = await app.inject({ url: '/api/admin/accounts', headers: admin });
    expect(list.json().accounts.map((a: { login: string }) => a.login)).toEqual(['admin', 'xi-operator']);

    const bad = [
      [{ login: 'Wang Wei', role: 'analyst', scope: { kind: 'city' }, password: 'a long password!' }, /login/],
      [{ login: 'x-teacher', role: 'teacher', scope: { kind: 'park', id: 'ruyi-xi' }, password: 'a long password!' }, /a teacher is scoped to school/],
      [{ login: 'short', role: 'analyst', scope: { kind: 'city' }, password: 'short' }, /password/],
      [{ login: 'd-analyst', role: 'analyst', scope: { kind: 'district', id: '22' }, password: 'a long password!' }, /scope/],
      [{ login: 'x', role: 'boss', scope: { kind: 'city' }, password: 'a long password!' }, /role/],
    ] as const;
    for (const [body, message] of bad) {
      const res = await create(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatch(message);
    }
    expect((await create(admin, { login: 'xi-operator', role: 'analyst', scope: { kind: 'city' }, password: 'a long password!' })).statusCode).toBe(409);
    expect((await app.admin.accounts.list()).length).toBe(2);
  });

  it('a district admin sees and manages only accounts within the district, and makes none outside or above it', async () => {
    const city = await login(app);
    for (const [name, role, scope] of [
      ['xi-operator', 'operator', { kind: 'park', id: 'ruyi-xi' }],
      ['nanhu-operator', 'operator', { kind: 'park', id: 'nanhu' }],
      ['city-analyst', 'analyst', { kind: 'city' }],
    ] as const)
      expect((await create(city, { login: name, role, scope, password: 'a long password!' })).statusCode).toBe(201);
    const district = await as('admin', { kind: 'district', id: '220102' }, 'nanguan-admin');

    const list = await app.inject({ url: '/api/admin/accounts', headers: district });
    expect(list.json().accounts.map((a: { login: string }) => a.login)).toEqual(['xi-operator', 'nanguan-admin']);

    const teacher = await create(district, { login: 'teacher-1', role: 'teacher', scope: { kind: 'school', id: '2122010201' }, password: 'a long password!' });
    expect(teacher.statusCode, teacher.body).toBe(201);
    for (const [role, scope] of [
      ['operator', { kind: 'park', id: 'nanhu' }],
      ['analyst', { kind: 'city' }],
      ['admin', { kind: 'district', id: '220104' }],
      // A school no directory places in the district.
      ['teacher', { kind: 'school', id: '9999999999' }],
    ] as const) {
      const res = await create(district, { login: `no-${role}`, role, scope, password: 'a long password!' });
      expect(res.statusCode, `${role} ${JSON.stringify(scope)}`).toBe(403);
      expect(res.json().details[0].code).toBe('staff.scope');
    }

    const ids = Object.fromEntries((await app.admin.accounts.list()).map((a) => [a.login, a.id]));
    const patch = (id: number, payload: object, headers = district) => app.inject({ method: 'PATCH', url: `/api/admin/accounts/${id}`, headers, payload });
    expect((await patch(ids['nanhu-operator']!, { disabled: true })).statusCode).toBe(404);
    expect((await patch(ids['xi-operator']!, { scope: { kind: 'park', id: 'nanhu' } })).statusCode).toBe(403);
    expect((await patch(ids['xi-operator']!, { role: 'admin', scope: { kind: 'city' } })).statusCode).toBe(403);
    const self = await patch(ids['nanguan-admin']!, { disabled: true });
    expect([self.statusCode, self.json().details[0].code]).toEqual([403, 'account.self']);
    const raised = await patch(ids['xi-operator']!, { role: 'analyst' });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ role: 'analyst', scope: { kind: 'park', id: 'ruyi-xi' } });
    expect((await patch(ids['xi-operator']!, {})).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: `/api/admin/accounts/${ids['nanhu-operator']}/password`, headers: district, payload: { password: 'a new long password' } })).statusCode).toBe(404);
  });

  it("disabling an account ends its sessions at once; a password reset ends them too and the new one logs in", async () => {
    const admin = await login(app);
    const operator = await as('operator', { kind: 'park', id: 'ruyi-xi' }, 'xi-operator');
    expect((await app.inject({ url: '/api/admin/packs', headers: operator })).statusCode).toBe(200);
    const id = (await app.admin.accounts.list()).find((a) => a.login === 'xi-operator')!.id;

    const reset = await app.inject({ method: 'POST', url: `/api/admin/accounts/${id}/password`, headers: admin, payload: { password: 'a new long password' } });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await app.inject({ url: '/api/admin/packs', headers: operator })).statusCode).toBe(401);
    const again = await login(app, 'a new long password', 'xi-operator');
    expect((await app.inject({ url: '/api/admin/packs', headers: again })).statusCode).toBe(200);

    const disabled = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${id}`, headers: admin, payload: { disabled: true } });
    expect(disabled.json().disabledAt).toEqual(expect.any(String));
    const refused = await app.inject({ url: '/api/admin/packs', headers: again });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().details[0].code).toBe('admin.session-ended');
    await expect(login(app, 'a new long password', 'xi-operator')).rejects.toThrow(/401/);
  });

  it('only admins reach the accounts routes', async () => {
    for (const [role, scope] of [
      ['operator', { kind: 'city' }],
      ['analyst', { kind: 'city' }],
      ['teacher', { kind: 'school', id: '2122010201' }],
    ] as const) {
      const headers = await as(role, scope, `only-${role}`);
      const res = await app.inject({ url: '/api/admin/accounts', headers });
      expect([res.statusCode, res.json().details[0].code], role).toEqual([403, 'staff.role']);
    }
  });
});

describe("the guard on this park's server (park ruyi-xi, district 220102)", () => {
  it("an operator runs their own park only; an analyst reads this park's statistics only if it lies within their scope", async () => {
    const cases = [
      ['operator', { kind: 'park', id: 'ruyi-xi' }, 200, 200],
      ['operator', { kind: 'park', id: 'nanhu' }, 403, 403],
      ['operator', { kind: 'district', id: '220102' }, 200, 200],
      ['analyst', { kind: 'district', id: '220102' }, 403, 200],
      ['analyst', { kind: 'district', id: '220104' }, 403, 403],
      ['analyst', { kind: 'city' }, 403, 200],
      ['teacher', { kind: 'school', id: '2122010201' }, 403, 403],
      ['admin', { kind: 'park', id: 'ruyi-xi' }, 200, 200],
      ['admin', { kind: 'park', id: 'nanhu' }, 403, 403],
    ] as const;
    for (const [i, [role, scope, packs, stats]] of cases.entries()) {
      const headers = await as(role, scope, `case-${i}`);
      const what = `${role} of ${JSON.stringify(scope)}`;
      expect((await app.inject({ url: '/api/admin/packs', headers })).statusCode, `${what}: packs`).toBe(packs);
      expect((await app.inject({ url: '/api/admin/stats-probe', headers })).statusCode, `${what}: statistics`).toBe(stats);
    }
  }, 60_000);
});
