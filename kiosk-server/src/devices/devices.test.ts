// Device enrollment against the real app (app.inject, with client addresses of the park LAN) on its database: the
// SQLite file, or PostgreSQL when RUYI_TEST_STORE=postgres. Who may post statements, how staff enroll and revoke a
// device, and that codes are one-time, expire and cannot be guessed quickly.
import { codeRefusal, isNotEnrolled, type ErrorBody } from '@ruyi/api-contract';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import { newVisit, records } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { readAsAnotherProcess } from '../test-support/dialect-storage.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { exemptMatcher } from './exempt.ts';
import { CODE_TTL_MS } from './registry.ts';
import type { DeviceSettings } from './settings.ts';

const KIOSK_ADDRESS = '192.168.10.21';
const STAFF_HOST = '192.168.10.2:8080';
const NO_EXEMPTION: DeviceSettings = { enrollment: 'required', exempt: [] };

let env: TestEnv;
let app: App;
let clock = Date.parse('2026-06-01T09:00:00.000Z');

async function start(devices?: DeviceSettings) {
  clock = Date.parse('2026-06-01T09:00:00.000Z');
  env = createTestEnv({ config: devices ? { devices } : {} });
  app = await env.start({ deviceClock: () => clock });
}
afterEach(() => env?.cleanup());

/** Rows of a table as another process reads them: what a 2xx promised is on disk. */
const countOnDisk = (table: 'statements' | 'devices' | 'device_codes') =>
  readAsAnotherProcess(env.config, async (db) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
const rowCount = () => countOnDisk('statements');
const visitStart = () => statementsOf(app, env.config, [records.visitStart(newVisit())]);

const post = (options: { token?: string; from?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/statements',
    payload: visitStart(),
    remoteAddress: options.from ?? KIOSK_ADDRESS,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });

async function staff() {
  await setPasswordDirectly(app);
  return login(app);
}

async function createCode(label = '东门 1 号机') {
  const res = await app.inject({ method: 'POST', url: '/api/admin/devices/codes', headers: { ...(await staff()), host: STAFF_HOST }, payload: { label } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { code: string; label: string; expiresAt: string; enrollUrl: string };
}

const enroll = (code: string, from = KIOSK_ADDRESS) => app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code }, remoteAddress: from });

function expectNotEnrolled(res: { statusCode: number; json: () => unknown }, why: RegExp) {
  expect(res.statusCode).toBe(401);
  const body = res.json() as ErrorBody;
  expect(isNotEnrolled(body), JSON.stringify(body)).toBe(true);
  expect(body.message).toMatch(/not enrolled/);
  expect(body.message).toContain('/admin');
  expect(body.details![0]!.message).toMatch(why);
}

describe('who may post statements', () => {
  it('the server’s own machine (loopback, exempt by default) posts without enrolling', async () => {
    await start();
    for (const from of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect((await post({ from })).statusCode, from).toBe(200);
    expect(await rowCount()).toBe(3);
    const me = await app.inject({ method: 'GET', url: '/api/devices/me' });
    expect(me.json()).toEqual({ deviceId: 'local', label: null, via: 'exempt' });
  });

  it('by default a device on the LAN must be enrolled: 401 saying so, nothing stored', async () => {
    await start();
    expectNotEnrolled(await post(), /no device credential was sent/);
    expect(await rowCount()).toBe(0);
  });

  it('with the exemption off, loopback too needs a device: no, unknown and revoked tokens are 401 and store nothing', async () => {
    await start(NO_EXEMPTION);
    expectNotEnrolled(await post({ from: '127.0.0.1' }), /no device credential was sent/);
    const noToken = await post();
    expect(noToken.headers['www-authenticate']).toMatch(/^Bearer/);
    expectNotEnrolled(await post({ token: 'x'.repeat(43) }), /unknown/);

    const { code } = await createCode();
    const { token, deviceId } = (await enroll(code)).json() as { token: string; deviceId: string };
    expect((await post({ token })).statusCode).toBe(200);
    const revoke = await app.inject({ method: 'POST', url: `/api/admin/devices/${deviceId}/revoke`, headers: await login(app) });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json().device.revokedAt).not.toBeNull();
    expectNotEnrolled(await post({ token }), /revoked/);
    expectNotEnrolled(await app.inject({ method: 'GET', url: '/api/devices/me', remoteAddress: KIOSK_ADDRESS, headers: { authorization: `Bearer ${token}` } }), /revoked/);
    expect(await rowCount()).toBe(1);
  });

  it('with RUYI_ENROLLMENT=open anyone on the network posts (the old behaviour, for closed networks)', async () => {
    await start({ enrollment: 'open', exempt: [] });
    expect((await post()).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/devices/me', remoteAddress: KIOSK_ADDRESS })).json()).toEqual({ deviceId: null, label: null, via: 'open' });
  });
});

describe('enrolling a device', () => {
  it('staff create a code with a label; the device trades it for a token that works; staff see it listed', async () => {
    await start(NO_EXEMPTION);
    const created = await createCode('东门 1 号机');
    expect(created.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(Date.parse(created.expiresAt) - clock).toBe(CODE_TTL_MS);
    // The URL uses the address the staff browser reached the server by.
    expect(created.enrollUrl).toBe(`http://${STAFF_HOST}/enroll?code=${created.code}`);
    // Only the code's digest is stored.
    expect(JSON.stringify(await readAsAnotherProcess(env.config, (db) => db.selectFrom('device_codes').selectAll().execute()))).not.toContain(created.code.replace('-', ''));

    // Typed by hand: lower case and without the dash is the same code.
    const res = await enroll(created.code.replace('-', '').toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const { token, deviceId, label } = res.json() as { token: string; deviceId: string; label: string };
    expect(label).toBe('东门 1 号机');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = await readAsAnotherProcess(env.config, (db) => db.selectFrom('devices').selectAll().executeTakeFirstOrThrow());
    expect(row.id).toBe(deviceId);
    expect(JSON.stringify(row)).not.toContain(token);

    expect((await post({ token })).statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/devices/me', remoteAddress: KIOSK_ADDRESS, headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toEqual({ deviceId, label: '东门 1 号机', via: 'enrolled' });

    const list = await app.inject({ method: 'GET', url: '/api/admin/devices', headers: await login(app) });
    expect(list.json()).toEqual({
      devices: [{ id: deviceId, label: '东门 1 号机', enrolledAt: new Date(clock).toISOString(), lastSeenAt: new Date(clock).toISOString(), revokedAt: null }],
    });
  });

  it('a code is one-time: the second use is refused, saying it was used', async () => {
    await start(NO_EXEMPTION);
    const { code } = await createCode();
    expect((await enroll(code)).statusCode).toBe(200);
    const again = await enroll(code, '192.168.10.22');
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toMatch(/already used/);
    expect(codeRefusal(again.json())).toBe('used');
    expect(await countOnDisk('devices')).toBe(1);
  });

  it('a code expires after 10 minutes', async () => {
    await start(NO_EXEMPTION);
    const first = await createCode();
    const second = await createCode();
    clock += CODE_TTL_MS - 1;
    expect((await enroll(first.code)).statusCode).toBe(200);
    clock += 1;
    const late = await enroll(second.code);
    expect(late.statusCode).toBe(401);
    expect(late.json().message).toMatch(/expired: at .* create a new one/);
    expect(codeRefusal(late.json())).toBe('expired');
  });

  it('refuses labels that are empty, too long or look like personal data, and codes of the wrong shape, storing nothing', async () => {
    await start(NO_EXEMPTION);
    const headers = await staff();
    for (const label of ['', '   ', 'x'.repeat(41), 'wang@example.com', '张三 13812345678', '<script>']) {
      const res = await app.inject({ method: 'POST', url: '/api/admin/devices/codes', headers, payload: { label } });
      expect(res.statusCode, label).toBe(400);
      expect(res.json().details[0].path).toBe('label');
    }
    for (const code of ['ABCD', 'ABCD-EFG0', 'ABCDEFGHJK']) {
      const res = await enroll(code);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().details[0].path).toBe('code');
    }
    expect(await countOnDisk('device_codes')).toBe(0);
  });

  it('guessing codes is limited per address: after 5 wrong codes, 429 (even for a right one) until the minute is over', async () => {
    await start(NO_EXEMPTION);
    const { code } = await createCode();
    for (let i = 1; i <= 5; i++) {
      const wrong = await enroll('ABCD-EFGH');
      expect(wrong.statusCode, `wrong #${i}`).toBe(401);
      expect(codeRefusal(wrong.json())).toBe('unknown');
    }
    const locked = await enroll(code);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(60);
    // Another address is not affected; the locked one may try again after the minute.
    const other = await createCode();
    expect((await enroll(other.code, '192.168.10.30')).statusCode).toBe(200);
    clock += 60_000;
    expect((await enroll(code)).statusCode).toBe(200);
  });

  it('sending unknown device tokens is limited per address; a revoked token keeps answering "not enrolled"', async () => {
    await start(NO_EXEMPTION);
    for (let i = 1; i <= 10; i++) expect((await post({ token: `unknown-token-${i}-xxxxxxxxxxxx` })).statusCode).toBe(401);
    const locked = await post({ token: 'unknown-token-11-xxxxxxxxxxxx' });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();

    const { code } = await createCode();
    const { token, deviceId } = (await enroll(code, '192.168.10.40')).json() as { token: string; deviceId: string };
    await app.inject({ method: 'POST', url: `/api/admin/devices/${deviceId}/revoke`, headers: await login(app) });
    for (let i = 0; i < 20; i++) expectNotEnrolled(await post({ token, from: '192.168.10.40' }), /revoked/);
  });

  it('writes last_seen_at at most once a minute, not on every request', async () => {
    await start(NO_EXEMPTION);
    const { code } = await createCode();
    const { token } = (await enroll(code)).json() as { token: string };
    const lastSeen = async () => (await readAsAnotherProcess(env.config, (db) => db.selectFrom('devices').select('last_seen_at').executeTakeFirstOrThrow())).last_seen_at;
    const enrolledAt = new Date(clock).toISOString();
    clock += 1000;
    expect((await post({ token })).statusCode).toBe(200);
    const first = new Date(clock).toISOString();
    expect(await lastSeen()).toBe(first);
    expect(first).not.toBe(enrolledAt);
    clock += 59_000;
    expect((await post({ token })).statusCode).toBe(200);
    expect(await lastSeen()).toBe(first);
    clock += 1000;
    expect((await post({ token })).statusCode).toBe(200);
    expect(await lastSeen()).toBe(new Date(clock).toISOString());
  });
});

describe('staff routes', () => {
  const routes = [
    ['GET', '/api/admin/devices'],
    ['POST', '/api/admin/devices/codes'],
    ['POST', '/api/admin/devices/0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f/revoke'],
  ] as const;

  it('answer 403 while no admin password is set, 401 without a session, and 404 for an unknown device', async () => {
    await start(NO_EXEMPTION);
    for (const [method, url] of routes) expect((await app.inject({ method, url, payload: { label: 'x' } })).statusCode, `${method} ${url}`).toBe(403);
    await setPasswordDirectly(app);
    for (const [method, url] of routes) {
      const res = await app.inject({ method, url, payload: { label: 'x' }, headers: { authorization: `Bearer ${'y'.repeat(43)}` } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    // A device token is not a staff session.
    const { code } = await createCode();
    const { token } = (await enroll(code)).json() as { token: string };
    expect((await app.inject({ method: 'GET', url: '/api/admin/devices', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const missing = await app.inject({ method: 'POST', url: routes[2][1], headers: await login(app) });
    expect(missing.statusCode).toBe(404);
  });
});

describe('settings', () => {
  it('RUYI_ENROLLMENT and RUYI_ENROLLMENT_EXEMPT: defaults, none, ranges, and a clear error for a bad entry', () => {
    expect(loadConfig({}).devices).toEqual({ enrollment: 'required', exempt: ['127.0.0.1', '::1'] });
    // An empty variable counts as unset (the default); 'none' turns the exemption off.
    expect(loadConfig({ RUYI_ENROLLMENT_EXEMPT: '' }).devices!.exempt).toEqual(['127.0.0.1', '::1']);
    expect(loadConfig({ RUYI_ENROLLMENT_EXEMPT: 'none' }).devices!.exempt).toEqual([]);
    expect(loadConfig({ RUYI_ENROLLMENT: 'open', RUYI_ENROLLMENT_EXEMPT: '127.0.0.1, 10.1.0.0/16' }).devices).toEqual({
      enrollment: 'open',
      exempt: ['127.0.0.1', '10.1.0.0/16'],
    });
    expect(() => loadConfig({ RUYI_ENROLLMENT: 'maybe' })).toThrow(/RUYI_ENROLLMENT: must be one of required, open/);
    expect(() => loadConfig({ RUYI_ENROLLMENT_EXEMPT: '127.0.0.1,kiosk-7' })).toThrow(ConfigError);
    expect(() => loadConfig({ RUYI_ENROLLMENT_EXEMPT: '10.0.0.0/33' })).toThrow(/RUYI_ENROLLMENT_EXEMPT: '10.0.0.0\/33': the prefix length must be 0 to 32/);
  });

  it('matches addresses and ranges, IPv4 written as IPv6 included', () => {
    const exempt = exemptMatcher(['127.0.0.1', '::1', '10.1.0.0/16']);
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '::1', '10.1.200.3', '::ffff:10.1.0.9']) expect(exempt(address), address).toBe(true);
    for (const address of ['127.0.0.2', '10.2.0.1', '192.168.1.1', 'fe80::1', '']) expect(exempt(address), address).toBe(false);
    expect(exemptMatcher([])('127.0.0.1')).toBe(false);
  });
});
