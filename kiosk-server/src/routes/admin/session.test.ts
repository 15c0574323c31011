// Staff login: no default password, the set-password CLI, sessions, and guessing: counted before hashing, a couple of
// hashes at once server-wide, visitors' pages unaffected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../app.ts';
import { hashPassword } from '../../admin/password.ts';
import { HASH_CONCURRENCY, HASH_QUEUE, MAX_FAILURES } from '../../admin/sessions.ts';
import { login, PASSWORD, runSetPassword, setPasswordDirectly } from '../../test-support/admin.ts';
import { ASSET_FILE, createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
});
afterEach(() => env.cleanup());

/** The CLI on this environment's database (the SQLite file, or PostgreSQL when the suite runs there). */
const setPassword = (input: string) => runSetPassword(env.config.dataDir, input, env.config.databaseUrl);

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

describe('GET /api/admin/status', () => {
  it('says whether a password is set, to anyone, and nothing more', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/admin/status' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ passwordSet: false });
    await setPasswordDirectly(app);
    expect((await app.inject({ method: 'GET', url: '/api/admin/status' })).json()).toEqual({ passwordSet: true });
  });
});

describe('set-password CLI and login', () => {
  it('refuses a short password and stores nothing', async () => {
    const result = await setPassword('too-short\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at least 12 characters');
    expect(await app.admin.credentials.read()).toBeNull();
  }, 30_000);

  it('stores a scrypt hash, never the password; then login works, a wrong one is 401, and a 6th wrong one is 429', async () => {
    const result = await setPassword(`${PASSWORD}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const row = await app.storage.db.selectFrom('staff_accounts').selectAll().where('login', '=', 'admin').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'admin', scope_kind: 'city', disabled_at: null });
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
    // Seven real scrypt hashes (N = 2^15) and a CLI process: seconds on a busy machine.
  }, 30_000);
});

describe('sessions', () => {
  beforeEach(async () => {
    expect((await setPassword(`${PASSWORD}\n`)).code).toBe(0);
    // A CLI process that loads the database layer and hashes with the real parameters: seconds on a busy machine.
  }, 30_000);

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
    // A password is short: a large body is refused, and nothing is hashed.
    expect((await app.inject({ method: 'POST', url: '/api/admin/session', payload: { password: 'x'.repeat(8 * 1024) } })).statusCode).toBe(413);
    expect(app.admin.hashes.stats().completed).toBe(0);
  });
});

describe('guessing in parallel', () => {
  /**
   * Logins sent at once fill the gate (2 hashing, 8 waiting) and the rest are refused. On SQLite each login reads the
   * credential at once, so exactly those 10 are hashed; a PostgreSQL read takes a round trip, so a hash or two may end
   * before the last logins arrive, and their places are taken again.
   */
  const expectGateFilled = (hashed: number, sent: number) => {
    if (env.dialect === 'sqlite') expect(hashed).toBe(HASH_CONCURRENCY + HASH_QUEUE);
    else expect(hashed).toBeGreaterThanOrEqual(HASH_CONCURRENCY + HASH_QUEUE);
    expect(hashed).toBeLessThan(sent / 2);
  };

  it('200 wrong passwords at once from one address: 5 hashes in all, the rest 429 with Retry-After, at most 2 hashing at once', async () => {
    await setPasswordDirectly(app);
    const answers = await Promise.all(Array.from({ length: 200 }, () => loginWith('wrong password!!', '10.0.0.9')));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(MAX_FAILURES);
    expect(codes.filter((c) => c === 429)).toHaveLength(200 - MAX_FAILURES);
    for (const a of answers.filter((a) => a.statusCode === 429)) expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    const stats = app.admin.hashes.stats();
    expect(stats.completed).toBe(MAX_FAILURES);
    expect(stats.peak).toBeLessThanOrEqual(HASH_CONCURRENCY);
    // That address stays refused (even with the right password) and nothing more is hashed.
    expect((await loginWith(PASSWORD, '10.0.0.9')).statusCode).toBe(429);
    expect(app.admin.hashes.stats().completed).toBe(MAX_FAILURES);
  }, 30_000);

  it('from many addresses at once: at most 2 hash while a few wait; the rest are refused at once with 503', async () => {
    await setPasswordDirectly(app);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => loginWith('wrong password!!', `10.2.0.${i}`)));
    const codes = answers.map((a) => a.statusCode);
    const hashed = codes.filter((c) => c === 401).length;
    expectGateFilled(hashed, 60);
    expect(codes.filter((c) => c === 503)).toHaveLength(60 - hashed);
    expect(answers.find((a) => a.statusCode === 503)!.headers['retry-after']).toBe('1');
    expect(app.admin.hashes.stats()).toMatchObject({ completed: hashed, peak: HASH_CONCURRENCY });
  }, 30_000);

  it("visitors' files and /api/health answer while logins hash: before the first hash has finished", async () => {
    const built = createTestEnv({ builtApp: true });
    try {
      const site = await built.start();
      // The real parameters (N = 2^15, 0.1–0.5 s a hash), so hashes are in flight long enough.
      await site.admin.credentials.write(await hashPassword(PASSWORD));
      const logins = Promise.all(
        Array.from({ length: 40 }, (_, i) => site.inject({ method: 'POST', url: '/api/admin/session', payload: { password: `guess number ${i}!` }, remoteAddress: `10.3.0.${i}` })),
      );
      await vi.waitFor(() => expect(site.admin.hashes.stats().running).toBe(HASH_CONCURRENCY), { interval: 5 });
      const completedWhenAnswered: number[] = [];
      const visitor = async (url: string) => {
        const res = await site.inject({ url });
        completedWhenAnswered.push(site.admin.hashes.stats().completed);
        return res.statusCode;
      };
      // Static files are read in libuv's threadpool, where scrypt runs too: with 2 of its 4 threads hashing, they go on.
      expect(await Promise.all([visitor(`/assets/${ASSET_FILE}`), visitor('/'), visitor('/api/health')])).toEqual([200, 200, 200]);
      expect(completedWhenAnswered).toEqual([0, 0, 0]);
      const codes = (await logins).map((r) => r.statusCode);
      const hashed = codes.filter((c) => c === 401).length;
      expectGateFilled(hashed, 40);
      expect(codes.filter((c) => c === 503)).toHaveLength(40 - hashed);
    } finally {
      await built.cleanup();
    }
  }, 60_000);
});
