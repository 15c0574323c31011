// The forwarder end to end: a park's kiosk-server (its SQLite file) and a hub (a SQLite file, then a PostgreSQL
// database), two real Fastify servers talking HTTP over loopback (sometimes through a proxy). What is checked is what
// the hub ends up holding.
import { QuarantineList, RetryResponse, SyncStatus } from '@ruyi/api-contract';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { login, setPasswordDirectly } from '../test-support/admin.ts';
import { readAsAnotherProcess } from '../test-support/dialect-storage.ts';
import type { TestEnv } from '../test-support/test-app.ts';
import { basicAuthorization } from './http-transport.ts';
import {
  createClient,
  freePort,
  listen,
  post,
  removeStatement,
  revokeClient,
  rows,
  startHub,
  startKiosk,
  startProxy,
  statement,
  waitFor,
  type Proxy,
} from './test-support.ts';

const envs: TestEnv[] = [];
const proxies: Proxy[] = [];
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
  // Kiosks first (they talk to the hubs), then hubs.
  for (const env of envs.splice(0).reverse()) await env.cleanup();
});

async function kiosk(url: string, credentials: { key: string; secret: string }) {
  const k = await startKiosk(url, credentials);
  envs.push(k.env);
  return k;
}
async function admin(app: App) {
  await setPasswordDirectly(app);
  return login(app);
}
async function status(app: App, auth: { authorization: string }) {
  const res = await app.inject({ method: 'GET', url: '/api/admin/sync', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return SyncStatus.parse(res.json());
}
const backlogOf = async (app: App) => (await app.sync.status()).backlog;
/** Every statement the kiosk holds is at the hub, once, in the kiosk's order, byte for byte. */
async function expectMirrored(kioskApp: App, hubApp: App, except: string[] = []) {
  const expected = (await rows(kioskApp)).filter((r) => !except.includes(r.id));
  const got = await rows(hubApp);
  expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  expect(got.map((r) => r.body)).toEqual(expected.map((r) => r.body));
}

// Every case twice: the hub on a SQLite file (a small city's) and on PostgreSQL (the city's hub at scale).
describe.each(['sqlite', 'postgres'] as const)('with the hub on %s', (store) => {
  async function hub() {
    const h = await startHub({ postgres: store === 'postgres' });
    envs.push(h.env);
    return h;
  }

  describe('forwarding to a hub', () => {
    it('a large backlog built while the hub is down is delivered when it comes up: in order, none lost, none twice', async () => {
      const h = await hub();
      const client = await createClient(h.app, 'kiosk');
      const port = await freePort();
      const k = await kiosk(`http://127.0.0.1:${port}/xapi/`, client);
      const auth = await admin(k.app);
      await k.app.ready();
      for (let i = 0; i < 10; i++) {
        await post(k, Array.from({ length: 500 }, () => statement()));
        k.app.sync.nudge();
      }
      await waitFor(async () => (await k.app.sync.status()).lastError !== null, 'a failed attempt');
      const down = await status(k.app, auth);
      expect(down).toMatchObject({ state: 'backing-off', target: `http://127.0.0.1:${port}/xapi/`, backlog: 5000, cursor: 0 });
      expect(down.lastError?.message).toContain('ECONNREFUSED');
      expect(JSON.stringify(down)).not.toContain(client.secret);

      await listen(h.app, port);
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'the backlog to drain');
      await expectMirrored(k.app, h.app);
      const done = await status(k.app, auth);
      expect(done).toMatchObject({ state: 'idle', backlog: 0, cursor: 5000, progress: { sent: 5000, total: 5000 }, lastError: null, quarantined: 0 });
      expect(done.lastSuccessAt).not.toBeNull();
      expect(done.ratePerSecond).toBeGreaterThan(0);
      // 5,000 statements stored twice over HTTP: seconds on a busy machine.
    }, 60_000);

    it('the answer is lost after the hub committed: the batch is resent and the hub keeps one copy', async () => {
      const h = await hub();
      const proxy = await startProxy(await listen(h.app), '/xapi/', '/xapi/');
      proxies.push(proxy);
      proxy.dropAnswers = 1;
      const k = await kiosk(`${proxy.url}/xapi/`, await createClient(h.app, 'kiosk'));
      await k.app.ready();
      await post(k, Array.from({ length: 300 }, () => statement()));
      k.app.sync.nudge();
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'delivery');
      expect(proxy.requests.length).toBe(3); // batch 1, batch 1 again, batch 2
      await expectMirrored(k.app, h.app);
      expect((await k.app.sync.status()).quarantined).toBe(0);
    });

    it('the same batches delivered twice (a kiosk-server restored from an old backup) change nothing at the hub', async () => {
      const h = await hub();
      const k = await kiosk(`${await listen(h.app)}/xapi/`, await createClient(h.app, 'kiosk'));
      await k.app.ready();
      await post(k, Array.from({ length: 250 }, () => statement()));
      k.app.sync.nudge();
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'delivery');
      const before = await rows(h.app);
      k.app.db.prepare('UPDATE sync_state SET cursor = 0').run();
      k.app.sync.nudge();
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'the second delivery');
      expect(await rows(h.app)).toEqual(before);
      expect((await k.app.sync.status()).quarantined).toBe(0);
    });

    it('an invalid statement inside a batch is quarantined with the hub’s reason; the rest is delivered in order', async () => {
      const h = await hub();
      const k = await kiosk(`${await listen(h.app)}/xapi/`, await createClient(h.app, 'kiosk'));
      const auth = await admin(k.app);
      await k.app.ready();
      await post(k, Array.from({ length: 5 }, () => statement()));
      // Stored bytes the hub refuses (a verb id that is not an IRI), written straight into the kiosk's table.
      const badId = crypto.randomUUID();
      k.app.db
        .prepare('INSERT INTO statements (id, body, stored, authority, verb_id) VALUES (?, ?, ?, ?, ?)')
        .run(badId, JSON.stringify(statement({ id: badId, verb: { id: 'not an iri' } })), new Date().toISOString(), '{}', 'not an iri');
      await post(k, Array.from({ length: 5 }, () => statement()));
      k.app.sync.nudge();
      await waitFor(async () => (await k.app.sync.status()).cursor === 11, 'the cursor past all 11');
      await expectMirrored(k.app, h.app, [badId]);

      const list = QuarantineList.parse((await k.app.inject({ method: 'GET', url: '/api/admin/sync/quarantine', headers: auth })).json());
      expect(list.statements).toEqual([expect.objectContaining({ seq: 6, id: badId, status: 400, attempts: 1, discardedAt: null })]);
      expect(list.statements[0]!.reason).toMatch(/^HTTP 400: .*verb/);
      expect(await status(k.app, auth)).toMatchObject({ backlog: 0, quarantined: 1 });

      // The operator gives up on it: it stays in the kiosk's store, is listed as discarded, and is never sent.
      const discard = await k.app.inject({ method: 'POST', url: '/api/admin/sync/quarantine/6/discard', headers: auth });
      expect(discard.statusCode, discard.body).toBe(200);
      expect(discard.json().statement.discardedAt).not.toBeNull();
      const retry = await k.app.inject({ method: 'POST', url: '/api/admin/sync/quarantine/6/retry', headers: auth });
      expect(retry.statusCode).toBe(409);
      expect(retry.json().message).toContain('discarded');
      expect(await rows(k.app)).toHaveLength(11);
      expect(await status(k.app, auth)).toMatchObject({ quarantined: 0, discarded: 1 });
    });

    it('409 (the hub holds that id with other content): quarantined once, no retry loop; retry when fixed delivers it', async () => {
      const h = await hub();
      const hubUrl = await listen(h.app);
      const proxy = await startProxy(hubUrl, '/xapi/', '/xapi/');
      proxies.push(proxy);
      const k = await kiosk(`${proxy.url}/xapi/`, await createClient(h.app, 'kiosk'));
      const auth = await admin(k.app);
      await k.app.ready();
      const clash = statement();
      const other = await createClient(h.app, 'kiosk', 'another-park');
      const direct = await fetch(`${hubUrl}/xapi/statements`, {
        method: 'POST',
        headers: { authorization: basicAuthorization(other.key, other.secret), 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' },
        body: JSON.stringify([{ ...clash, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } }]),
      });
      expect(direct.status).toBe(200);

      await post(k, [statement(), clash, statement()]);
      k.app.sync.nudge();
      await waitFor(async () => (await k.app.sync.status()).cursor === 3, 'the cursor past all 3');
      await k.app.sync.runner!.settled();
      const requests = proxy.requests.length;
      const list = QuarantineList.parse((await k.app.inject({ method: 'GET', url: '/api/admin/sync/quarantine', headers: auth })).json());
      expect(list.statements).toEqual([expect.objectContaining({ seq: 2, id: clash.id, status: 409 })]);
      // Nudges and time do not send it again.
      k.app.sync.nudge();
      await k.app.sync.runner!.settled();
      expect(proxy.requests.length).toBe(requests);

      const again = await k.app.inject({ method: 'POST', url: '/api/admin/sync/quarantine/2/retry', headers: auth });
      expect(RetryResponse.parse(again.json())).toMatchObject({ outcome: 'refused', status: 409 });
      // The hub's operator removes the clashing copy; the retry now delivers it.
      await removeStatement(h.app, clash.id as string);
      const fixed = await k.app.inject({ method: 'POST', url: '/api/admin/sync/quarantine/2/retry', headers: auth });
      expect(fixed.json()).toEqual({ seq: 2, outcome: 'delivered', status: null, reason: null });
      expect(QuarantineList.parse((await k.app.inject({ method: 'GET', url: '/api/admin/sync/quarantine', headers: auth })).json()).statements).toEqual([]);
      expect((await rows(h.app)).map((r) => r.id).sort()).toEqual((await rows(k.app)).map((r) => r.id).sort());
    });
  });

  describe('credentials refused', () => {
    it('401 (the hub revoked the client): stopped with the reason; a restart with new credentials resumes', async () => {
      const h = await hub();
      const url = `${await listen(h.app)}/xapi/`;
      const client = await createClient(h.app, 'kiosk', 'park-a');
      await revokeClient(h.app, 'park-a');
      const k = await kiosk(url, client);
      const auth = await admin(k.app);
      await k.app.ready();
      await post(k, Array.from({ length: 3 }, () => statement()));
      k.app.sync.nudge();
      await waitFor(async () => (await k.app.sync.status()).state === 'stopped', 'the stop');
      const stopped = await status(k.app, auth);
      expect(stopped.stoppedReason).toContain('refused the credentials');
      expect(stopped.lastError?.status).toBe(401);
      expect(await rows(h.app)).toHaveLength(0);

      // The same credentials after a restart: still stopped.
      await k.app.close();
      const same = await k.env.start();
      await same.ready();
      await same.sync.runner!.settled();
      expect((await same.sync.status()).state).toBe('stopped');
      await same.close();

      const renewed = await createClient(h.app, 'kiosk', 'park-a2');
      k.env.config.sync = { ...k.env.config.sync!, key: renewed.key, secret: renewed.secret };
      const restarted = await k.env.start();
      await restarted.ready();
      await waitFor(async () => (await backlogOf(restarted)) === 0, 'delivery after the restart');
      await expectMirrored(restarted, h.app);
      expect((await restarted.sync.status()).stoppedReason).toBeNull();
    });

    it('403 (the client may only read): stopped; resumes when the operator asks after the hub fixed the role', async () => {
      const h = await hub();
      const client = await createClient(h.app, 'reader', 'park-b');
      const k = await kiosk(`${await listen(h.app)}/xapi/`, client);
      const auth = await admin(k.app);
      await k.app.ready();
      await post(k, Array.from({ length: 3 }, () => statement()));
      k.app.sync.nudge();
      await waitFor(async () => (await k.app.sync.status()).state === 'stopped', 'the stop');
      expect((await status(k.app, auth)).stoppedReason).toContain('does not let these credentials write');
      k.app.sync.nudge();
      await k.app.sync.runner!.settled();
      expect(await rows(h.app)).toHaveLength(0);

      // As the hub's operator would, from outside the hub's process (psql, sqlite3).
      await readAsAnotherProcess(h.env.config, (db) => db.updateTable('xapi_clients').set({ role: 'kiosk' }).where('name', '=', 'park-b').execute());
      const resumed = await k.app.inject({ method: 'POST', url: '/api/admin/sync/resume', headers: auth });
      expect(resumed.statusCode, resumed.body).toBe(200);
      expect(resumed.json().stoppedReason).toBeNull();
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'delivery after resume');
      await expectMirrored(k.app, h.app);
    });
  });

  describe('targets and clocks', () => {
    it('an external-LRS-shaped target (a path prefix behind a proxy) gets the statements at its own address', async () => {
      const h = await hub();
      const proxy = await startProxy(await listen(h.app), '/lrs/xapi/', '/xapi/');
      proxies.push(proxy);
      const k = await kiosk(`${proxy.url}/lrs/xapi/`, await createClient(h.app, 'kiosk'));
      await k.app.ready();
      await post(k, Array.from({ length: 450 }, () => statement()));
      k.app.sync.nudge();
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'delivery');
      expect(new Set(proxy.requests)).toEqual(new Set(['/lrs/xapi/statements']));
      expect(proxy.requests).toHaveLength(3);
      await expectMirrored(k.app, h.app);
    });

    it('statements with timestamps days off are delivered as they are; the hub’s `stored` is its own time', async () => {
      const h = await hub();
      const k = await kiosk(`${await listen(h.app)}/xapi/`, await createClient(h.app, 'kiosk'));
      await k.app.ready();
      const day = 86_400_000;
      const stamps = [new Date(Date.now() + 5 * day).toISOString(), new Date(Date.now() - 9 * day).toISOString()];
      const before = Date.now();
      await post(k, stamps.map((timestamp) => statement({ timestamp })));
      k.app.sync.nudge();
      await waitFor(async () => (await backlogOf(k.app)) === 0, 'delivery');
      await expectMirrored(k.app, h.app);
      const stored = await h.app.storage.db.selectFrom('statements').select(['timestamp', 'stored']).orderBy('seq').execute();
      expect(stored.map((s) => Date.parse(s.timestamp!))).toEqual(stamps.map((s) => Date.parse(s)));
      for (const s of stored) {
        expect(Date.parse(s.stored)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(s.stored)).toBeLessThanOrEqual(Date.now() + 1000);
      }
    });

    it('closing the app abandons a request the target never answers and leaves no timer behind', async () => {
      const sockets: Socket[] = [];
      const silent = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const k = await kiosk(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/xapi/`, { key: 'k', secret: 's' });
        await k.app.ready();
        await post(k, [statement()]);
        k.app.sync.nudge();
        await waitFor(() => sockets.length > 0, 'the request');
        await k.app.close();
        expect(k.app.sync.runner!.mode()).toBe('closed');
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });

  describe('admin API', () => {
    it('needs a staff session, answers "off" without a target, and names a bad seq', async () => {
      const h = await hub();
      const auth = await admin(h.app);
      expect((await h.app.inject({ method: 'GET', url: '/api/admin/sync' })).statusCode).toBe(401);
      expect(await status(h.app, auth)).toMatchObject({ state: 'off', target: null, backlog: 0 });
      expect((await h.app.inject({ method: 'GET', url: '/api/admin/sync/quarantine', headers: auth })).json()).toEqual({ statements: [] });
      const off = await h.app.inject({ method: 'POST', url: '/api/admin/sync/resume', headers: auth });
      expect(off.statusCode).toBe(409);
      expect(off.json().message).toContain('RUYI_SYNC_URL');

      const k = await kiosk(`${await listen(h.app)}/xapi/`, await createClient(h.app, 'kiosk'));
      const kauth = await admin(k.app);
      const bad = await k.app.inject({ method: 'POST', url: '/api/admin/sync/quarantine/abc/retry', headers: kauth });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/^seq: /);
      const missing = await k.app.inject({ method: 'POST', url: '/api/admin/sync/quarantine/7/discard', headers: kauth });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().message).toContain('seq 7');
    });
  });
});
