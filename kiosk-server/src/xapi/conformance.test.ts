// The ADL LRS Conformance Test Suite (adlnet/lrs-conformance-test-suite, test/v1_0_3) as HTTP requests of the same
// shape: one test per requirement id it checks, against a listening server. The suite is given the endpoint with a
// trailing slash and appends '/statements', so every path here starts with '/xapi//' as its requests do.
import { randomUUID } from 'node:crypto';
import { resolve as resolveUrl } from 'node:url';
import { describe, expect, it } from 'vitest';
import { basic, listeningLrs, rawRequest, type Answer, type Lrs } from './test-lrs.ts';

let lrs: Lrs;
let base: string;
listeningLrs((l, b) => {
  lrs = l;
  base = b;
});

/** A request as the suite's super-request sends it: endpoint + path, with the version and Basic auth headers. */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; bare?: boolean; url?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = options.bare ? {} : { 'X-Experience-API-Version': '1.0.2', Authorization: lrs.auth.hub };
  Object.assign(headers, options.headers);
  return rawRequest(new URL(options.url ?? `${base}/xapi/${path}`), method, headers, options.body);
}

const json = (method: string, path: string, value: unknown, headers: Record<string, string> = {}) =>
  send(method, path, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value) });

/** statements/default.json of the suite. */
const defaultStatement = (): Record<string, any> => ({
  actor: { objectType: 'Agent', name: 'xAPI mbox', mbox: 'mailto:xapi@adlnet.gov' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-GB': 'attended', 'en-US': 'attended' } },
  object: { objectType: 'Activity', id: 'http://www.example.com/meetings/occurances/34534' },
});

/** statements/context.json + contexts/category.json + an instructor, as the GET tests store it. */
const contextStatement = (): Record<string, any> => ({
  ...defaultStatement(),
  context: {
    registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
    platform: 'Example virtual meeting software',
    language: 'tlh',
    statement: { objectType: 'StatementRef', id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' },
    instructor: { objectType: 'Agent', name: 'xAPI mbox', mbox: 'mailto:pri@adlnet.gov' },
    contextActivities: {
      category: {
        objectType: 'Activity',
        id: 'http://www.example.com/test/array/statements/pri',
        definition: {
          name: { 'en-GB': 'example meeting', 'en-US': 'example meeting' },
          description: { 'en-GB': 'An example meeting.', 'en-US': 'An example meeting.' },
          moreInfo: 'http://virtualmeeting.example.com/345256',
        },
      },
    },
  },
});

const voiding = (target: string): Record<string, any> => ({
  actor: { objectType: 'Agent', name: 'xAPI mbox', mbox: 'mailto:xapi@adlnet.gov' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
  object: { objectType: 'StatementRef', id: target },
});

describe('endpoint form', () => {
  it('serves the suite\'s paths with a doubled slash (endpoint given as http://host/xapi/)', async () => {
    expect((await send('GET', '/about', { bare: true })).status).toBe(200);
    expect((await send('GET', '/statements')).status).toBe(200);
  });
});

describe('About resource (Communication 2.8)', () => {
  it('XAPI-00315, XAPI-00317, XAPI-00318, XAPI-00316: GET /about without headers answers versions including 1.0.1', async () => {
    const about = await send('GET', '/about', { bare: true });
    expect(about.status).toBe(200);
    const version = about.json().version as string[];
    expect(version).toContain('1.0.1');
    for (const v of version) expect(['0.9', '0.95', '1.0.0', '1.0.1', '1.0.2', '1.0.3']).toContain(v);
  });

  it('Communication 2.8.s2.table1.row2: extensions is an object; this LRS puts its authority and limits under one IRI key', async () => {
    const about = (await send('GET', '/about', { bare: true })).json();
    expect(about.extensions).toBeTypeOf('object');
    for (const key of Object.keys(about.extensions)) expect(key).toMatch(/^https?:\/\//);
    const [lrsInfo] = Object.values(about.extensions) as Record<string, unknown>[];
    expect(lrsInfo).toMatchObject({ statementsPerRequest: 1000, statementsPerPage: 500 });
  });

  it('HEAD /about answers 200 with no body (Communication 1.1)', async () => {
    const head = await send('HEAD', '/about');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });
});

describe('PUT and POST (Communication 2.1.1, 2.1.2)', () => {
  it('XAPI-00143, XAPI-00144, XAPI-00145: PUT with statementId answers 204; without it 400', async () => {
    const data: Record<string, any> = { ...defaultStatement(), id: randomUUID() };
    expect((await json('PUT', `/statements?statementId=${data.id}`, data)).status).toBe(204);
    expect((await json('PUT', '/statements', { ...data, id: randomUUID() })).status).toBe(400);
  });

  it('statementId that is not a UUID string (true, [object Object]) is 400', async () => {
    expect((await json('PUT', '/statements?statementId=true', { ...defaultStatement(), id: true })).status).toBe(400);
    expect((await json('PUT', '/statements?statementId=[object Object]', { ...defaultStatement(), id: { key: 'should fail' } })).status).toBe(400);
  });

  it('XAPI-00142: a different statement under a stored id changes nothing (409), the same one again is 204', async () => {
    const data: Record<string, any> = { ...defaultStatement(), id: randomUUID() };
    expect((await json('POST', '/statements', data)).status).toBe(200);
    expect((await json('PUT', `/statements?statementId=${data.id}`, { ...data, verb: { ...data.verb, id: 'different value' } })).status).toBeGreaterThanOrEqual(400);
    expect([204, 409]).toContain((await json('PUT', `/statements?statementId=${data.id}`, data)).status);
    expect((await send('GET', `/statements?statementId=${data.id}`)).json().verb.id).toBe(data.verb.id);
  });

  it('XAPI-00146, XAPI-00147: POST answers 200 and the array of ids', async () => {
    const answer = await json('POST', '/statements', { ...defaultStatement(), id: randomUUID() });
    expect(answer.status).toBe(200);
    expect(answer.json()).toHaveLength(1);
  });

  it('XAPI-00326: a batch with one invalid statement is 400 and stores nothing', async () => {
    const correct = { ...defaultStatement(), id: randomUUID() };
    const incorrect = { ...defaultStatement(), id: randomUUID(), verb: { id: 'should fail' } };
    expect((await json('POST', '/statements', [correct, incorrect])).status).toBe(400);
    expect((await send('GET', `/statements?statementId=${correct.id}`)).status).toBe(404);
  });
});

describe('GET (Communication 2.1.3)', () => {
  it('XAPI-00161: a single statement comes back as exactly application/json; with attachments=true as multipart/mixed', async () => {
    const id = (await json('POST', '/statements', defaultStatement())).json()[0];
    const plain = await send('GET', `/statements?statementId=${id}`);
    expect(plain.headers['content-type']).toBe('application/json');
    expect((await send('GET', `/statements?statementId=${id}&attachments=false`)).headers['content-type']).toBe('application/json');
    const multipart = await send('GET', `/statements?statementId=${id}&attachments=true`);
    expect(String(multipart.headers['content-type']).split(';')[0]).toBe('multipart/mixed');
    expect(String(multipart.headers['content-type']).split(';')[1]).toMatch(/^ boundary=/);
  });

  it('XAPI-00172: format=canonical with Accept-Language picks one language; context activities come back as arrays', async () => {
    const id = (await json('POST', '/statements', contextStatement())).json()[0];
    const canonical = (await send('GET', `/statements?statementId=${id}&format=canonical`, { headers: { 'Accept-Language': 'en-GB' } })).json();
    expect(canonical.verb.display).not.toHaveProperty('en-US');
    expect(canonical.context.contextActivities.category[0].definition.description).not.toHaveProperty('en-US');
    expect(canonical.context.contextActivities.category[0].definition.name).not.toHaveProperty('en-US');
    const exact = (await send('GET', `/statements?statementId=${id}`, { headers: { 'Accept-Language': 'en-GB' } })).json();
    expect(exact.verb.display).toHaveProperty('en-US');
    expect(exact.context.contextActivities.category[0].definition.name).toHaveProperty('en-US');
    expect(exact.context.contextActivities.category[0].definition.name).toHaveProperty('en-GB');
  });

  it('XAPI-00153: the consistent-through header comes with a 400 for a GET without headers', async () => {
    const answer = await send('GET', '/statements', { bare: true });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-experience-api-consistent-through']).toBeTruthy();
  });

  it('XAPI-00152: consistent-through is not before any returned stored', async () => {
    await json('POST', '/statements', defaultStatement());
    const answer = await send('GET', '/statements');
    const through = Date.parse(String(answer.headers['x-experience-api-consistent-through']));
    for (const s of answer.json().statements) expect(Date.parse(s.stored)).toBeLessThanOrEqual(through);
  });

  it('XAPI-00150, XAPI-00151: statementId or voidedStatementId with another filter is 400; with format or attachments 200', async () => {
    const id = (await json('POST', '/statements', defaultStatement())).json()[0];
    for (const extra of ['agent=' + encodeURIComponent(JSON.stringify({ mbox: 'mailto:xapi@adlnet.gov' })), 'verb=http://adlnet.gov/expapi/non/existent', 'limit=1', 'ascending=true', 'related_agents=true', 'since=2012-06-01T19:09:13.245Z'])
      expect((await send('GET', `/statements?statementId=${id}&${extra}`)).status).toBe(400);
    expect((await send('GET', `/statements?statementId=${id}&format=ids`)).status).toBe(200);
    expect((await send('GET', `/statements?statementId=${id}&attachments=true`)).status).toBe(200);
  });

  it('XAPI-00162, XAPI-00163: a voided statement is 404 by statementId, left out of queries, and statements targeting it stay', async () => {
    const verb = `http://adlnet.gov/expapi/test/voided/target/${randomUUID()}`;
    const voidedId = randomUUID();
    const voidingId = randomUUID();
    const refId = randomUUID();
    expect((await json('POST', '/statements', { ...defaultStatement(), id: voidedId, verb: { id: verb } })).status).toBe(200);
    expect((await json('POST', '/statements', { ...voiding(voidedId), id: voidingId })).status).toBe(200);
    expect((await json('POST', '/statements', { ...voiding(voidedId), id: refId, verb: { id: verb } })).status).toBe(200);
    expect((await send('GET', `/statements?statementId=${voidedId}`)).status).toBe(404);
    expect((await send('GET', `/statements?voidedStatementId=${voidedId}`)).json().id).toBe(voidedId);
    const ids = (await send('GET', `/statements?verb=${encodeURIComponent(verb)}`)).json().statements.map((s: { id: string }) => s.id);
    expect(ids).toEqual([refId, voidingId]);
  });

  it('Data 2.5: filters together find the statement; `more` resolves against the request URL and pages on', async () => {
    const statement: Record<string, any> = { ...contextStatement(), id: randomUUID() };
    await json('POST', '/statements', statement);
    const query = new URLSearchParams({
      limit: '1',
      agent: JSON.stringify(statement.actor),
      verb: statement.verb.id,
      activity: statement.object.id,
      registration: statement.context.registration,
      related_activities: 'true',
      since: '2012-06-01T19:09:13.245Z',
      format: 'ids',
      attachments: 'false',
    });
    expect((await send('GET', `/statements?${query}`)).json().statements[0].id).toBe(statement.id);

    await json('POST', '/statements', [defaultStatement(), defaultStatement()]);
    const first = await send('GET', '/statements?limit=1');
    const more = first.json().more as string;
    expect(more).not.toBe('');
    const next = await send('GET', '', { url: resolveUrl(`${base}/xapi//statements?limit=1`, more) });
    expect(next.status).toBe(200);
    expect(next.json()).toHaveProperty('statements');
    expect(next.json()).toHaveProperty('more');
  });

  it('Data 2.4.11: a StatementResult is exactly application/json with attachments=false, multipart/mixed with true, whatever Content-Type the GET carries', async () => {
    const header = { 'Content-Type': 'multipart/mixed; boundary=-------314159265358979323846' };
    const plain = await send('GET', '/statements?attachments=false&limit=1', { headers: header });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json');
    const multipart = await send('GET', '/statements?attachments=true&limit=1', { headers: header });
    expect(multipart.status).toBe(200);
    expect(String(multipart.headers['content-type'])).toContain('multipart/mixed');
    expect(() => JSON.parse(multipart.text)).toThrow();
  });

  it('Data 2.4.11: a statement body sent as multipart/form-data is 400', async () => {
    const answer = await send('POST', '/statements', { headers: { 'Content-Type': 'multipart/form-data; boundary=-------314159265358979323846' }, body: JSON.stringify(defaultStatement()) });
    expect(answer.status).toBe(400);
  });

  it('XAPI-00171: format=ids keeps only identifiers: an Activity is exactly { id }, an Agent or Group its objectType and identifier', async () => {
    // The suite's statement: statements/object_substatement + statements/unicode as the object + groups/default as actor.
    const group = { objectType: 'Group', name: 'Group Identified', mbox: `mailto:group${randomUUID()}@adlnet.gov` };
    const agent = { objectType: 'Agent', name: 'xAPI mbox', mbox: `mailto:agent${randomUUID()}@adlnet.gov` };
    const activity = {
      objectType: 'Activity',
      id: `http://www.example.com/unicode/${randomUUID()}`,
      definition: { name: { 'en-GB': 'attended', 'ja-JP': '出席した' }, type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'other', correctResponsesPattern: ['(35.937432,-86.868896)'] },
    };
    const verb = { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-GB': 'attended', 'en-US': 'attended' } };
    const data = { actor: group, verb, object: { objectType: 'SubStatement', actor: agent, verb, object: activity } };
    const id = (await json('POST', '/statements', data)).json()[0];
    const statements = (await send('GET', '/statements?format=ids')).json().statements as Record<string, any>[];
    const stmt = statements.find((s) => s.id === id)!;
    expect(Object.keys(stmt.actor).length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(stmt.actor).length).toBeLessThanOrEqual(2);
    expect(stmt.actor).toEqual({ objectType: 'Group', mbox: group.mbox });
    expect(stmt.object.actor).toEqual({ objectType: 'Agent', mbox: agent.mbox });
    expect(stmt.object.object).toEqual({ id: activity.id });
    expect(stmt.verb).toEqual({ id: verb.id });
    expect(stmt.object.verb).toEqual({ id: verb.id });
    // The single-statement form answers the same shape.
    expect((await send('GET', `/statements?statementId=${id}&format=ids`)).json().object.object).toEqual({ id: activity.id });
  });

  it('XAPI-00149: a query matching nothing is 200 with an empty array and more = ""', async () => {
    const result = (await send('GET', '/statements?verb=http://adlnet.gov/expapi/non/existent/344588672021038')).json();
    expect(result).toEqual({ statements: [], more: '' });
  });
});

describe('Alternate Request Syntax (Communication 1.3)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('XAPI-00148: POST ?method=GET with form limit=1 answers a StatementResult', async () => {
    const answer = await send('POST', '/statements?method=GET', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'limit=1' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toHaveProperty('more');
  });

  it('rejects the syntax on a GET (400)', async () => {
    const body = form({ 'X-Experience-API-Version': '1.0.2', 'Content-Type': 'application/json', content: JSON.stringify(defaultStatement()) });
    expect((await send('GET', '/statements?method=POST', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })).status).toBe(400);
  });

  it('accepts PUT as a POST, with headers in the form and none on the request', async () => {
    const id = randomUUID();
    const body = `statementId=${id}&content=${encodeURIComponent(JSON.stringify(defaultStatement()))}`;
    expect((await send('POST', '/statements?method=PUT', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })).status).toBe(204);
    const bare = form({ statementId: randomUUID(), content: JSON.stringify(defaultStatement()), 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.hub });
    expect((await send('POST', '/statements?method=PUT', { bare: true, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: bare })).status).toBe(204);
  });

  it('rejects extra query parameters, a missing body and a body that is not a form (400)', async () => {
    const id = randomUUID();
    const body = `statementId=${id}&content=${encodeURIComponent(JSON.stringify(defaultStatement()))}`;
    expect((await send('POST', `/statements?method=PUT&statementId=${id}`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })).status).toBe(400);
    expect((await send('POST', '/statements?method=PUT')).status).toBe(400);
    const notForm = JSON.stringify({ statementId: randomUUID(), content: JSON.stringify(defaultStatement()), 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.hub });
    expect((await send('POST', '/statements?method=PUT', { bare: true, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: notForm })).status).toBe(400);
  });
});

describe('Alternate Request Syntax: form fields named like headers are headers (Communication 1.3.s3.b7, XAPI-00336)', () => {
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const stored = async (id: string) => (await send('GET', `/statements?statementId=${id}`)).status;

  it('XAPI-00336: X-Experience-API-Version 0.8 in the form (1.0.3 as a header) is 400 and stores nothing', async () => {
    const id = randomUUID();
    const body = form({ statementId: id, 'X-Experience-API-Version': '0.8', content: JSON.stringify(defaultStatement()) });
    const answer = await send('POST', '/statements?method=PUT', { headers: formHeaders, body });
    expect(answer.status).toBe(400);
    expect(answer.json().message).toMatch(/^X-Experience-API-Version: /);
    expect(await stored(id)).toBe(404);
    // With the header only in the form, 0.8 is refused as an unsupported version.
    const bare = form({ statementId: id, 'X-Experience-API-Version': '0.8', Authorization: lrs.auth.hub, content: JSON.stringify(defaultStatement()) });
    expect((await send('POST', '/statements?method=PUT', { bare: true, headers: formHeaders, body: bare })).status).toBe(400);
    expect(await stored(id)).toBe(404);
  });

  it('a form Authorization other than the request\'s is 400 (never echoed), the same one is accepted', async () => {
    const id = randomUUID();
    const content = JSON.stringify(defaultStatement());
    const other = form({ statementId: id, Authorization: basic('someone', 'else'), content });
    const refused = await send('POST', '/statements?method=PUT', { headers: formHeaders, body: other });
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain('someone');
    expect(await stored(id)).toBe(404);
    expect((await send('POST', '/statements?method=PUT', { headers: formHeaders, body: form({ statementId: id, Authorization: lrs.auth.hub, content }) })).status).toBe(204);
  });

  it('Content-Type, Content-Length, If-Match and If-None-Match in the form are headers, never parameters', async () => {
    const id = randomUUID();
    const content = JSON.stringify(defaultStatement());
    const fields = { statementId: id, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(content)), 'If-Match': '"abc"', 'If-None-Match': '*', content };
    expect((await send('POST', '/statements?method=PUT', { headers: formHeaders, body: form(fields) })).status).toBe(204);
    expect(await stored(id)).toBe(200);
  });

  it('a form Content-Length other than the bytes of content, or a Content-Type that is not the content\'s, is 400', async () => {
    const id = randomUUID();
    const content = JSON.stringify({ ...defaultStatement(), object: { id: 'http://www.example.com/π' } });
    const wrongLength = form({ statementId: id, 'Content-Length': String(content.length), content });
    expect((await send('POST', '/statements?method=PUT', { headers: formHeaders, body: wrongLength })).json().message).toMatch(/^Content-Length: /);
    expect((await send('POST', '/statements?method=PUT', { headers: formHeaders, body: form({ statementId: id, 'Content-Type': 'text/plain', content }) })).status).toBe(400);
    expect(await stored(id)).toBe(404);
  });
});

describe('Alternate Request Syntax, method in lower case (H.Communication1.3)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };

  it('Communication 1.3.s3.b2, b6, b7: ?method=post, put and get work as their upper-case forms; get may come without a body', async () => {
    const content = JSON.stringify(defaultStatement());
    expect((await send('POST', '/statements?method=post', { headers: formHeaders, body: form({ 'X-Experience-API-Version': '1.0.2', 'Content-Type': 'application/json', content }) })).status).toBe(200);
    const put = form({ 'X-Experience-API-Version': '1.0.2', 'Content-Type': 'application/json', content, statementId: randomUUID() });
    expect((await send('POST', '/statements?method=put', { headers: formHeaders, body: put })).status).toBe(204);
    const get = await send('POST', '/statements?method=get');
    expect(get.status).toBe(200);
    expect(get.json()).toHaveProperty('more');
    expect((await send('POST', '/statements?method=put')).status).toBe(400);
    expect((await send('POST', '/statements?method=delete', { headers: formHeaders, body: 'x=1' })).status).toBe(400);
  });

  it('Communication 1.3.s3.b4, b5: content is read as UTF-8; GET /activities answers each language exactly as sent', async () => {
    const object = { objectType: 'Activity', id: `http://www.example.com/unicode/${randomUUID()}`, definition: { name: { 'zh-CN': '消防演练', 'ar-EG': 'تمرين الحريق', 'en-US': 'fire drill ✓' } } };
    const body = form({ 'X-Experience-API-Version': '1.0.2', 'Content-Type': 'application/json', content: JSON.stringify({ ...defaultStatement(), id: randomUUID(), object }) });
    expect((await send('POST', '/statements?method=post', { headers: formHeaders, body })).status).toBe(200);
    const activity = await send('GET', `/activities?activityId=${encodeURIComponent(object.id)}`);
    expect(activity.json().definition.name).toEqual(object.definition.name);
  });
});

describe('Agents Resource (Communication 2.4)', () => {
  const agents = (agent: unknown) => send('GET', `/agents?agent=${encodeURIComponent(JSON.stringify(agent))}`);

  it('XAPI-00245, XAPI-00236, XAPI-00248, XAPI-00237: GET /agents answers 200 with an object, objectType Person, for a stored actor and for one never seen', async () => {
    const statement = defaultStatement();
    expect((await json('POST', '/statements', [statement])).status).toBe(200);
    const known = await agents(statement.actor);
    expect(known.status).toBe(200);
    expect(known.json().objectType).toBe('Person');
    const unknown = await agents({ name: 'Rick James', objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } });
    expect(unknown.status).toBe(200);
    expect(unknown.json()).toMatchObject({ objectType: 'Person', name: ['Rick James'] });
  });

  it('XAPI-00238, XAPI-00239, XAPI-00244: name is an array of strings, mbox an array of mailto: IRIs', async () => {
    const statement = defaultStatement();
    await json('POST', '/statements', [statement]);
    const person = (await agents(statement.actor)).json();
    expect(person.name).toEqual(expect.arrayContaining(['xAPI mbox']));
    for (const name of person.name) expect(typeof name).toBe('string');
    expect(person.mbox).toEqual(['mailto:xapi@adlnet.gov']);
  });

  it('XAPI-00240, XAPI-00241, XAPI-00242: mbox_sha1sum, openid and account come back as arrays', async () => {
    const actors = [
      { objectType: 'Agent', mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975' },
      { objectType: 'Agent', openid: 'http://openid.example.org/12345' },
      { objectType: 'Agent', account: { homePage: 'http://www.example.com', name: 'xAPI account name' } },
    ];
    for (const actor of actors) {
      expect((await json('POST', '/statements', [{ ...defaultStatement(), actor }])).status).toBe(200);
      const person = (await agents(actor)).json();
      const [kind] = Object.keys(actor).filter((k) => k !== 'objectType');
      expect(person[kind!]).toEqual([(actor as Record<string, unknown>)[kind!]]);
    }
  });

  it('XAPI-00243, XAPI-00249: without agent, or with an agent that is not a valid Agent, 400', async () => {
    expect((await send('GET', '/agents')).status).toBe(400);
    expect((await agents({ objectType: 'Agent', name: 'no identifier' })).status).toBe(400);
    expect((await agents({ objectType: 'Group', mbox: 'mailto:group@example.com' })).status).toBe(400);
  });

  it('without X-Experience-API-Version (basic auth only) 400', async () => {
    expect((await send('GET', '/agents', { bare: true, headers: { Authorization: lrs.auth.hub } })).status).toBe(400);
  });
});

describe('Activities Resource (Communication 2.5)', () => {
  const activities = (activityId: unknown) => send('GET', `/activities?activityId=${typeof activityId === 'string' ? activityId : encodeURIComponent(JSON.stringify(activityId))}`);

  it('Communication 2.5: GET /activities answers 200 for the object of a stored statement', async () => {
    const statement = defaultStatement();
    expect((await json('POST', '/statements', [statement])).status).toBe(200);
    expect((await activities(statement.object.id)).status).toBe(200);
  });

  it('Communication 2.5.s1: answers the complete Activity object', async () => {
    const object = {
      objectType: 'Activity',
      id: 'http://www.example.com/verify/complete/34534',
      definition: {
        type: 'http://adlnet.gov/expapi/activities/meeting',
        name: { 'en-GB': 'example meeting', 'en-US': 'example meeting' },
        description: { 'en-GB': 'An example meeting that happened on a specific occasion with certain people present.', 'en-US': 'An example meeting that happened on a specific occasion with certain people present.' },
        moreInfo: 'http://virtualmeeting.example.com/345256',
        extensions: { 'http://example.com/profiles/meetings/extension/location': 'X:\\meetings\\minutes\\examplemeeting.one', 'http://example.com/profiles/meetings/extension/reporter': { name: 'Thomas', id: 'http://openid.com/342' } },
      },
    };
    expect((await json('POST', '/statements', [{ ...defaultStatement(), object }])).status).toBe(200);
    expect((await activities(object.id)).json()).toEqual(object);
  });

  it('XAPI-00254: two statements describing one Activity in different languages: GET /activities answers both', async () => {
    const id = `http://www.example.com/verify/complete/${randomUUID()}`;
    const meeting = (name: Record<string, string>) => ({ objectType: 'Activity', id, definition: { type: 'http://adlnet.gov/expapi/activities/meeting', name } });
    const first = { ...defaultStatement(), object: meeting({ 'en-GB': 'example meeting', 'en-US': 'example meeting' }) };
    const second = { ...defaultStatement(), object: meeting({ 'en-GB': 'example meeting', 'fr-FR': 'réunion' }) };
    expect((await json('POST', '/statements', [first, second])).status).toBe(200);
    const activity = (await activities(id)).json();
    expect(activity.definition.name['en-US']).toBe('example meeting');
    expect(activity.definition.name['fr-FR']).toBe('réunion');
  });

  it('Communication 2.5.s1.table1.row1: without activityId, or with one that is not an IRI string (1, true, an object), 400', async () => {
    expect((await send('GET', '/activities')).status).toBe(400);
    for (const value of ['1', 'true', { key: 'value' }]) expect((await activities(value)).status).toBe(400);
  });

  it('Communication 1.1: HEAD /activities answers 200 with no body', async () => {
    const head = await send('HEAD', `/activities?activityId=${encodeURIComponent(defaultStatement().object.id)}`);
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('without X-Experience-API-Version (basic auth only) 400', async () => {
    expect((await send('GET', '/activities', { bare: true, headers: { Authorization: lrs.auth.hub } })).status).toBe(400);
  });
});

describe('An Activity Definition uses name, description, type, moreInfo, interactionType or extensions (Data 2.4.4.1.s2)', () => {
  const noDefinition = { objectType: 'Activity', id: 'http://www.example.com/meetings/occurances/34534' };

  it('statement activity "definition" missing all properties: accepted (200), stored as sent, and describes nothing', async () => {
    const id = `http://www.example.com/empty/${randomUUID()}`;
    const answer = await json('POST', '/statements', { ...defaultStatement(), object: { ...noDefinition, id, definition: {} } });
    expect(answer.status).toBe(200);
    expect((await send('GET', `/statements?statementId=${answer.json()[0]}`)).json().object).toEqual({ ...noDefinition, id, definition: {} });
    expect((await send('GET', `/activities?activityId=${encodeURIComponent(id)}`)).json()).toEqual({ objectType: 'Activity', id });
  });

  it('statement substatement activity "definition" missing all properties: accepted (200)', async () => {
    const sub = { objectType: 'SubStatement', ...defaultStatement(), object: { ...noDefinition, definition: {} } };
    expect((await json('POST', '/statements', { ...defaultStatement(), object: sub })).status).toBe(200);
  });

  it('other empty objects stay refused (Data 2.2.s4.b1): result {} is 400', async () => {
    expect((await json('POST', '/statements', { ...defaultStatement(), result: {} })).status).toBe(400);
  });
});

describe('HEAD Request Implementation (Communication 1.1, XAPI-00125, XAPI-00126)', () => {
  const rick = { objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } };
  const document = () => ({ name: randomUUID(), location: { name: randomUUID() }, [randomUUID()]: randomUUID() });
  const query = (params: Record<string, unknown>) =>
    new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

  /** Every GET resource, with what the suite stores first (a statement or a document). */
  const resources: [string, () => Promise<string>][] = [
    ['statements', async () => (await json('POST', '/statements', [defaultStatement()]), '/statements')],
    ['activities', async () => `/activities?${query({ activityId: defaultStatement().object.id })}`],
    ['agents', async () => `/agents?${query({ agent: { name: 'Rick James', ...rick } })}`],
    ['about', async () => '/about'],
    ['activities/state', async () => {
      const params = query({ activityId: 'http://www.example.com/activityId/hashset', agent: rick, stateId: randomUUID() });
      expect((await json('POST', `/activities/state?${params}`, document())).status).toBe(204);
      return `/activities/state?${params}`;
    }],
    ['activities/profile', async () => {
      const params = query({ activityId: 'http://www.example.com/activityId/hashset', profileId: randomUUID() });
      expect((await json('POST', `/activities/profile?${params}`, document())).status).toBe(204);
      return `/activities/profile?${params}`;
    }],
    ['agents/profile', async () => {
      const params = query({ agent: rick, profileId: randomUUID() });
      expect((await json('POST', `/agents/profile?${params}`, document())).status).toBe(204);
      return `/agents/profile?${params}`;
    }],
  ];

  for (const [name, prepare] of resources)
    it(`HEAD /${name} answers as GET does (status, Content-Type, Content-Length, ETag), with no body`, async () => {
      const path = await prepare();
      const get = await send('GET', path);
      const head = await send('HEAD', path);
      expect(get.status).toBe(200);
      expect(get.text).not.toBe('');
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      for (const name of ['content-type', 'content-length', 'etag']) expect(head.headers[name], name).toBe(get.headers[name]);
      expect(head.headers['x-experience-api-version']).toBe('1.0.3');
    });
});

describe('Error codes, versioning, authentication (Communication 3.2, 3.3, 4.0)', () => {
  it('XAPI-00324, XAPI-00325: unknown or wrongly cased parameters are 400', async () => {
    expect((await send('GET', '/statements?foo=bar')).status).toBe(400);
    for (const q of ['StatementId=' + randomUUID(), 'Verb=http://adlnet.gov/expapi/verbs/attended', 'Limit=10', 'Ascending=true'])
      expect((await send('GET', `/statements?${q}`)).status).toBe(400);
    expect((await json('PUT', `/statements?StatementId=${randomUUID()}`, defaultStatement())).status).toBe(400);
  });

  it('XAPI-00334: bad credentials and a malformed header are 401', async () => {
    expect((await send('GET', '/statements', { headers: { Authorization: basic('foo', 'bar') } })).status).toBe(401);
    const id = randomUUID();
    expect((await json('PUT', `/statements?statementId=${id}`, { ...defaultStatement(), id }, { Authorization: 'Basic:' + Buffer.from('RobCIsNot:AUserOnThisLRS').toString('base64') })).status).toBe(401);
  });

  it('DELETE of activities and agents without credentials, POST and PUT with them, are 405', async () => {
    const activity = `/activities?activityId=${encodeURIComponent('http://www.example.com/meetings/occurances/34534')}`;
    const agent = `/agents?agent=${encodeURIComponent(JSON.stringify({ objectType: 'Agent', name: 'xAPI mbox', mbox: 'mailto:xapi@adlnet.gov' }))}`;
    for (const path of [activity, agent]) {
      expect((await send('DELETE', path, { bare: true, headers: { 'X-Experience-API-Version': '1.0.1' } })).status, path).toBe(405);
      for (const method of ['POST', 'PUT']) expect((await send(method, path)).status, `${method} ${path}`).toBe(405);
    }
  });

  it('DELETE of statements without credentials is 405 (Communication 3.2.s3.b1)', async () => {
    expect((await send('DELETE', `/statements?statementId=${randomUUID()}`, { bare: true, headers: { 'X-Experience-API-Version': '1.0.1' } })).status).toBe(405);
  });

  it('XAPI-00331: statements without X-Experience-API-Version is 400; about without it 200', async () => {
    expect((await send('GET', `/statements?statementId=${randomUUID()}`, { headers: { 'X-Experience-API-Version': '' } })).status).toBe(400);
    expect((await send('POST', '/statements', { bare: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(defaultStatement()) })).status).toBe(400);
  });

  it('XAPI-00333: every answer says X-Experience-API-Version 1.0.3', async () => {
    expect((await send('GET', '/statements?limit=1')).headers['x-experience-api-version']).toBe('1.0.3');
  });
});

describe('Statement properties set by the LRS (Data 2.4.8, 2.4.9)', () => {
  it('XAPI-00097: stored is the LRS\'s, not the one sent', async () => {
    const sent = new Date('July 15, 2011').toISOString();
    const id = (await json('POST', '/statements', { ...defaultStatement(), stored: sent })).json()[0];
    expect((await send('GET', `/statements?statementId=${id}`)).json().stored).not.toBe(sent);
  });

  it('XAPI-00098, XAPI-00100: an authority Group must be anonymous with two members', async () => {
    const members = [{ name: 'agentA', mbox: 'mailto:agentA@example.com' }, { name: 'agentB', mbox: 'mailto:agentB@example.com' }];
    const identified = { objectType: 'Group', name: 'xAPI Group', mbox: 'mailto:xapigroup@example.com', member: members };
    expect((await json('POST', '/statements', { ...defaultStatement(), authority: identified })).status).toBe(400);
    expect((await json('POST', '/statements', { ...defaultStatement(), authority: { objectType: 'Group', member: members } })).status).toBe(200);
  });

  it('XAPI-00099: authority is filled in', async () => {
    const id = (await json('POST', '/statements', defaultStatement())).json()[0];
    expect((await send('GET', `/statements?statementId=${id}`)).json()).toHaveProperty('authority');
  });
});
