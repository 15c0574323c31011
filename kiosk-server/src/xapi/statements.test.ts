// PUT/POST/GET/HEAD /xapi/statements and /xapi/about against a real app and a real store (SQLite or PostgreSQL).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLrs, statement, uuid, type Lrs } from './test-lrs.ts';
import { countStatements, statementIds, statementRows } from './test-lrs-rows.ts';

let lrs: Lrs;
beforeEach(async () => {
  lrs = await startLrs();
});
afterEach(() => lrs.env.cleanup());

const rows = () => countStatements(lrs);
const post = (payload: unknown, headers?: Record<string, string>) => lrs.request({ method: 'POST', url: '/xapi/statements', payload, ...(headers ? { headers } : {}) });
const put = (id: string, payload: unknown) => lrs.request({ method: 'PUT', url: `/xapi/statements?statementId=${id}`, payload });
const get = (query: string, headers?: Record<string, string>) => lrs.request({ url: `/xapi/statements${query}`, ...(headers ? { headers } : {}) });

describe('GET /xapi/about', () => {
  it('lists the supported versions, needs no credentials and carries the version header', async () => {
    const res = await lrs.app.inject({ url: '/xapi/about' });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toContain('1.0.3');
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('methods xAPI does not define', () => {
  it('answer 405 with Allow, without asking for credentials', async () => {
    for (const [method, url] of [['DELETE', '/xapi/statements?statementId=' + uuid()], ['PATCH', '/xapi/statements'], ['POST', '/xapi/about']] as const) {
      const res = await lrs.app.inject({ method, url, headers: { 'x-experience-api-version': '1.0.1' } });
      expect(res.statusCode, `${method} ${url}`).toBe(405);
      expect(res.headers.allow).toMatch(/GET, HEAD/);
    }
  });
});

describe('POST /xapi/statements', () => {
  it('stores one statement, assigns an id, and returns it as an array of ids', async () => {
    const s = statement();
    const res = await post(s);
    expect(res.statusCode).toBe(200);
    const [id] = res.json() as string[];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const all = await statementRows(lrs);
    expect(all).toHaveLength(1);
    const row = all[0]!;
    expect(row.id).toBe(id);
    // The exact body the forwarder will send: the client's fields in its order, with the id first.
    expect(row.body).toBe(JSON.stringify({ id, ...s }));
    expect(JSON.parse(row.authority as string)).toEqual({ objectType: 'Agent', account: { homePage: 'https://ruyi.localhost/parks/test', name: 'test-hub' } });
    expect(row.verb_id).toBe('http://adlnet.gov/expapi/verbs/experienced');
  });

  it('stores a batch in order and returns the ids in request order', async () => {
    const ids = [uuid(), uuid(), uuid()];
    const res = await post(ids.map((id) => statement({ id })));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(ids);
    expect(await statementIds(lrs)).toEqual(ids);
  });

  it('treats a resent statement as a no-op, also with fields in another order', async () => {
    const s = statement({ id: uuid() });
    expect((await post([s])).statusCode).toBe(200);
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    const again = await post([reordered]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([s.id]);
    expect(await rows()).toBe(1);
  });

  it('answers 409 for a known id with different content, and stores nothing from that batch', async () => {
    const s = statement({ id: uuid() });
    await post(s);
    const res = await post([statement(), { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'Conflict', message: expect.stringContaining('[1].id') });
    expect(await rows()).toBe(1);
  });

  it('answers 400 naming every invalid statement path, storing nothing', async () => {
    const res = await post([statement(), { ...statement(), actor: { mbox: 'not-an-email' } }, { ...statement(), verb: 'x' }]);
    expect(res.statusCode).toBe(400);
    const paths = (res.json().details as { path: string }[]).map((d) => d.path);
    expect(paths.some((p) => p.startsWith('[1].actor'))).toBe(true);
    expect(paths.some((p) => p.startsWith('[2].verb'))).toBe(true);
    expect(await rows()).toBe(0);
  });

  it('answers 400 for malformed JSON, and keeps serving', async () => {
    const res = await post('{"actor": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/body: is not valid JSON/);
    expect((await post(statement())).statusCode).toBe(200);
  });

  it('answers 400 (xAPI has no 415) for a body that is not JSON or multipart', async () => {
    const res = await post('hello', { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Content-Type: must be application\/json/);
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
    const formData = await post(JSON.stringify(statement()), { 'content-type': 'multipart/form-data; boundary=x' });
    expect(formData.statusCode).toBe(400);
    expect(await rows()).toBe(0);
  });

  it('answers 413 for a body over 1 MiB and for more than 1000 statements', async () => {
    const big = statement({ result: { response: 'x'.repeat(1024 * 1024) } });
    expect((await post(big)).statusCode).toBe(413);
    const many = Array.from({ length: 1001 }, () => ({ actor: { mbox: 'mailto:a@b.c' }, verb: { id: 'http://e.x/v' }, object: { id: 'http://e.x/a' } }));
    const res = await post(many);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/at most 1000/);
    expect(await rows()).toBe(0);
  });

  it('answers 400 to any query parameter', async () => {
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements?statementId=' + uuid(), payload: statement() });
    expect(res.statusCode).toBe(400);
  });
});

describe('PUT /xapi/statements', () => {
  it('stores under statementId with 204; the same again is 204 and no change; different content is 409', async () => {
    const id = uuid();
    const s = statement();
    const first = await put(id, s);
    expect(first.statusCode).toBe(204);
    expect(first.body).toBe('');
    expect((await put(id, s)).statusCode).toBe(204);
    expect(await rows()).toBe(1);
    const other = await put(id, { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } });
    expect(other.statusCode).toBe(409);
    expect((await statementRows(lrs)).map((r) => JSON.parse(r.body).verb.id)).toEqual([(s.verb as { id: string }).id]);
  });

  it('answers 400 without statementId, with an id that differs from it, or with an array', async () => {
    expect((await lrs.request({ method: 'PUT', url: '/xapi/statements', payload: statement() })).statusCode).toBe(400);
    expect((await put(uuid(), statement({ id: uuid() }))).statusCode).toBe(400);
    expect((await put(uuid(), [statement()])).statusCode).toBe(400);
    expect(await rows()).toBe(0);
  });
});

describe('values at the edges of what xAPI allows', () => {
  // PostgreSQL's text cannot hold U+0000 and its timestamps have no year 0: neither may become a 500 there.
  it('stores and finds an agent whose account name holds U+0000, as any other agent', async () => {
    const agent = { objectType: 'Agent', account: { homePage: 'https://school.example', name: 'a\u0000b' } };
    const other = { objectType: 'Agent', account: { homePage: 'https://school.example', name: '"a\\u0000b"' } };
    const ids = [uuid(), uuid(), uuid()];
    const res = await post([
      statement({ id: ids[0], actor: agent }),
      statement({ id: ids[1], actor: { objectType: 'Group', name: 'class', member: [agent] } }),
      statement({ id: ids[2], actor: other }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(await rows()).toBe(3);
    const found = async (a: object, related = false) =>
      (await get(`?agent=${encodeURIComponent(JSON.stringify(a))}${related ? '&related_agents=true' : ''}`)).json().statements.map((s: { id: string }) => s.id);
    expect(await found(agent)).toEqual([ids[0]]);
    expect(await found(agent, true)).toEqual([ids[1], ids[0]]);
    expect(await found(other)).toEqual([ids[2]]);
    expect(await found({ ...agent, account: { ...agent.account, name: 'a\u0000c' } })).toEqual([]);
    const person = await lrs.request({ url: `/xapi/agents?agent=${encodeURIComponent(JSON.stringify(agent))}` });
    expect(person.statusCode, person.body).toBe(200);
    expect(person.json().account).toEqual([agent.account]);
  });

  it('stores and finds agents, activities and verbs of several kilobytes, each apart from another sharing its start', async () => {
    // Random, so no index can compress them below its limit.
    const long = () => 'shared-start-' + randomBytes(3000).toString('base64url');
    const [a, b] = [long(), long()];
    const agentOf = (name: string) => ({ objectType: 'Agent', account: { homePage: 'https://school.example', name } });
    const activityOf = (tail: string) => ({ objectType: 'Activity', id: `https://x.example/a/${tail}` });
    const verbOf = (tail: string) => ({ id: `https://x.example/v/${tail}` });
    const ids = [uuid(), uuid()];
    const res = await post([
      statement({ id: ids[0], actor: agentOf(a), object: activityOf(a), verb: verbOf(a) }),
      statement({ id: ids[1], actor: agentOf(b), object: activityOf(b), verb: verbOf(b) }),
    ]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const found = async (filter: string, value: string) => (await get(`?${filter}=${encodeURIComponent(value)}`)).json().statements.map((s: { id: string }) => s.id);
    for (const [i, tail] of [a, b].entries()) {
      expect(await found('agent', JSON.stringify(agentOf(tail)))).toEqual([ids[i]]);
      expect(await found('activity', activityOf(tail).id)).toEqual([ids[i]]);
      expect(await found('verb', verbOf(tail).id)).toEqual([ids[i]]);
    }
    const definition = await lrs.request({ url: `/xapi/activities?activityId=${encodeURIComponent(activityOf(a).id)}` });
    expect(definition.statusCode).toBe(200);
    expect(definition.json().id).toBe(activityOf(a).id);
  });

  it('answers a verb or activity filter holding U+0000 with no statements', async () => {
    await post(statement());
    for (const filter of ['verb', 'activity']) {
      const res = await get(`?${filter}=${encodeURIComponent('http://example.com/x\u0000')}`);
      expect(res.statusCode, `${filter}: ${res.body}`).toBeLessThan(500);
      if (res.statusCode === 200) expect(res.json().statements).toEqual([]);
    }
  });

  it('takes since and until at the ends of the calendar', async () => {
    const [id] = (await post(statement())).json() as string[];
    const ids = async (query: string) => {
      const res = await get(query);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      return res.json().statements.map((s: { id: string }) => s.id);
    };
    expect(await ids('?since=0000-01-01T00:00:00Z')).toEqual([id]);
    expect(await ids('?until=0000-01-01T00:00:00Z')).toEqual([]);
    expect(await ids(`?since=${encodeURIComponent('9999-12-31T23:59:59-23:59')}`)).toEqual([]);
    expect(await ids(`?until=${encodeURIComponent('9999-12-31T23:59:59-23:59')}`)).toEqual([id]);
  });
});

describe('GET /xapi/statements: one statement', () => {
  it('returns the stored statement with stored, authority and version set by the LRS, and the headers', async () => {
    const id = uuid();
    await put(id, statement({ authority: { mbox: 'mailto:forged@example.com' } }));
    const res = await get(`?statementId=${id}`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.id).toBe(id);
    expect(s.authority.account.name).toBe('test-hub');
    expect(Date.parse(s.stored)).not.toBeNaN();
    expect(s.version).toBe('1.0.0');
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
    expect(Date.parse(res.headers['x-experience-api-consistent-through'] as string)).not.toBeNaN();
    expect(res.headers['last-modified']).toBe(new Date(s.stored).toUTCString());
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 404 for an unknown id, and 400 when statementId comes with other filters', async () => {
    expect((await get(`?statementId=${uuid()}`)).statusCode).toBe(404);
    const id = uuid();
    await put(id, statement());
    expect((await get(`?statementId=${id}&verb=http://e.x/v`)).statusCode).toBe(400);
    expect((await get(`?statementId=${id}&format=ids&attachments=false`)).statusCode).toBe(200);
  });

  it('HEAD answers like GET without a body', async () => {
    const id = uuid();
    await put(id, statement());
    const res = await lrs.request({ method: 'HEAD', url: `/xapi/statements?statementId=${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['x-experience-api-consistent-through']).toBeDefined();
    expect((await lrs.request({ method: 'HEAD', url: `/xapi/statements?statementId=${uuid()}` })).statusCode).toBe(404);
  });
});

describe('voiding', () => {
  const voiding = (target: string, id = uuid()) =>
    statement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target } });

  it('voids the target: statementId 404, voidedStatementId 200, left out of queries; the voiding statement is listed', async () => {
    const target = uuid();
    await put(target, statement());
    const voider = uuid();
    expect((await post(voiding(target, voider))).statusCode).toBe(200);
    expect((await get(`?statementId=${target}`)).statusCode).toBe(404);
    const voided = await get(`?voidedStatementId=${target}`);
    expect(voided.statusCode).toBe(200);
    expect(voided.json().id).toBe(target);
    expect((await get(`?voidedStatementId=${voider}`)).statusCode).toBe(404);
    const ids = (await get('')).json().statements.map((s: { id: string }) => s.id);
    expect(ids).toEqual([voider]);
  });

  it('voids a statement that arrives after its voiding statement', async () => {
    const target = uuid();
    await post(voiding(target));
    await put(target, statement());
    expect((await get(`?statementId=${target}`)).statusCode).toBe(404);
    expect((await get(`?voidedStatementId=${target}`)).statusCode).toBe(200);
  });

  it('refuses to void a voiding statement (400), storing nothing', async () => {
    const target = uuid();
    await put(target, statement());
    const first = uuid();
    await post(voiding(target, first));
    const res = await post(voiding(first));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/voiding statements cannot be voided/);
    expect(await rows()).toBe(2);
    expect((await get(`?statementId=${first}`)).statusCode).toBe(200);
  });
});
