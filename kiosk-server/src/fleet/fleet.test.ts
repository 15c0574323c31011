// The fleet against the real app (app.inject from park LAN addresses) on its database: the SQLite file, or PostgreSQL
// when RUYI_TEST_STORE=postgres. Heartbeats are stored in the row the server binds them to, bad ones change nothing,
// the per-address limit and the row cap hold, staff read it all behind the login, and a hub receives a park server's
// own heartbeat over a real socket.
import type { DeviceHeartbeat, FleetResponse } from '@ruyi/api-contract';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { addClient, listen, startHub, startKiosk, type Party } from '../sync/test-support.ts';
import { basicAuthorization } from '../sync/http-transport.ts';
import { readAsAnotherProcess } from '../test-support/dialect-storage.ts';
import { DEFAULT_FLEET, type FleetSettings } from './settings.ts';

const KIOSK = '192.168.10.21';
const OTHER = '192.168.10.22';

let env: TestEnv | undefined;
const parties: Party[] = [];
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
  for (const p of parties.splice(0)) await p.env.cleanup();
});

async function start(fleet: Partial<FleetSettings> = {}): Promise<App> {
  env = createTestEnv({ config: { fleet: { ...DEFAULT_FLEET, ...fleet } } });
  const app = await env.start();
  await setPasswordDirectly(app);
  return app;
}

function heartbeat(extra: Partial<DeviceHeartbeat> = {}): DeviceHeartbeat {
  return {
    deviceId: randomUUID(),
    surface: 'kiosk',
    screen: { width: 1080, height: 1920 },
    view: 'play',
    playing: { packId: 'fire-test', scenarioId: 'kitchen' },
    appVersion: '0.1.0',
    content: ['fire-test@1.0.0'],
    pending: 3,
    refused: { count: 1, latest: { message: 'HTTP 400: object.id: unknown scenario', at: '2026-01-01T10:00:00.000Z' } },
    lastError: null,
    sentAt: new Date().toISOString(),
    ...extra,
  };
}

const post = (app: App, body: unknown, from = KIOSK, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/fleet/heartbeat', payload: body as object, remoteAddress: from, headers });

/** What staff see, read back through the API (the app's own reading of the database). */
async function fleet(app: App): Promise<FleetResponse> {
  const res = await app.inject({ method: 'GET', url: '/api/admin/fleet', headers: await login(app) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FleetResponse;
}

/** The rows as a second process reads them from the file: what a 2xx promised is on disk. */
const rowsOnDisk = () =>
  readAsAnotherProcess(env!.config, (db) => db.selectFrom('fleet_devices').select(['key', 'device_id', 'address', 'heartbeat']).orderBy('key').execute());
const serverClients = async (app: App) => (await app.storage.db.selectFrom('fleet_servers').select('client').orderBy('client').execute()).map((r) => r.client);

describe('device heartbeats', () => {
  it('stores the latest heartbeat of a device on disk, and staff read it', async () => {
    const app = await start();
    const first = heartbeat();
    expect((await post(app, first)).statusCode).toBe(200);
    const second = { ...first, pending: 0, view: 'attract' as const, playing: null };
    const res = await post(app, second);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stored: true });

    const rows = await rowsOnDisk();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ device_id: first.deviceId, address: KIOSK });
    expect(JSON.parse(rows[0]!.heartbeat)).toEqual(second);
    const seen = await fleet(app);
    expect(seen.devices).toEqual([expect.objectContaining({ deviceId: first.deviceId, binding: 'address', label: null, address: KIOSK, heartbeat: second })]);
    expect(seen).toMatchObject({ mode: 'kiosk', offlineAfterMs: 120_000 });
  });

  it('refuses a bad heartbeat with 400 naming the field, and changes nothing', async () => {
    const app = await start();
    const good = heartbeat();
    await post(app, good);
    const before = await rowsOnDisk();
    for (const bad of [
      { ...good, pending: -1 },
      { ...good, deviceId: 'not-a-uuid' },
      { ...good, surface: 'toaster' },
      { ...good, someoneElse: { deviceId: randomUUID() } },
      { ...good, lastError: { message: 'x'.repeat(501), at: good.sentAt } },
    ]) {
      const res = await post(app, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(res.json().details[0].path).toMatch(/pending|deviceId|surface|body|lastError/);
    }
    expect(await rowsOnDisk()).toEqual(before);
  });

  it('limits heartbeats per address (429 with Retry-After), other addresses go on', async () => {
    const app = await start({ heartbeatsPerMinute: 3 });
    const hb = heartbeat();
    for (let i = 0; i < 3; i++) expect((await post(app, hb)).statusCode).toBe(200);
    const refused = await post(app, hb);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().message).toMatch(/at most 3 a minute/);
    expect((await post(app, heartbeat(), OTHER)).statusCode).toBe(200);
    // The server's own machine (exempt from enrollment, e.g. a kiosk page on it) is not limited.
    for (let i = 0; i < 5; i++) expect((await post(app, hb, '127.0.0.1')).statusCode).toBe(200);
  });

  it('a device cannot overwrite another device’s row by claiming its id', async () => {
    const app = await start();
    const victim = heartbeat({ pending: 0 });
    await post(app, victim, KIOSK);
    // The same id from another address is another row; the victim's stays as it was.
    expect((await post(app, { ...victim, pending: 999, lastError: { message: 'forged', at: victim.sentAt } }, OTHER)).statusCode).toBe(200);
    const rows = await rowsOnDisk();
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows.find((r) => r.address === KIOSK)!.heartbeat)).toEqual(victim);

    // An enrolled device's row is bound to its token: nobody without the token reaches it, whatever id they claim.
    const code = await app.inject({ method: 'POST', url: '/api/admin/devices/codes', headers: await login(app), payload: { label: '东门 1 号机' } });
    const enrolled = await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code: code.json().code }, remoteAddress: KIOSK });
    const token = enrolled.json().token as string;
    const mine = heartbeat({ pending: 1 });
    expect((await post(app, mine, KIOSK, { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    await post(app, { ...mine, pending: 777 }, OTHER);
    await post(app, { ...mine, pending: 778 }, OTHER, { authorization: `Bearer ${'x'.repeat(43)}` });
    const seen = (await fleet(app)).devices;
    const theirs = seen.find((d) => d.binding === 'enrolled')!;
    expect(theirs).toMatchObject({ label: '东门 1 号机', heartbeat: mine });
    expect(seen.filter((d) => d.binding === 'enrolled')).toHaveLength(1);
  });

  it('a revoked device still reporting shows as revoked under its name, not as an unenrolled device', async () => {
    const app = await start();
    const staff = await login(app);
    const code = await app.inject({ method: 'POST', url: '/api/admin/devices/codes', headers: staff, payload: { label: '西门 2 号机' } });
    const enrolled = await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code: code.json().code }, remoteAddress: KIOSK });
    const { token, deviceId } = enrolled.json() as { token: string; deviceId: string };
    const mine = heartbeat({ pending: 1 });
    expect((await post(app, mine, KIOSK, { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await fleet(app)).devices).toEqual([expect.objectContaining({ binding: 'enrolled', label: '西门 2 号机', revokedAt: null })]);

    const revoked = await app.inject({ method: 'POST', url: `/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`, headers: staff });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const later = { ...mine, pending: 5, sentAt: new Date().toISOString() };
    expect((await post(app, later, KIOSK, { authorization: `Bearer ${token}` })).statusCode).toBe(200);

    const seen = (await fleet(app)).devices;
    expect(seen).toEqual([expect.objectContaining({ binding: 'enrolled', label: '西门 2 号机', revokedAt: revoked.json().device.revokedAt, heartbeat: later })]);
    // On disk, in its own row: no unenrolled row appeared beside it.
    expect((await rowsOnDisk()).map((r) => r.key)).toEqual([`enrolled:${deviceId}`]);
  });

  it('caps the rows: a new device beyond the cap is refused (507), known ones still report', async () => {
    const app = await start({ maxDevices: 2 });
    const a = heartbeat();
    await post(app, a);
    await post(app, heartbeat());
    const refused = await post(app, heartbeat());
    expect(refused.statusCode).toBe(507);
    expect(refused.json().message).toMatch(/at most 2 devices/);
    expect(await rowsOnDisk()).toHaveLength(2);
    expect((await post(app, { ...a, pending: 5 })).statusCode).toBe(200);
  });

  it('only staff read the fleet', async () => {
    const app = await start();
    await post(app, heartbeat());
    expect((await app.inject({ method: 'GET', url: '/api/admin/fleet', remoteAddress: KIOSK })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/admin/fleet', headers: { authorization: `Bearer ${'y'.repeat(43)}` } })).statusCode).toBe(401);
    expect((await fleet(app)).devices).toHaveLength(1);
  });
});

describe('park servers on a hub', () => {
  it('a kiosk-server sends its heartbeat to its hub with its sync credentials; the hub keeps the latest per server', async () => {
    const hub = await startHub();
    parties.push(hub);
    await setPasswordDirectly(hub.app);
    const url = `${await listen(hub.app)}/xapi/`;
    const credentials = addClient(hub.app, 'kiosk', 'park-east');
    const park = await startKiosk(url, credentials, { fleet: { ...DEFAULT_FLEET, reportSeconds: 3600 } });
    parties.push(park);
    // The first heartbeat goes when the park's server is ready, through the real reporter (Node's fetch to the hub).
    await park.app.ready();
    await expect.poll(async () => (await serverClients(hub.app)).length).toBe(1);
    // Then a device reports to the park, and the park's next heartbeat says so.
    await post(park.app, heartbeat());
    expect(await park.app.fleet.reporter!.send()).toBe(200);

    const seen = await fleet(hub.app);
    expect(seen.mode).toBe('hub');
    expect(seen.servers).toEqual([
      expect.objectContaining({
        client: 'park-east',
        heartbeat: expect.objectContaining({ serverId: 'https://ruyi.localhost/parks/test', devices: 1, devicesOffline: 0, backlog: 0, content: expect.arrayContaining([expect.stringMatching(/^fire-test@/)]) }),
      }),
    ]);
    const rows = await readAsAnotherProcess(hub.env.config, (db) => db.selectFrom('fleet_servers').select('client').execute());
    expect(rows.map((r) => r.client)).toEqual(['park-east']);
  });

  it('refuses a server heartbeat without credentials, with a reader’s, or malformed, and stores nothing', async () => {
    const hub = await startHub();
    parties.push(hub);
    const body = await hub.app.fleet.heartbeat();
    const send = (authorization?: string, payload: object = body) =>
      hub.app.inject({ method: 'POST', url: '/api/fleet/servers', payload, remoteAddress: '10.1.2.3', headers: authorization ? { authorization } : {} });
    expect((await send()).statusCode).toBe(401);
    const reader = addClient(hub.app, 'reader', 'city-stats');
    expect((await send(basicAuthorization(reader.key, reader.secret))).statusCode).toBe(403);
    const writer = addClient(hub.app, 'kiosk', 'park-west');
    expect((await send(basicAuthorization(writer.key, 'wrong'))).statusCode).toBe(401);
    expect((await send(basicAuthorization(writer.key, writer.secret), { ...body, backlog: 'many' })).statusCode).toBe(400);
    expect(await serverClients(hub.app)).toEqual([]);
    expect((await send(basicAuthorization(writer.key, writer.secret))).statusCode).toBe(200);
    expect(await serverClients(hub.app)).toEqual(['park-west']);
  });

  it('a hub takes no device heartbeats (it has no kiosks)', async () => {
    const hub = await startHub();
    parties.push(hub);
    expect((await post(hub.app, heartbeat())).statusCode).toBe(404);
  });
});
