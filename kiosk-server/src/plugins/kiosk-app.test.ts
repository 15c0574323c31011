// The kiosk app's service worker as the server serves it: revalidated on every update check (so a new build reaches
// kiosks within a minute), as JavaScript, under a policy that allows it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

describe('GET /sw.js', () => {
  it('serves the service worker revalidated, as JavaScript, with worker-src self', async () => {
    env = createTestEnv({ builtApp: true });
    writeFileSync(join(env.config.appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    const app = await env.start();
    const res = await app.inject({ url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(res.body).toContain('addEventListener');
  });

  it('answers 404, never index.html, when the build has no worker (a dev build)', async () => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    const res = await app.inject({ url: '/sw.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});
