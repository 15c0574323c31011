// The document resources beyond the ADL suite's cases: roles (kiosk clients keep to their own documents), the
// alternate request syntax, credentials before the body, size limits, 405s and the store a 2xx leaves on disk.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRegistryFor } from '../clients.ts';
import { basic, startLrs, type Lrs } from '../test-lrs.ts';
import { MAX_DOCUMENTS_PER_CLIENT } from './plugin.ts';
import { MAX_DOCUMENT_BYTES, MAX_KEY_BYTES } from './resource.ts';

let lrs: Lrs;
beforeAll(async () => {
  lrs = await startLrs();
});
afterAll(async () => {
  await lrs.env.cleanup();
});

const agent = { objectType: 'Agent', mbox: 'mailto:learner@example.com' };
const stateUrl = (stateId: string, extra: Record<string, string> = {}) =>
  `/xapi/activities/state?${new URLSearchParams({ activityId: 'http://example.com/course/1', agent: JSON.stringify(agent), stateId, ...extra })}`;
const profileUrl = (profileId: string) => `/xapi/activities/profile?${new URLSearchParams({ activityId: 'http://example.com/course/1', profileId })}`;
const rowCount = async () => Number((await lrs.app.storage.db.selectFrom('xapi_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('roles', () => {
  it('a reader reads every document but writes none (403, nothing stored)', async () => {
    const id = randomUUID();
    expect((await lrs.request({ method: 'PUT', url: stateUrl(id), payload: { a: 1 }, as: 'hub' })).statusCode).toBe(204);
    expect((await lrs.request({ url: stateUrl(id), as: 'reader' })).json()).toEqual({ a: 1 });
    const before = await rowCount();
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const res = await lrs.request({ method, url: stateUrl(randomUUID()), payload: method === 'DELETE' ? undefined : { b: 2 }, as: 'reader' });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().message).toMatch(/reader/);
    }
    expect((await lrs.request({ method: 'DELETE', url: stateUrl(id), as: 'reader' })).statusCode).toBe(403);
    expect(await rowCount()).toBe(before);
  });

  it('a kiosk client sees and changes only its own documents; a hub sees and changes all', async () => {
    const hubs = randomUUID();
    const kiosks = randomUUID();
    expect((await lrs.request({ method: 'PUT', url: stateUrl(hubs), payload: { by: 'hub' }, as: 'hub' })).statusCode).toBe(204);
    expect((await lrs.request({ method: 'PUT', url: stateUrl(kiosks), payload: { by: 'kiosk' }, as: 'kiosk' })).statusCode).toBe(204);

    expect((await lrs.request({ url: stateUrl(hubs), as: 'kiosk' })).statusCode).toBe(404);
    const listing = (await lrs.request({ url: stateUrl('x').replace(/&stateId=x$/, ''), as: 'kiosk' })).json() as string[];
    expect(listing).toContain(kiosks);
    expect(listing).not.toContain(hubs);
    const hubListing = (await lrs.request({ url: stateUrl('x').replace(/&stateId=x$/, ''), as: 'hub' })).json() as string[];
    expect(hubListing).toEqual(expect.arrayContaining([hubs, kiosks]));

    // Writing over another client's document is refused, whatever the precondition.
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const res = await lrs.request({ method, url: stateUrl(hubs), payload: method === 'DELETE' ? undefined : { by: 'kiosk' }, as: 'kiosk' });
      expect(res.statusCode, method).toBe(403);
    }
    // Deleting the whole scope deletes only the kiosk's own.
    expect((await lrs.request({ method: 'DELETE', url: stateUrl('x').replace(/&stateId=x$/, ''), as: 'kiosk' })).statusCode).toBe(204);
    expect((await lrs.request({ url: stateUrl(hubs), as: 'hub' })).json()).toEqual({ by: 'hub' });
    expect((await lrs.request({ url: stateUrl(kiosks), as: 'hub' })).statusCode).toBe(404);

    // A hub changes a kiosk's document; it stays the kiosk's.
    const again = randomUUID();
    await lrs.request({ method: 'PUT', url: stateUrl(again), payload: { by: 'kiosk' }, as: 'kiosk' });
    expect((await lrs.request({ method: 'POST', url: stateUrl(again), payload: { hub: true }, as: 'hub' })).statusCode).toBe(204);
    expect((await lrs.request({ url: stateUrl(again), as: 'kiosk' })).json()).toEqual({ by: 'kiosk', hub: true });
  });
});

describe('credentials and version before anything', () => {
  it('no credentials: 401 and nothing stored; wrong version: 400', async () => {
    const before = await rowCount();
    const res = await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: { a: 1 }, as: null });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/Basic/);
    expect((await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: { a: 1 }, headers: { authorization: basic('nobody', 'wrong') }, as: null })).statusCode).toBe(401);
    expect((await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: { a: 1 }, headers: { 'x-experience-api-version': '2.0.0' } })).statusCode).toBe(400);
    expect(await rowCount()).toBe(before);
  });

  it('credentials are checked before the body is read: an oversized body without them is 401, not 413', async () => {
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 10, 0x61);
    const res = await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: big, headers: { 'content-type': 'application/octet-stream' }, as: null });
    expect(res.statusCode).toBe(401);
    const form = await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=PUT', payload: `content=${'a'.repeat(70 * 1024)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, as: null });
    expect(form.statusCode).toBe(413);
    expect(form.json().message).toMatch(/Authorization/);
  });

  it('a revoked client is refused', async () => {
    const registry = clientRegistryFor(lrs.app.storage);
    const c = await registry.add(`revoked-${randomUUID().slice(0, 8)}`, 'hub');
    await registry.revoke(c.name);
    const res = await lrs.request({ url: stateUrl(randomUUID()), headers: { authorization: basic(c.key, c.secret) }, as: null });
    expect(res.statusCode).toBe(401);
  });
});

describe('alternate request syntax (Communication 1.3)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  const fields = (stateId: string) => ({ activityId: 'http://example.com/course/1', agent: JSON.stringify(agent), stateId });

  it('PUT, GET, POST (merge) and DELETE through ?method= with headers and credentials in the form', async () => {
    const id = randomUUID();
    const put = form({ ...fields(id), content: JSON.stringify({ a: 1 }), 'Content-Type': 'application/json', Authorization: lrs.auth.hub, 'X-Experience-API-Version': '1.0.3' });
    expect((await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=PUT', payload: put, headers: formHeaders, as: null })).statusCode).toBe(204);
    const post = form({ ...fields(id), content: JSON.stringify({ b: 2 }), 'Content-Type': 'application/json' });
    expect((await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=post', payload: post, headers: formHeaders })).statusCode).toBe(204);
    const got = await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=GET', payload: form(fields(id)), headers: formHeaders });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ a: 1, b: 2 });
    expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    const head = await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=HEAD', payload: form(fields(id)), headers: formHeaders });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(got.headers.etag);
    expect((await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=DELETE', payload: form(fields(id)), headers: formHeaders })).statusCode).toBe(204);
    expect((await lrs.request({ url: stateUrl(id) })).statusCode).toBe(404);
  });

  it('If-Match and If-None-Match in the form are headers', async () => {
    const id = randomUUID();
    const base = { activityId: 'http://example.com/course/1', profileId: id, 'Content-Type': 'application/json' };
    const url = '/xapi/activities/profile?method=PUT';
    expect((await lrs.request({ method: 'POST', url, payload: form({ ...base, content: '{"v":1}' }), headers: formHeaders })).statusCode).toBe(400);
    expect((await lrs.request({ method: 'POST', url, payload: form({ ...base, content: '{"v":1}', 'If-None-Match': '*' }), headers: formHeaders })).statusCode).toBe(204);
    expect((await lrs.request({ method: 'POST', url, payload: form({ ...base, content: '{"v":2}', 'If-None-Match': '*' }), headers: formHeaders })).statusCode).toBe(412);
    const etag = (await lrs.request({ url: profileUrl(id) })).headers.etag as string;
    expect((await lrs.request({ method: 'POST', url, payload: form({ ...base, content: '{"v":2}', 'If-Match': etag }), headers: formHeaders })).statusCode).toBe(204);
    expect((await lrs.request({ url: profileUrl(id) })).json()).toEqual({ v: 2 });
  });

  it('refuses query parameters beside method, a body that is not a form, and an unknown method (400)', async () => {
    const id = randomUUID();
    expect((await lrs.request({ method: 'POST', url: `/xapi/activities/state?method=GET&stateId=${id}`, payload: form(fields(id)), headers: formHeaders })).statusCode).toBe(400);
    expect((await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=PUT', payload: { a: 1 } })).statusCode).toBe(400);
    expect((await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=PATCH', payload: form(fields(id)), headers: formHeaders })).statusCode).toBe(400);
    expect((await lrs.request({ method: 'POST', url: '/xapi/activities/state?method=PUT', payload: form(fields(id)), headers: formHeaders })).statusCode).toBe(400);
  });
});

describe('limits and answers', () => {
  it(`a document over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB is 413; one at the limit is stored byte for byte`, async () => {
    const id = randomUUID();
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61);
    const refused = await lrs.request({ method: 'PUT', url: stateUrl(id), payload: big, headers: { 'content-type': 'application/octet-stream' } });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().message).toMatch(/MiB/);
    const exact = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x62);
    expect((await lrs.request({ method: 'PUT', url: stateUrl(id), payload: exact, headers: { 'content-type': 'application/octet-stream' } })).statusCode).toBe(204);
    const got = await lrs.request({ url: stateUrl(id) });
    expect(got.rawPayload.equals(exact)).toBe(true);
  });

  it('unknown parameters and an activityId that is not an IRI are 400 naming them', async () => {
    const bad = await lrs.request({ url: `${stateUrl(randomUUID())}&foo=bar` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'foo' })]));
    const notIri = await lrs.request({ url: `/xapi/activities/profile?activityId=true&profileId=${randomUUID()}` });
    expect(notIri.statusCode).toBe(400);
    expect(notIri.json().details[0].path).toBe('activityId');
  });

  it('PATCH and OPTIONS are 405 with Allow, before credentials', async () => {
    for (const method of ['PATCH', 'OPTIONS']) {
      const res = await lrs.request({ method, url: '/xapi/agents/profile', as: null });
      expect(res.statusCode, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, PUT, POST, DELETE');
    }
  });

  it('a GET with If-None-Match naming the current ETag is 304', async () => {
    const id = randomUUID();
    await lrs.request({ method: 'PUT', url: stateUrl(id), payload: { a: 1 } });
    const etag = (await lrs.request({ url: stateUrl(id) })).headers.etag as string;
    const res = await lrs.request({ url: stateUrl(id), headers: { 'if-none-match': etag } });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
  });

  it('the Agent identifies its documents, not its name or how it is spelled', async () => {
    const id = randomUUID();
    const url = (a: unknown) => `/xapi/agents/profile?${new URLSearchParams({ agent: JSON.stringify(a), profileId: id })}`;
    expect((await lrs.request({ method: 'PUT', url: url({ mbox: 'mailto:Someone@Example.COM', name: 'A' }), payload: { a: 1 }, headers: { 'if-none-match': '*' } })).statusCode).toBe(204);
    expect((await lrs.request({ url: url({ objectType: 'Agent', mbox: 'mailto:Someone@example.com' }) })).json()).toEqual({ a: 1 });
  });
});

describe('keys either store keeps alike', () => {
  // Characters chosen at random: no store can compress them below its index's limit.
  const randomText = (chars: number) => Array.from({ length: chars }, () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000))).join('');
  const keyUrl = (activityId: string, who: unknown, stateId: string) =>
    `/xapi/activities/state?${new URLSearchParams({ activityId, agent: JSON.stringify(who), stateId })}`;

  it('a stateId or agent with U+0000 is 400 naming it, on every method, and nothing is stored', async () => {
    const before = await rowCount();
    const cases = [
      { url: keyUrl('http://example.com/a', agent, 'x\u0000y'), path: 'stateId' },
      { url: keyUrl('http://example.com/a', { account: { homePage: 'http://example.com', name: 'n\u0000m' } }, 's'), path: 'agent' },
    ];
    for (const { url, path } of cases)
      for (const method of ['PUT', 'POST', 'GET', 'DELETE']) {
        const res = await lrs.request({ method, url, payload: method === 'PUT' || method === 'POST' ? { a: 1 } : undefined });
        expect(res.statusCode, `${method} ${path}`).toBe(400);
        expect(res.json().details, `${method} ${path}`).toEqual([{ path, message: 'must not contain the character U+0000' }]);
      }
    expect(await rowCount()).toBe(before);
  });

  it(`a key of up to ${MAX_KEY_BYTES} bytes is stored, listed and read back; one byte more is 400`, async () => {
    const activityId = `http://example.com/${randomText(250)}`; // 19 + 750 bytes
    const who = { account: { homePage: 'http://example.com', name: randomText(200) } };
    const url = keyUrl(activityId, who, 'x');
    // What the agent's identifier adds to the key is the server's own spelling: read it from the refusal.
    const probe = await lrs.request({ method: 'PUT', url: keyUrl(activityId, who, 'x'.repeat(2000)), payload: { a: 0 } });
    expect(probe.statusCode).toBe(400);
    const withoutId = Number(/makes a key of (\d+) bytes/.exec(probe.json().details[0].message)![1]) - 2000;
    const room = MAX_KEY_BYTES - withoutId;
    expect(room).toBeGreaterThan(500);
    const stateId = randomText(Math.floor((room - 3) / 3)) + 'y'.repeat((room - 3) % 3 + 3);
    expect(Buffer.byteLength(stateId)).toBe(room);
    const at = keyUrl(activityId, who, stateId);
    expect((await lrs.request({ method: 'PUT', url: at, payload: { a: 1 } })).statusCode).toBe(204);
    expect((await lrs.request({ url: at })).json()).toEqual({ a: 1 });
    expect((await lrs.request({ url: url.replace(/&stateId=x$/, '') })).json()).toEqual([stateId]);
    const before = await rowCount();
    const refused = await lrs.request({ method: 'PUT', url: keyUrl(activityId, who, `${stateId}z`), payload: { a: 2 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0]).toMatchObject({ path: 'stateId', message: expect.stringContaining(`makes a key of ${MAX_KEY_BYTES + 1} bytes`) });
    expect(await rowCount()).toBe(before);
  });
});

describe('OpenAPI', () => {
  it('describes the three resources with their parameters', async () => {
    const doc = (await lrs.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/xapi/activities/state', '/xapi/activities/profile', '/xapi/agents/profile']) {
      expect(Object.keys(doc.paths[path] ?? {}), path).toEqual(expect.arrayContaining(['get', 'put', 'post', 'delete']));
    }
    const names = (doc.paths['/xapi/activities/state'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['activityId', 'agent', 'registration', 'stateId', 'since', 'if-match']));
  });
});

describe('documents per client', () => {
  it(`a client keeping ${MAX_DOCUMENTS_PER_CLIENT} documents stores no new one (403) but still replaces and deletes`, async () => {
    const { db } = lrs.app.storage;
    const owner = (await db.selectFrom('xapi_clients').select('id').where('name', '=', 'test-kiosk').executeTakeFirstOrThrow()).id;
    const kept = await lrs.app.documents.countOf(owner);
    const bulk = Array.from({ length: MAX_DOCUMENTS_PER_CLIENT - 1 - kept }, (_, i) => ({
      kind: 'agent-profile' as const,
      activity_id: '',
      agent: 'mbox:mailto:bulk@example.com',
      registration: '',
      doc_id: `bulk-${i}`,
      owner,
      content: Buffer.from('{}'),
      content_type: 'application/json',
      etag: 'x',
      updated: 0,
    }));
    // In slices: both databases bound the parameters of one statement.
    for (let i = 0; i < bulk.length; i += 500) await db.insertInto('xapi_documents').values(bulk.slice(i, i + 500)).execute();
    const last = randomUUID();
    expect((await lrs.request({ method: 'PUT', url: stateUrl(last), payload: { n: 1 }, as: 'kiosk' })).statusCode).toBe(204);
    const refused = await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: { n: 1 }, as: 'kiosk' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/delete some/);
    expect((await lrs.request({ method: 'POST', url: stateUrl(last), payload: { n: 2 }, as: 'kiosk' })).statusCode).toBe(204);
    expect((await lrs.request({ method: 'DELETE', url: stateUrl(last), as: 'kiosk' })).statusCode).toBe(204);
    expect((await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: { n: 1 }, as: 'kiosk' })).statusCode).toBe(204);
    // Other clients have their own bound.
    expect((await lrs.request({ method: 'PUT', url: stateUrl(randomUUID()), payload: { n: 1 }, as: 'hub' })).statusCode).toBe(204);
  });
});

describe('the disk floor', () => {
  it('a nearly full disk refuses document writes with 507 and stores nothing; GET and DELETE still work', async () => {
    const free = { bytes: 10 * 1024 ** 3 };
    const low = await startLrs();
    await low.app.close();
    const app = await low.env.start({ floor: { probe: () => free.bytes, diskCacheMs: 0 } });
    const request = (method: string, url: string, payload?: unknown) =>
      app.inject({ method: method as 'GET', url, headers: { 'x-experience-api-version': '1.0.3', authorization: low.auth.hub, ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload ? JSON.stringify(payload) : undefined });
    try {
      const id = randomUUID();
      expect((await request('PUT', stateUrl(id), { a: 1 })).statusCode).toBe(204);
      free.bytes = 0;
      const refused = await request('POST', stateUrl(id), { b: 2 });
      expect(refused.statusCode).toBe(507);
      expect((await request('PUT', stateUrl(randomUUID()), { c: 3 })).statusCode).toBe(507);
      expect((await request('GET', stateUrl(id))).json()).toEqual({ a: 1 });
      expect((await request('DELETE', stateUrl(id))).statusCode).toBe(204);
    } finally {
      await low.env.cleanup();
    }
  });
});
