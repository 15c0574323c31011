// GET /api/health names the store in use and its state, on both stores; PostgreSQL that stops answering is a 503.
// The app here is the real database plugins (storage, db, db-health) and the real route, with the content's counts
// given: the route reads nothing else. (Damage to the SQLite file, in the whole app: plugins/db-health.test.ts.)
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setErrorHandling } from '../../errors.ts';
import db, { DB_FILE } from '../../plugins/db.ts';
import dbHealth from '../../plugins/db-health.ts';
import { DIALECTS } from '../../privacy/test-support.ts';
import storage from '../../storage/plugin.ts';
import { startPostgres, type TestPostgres } from '../../storage/test-postgres.ts';
import { freshPostgresDatabase } from '../../test-support/test-app.ts';
import health from './index.ts';

interface Env {
  config: { dataDir: string; databaseUrl: string | null };
  start(): Promise<ReturnType<typeof Fastify>>;
  cleanup(): Promise<void>;
}

function createTestEnv(options: { postgres?: boolean; config?: { databaseUrl?: string } } = {}): Env {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruyi-health-'));
  const config = { dataDir, databaseUrl: options.config?.databaseUrl ?? null };
  const apps: ReturnType<typeof Fastify>[] = [];
  return {
    config,
    async start() {
      if (options.postgres && !config.databaseUrl) config.databaseUrl = await freshPostgresDatabase();
      const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
      apps.push(app);
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      setErrorHandling(app);
      await app.register(storage, { dataDir, databaseUrl: config.databaseUrl });
      await app.register(db);
      await app.register(dbHealth, { checkMinutes: 0, probeTimeoutMs: 2000 });
      app.decorate('content', { current: () => ({ packs: [{}, {}], problems: [] }) } as never);
      await app.register(health, { prefix: '/api' });
      await app.ready();
      return app;
    },
    async cleanup() {
      await Promise.all(apps.map((a) => a.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let env: Env | undefined;
let cluster: TestPostgres | undefined;
afterEach(async () => {
  await env?.cleanup();
  await cluster?.stop();
  env = cluster = undefined;
});

describe.each(DIALECTS)('GET /api/health on %s', (dialect) => {
  it('answers 200 with the store, where it is, and that it is sound', async () => {
    env = createTestEnv({ postgres: dialect === 'postgres' });
    const app = await env.start();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', packs: 2, packProblems: 0, store: { dialect, state: 'ok' } });
    expect(body).not.toHaveProperty('database');
    if (dialect === 'sqlite') {
      expect(body.store).toEqual({ dialect, location: join(env.config.dataDir, DB_FILE), state: 'ok' });
    } else {
      expect(body.store.location).toBe(env.config.databaseUrl);
      // One round trip to the database, timed.
      expect(body.store.roundTripMs).toBeGreaterThanOrEqual(0);
      expect(body.store.roundTripMs).toBeLessThan(5000);
    }
  });
});

describe('GET /api/health on PostgreSQL', () => {
  it('never shows the password of the database URL', async () => {
    const url = new URL(await freshPostgresDatabase());
    url.password = 'not-for-monitors'; // the test cluster trusts its clients: any password connects
    env = createTestEnv({ postgres: true, config: { databaseUrl: url.toString() } });
    const app = await env.start();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('not-for-monitors');
    expect(res.json().store.location).toBe(`postgres://postgres:***@${url.host}${url.pathname}`);
  });

  it('answers 503 "unavailable" while the database does not answer', { timeout: 120_000 }, async () => {
    cluster = await startPostgres({ database: 'ruyi_health' });
    env = createTestEnv({ postgres: true, config: { databaseUrl: cluster.url } });
    const app = await env.start();
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);

    await cluster.stop();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body).toMatchObject({ status: 'unavailable', store: { dialect: 'postgres', location: cluster.url, state: 'unavailable' } });
    expect(body.store.problem).toEqual(expect.any(String));
    expect(body.store).not.toHaveProperty('roundTripMs');
    expect(body).not.toHaveProperty('database');
  });

  it('answers 503 when the database holds the round trip past its limit, and 200 again once it answers', { timeout: 120_000 }, async () => {
    cluster = await startPostgres({ database: 'ruyi_health' });
    env = createTestEnv({ postgres: true, config: { databaseUrl: cluster.url } });
    const app = await env.start();
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    // Every process of the cluster stopped (not ended): connections stay open and nothing answers on them.
    const processes = clusterProcesses(cluster.dir);
    expect(processes.length).toBeGreaterThan(1);
    try {
      for (const pid of processes) process.kill(pid, 'SIGSTOP');
      const started = Date.now();
      const res = await app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().store).toMatchObject({ state: 'unavailable', problem: 'no answer within 2000 ms' });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const pid of processes) process.kill(pid, 'SIGCONT');
    }
    await expect.poll(async () => (await app.inject({ url: '/api/health' })).statusCode, { timeout: 30_000 }).toBe(200);
  });
});

/** The cluster's server process and its children (one per connection, and the background workers). */
function clusterProcesses(dir: string): number[] {
  const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // The parent pid is the 4th field, after the command name in parentheses (which may hold spaces).
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}
