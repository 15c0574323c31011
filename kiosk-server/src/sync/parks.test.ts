// The hub's sync page data: GET /api/admin/sync/parks lists each park's client with its last delivery, after a real
// park's server forwarded to a real hub over loopback; the hub on a SQLite file and on PostgreSQL.
import { ParkList } from '@ruyi/api-contract';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import type { TestEnv } from '../test-support/test-app.ts';
import { createClient, listen, post, rows, startHub, startKiosk, statement, waitFor } from './test-support.ts';

const envs: TestEnv[] = [];
afterEach(async () => {
  for (const env of envs.splice(0).reverse()) await env.cleanup();
});

async function parks(app: App) {
  const res = await app.inject({ method: 'GET', url: '/api/admin/sync/parks', headers: await login(app) });
  expect(res.statusCode, res.body).toBe(200);
  return ParkList.parse(res.json());
}

describe.each(['sqlite', 'postgres'] as const)('GET /api/admin/sync/parks, the hub on %s', (store) => {
  it("on a hub: each park's client with its last delivery and the statements it delivered", async () => {
    const h = await startHub({ postgres: store === 'postgres' });
    envs.push(h.env);
    const north = await createClient(h.app, 'kiosk', 'north-park');
    await createClient(h.app, 'kiosk', 'west-park');
    await createClient(h.app, 'reader', 'analysts');
    const k = await startKiosk(`${await listen(h.app)}/xapi/`, north);
    envs.push(k.env);

    await setPasswordDirectly(h.app);
    expect((await h.app.inject({ method: 'GET', url: '/api/admin/sync/parks' })).statusCode).toBe(401);
    const before = await parks(h.app);
    expect(before.mode).toBe('hub');
    expect(before.parks).toEqual([
      { client: 'north-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: null, delivered: 0 },
      { client: 'west-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: null, delivered: 0 },
    ]);

    await post(k, Array.from({ length: 30 }, () => statement()));
    k.app.sync.nudge();
    await waitFor(async () => (await k.app.sync.status()).backlog === 0 && (await rows(h.app)).length === 30, 'the park to deliver');
    const after = await parks(h.app);
    const { stored } = await h.app.storage.db.selectFrom('statements').select((eb) => eb.fn.max('stored').as('stored')).executeTakeFirstOrThrow();
    expect(after.parks).toEqual([
      { client: 'north-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: stored, delivered: 30 },
      { client: 'west-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: null, delivered: 0 },
    ]);
    expect(Date.parse(after.now)).toBeGreaterThanOrEqual(Date.parse(stored));
  });

  it("on a park's server: nothing to list (its own tools' statements are not parks)", async () => {
    const h = await startHub({ postgres: store === 'postgres' });
    envs.push(h.env);
    const k = await startKiosk(`${await listen(h.app)}/xapi/`, await createClient(h.app, 'kiosk'));
    envs.push(k.env);
    await post(k, [statement()]);
    await setPasswordDirectly(k.app);
    const list = await parks(k.app);
    expect(list).toMatchObject({ mode: 'kiosk', parks: [] });
  });
});
