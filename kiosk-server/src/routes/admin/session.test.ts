// Staff login: no default password, the set-password CLI, sessions, and slowing down guessing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { readCredential } from '../../admin/password.ts';
import { login, PASSWORD, runSetPassword } from '../../test-support/admin.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
});
afterEach(() => env.cleanup());

const loginWith = (password: string, remoteAddress = '10.0.0.7') =>
  app.inject({ method: 'POST', url: '/api/admin/session', payload: { password }, remoteAddress });

describe('admin routes without a password set', () => {
  it('answer 403 telling the operator to run set-password, and there is no default password', async () => {
    for (const [method, url] of [
      ['POST', '/api/admin/session'],
      ['GET', '/api/admin/packs'],
      ['POST', '/api/admin/packs'],
      ['POST', '/api/admin/packs/fire-test/rollback'],
      ['DELETE', '/api/admin/packs/fire-test'],
      ['DELETE', '/api/admin/session'],
    ] as const) {
      const res = await app.inject({ method, url, ...(url.endsWith('session') && method === 'POST' ? { payload: { password: 'admin' } } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().message).toContain('npm run admin -- set-password');
    }
  });
});

describe('set-password CLI and login', () => {
  it('refuses a short password and stores nothing', async () => {
    await app.close();
    const result = await runSetPassword(env.config.dataDir, 'too-short\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at least 12 characters');
    expect(readCredential(env.openDb())).toBeNull();
  });

  it('stores a scrypt hash, never the password; then login works, a wrong one is 401, and a 6th wrong one is 429', async () => {
    const result = await runSetPassword(env.config.dataDir, `${PASSWORD}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const row = env.openDb().prepare('SELECT * FROM admin_credential').get() as Record<string, string>;
    expect(row.algorithm).toBe('scrypt');
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(Buffer.from(row.salt!, 'base64')).toHaveLength(16);

    // The running server picks it up without a restart.
    const ok = await loginWith(PASSWORD);
    expect(ok.statusCode).toBe(200);
    const { token, expiresAt } = ok.json() as { token: string; expiresAt: string };
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);

    const list = await app.inject({ method: 'GET', url: '/api/admin/packs', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);

    for (let i = 1; i <= 5; i++) expect((await loginWith('wrong password!!')).statusCode, `wrong #${i}`).toBe(401);
    const sixth = await loginWith('wrong password!!');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(50);
    // Even the right password waits out the minute from that address; another address is not affected.
    expect((await loginWith(PASSWORD)).statusCode).toBe(429);
    expect((await loginWith(PASSWORD, '10.0.0.8')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  beforeEach(async () => {
    expect((await runSetPassword(env.config.dataDir, `${PASSWORD}\n`)).code).toBe(0);
  });

  it('admin routes need a valid bearer token (401 otherwise); logout ends the session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/packs' })).statusCode).toBe(401);
    const bogus = await app.inject({ method: 'GET', url: '/api/admin/packs', headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.headers['www-authenticate']).toBe('Bearer');
    expect(bogus.json()).toMatchObject({ error: 'Unauthorized' });

    const headers = await login(app);
    expect((await app.inject({ method: 'GET', url: '/api/admin/packs', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/admin/session', headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/admin/packs', headers })).statusCode).toBe(401);
  });

  it('an unauthenticated upload is refused before its body is read', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/packs',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(1024),
    });
    expect(res.statusCode).toBe(401);
  });

  it('a login body with unknown fields or no password is 400', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/admin/session', payload: {} })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/admin/session', payload: { password: PASSWORD, user: 'x' } })).statusCode).toBe(400);
  });
});
