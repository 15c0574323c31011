// The app as a whole: health, content, kiosk config, errors, the kiosk app's files and the SPA fallback.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { PACK_ID, SCENARIO_ID } from './test-support/fixture-content.ts';
import { ASSET_FILE, createTestEnv, INDEX_HTML, type TestEnv } from './test-support/test-app.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

describe('GET /api/health', () => {
  it('reports ok, the valid packs, the pack problems and the uptime', async () => {
    env = createTestEnv({ brokenPack: true });
    const app = await env.start();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', packs: 1, packProblems: 1, uptimeSeconds: expect.any(Number), store: expect.objectContaining({ dialect: env.dialect, state: 'ok' }) });
  });
});

describe('GET /api/content', () => {
  it('serves the park and the valid pack, and reports the broken pack in problems', async () => {
    env = createTestEnv({ brokenPack: true });
    const app = await env.start();
    const res = await app.inject({ url: '/api/content' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.park.areas.map((a: { id: string }) => a.id)).toEqual(['fire', 'traffic', 'home']);
    expect(body.packs.map((p: { id: string }) => p.id)).toEqual([PACK_ID]);
    expect(body.packs[0].scenarios[0].id).toBe(SCENARIO_ID);
    // Migrated to steps, with the defaults from the schema filled in, exactly as the loader produced them.
    const steps = body.packs[0].scenarios[0].steps as { id: string; mechanic: string; pointsPerHazard?: number }[];
    expect(steps.map((s) => s.mechanic)).toEqual(['case-card', 'hazard-hunt', 'decisions', 'quiz']);
    expect(steps.find((s) => s.mechanic === 'hazard-hunt')!.pointsPerHazard).toBe(10);
    expect(body.problems).toEqual([
      {
        dir: 'packs/broken-pack',
        errors: [expect.objectContaining({ file: 'packs/broken-pack/pack.yaml', path: 'scenarios[0]', message: expect.stringContaining('scenarios/missing.yaml') })],
      },
    ]);
  });

  it('still starts, with park null and a problem, when the content folder is empty', async () => {
    env = createTestEnv({ noContent: true });
    const app = await env.start();
    const body = (await app.inject({ url: '/api/content' })).json();
    expect(body).toEqual({ park: null, packs: [], problems: [{ dir: '.', errors: [expect.objectContaining({ file: 'park.yaml' })] }], warnings: [] });
  });

  const realContent = fileURLToPath(new URL('../../content/', import.meta.url));
  it.runIf(existsSync(`${realContent}park.yaml`))('loads the real content folder', async () => {
    env = createTestEnv({ noContent: true });
    const app = await buildApp({ ...env.config, contentDir: realContent });
    try {
      const body = (await app.inject({ url: '/api/content' })).json();
      expect(body.park.areas.length).toBeGreaterThan(0);
      // A pack being written may be incomplete: then it is in problems. Either way every pack folder is accounted for.
      const packsDir = `${realContent}packs`;
      const folders = existsSync(packsDir) ? readdirSync(packsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).length : 0;
      const packProblems = body.problems.filter((p: { dir: string }) => p.dir !== '.').length;
      expect(body.packs.length + packProblems).toBe(folders);
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/kiosk/config', () => {
  it('returns the idle settings and what the device needs for its statements from the config', async () => {
    env = createTestEnv();
    env.config.idleSeconds = 120;
    env.config.idleCountdownSeconds = 7;
    const app = await env.start();
    const res = await app.inject({ url: '/api/kiosk/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idleSeconds: 120, idleCountdownSeconds: 7, xapi: { base: env.config.xapi.base, parkIri: env.config.xapi.parkIri } });
  });
});

describe('unknown API routes', () => {
  it.each(['GET', 'POST', 'DELETE'] as const)('%s /api/x answers 404 JSON', async (method) => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    const res = await app.inject({ method, url: '/api/x' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: 'Not Found', message: `no API route ${method} /api/x` });
  });
});

describe('the kiosk app', () => {
  it.each(['/', '/map', '/play/x/y', '/operator', '/play/fire-test/workshop?lang=en'])('GET %s returns index.html, revalidated', async (url) => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves hashed assets with immutable cache headers', async () => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    const res = await app.inject({ url: `/assets/${ASSET_FILE}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toContain('ruyi');
  });

  it('answers 404, not index.html, for a missing file', async () => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    for (const url of ['/assets/gone-123.js', '/favicon.ico']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('Not Found');
    }
  });

  it('answers 503 with a clear message when the app is not built', async () => {
    env = createTestEnv();
    const app = await env.start();
    for (const url of ['/', '/play/x/y']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ error: 'Service Unavailable', message: expect.stringContaining('npm run build') });
    }
    // The API still works.
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
