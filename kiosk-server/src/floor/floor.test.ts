// Write admission on the real app and its real store (a SQLite file, or PostgreSQL), counted over a connection of its
// own: the device route and /xapi cut at each client's budget (429 + Retry-After), oversize statements refused by
// index (413), a low disk (simulated by the free-space probe) refusing every write (507) until space is back, and the
// admin status.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FloorStatus } from '@ruyi/api-contract';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { basicAuthorization } from '../sync/http-transport.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import { newVisit, records } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { openStatementReader, type StatementReader } from '../test-support/stored-statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { statement } from '../xapi/test-lrs.ts';
import { DEFAULT_FLOOR, MIB, type FloorConfig } from './defaults.ts';

let env: TestEnv | undefined;
const readers: StatementReader[] = [];
afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
  await env?.cleanup();
  env = undefined;
});

interface Setup {
  floor?: Partial<FloorConfig>;
  free?: { bytes: number };
}

async function setup({ floor = {}, free = { bytes: 100 * 1024 * MIB } }: Setup = {}) {
  const clock = { t: Date.parse('2026-06-01T09:00:00Z') };
  // Enrollment open: unenrolled addresses write under their own address, so two addresses are two budget keys.
  const config = { floor: { ...DEFAULT_FLOOR, ...floor }, devices: { enrollment: 'open', exempt: [] } } as Partial<Config>;
  env = createTestEnv({ config });
  const app = await env.start({ floor: { now: () => clock.t, probe: () => free.bytes, diskCacheMs: 0 } });
  const reader = openStatementReader(env.config);
  readers.push(reader);
  return { app, clock, free, rows: () => reader.count() };
}

const visitStarts = (app: App, count: number) => statementsOf(app, env!.config, Array.from({ length: count }, () => records.visitStart(newVisit())));
const postDevice = (app: App, payload: unknown, remoteAddress = '10.0.0.5') => app.inject({ method: 'POST', url: '/api/statements', payload: payload as object, remoteAddress });

async function xapiClients(app: App) {
  const auth = async (name: string) => {
    const c = await app.clients.add(name, 'kiosk');
    return basicAuthorization(c.key, c.secret);
  };
  return { a: await auth('park-a'), b: await auth('park-b') };
}
const xapiHeaders = (authorization: string) => ({ authorization, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' });
const postXapi = (app: App, authorization: string, payload: unknown) =>
  app.inject({ method: 'POST', url: '/xapi/statements', payload: JSON.stringify(payload), headers: xapiHeaders(authorization) });

describe('the device route (POST /api/statements)', () => {
  it('cuts a flood at the budget with 429 and Retry-After, stores exactly the budget, and lets another address through', async () => {
    const { app, clock, rows } = await setup({ floor: { device: { statementsPerMinute: 100, bytesPerMinute: 16 * MIB, statementBytes: 16 * 1024 } } });
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await postDevice(app, visitStarts(app, 10))).statusCode);
    expect(answers.filter((s) => s === 200)).toHaveLength(10);
    expect(answers.slice(10).every((s) => s === 429)).toBe(true);
    expect(await rows()).toBe(100);

    const refused = await postDevice(app, visitStarts(app, 10));
    expect(refused.statusCode).toBe(429);
    // 100 a minute: 10 more fit after 6 s.
    expect(refused.headers['retry-after']).toBe('6');
    expect(refused.json()).toMatchObject({ error: 'Too Many Requests', message: expect.stringContaining('at most 100 statements and 16 MiB a minute') });
    expect(await rows()).toBe(100);

    // Another address is another client.
    expect((await postDevice(app, visitStarts(app, 10), '10.0.0.6')).statusCode).toBe(200);
    expect(await rows()).toBe(110);

    // The refusals charged nothing: after Retry-After the batch fits.
    clock.t += 5_999;
    expect((await postDevice(app, visitStarts(app, 10))).statusCode).toBe(429);
    clock.t += 1;
    expect((await postDevice(app, visitStarts(app, 10))).statusCode).toBe(200);
    expect(await rows()).toBe(120);
  });

  it('holds a client to bytes per minute', async () => {
    const probe = await setup();
    const size = Buffer.byteLength(JSON.stringify(visitStarts(probe.app, 1)[0]));
    await env!.cleanup();
    const { app, rows } = await setup({ floor: { device: { statementsPerMinute: 10_000, bytesPerMinute: 25 * size, statementBytes: 16 * 1024 } } });
    expect((await postDevice(app, visitStarts(app, 20))).statusCode).toBe(200);
    const refused = await postDevice(app, visitStarts(app, 10));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await postDevice(app, visitStarts(app, 5))).statusCode).toBe(200);
    expect(await rows()).toBe(25);
  });

  it('refuses a statement over the per-statement limit with 413 naming its index, and stores nothing of the batch', async () => {
    const { app, rows } = await setup({ floor: { device: { ...DEFAULT_FLOOR.device, statementBytes: 1200 } } });
    const visit = newVisit();
    const batch = statementsOf(app, env!.config, [records.visitStart(visit), records.scenarioStart(visit), records.visitEnd(visit)]);
    const sizes = batch.map((s) => Buffer.byteLength(JSON.stringify(s)));
    expect(sizes.map((s) => s > 1200)).toEqual([false, true, false]);
    const res = await postDevice(app, batch);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe(`[1]: ${sizes[1]!.toLocaleString('en')} bytes; a statement may be at most 1,200 bytes on this route; nothing from this request was stored`);
    expect(res.json().details).toEqual([{ path: '[1]', message: expect.stringContaining('at most 1,200 bytes') }]);
    expect(await rows()).toBe(0);
  });

  it('takes a busy kiosk’s day (6,000 statements in batches of 50) within the default budget in about two minutes', async () => {
    const { app, clock, rows } = await setup();
    let refusals = 0;
    while ((await rows()) < 6000) {
      const res = await postDevice(app, visitStarts(app, 50));
      if (res.statusCode === 429) {
        refusals++;
        clock.t += Number(res.headers['retry-after']) * 1000;
      } else expect(res.statusCode).toBe(200);
    }
    expect(refusals).toBeGreaterThan(0);
    expect(clock.t - Date.parse('2026-06-01T09:00:00Z')).toBeLessThanOrEqual(2 * 60_000);
  }, 60_000);
});

describe('/xapi/statements', () => {
  it('charges each authenticated client its own budget, and wrong secrets charge nothing', async () => {
    const { app, clock, rows } = await setup({ floor: { xapi: { statementsPerMinute: 20, bytesPerMinute: 1024 * MIB, statementBytes: 64 * 1024 } } });
    const { a, b } = await xapiClients(app);
    expect((await postXapi(app, a, Array.from({ length: 20 }, () => statement()))).statusCode).toBe(200);
    const refused = await postXapi(app, a, [statement()]);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3');
    expect(refused.headers['x-experience-api-version']).toBe('1.0.3');
    expect(refused.json().message).toContain('at most 20 statements');
    // PUT is charged too.
    const put = await app.inject({ method: 'PUT', url: `/xapi/statements?statementId=${randomUUID()}`, payload: JSON.stringify(statement()), headers: xapiHeaders(a) });
    expect(put.statusCode).toBe(429);
    expect(await rows()).toBe(20);

    expect((await postXapi(app, b, Array.from({ length: 20 }, () => statement()))).statusCode).toBe(200);
    expect(await rows()).toBe(40);

    // A minute later: a's key with a wrong secret is refused as unauthenticated and spends none of a's budget.
    clock.t += 60_000;
    const [key] = Buffer.from(a.slice('Basic '.length), 'base64').toString().split(':');
    for (let i = 0; i < 3; i++) expect((await postXapi(app, basicAuthorization(key!, 'wrong'), Array.from({ length: 20 }, () => statement()))).statusCode).toBe(401);
    expect((await postXapi(app, a, Array.from({ length: 20 }, () => statement()))).statusCode).toBe(200);
    expect(await rows()).toBe(60);
  });

  it('charges the alternate request syntax, authenticated from its form', async () => {
    const { app, rows } = await setup({ floor: { xapi: { statementsPerMinute: 1, bytesPerMinute: 1024 * MIB, statementBytes: 64 * 1024 } } });
    const { a } = await xapiClients(app);
    const put = () =>
      app.inject({
        method: 'POST',
        url: '/xapi/statements?method=PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          statementId: randomUUID(),
          content: JSON.stringify(statement()),
          'X-Experience-API-Version': '1.0.3',
          Authorization: a,
          'Content-Type': 'application/json',
        }).toString(),
      });
    expect((await put()).statusCode).toBe(204);
    const refused = await put();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(await rows()).toBe(1);
  });

  it('refuses an oversize statement with 413 by index (a single statement: the body)', async () => {
    const { app, rows } = await setup({ floor: { xapi: { ...DEFAULT_FLOOR.xapi, statementBytes: 2048 } } });
    const { a } = await xapiClients(app);
    const big = statement({ result: { response: 'x'.repeat(4000) } });
    const res = await postXapi(app, a, [statement(), big]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/^\[1\]: 4,\d{3} bytes; a statement may be at most 2,048 bytes on this route/);
    const single = await postXapi(app, a, big);
    expect(single.statusCode).toBe(413);
    expect(single.json().details[0].path).toBe('body');
    expect(await rows()).toBe(0);
  });
});

describe('the disk floor', () => {
  it('answers 507 on every write route while free space is under the floor, stores nothing, and resumes by itself', async () => {
    const free = { bytes: 200 * MIB };
    const { app, rows } = await setup({ free });
    const { a } = await xapiClients(app);

    const device = await postDevice(app, visitStarts(app, 1));
    expect(device.statusCode).toBe(507);
    expect(device.json()).toMatchObject({ error: 'Insufficient Storage', message: expect.stringMatching(/disk is nearly full \(200 MiB free; statement writes stop below 1,?024 MiB\).*Staff: free space/) });
    const xapi = await postXapi(app, a, [statement()]);
    expect(xapi.statusCode).toBe(507);
    expect(xapi.headers['retry-after']).toBe('60');
    const put = await app.inject({ method: 'PUT', url: `/xapi/statements?statementId=${randomUUID()}`, payload: JSON.stringify(statement()), headers: xapiHeaders(a) });
    expect(put.statusCode).toBe(507);
    expect(await rows()).toBe(0);

    free.bytes = 5 * 1024 * MIB;
    expect((await postDevice(app, visitStarts(app, 1))).statusCode).toBe(200);
    expect((await postXapi(app, a, [statement()])).statusCode).toBe(200);
    expect(await rows()).toBe(2);
  });
});

describe('GET /api/admin/floor', () => {
  it('tells staff the free space, the floor, the budgets and the refusals, and only to staff', async () => {
    const free = { bytes: 300 * MIB };
    const { app } = await setup({ free });
    expect((await app.inject({ url: '/api/admin/floor' })).statusCode).toBe(403);
    await setPasswordDirectly(app);
    expect((await app.inject({ url: '/api/admin/floor' })).statusCode).toBe(401);
    const headers = await login(app);

    await postDevice(app, visitStarts(app, 1));
    const low = await app.inject({ url: '/api/admin/floor', headers });
    expect(low.statusCode).toBe(200);
    const status = FloorStatus.parse(low.json());
    expect(status.disk).toMatchObject({ freeBytes: 300 * MIB, floorBytes: 1024 * MIB, low: true });
    expect(status.budgets).toEqual({ device: DEFAULT_FLOOR.device, xapi: DEFAULT_FLOOR.xapi });
    expect(status.refused).toEqual({ overBudget: 0, tooLarge: 0, diskLow: 1 });

    free.bytes = 50 * 1024 * MIB;
    const ok = FloorStatus.parse((await app.inject({ url: '/api/admin/floor', headers })).json());
    expect(ok.disk).toMatchObject({ freeBytes: 50 * 1024 * MIB, low: false });
  });
});
