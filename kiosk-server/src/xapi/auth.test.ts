// Who may use /xapi/statements: HTTP Basic per client, roles, revocation, version header, rate limit per client.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientRegistry, createSqliteClientRegistry } from './clients.ts';
import { basic, startLrs, statement, type Lrs } from './test-lrs.ts';
import { countStatements } from './test-lrs-rows.ts';

let lrs: Lrs | undefined;
afterEach(async () => {
  await lrs?.env.cleanup();
  lrs = undefined;
});

const count = (l: Lrs) => countStatements(l);

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate to requests without credentials, with wrong ones, or not Basic', async () => {
    lrs = await startLrs();
    for (const authorization of [undefined, basic('nobody', 'nothing'), 'Bearer abc', lrs.auth.hub.slice(0, -4) + 'AAAA']) {
      const res = await lrs.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        payload: statement(),
        headers: { 'x-experience-api-version': '1.0.3', ...(authorization ? { authorization } : {}) },
      });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="xAPI"');
      expect(res.headers['x-experience-api-version']).toBe('1.0.3');
      expect(res.json().message).toMatch(/^Authorization: /);
    }
    expect((await lrs.request({ url: '/xapi/statements', as: null })).statusCode).toBe(401);
    expect(await count(lrs)).toBe(0);
  });

  it('stops accepting a client once revoked', async () => {
    lrs = await startLrs();
    expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement() })).statusCode).toBe(200);
    expect(await lrs.app.clients.revoke('test-hub')).toBe(true);
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement() });
    expect(res.statusCode).toBe(401);
    expect(await count(lrs)).toBe(1);
  });

  it('takes a revocation at the next request though credentials are remembered: through any registry, or another connection', async () => {
    lrs = await startLrs({}, { postgres: false });
    const post = () => lrs!.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'kiosk' });
    // Verified once, remembered after: the same credentials again, twice.
    expect((await post()).statusCode).toBe(200);
    expect((await post()).statusCode).toBe(200);
    // Another registry on the server's own connection (no other connection sees a change there).
    expect(await createSqliteClientRegistry(lrs.app.db).revoke('test-kiosk')).toBe(true);
    expect((await post()).statusCode).toBe(401);
    // Another connection to the file, as `npm run admin -- client revoke` is.
    const hub = () => lrs!.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'hub' });
    expect((await hub()).statusCode).toBe(200);
    const other = new Database(lrs.app.db.name);
    expect(createClientRegistry(other).revoke('test-hub')).toBe(true);
    other.close();
    expect((await hub()).statusCode).toBe(401);
    // A wrong secret under a key whose right secret is remembered is still refused.
    expect((await lrs.request({ url: '/xapi/statements', as: 'reader' })).statusCode).toBe(200);
    const wrong = lrs.auth.reader.slice(0, -4) + 'AAAA';
    expect((await lrs.app.inject({ url: '/xapi/statements', headers: { 'x-experience-api-version': '1.0.3', authorization: wrong } })).statusCode).toBe(401);
    expect(await count(lrs)).toBe(3);
  });

  it('lets a reader GET and HEAD but not write (403); kiosk and hub may write', async () => {
    lrs = await startLrs();
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'reader' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/role 'reader'/);
    expect((await lrs.request({ method: 'PUT', url: `/xapi/statements?statementId=${crypto.randomUUID()}`, payload: statement(), as: 'reader' })).statusCode).toBe(403);
    expect(await count(lrs)).toBe(0);
    expect((await lrs.request({ url: '/xapi/statements', as: 'reader' })).statusCode).toBe(200);
    expect((await lrs.request({ method: 'HEAD', url: '/xapi/statements', as: 'reader' })).statusCode).toBe(200);
    expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'kiosk' })).statusCode).toBe(200);
    expect((await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'hub' })).statusCode).toBe(200);
  });

  it('shows a kiosk client only its own statements; readers and hubs see all', async () => {
    lrs = await startLrs();
    const [mine] = (await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'kiosk' })).json();
    const [theirs] = (await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement(), as: 'hub' })).json();
    const ids = async (as: 'kiosk' | 'hub' | 'reader') => (await lrs!.request({ url: '/xapi/statements', as })).json().statements.map((s: { id: string }) => s.id);
    expect(await ids('kiosk')).toEqual([mine]);
    expect(await ids('hub')).toEqual([theirs, mine]);
    expect(await ids('reader')).toEqual([theirs, mine]);
    expect((await lrs.request({ url: `/xapi/statements?statementId=${theirs}`, as: 'kiosk' })).statusCode).toBe(404);
  });
});

describe('X-Experience-API-Version', () => {
  it('is required on /statements (400 naming it), accepted as any 1.0.x, and not needed for /about', async () => {
    lrs = await startLrs();
    const missing = await lrs.app.inject({ url: '/xapi/statements', headers: { authorization: lrs.auth.hub } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/^X-Experience-API-Version: header required/);
    const old = await lrs.request({ url: '/xapi/statements', headers: { 'x-experience-api-version': '0.95' } });
    expect(old.statusCode).toBe(400);
    expect(old.json().message).toMatch(/'0.95' is not supported/);
    for (const version of ['1.0', '1.0.0', '1.0.2', '1.0.3'])
      expect((await lrs.request({ url: '/xapi/statements', headers: { 'x-experience-api-version': version } })).statusCode, version).toBe(200);
    expect((await lrs.app.inject({ url: '/xapi/about' })).statusCode).toBe(200);
  });

  it('is checked before credentials: a GET with neither header is 400, still with Consistent-Through', async () => {
    lrs = await startLrs();
    const res = await lrs.app.inject({ url: '/xapi/statements' });
    expect(res.statusCode).toBe(400);
    expect(Date.parse(res.headers['x-experience-api-consistent-through'] as string)).not.toBeNaN();
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit per client, counting each client apart', async () => {
    lrs = await startLrs({ xapi: { base: 'https://ruyi.localhost/xapi/', parkIri: 'https://ruyi.localhost/parks/test', rateLimit: 3 } });
    for (let i = 0; i < 3; i++) expect((await lrs.request({ url: '/xapi/statements', as: 'reader' })).statusCode).toBe(200);
    const limited = await lrs.request({ url: '/xapi/statements', as: 'reader' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: 'Too Many Requests', message: expect.stringMatching(/at most 3 per minute per client/) });
    expect(limited.headers['x-experience-api-version']).toBe('1.0.3');
    // Another client has its own budget.
    expect((await lrs.request({ url: '/xapi/statements', as: 'hub' })).statusCode).toBe(200);
  });
});
