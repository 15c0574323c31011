// Authentication before work at /xapi: credentials are checked before a body is read; failed authentications are
// limited per address (not per key); a client's request budget is charged only once it has authenticated.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMOUS_FORM_LIMIT } from './request.ts';
import { MAX_AUTH_FAILURES } from './routes.ts';
import { basic, startLrs, statement, type Lrs } from './test-lrs.ts';

let lrs: Lrs | undefined;
afterEach(async () => {
  await lrs?.env.cleanup();
  lrs = undefined;
});

const xapiConfig = (rateLimit: number) => ({ xapi: { base: 'https://ruyi.localhost/xapi/', parkIri: 'https://ruyi.localhost/parks/test', rateLimit } });
/** `key:secret` → a wrong secret under the same key. */
const wrongSecret = (authorization: string) => {
  const [key] = Buffer.from(authorization.slice('Basic '.length), 'base64').toString().split(':');
  return basic(key!, 'not-the-secret');
};
const get = (l: Lrs, authorization: string, remoteAddress: string) =>
  l.app.inject({ url: '/xapi/statements', headers: { authorization, 'x-experience-api-version': '1.0.3' }, remoteAddress });

describe('failed authentication is limited per address', () => {
  it('wrong secrets under a real key: 401, then 429 for that address only; the real client keeps its whole budget', async () => {
    lrs = await startLrs(xapiConfig(3));
    const attacker = '10.5.0.1';
    for (let i = 0; i < MAX_AUTH_FAILURES; i++) expect((await get(lrs, wrongSecret(lrs.auth.kiosk), attacker)).statusCode, `try ${i + 1}`).toBe(401);
    const refused = await get(lrs, wrongSecret(lrs.auth.kiosk), attacker);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().message).toMatch(/^Authorization: too many failed authentications from this address/);
    // Refused without a credential check: even the right credentials wait, from that address.
    expect((await get(lrs, lrs.auth.kiosk, attacker)).statusCode).toBe(429);
    // The real client, elsewhere, has all 3 requests of its minute: the attacker's 21 cost it nothing.
    for (let i = 0; i < 3; i++) expect((await get(lrs, lrs.auth.kiosk, '10.5.0.2')).statusCode).toBe(200);
    expect((await get(lrs, lrs.auth.kiosk, '10.5.0.2')).statusCode).toBe(429);
  });

  it('made-up keys are limited too (they have no budget to spend), and a request without credentials is not a guess', async () => {
    lrs = await startLrs();
    const made = () => basic(randomBytes(12).toString('base64url'), randomBytes(32).toString('base64url'));
    const codes = [];
    for (let i = 0; i < MAX_AUTH_FAILURES + 5; i++) codes.push((await get(lrs, made(), '10.6.0.1')).statusCode);
    expect(codes).toEqual([...Array(MAX_AUTH_FAILURES).fill(401), ...Array(5).fill(429)]);
    expect((await get(lrs, made(), '10.6.0.2')).statusCode).toBe(401);
    // Writes from the refused address are refused the same way.
    const post = await lrs.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { authorization: lrs.auth.hub, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' },
      payload: JSON.stringify(statement()),
      remoteAddress: '10.6.0.1',
    });
    expect(post.statusCode).toBe(429);
    for (let i = 0; i < MAX_AUTH_FAILURES + 5; i++)
      expect((await lrs.app.inject({ url: '/xapi/statements', headers: { 'x-experience-api-version': '1.0.3' }, remoteAddress: '10.6.0.3' })).statusCode).toBe(401);
  });

  it('the alternate syntax with credentials in the form counts failures per address the same way', async () => {
    lrs = await startLrs();
    const form = (authorization: string) => new URLSearchParams({ 'X-Experience-API-Version': '1.0.3', Authorization: authorization }).toString();
    const send = (authorization: string) =>
      lrs!.app.inject({ method: 'POST', url: '/xapi/statements?method=GET', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(authorization), remoteAddress: '10.7.0.1' });
    expect((await send(lrs.auth.reader)).statusCode).toBe(200);
    for (let i = 0; i < MAX_AUTH_FAILURES; i++) expect((await send(wrongSecret(lrs.auth.reader))).statusCode).toBe(401);
    expect((await send(lrs.auth.reader)).statusCode).toBe(429);
  });
});

describe('credentials before the body', () => {
  /** Sends the headers only (the body never comes) and resolves with the answer: only possible if nothing waits for the body. */
  async function answerWithoutBody(l: Lrs, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    await l.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (l.app.server.address() as { port: number }).port;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res: IncomingMessage) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, body });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
  }

  it('a plain POST with a made-up key is 401 before its 16 MiB body is sent', async () => {
    lrs = await startLrs();
    const res = await answerWithoutBody(lrs, '/xapi/statements', {
      authorization: basic('made-up', 'made-up'),
      'x-experience-api-version': '1.0.3',
      'content-type': 'multipart/mixed; boundary=abc',
      'content-length': String(16 * 1024 * 1024),
    });
    expect(res.status).toBe(401);
  });

  it('?method= with a made-up key in a real Authorization header is 401 before its form is sent', async () => {
    lrs = await startLrs();
    const res = await answerWithoutBody(lrs, '/xapi/statements?method=POST', {
      authorization: basic('made-up', 'made-up'),
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(1024 * 1024),
    });
    expect(res.status).toBe(401);
  });

  it('?method= with any body but a form is 400 before it is sent (no 16 MiB multipart read)', async () => {
    lrs = await startLrs();
    const res = await answerWithoutBody(lrs, '/xapi/statements?method=POST', {
      'content-type': 'multipart/mixed; boundary=abc',
      'content-length': String(16 * 1024 * 1024),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toMatch(/^Content-Type: the alternate request syntax/);
  });

  it(`?method= without an Authorization header: a form over ${ANONYMOUS_FORM_LIMIT / 1024} KiB is 413 before it is sent`, async () => {
    lrs = await startLrs();
    const res = await answerWithoutBody(lrs, '/xapi/statements?method=POST', {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(ANONYMOUS_FORM_LIMIT + 1),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toMatch(/send Authorization as a header/);
  });

  it('?method= without an Authorization header: a chunked form is cut off past the limit (413), a small one works', async () => {
    lrs = await startLrs();
    // '!' is 3 bytes in a form (%21): a form over the limit around a statement well under any per-statement limit.
    const content = JSON.stringify(statement({ result: { extensions: { 'https://x.example/pad': '!'.repeat(ANONYMOUS_FORM_LIMIT / 2) } } }));
    const big = new URLSearchParams({ 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.hub, content }).toString();
    const chunked = await lrs.app.inject({
      method: 'POST',
      url: '/xapi/statements?method=POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      payload: big,
    });
    expect(chunked.statusCode).toBe(413);
    const small = new URLSearchParams({ 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.hub, content: JSON.stringify(statement()) }).toString();
    const ok = await lrs.app.inject({ method: 'POST', url: '/xapi/statements?method=POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: small });
    expect(ok.statusCode, ok.body).toBe(200);
    // With the credentials in a real header, the same large form is read (up to the usual 1 MiB) and stored.
    const withHeader = await lrs.app.inject({
      method: 'POST',
      url: '/xapi/statements?method=POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: lrs.auth.hub },
      payload: big,
    });
    expect(withHeader.statusCode, withHeader.body).toBe(200);
  });
});
