// The ADL LRS Conformance Test Suite's (adlnet/lrs-conformance-test-suite, test/v1_0_3) cases for the document
// resources, as HTTP requests of the same shape against a listening server: H.Communication2.2 (documents), 2.3
// (State), 2.6 (Agent Profile), 2.7 (Activity Profile), 3.1 (Concurrency), and the document parts of 1.1 (HEAD) and
// 2.8 (version header). One test per requirement id; the suite's endpoint ends in '/', so paths start '/xapi//'.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listeningLrs, rawRequest, type Answer, type Lrs } from '../test-lrs.ts';

let lrs: Lrs;
let base: string;
listeningLrs((l, b) => {
  lrs = l;
  base = b;
});

type Params = Record<string, unknown>;

/** helper.getUrlEncoding: objects as URL-encoded JSON, anything else as it stands. */
const encode = (params: Params) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? encodeURIComponent(JSON.stringify(v)) : String(v)}`)
    .join('&');

function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; bare?: boolean } = {}): Promise<Answer> {
  const headers: Record<string, string> = options.bare ? {} : { 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.hub };
  Object.assign(headers, options.headers);
  return rawRequest(new URL(`${base}/xapi/${path}`), method, headers, options.body);
}

/**
 * helper.sendRequest: supertest's send() — an object goes as application/json, a string as a form (superagent's
 * default type for strings).
 */
function sendRequest(method: string, endpoint: string, params: Params | undefined, body: unknown, headers: Record<string, string> = {}) {
  const path = params ? `${endpoint}?${encode(params)}` : endpoint;
  if (body === undefined) return send(method, path, { headers });
  const type = typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json';
  return send(method, path, { headers: { 'Content-Type': type, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const STATE = '/activities/state';
const ACTIVITY_PROFILE = '/activities/profile';
const AGENT_PROFILE = '/agents/profile';

const agent = () => ({ objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } });
const buildState = (): Params => ({ activityId: 'http://www.example.com/activityId/hashset', agent: agent(), stateId: randomUUID() });
const buildActivityProfile = (): Params => ({ activityId: 'http://www.example.com/activityId/hashset', profileId: randomUUID() });
const buildAgentProfile = (): Params => ({ agent: agent(), profileId: randomUUID() });
const buildDocument = (): Record<string, unknown> => ({ name: randomUUID(), location: { name: randomUUID() }, [randomUUID()]: randomUUID() });
const without = (params: Params, ...names: string[]) => Object.fromEntries(Object.entries(params).filter(([k]) => !names.includes(k)));
const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

async function expectStatus(answer: Promise<Answer>, status: number): Promise<Answer> {
  const a = await answer;
  expect(a.status, a.text).toBe(status);
  return a;
}

describe('Document Resources (Communication 2.2)', () => {
  it('XAPI-00184: a merge overwrites duplicate properties with the new document', async () => {
    const params = buildState();
    await expectStatus(sendRequest('post', STATE, params, { car: 'MKX' }), 204);
    await expectStatus(sendRequest('post', STATE, params, { car: 'MKZ' }), 204);
    expect((await sendRequest('get', STATE, params, undefined)).json()).toEqual({ car: 'MKZ' });
  });

  it('XAPI-00183: a merge works one level deep, replacing whole top-level values', async () => {
    const params = buildState();
    await expectStatus(sendRequest('post', STATE, params, { car: { make: 'Ford', model: 'Escape' }, driver: 'Dale', series: { nascar: { series: 'sprint' } } }), 204);
    const second = { car: { make: 'Dodge', model: 'Ram' }, driver: 'Jeff', series: { nascar: { series: 'nextel' } } };
    await expectStatus(sendRequest('post', STATE, params, second), 204);
    expect((await sendRequest('get', STATE, params, undefined)).json()).toEqual(second);
  });
});

describe('State Resource (Communication 2.3)', () => {
  it('XAPI-00230, XAPI-00189, XAPI-00231: POST to /activities/state answers 204', async () => {
    await expectStatus(sendRequest('post', STATE, buildState(), buildDocument()), 204);
  });

  it('XAPI-00190: PUT answers 204 (no concurrency header needed on State)', async () => {
    await expectStatus(sendRequest('put', STATE, buildState(), buildDocument()), 204);
  });

  it('XAPI-00188, XAPI-00192, XAPI-00217, XAPI-00233: GET with stateId answers the document stored by POST', async () => {
    const params = buildState();
    const document = buildDocument();
    await expectStatus(sendRequest('post', STATE, params, document), 204);
    const got = await expectStatus(sendRequest('get', STATE, params, undefined), 200);
    expect(got.json()).toEqual(document);
    expect(got.headers['content-type']).toBe('application/json');
  });

  it('XAPI-00187, XAPI-00191, XAPI-00216: DELETE with stateId answers 204 and the document is gone', async () => {
    const params = buildState();
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 204);
    await expectStatus(sendRequest('delete', STATE, params, undefined), 204);
    await expectStatus(sendRequest('get', STATE, params, undefined), 404);
  });

  it('XAPI-00210, XAPI-00209, XAPI-00208, XAPI-00207: without activityId, PUT, POST, GET and DELETE are 400', async () => {
    const params = without(buildState(), 'activityId');
    await expectStatus(sendRequest('put', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('get', STATE, params, undefined), 400);
    await expectStatus(sendRequest('delete', STATE, params, undefined), 400);
  });

  it('XAPI-00215, XAPI-00214, XAPI-00213, XAPI-00212: without agent, PUT, POST, GET and DELETE are 400', async () => {
    const params = without(buildState(), 'agent');
    await expectStatus(sendRequest('put', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('get', STATE, params, undefined), 400);
    await expectStatus(sendRequest('delete', STATE, params, undefined), 400);
  });

  it('XAPI-00199, XAPI-00198, XAPI-00197, XAPI-00196: an agent that is not an Agent\'s JSON (not JSON, true) is 400', async () => {
    await expectStatus(sendRequest('put', STATE, { ...buildState(), agent: 'not JSON' }, buildDocument()), 400);
    await expectStatus(sendRequest('post', STATE, { ...buildState(), agent: true }, buildDocument()), 400);
    await expectStatus(sendRequest('get', STATE, { ...buildState(), agent: true }, undefined), 400);
    await expectStatus(sendRequest('delete', STATE, { ...buildState(), agent: true }, undefined), 400);
  });

  it('XAPI-00218, XAPI-00227, XAPI-00220, XAPI-00219: registration is taken on PUT, POST, GET and DELETE', async () => {
    await expectStatus(sendRequest('put', STATE, { ...buildState(), registration: randomUUID() }, buildDocument()), 204);
    const params = { ...buildState(), registration: randomUUID() };
    const document = buildDocument();
    await expectStatus(sendRequest('post', STATE, params, document), 204);
    expect((await expectStatus(sendRequest('get', STATE, params, undefined), 200)).json()).toEqual(document);
    // The same stateId without the registration is another document.
    await expectStatus(sendRequest('get', STATE, without(params, 'registration'), undefined), 404);
    await expectStatus(sendRequest('delete', STATE, params, undefined), 204);
    await expectStatus(sendRequest('get', STATE, params, undefined), 404);
  });

  it('XAPI-00203, XAPI-00202, XAPI-00201, XAPI-00200: a registration that is not a UUID is 400', async () => {
    const params = { ...buildState(), registration: true };
    await expectStatus(sendRequest('put', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('get', STATE, params, undefined), 400);
    await expectStatus(sendRequest('delete', STATE, params, undefined), 400);
  });

  it('XAPI-00206, XAPI-00211: PUT and POST without stateId are 400', async () => {
    const params = without(buildState(), 'stateId');
    await expectStatus(sendRequest('put', STATE, params, buildDocument()), 400);
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 400);
  });

  it('XAPI-00229 case 1, XAPI-00232: a POST that is not application/json onto a JSON document is 400 and changes nothing', async () => {
    const params = buildState();
    const document = buildDocument();
    await expectStatus(sendRequest('post', STATE, params, document), 204);
    await expectStatus(send('POST', `${STATE}?${encode(params)}`, { headers: { 'Content-Type': 'not/json' }, body: 'abcdefg' }), 400);
    await expectStatus(sendRequest('post', STATE, params, 'abc'), 400);
    expect((await sendRequest('get', STATE, params, undefined)).json()).toEqual(document);
  });

  it('XAPI-00229 case 2: a JSON POST onto a document that is not JSON is 400 and changes nothing', async () => {
    const params = buildState();
    const stored = '/ asdf / undefined';
    await expectStatus(send('PUT', `${STATE}?${encode(params)}`, { headers: { 'Content-Type': 'application/octet-stream' }, body: stored }), 204);
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 400);
    const got = await expectStatus(sendRequest('get', STATE, params, undefined), 200);
    expect(got.text).toBe(stored);
    expect(got.headers['content-type']).toBe('application/octet-stream');
  });

  it('XAPI-00229 case 3: a POST labelled application/json that is not JSON is 400 and changes nothing', async () => {
    const params = buildState();
    const document = buildDocument();
    await expectStatus(sendRequest('post', STATE, params, document), 204);
    await expectStatus(send('POST', `${STATE}?${encode(params)}`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildState()) + '{' }), 400);
    expect((await sendRequest('get', STATE, params, undefined)).json()).toEqual(document);
  });

  it('XAPI-00234: a POST merges two JSON Objects', async () => {
    const params = buildState();
    await expectStatus(sendRequest('post', STATE, params, { car: 'Honda' }), 204);
    await expectStatus(sendRequest('post', STATE, params, { type: 'Civic' }), 204);
    expect((await sendRequest('get', STATE, params, undefined)).json()).toEqual({ car: 'Honda', type: 'Civic' });
  });

  it('XAPI-00235: an agent parameter that is not JSON (encoding broken) is 400', async () => {
    const params = { activityId: 'http://www.example.com/activityId/hashset', stateId: randomUUID(), registration: randomUUID() };
    const broken = encodeURIComponent(JSON.stringify(agent())).replace('%3A', '%22');
    await expectStatus(send('POST', `${STATE}?${encode(params)}&agent=${broken}`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildDocument()) }), 400);
  });

  it('XAPI-00221, XAPI-00193: GET without stateId answers an array of ids, with since too', async () => {
    const params = buildState();
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 204);
    const all = await expectStatus(sendRequest('get', STATE, without(params, 'stateId'), undefined), 200);
    expect(all.json()).toContain(params.stateId);
    expect(all.headers['content-type']).toBe('application/json');
    const since = await expectStatus(sendRequest('get', STATE, { ...without(params, 'stateId'), since: minuteAgo() }, undefined), 200);
    expect(since.json()).toContain(params.stateId);
  });

  it('XAPI-00204: a since that is not a timestamp is 400', async () => {
    await expectStatus(sendRequest('get', STATE, { ...without(buildState(), 'stateId'), since: 'not a timestamp' }, undefined), 400);
  });

  it('XAPI-00195: the ids answered are those stored after since (exclusive)', async () => {
    const since = minuteAgo();
    const state1 = buildState();
    const state2 = buildState();
    await expectStatus(sendRequest('post', STATE, state1, buildDocument()), 204);
    await expectStatus(sendRequest('post', STATE, state2, buildDocument()), 204);
    const ids = (await sendRequest('get', STATE, { ...without(buildState(), 'stateId'), since }, undefined)).json();
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toContain(state1.stateId);
    expect(ids).toContain(state2.stateId);
    const later = new Date(Date.now() + 1000).toISOString();
    expect((await sendRequest('get', STATE, { ...without(buildState(), 'stateId'), since: later }, undefined)).json()).toEqual([]);
  });

  it('XAPI-00194: DELETE without stateId deletes every document of the Activity and Agent, and no others', async () => {
    const params = { ...buildState(), activityId: `http://www.example.com/activityId/hashset${randomUUID()}` };
    await expectStatus(sendRequest('post', STATE, params, buildDocument()), 204);
    await expectStatus(sendRequest('post', STATE, { ...params, stateId: randomUUID(), registration: randomUUID() }, buildDocument()), 204);
    const other = buildState();
    await expectStatus(sendRequest('post', STATE, other, buildDocument()), 204);
    await expectStatus(sendRequest('delete', STATE, without(params, 'stateId'), undefined), 204);
    expect((await sendRequest('get', STATE, without(params, 'stateId'), undefined)).json()).toEqual([]);
    await expectStatus(sendRequest('get', STATE, other, undefined), 200);
  });

  it('XAPI-00205, XAPI-00223: since is no parameter of DELETE (400)', async () => {
    await expectStatus(sendRequest('delete', STATE, { ...without(buildState(), 'stateId'), since: minuteAgo() }, undefined), 400);
  });
});

describe('Agent Profile Resource (Communication 2.6)', () => {
  it('XAPI-00282, XAPI-00274, XAPI-00272, XAPI-00283: POST answers 204, then GET 200', async () => {
    const params = buildAgentProfile();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 204);
    await expectStatus(sendRequest('get', AGENT_PROFILE, params, undefined), 200);
  });

  it('XAPI-00273: PUT with If-None-Match: * answers 204; PUT with neither header is 400 for a new document', async () => {
    await expectStatus(sendRequest('put', AGENT_PROFILE, buildAgentProfile(), buildDocument(), { 'If-None-Match': '*' }), 204);
    const refused = await expectStatus(sendRequest('put', AGENT_PROFILE, buildAgentProfile(), buildDocument()), 400);
    expect(refused.json().message).toMatch(/If-Match|If-None-Match/);
  });

  it('XAPI-00271: DELETE answers 204 and the document is gone', async () => {
    const params = buildAgentProfile();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 204);
    await expectStatus(sendRequest('delete', AGENT_PROFILE, params, undefined), 204);
    await expectStatus(sendRequest('get', AGENT_PROFILE, params, undefined), 404);
  });

  it('XAPI-00259, XAPI-00269, XAPI-00280: GET with profileId answers the document a POST stored', async () => {
    const params = buildAgentProfile();
    const document = buildDocument();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, document), 204);
    expect((await sendRequest('get', AGENT_PROFILE, params, undefined)).json()).toEqual(document);
  });

  it('XAPI-00264, XAPI-00263, XAPI-00262, XAPI-00261: without agent, PUT, POST, DELETE and GET are 400', async () => {
    const params = without(buildAgentProfile(), 'agent');
    await expectStatus(sendRequest('put', AGENT_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 400);
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 400);
    await expectStatus(sendRequest('delete', AGENT_PROFILE, params, undefined), 400);
    await expectStatus(sendRequest('get', AGENT_PROFILE, params, undefined), 400);
  });

  it('XAPI-00257, XAPI-00256, XAPI-00255, XAPI-00258: an agent that is not an Agent (true) is 400', async () => {
    const params = { ...buildAgentProfile(), agent: true };
    await expectStatus(sendRequest('put', AGENT_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 400);
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 400);
    await expectStatus(sendRequest('delete', AGENT_PROFILE, params, buildDocument()), 400);
    await expectStatus(sendRequest('get', AGENT_PROFILE, params, undefined), 400);
    const group = { objectType: 'Group', mbox: 'mailto:group@example.com' };
    await expectStatus(sendRequest('get', AGENT_PROFILE, { ...buildAgentProfile(), agent: group }, undefined), 400);
  });

  it('XAPI-00267, XAPI-00266, XAPI-00265: PUT, POST and DELETE without profileId are 400', async () => {
    const params = without(buildAgentProfile(), 'profileId');
    await expectStatus(sendRequest('put', AGENT_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 400);
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 400);
    await expectStatus(sendRequest('delete', AGENT_PROFILE, params, undefined), 400);
  });

  it('XAPI-00270, XAPI-00268, XAPI-00275: GET without profileId answers the ids, with since too', async () => {
    const params = buildAgentProfile();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 204);
    expect((await expectStatus(sendRequest('get', AGENT_PROFILE, without(params, 'profileId'), undefined), 200)).json().length).toBeGreaterThan(0);
    const since = (await expectStatus(sendRequest('get', AGENT_PROFILE, { ...without(params, 'profileId'), since: minuteAgo() }, undefined), 200)).json();
    expect(since).toContain(params.profileId);
  });

  it('XAPI-00260: a since that is not a timestamp (true) is 400', async () => {
    await expectStatus(sendRequest('get', AGENT_PROFILE, { ...without(buildAgentProfile(), 'profileId'), since: true }, undefined), 400);
  });

  it('XAPI-00279: a POST merges two JSON Objects', async () => {
    const params = buildAgentProfile();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, { car: 'Honda' }), 204);
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, { type: 'Civic' }), 204);
    expect((await sendRequest('get', AGENT_PROFILE, params, undefined)).json()).toEqual({ car: 'Honda', type: 'Civic' });
  });

  it('XAPI-00278 cases 1-3, XAPI-00281: POSTs that cannot merge are 400 and change nothing', async () => {
    const params = buildAgentProfile();
    const document = buildDocument();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, document), 204);
    await expectStatus(send('POST', `${AGENT_PROFILE}?${encode(params)}`, { headers: { 'Content-Type': 'application/octet-stream' }, body: 'abcdefg' }), 400);
    await expectStatus(send('POST', `${AGENT_PROFILE}?${encode(params)}`, { headers: { 'Content-Type': 'not/json' }, body: 'abcdefg' }), 400);
    await expectStatus(send('POST', `${AGENT_PROFILE}?${encode(params)}`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildAgentProfile()) + '{' }), 400);
    expect((await sendRequest('get', AGENT_PROFILE, params, undefined)).json()).toEqual(document);

    const binary = buildAgentProfile();
    await expectStatus(send('PUT', `${AGENT_PROFILE}?${encode(binary)}`, { headers: { 'Content-Type': 'application/octet-stream', 'If-None-Match': '*' }, body: '/ asdf / undefined' }), 204);
    await expectStatus(sendRequest('post', AGENT_PROFILE, binary, buildDocument()), 400);
    expect((await sendRequest('get', AGENT_PROFILE, binary, undefined)).text).toBe('/ asdf / undefined');
  });

  it('XAPI-00284: an agent parameter that is not JSON (encoding broken) is 400', async () => {
    const broken = encodeURIComponent(JSON.stringify(agent())).replace('%3A', '%22');
    await expectStatus(send('POST', `${AGENT_PROFILE}?profileId=${randomUUID()}&agent=${broken}`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildDocument()) }), 400);
  });
});

describe('Activity Profile Resource (Communication 2.7)', () => {
  it('XAPI-00311, XAPI-00286, XAPI-00292, XAPI-00312: POST to /activities/profile answers 204', async () => {
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, buildActivityProfile(), buildDocument()), 204);
  });

  it('XAPI-00287, XAPI-00293: PUT with If-None-Match: * answers 204; without an ETag header 400', async () => {
    await expectStatus(sendRequest('put', ACTIVITY_PROFILE, buildActivityProfile(), buildDocument(), { 'If-None-Match': '*' }), 204);
    await expectStatus(sendRequest('put', ACTIVITY_PROFILE, buildActivityProfile(), buildDocument()), 400);
  });

  it('XAPI-00285, XAPI-00291: DELETE answers 204, whether or not the document exists', async () => {
    await expectStatus(sendRequest('delete', ACTIVITY_PROFILE, buildActivityProfile(), undefined), 204);
    const params = buildActivityProfile();
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, buildDocument()), 204);
    await expectStatus(sendRequest('delete', ACTIVITY_PROFILE, params, undefined), 204);
    await expectStatus(sendRequest('get', ACTIVITY_PROFILE, params, undefined), 404);
  });

  it('XAPI-00290, XAPI-00288, XAPI-00310: GET with profileId answers the document a POST stored', async () => {
    const params = buildActivityProfile();
    const document = buildDocument();
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, document), 204);
    expect((await expectStatus(sendRequest('get', ACTIVITY_PROFILE, params, undefined), 200)).json()).toEqual(document);
  });

  it('XAPI-00299, XAPI-00298, XAPI-00297, XAPI-00296: without activityId, PUT, POST, DELETE and GET are 400', async () => {
    const params = without(buildActivityProfile(), 'activityId');
    await expectStatus(sendRequest('put', ACTIVITY_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 400);
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, buildDocument()), 400);
    await expectStatus(sendRequest('delete', ACTIVITY_PROFILE, params, undefined), 400);
    await expectStatus(sendRequest('get', ACTIVITY_PROFILE, params, undefined), 400);
  });

  it('XAPI-00302, XAPI-00301, XAPI-00300: PUT, POST and DELETE without profileId are 400', async () => {
    const params = without(buildActivityProfile(), 'profileId');
    await expectStatus(sendRequest('put', ACTIVITY_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 400);
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, buildDocument()), 400);
    await expectStatus(sendRequest('delete', ACTIVITY_PROFILE, params, undefined), 400);
  });

  it('XAPI-00289, XAPI-00303, XAPI-00294: GET without profileId answers the ids, with since too', async () => {
    const params: Params = { ...buildActivityProfile(), activityId: `http://www.example.com/activityId/hashset${randomUUID()}` };
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, buildDocument()), 204);
    expect((await expectStatus(sendRequest('get', ACTIVITY_PROFILE, without(params, 'profileId'), undefined), 200)).json()).toEqual([params.profileId]);
    const since = (await expectStatus(sendRequest('get', ACTIVITY_PROFILE, { ...without(params, 'profileId'), since: minuteAgo() }, undefined), 200)).json();
    expect(since).toContain(params.profileId);
  });

  it('XAPI-00295: a since that is not a timestamp (true) is 400', async () => {
    await expectStatus(sendRequest('get', ACTIVITY_PROFILE, { ...without(buildActivityProfile(), 'profileId'), since: true }, undefined), 400);
  });

  it('XAPI-00308: a POST merges two JSON Objects', async () => {
    const params = buildActivityProfile();
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, { car: 'Honda' }), 204);
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, { type: 'Civic' }), 204);
    expect((await sendRequest('get', ACTIVITY_PROFILE, params, undefined)).json()).toEqual({ car: 'Honda', type: 'Civic' });
  });

  it('XAPI-00309, XAPI-00313 cases 1-3: POSTs that cannot merge are 400 and change nothing', async () => {
    const params = buildActivityProfile();
    const document = buildActivityProfile();
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, document), 204);
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, 'abc'), 400);
    await expectStatus(send('POST', `${ACTIVITY_PROFILE}?${encode(params)}`, { headers: { 'Content-Type': 'application/octet-stream' }, body: 'abcdefg' }), 400);
    await expectStatus(send('POST', `${ACTIVITY_PROFILE}?${encode(params)}`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildActivityProfile()) + '{' }), 400);
    expect((await sendRequest('get', ACTIVITY_PROFILE, params, undefined)).json()).toEqual(document);

    const binary = buildActivityProfile();
    await expectStatus(send('PUT', `${ACTIVITY_PROFILE}?${encode(binary)}`, { headers: { 'Content-Type': 'application/octet-stream', 'If-None-Match': '*' }, body: '/ asdf / undefined' }), 204);
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, binary, buildDocument()), 400);
    expect((await sendRequest('get', ACTIVITY_PROFILE, binary, undefined)).text).toBe('/ asdf / undefined');
  });

  it('XAPI-00314: a POST labelled application/json that is not JSON is 400, with no document before', async () => {
    await expectStatus(send('POST', `${ACTIVITY_PROFILE}?${encode(buildActivityProfile())}`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildDocument()) + '[' }), 400);
  });

  it('XAPI-00304: agent is no parameter of the Activity Profile resource (400)', async () => {
    await expectStatus(sendRequest('get', ACTIVITY_PROFILE, { ...buildActivityProfile(), agent: agent() }, undefined), 400);
  });
});

describe('Concurrency (Communication 3.1, XAPI-00322)', () => {
  it('a GET of an Agent Profile or Activity Profile document carries an ETag: the quoted SHA-1 of the content', async () => {
    for (const [endpoint, params] of [
      [AGENT_PROFILE, buildAgentProfile()],
      [ACTIVITY_PROFILE, buildActivityProfile()],
    ] as const) {
      const document = buildDocument();
      await expectStatus(sendRequest('put', endpoint, params, document, { 'If-None-Match': '*' }), 204);
      const got = await expectStatus(sendRequest('get', endpoint, params, undefined), 200);
      const etag = String(got.headers.etag);
      expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
      const { createHash } = await import('node:crypto');
      expect(etag).toBe(`"${createHash('sha1').update(JSON.stringify(document)).digest('hex')}"`);
      expect(got.headers['last-modified']).toBeTruthy();
    }
  });

  it('a PUT with If-Match naming the current ETag answers 204', async () => {
    const params = buildAgentProfile();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, buildDocument()), 204);
    const etag = String((await sendRequest('get', AGENT_PROFILE, params, undefined)).headers.etag);
    const replacement = buildDocument();
    await expectStatus(sendRequest('put', AGENT_PROFILE, params, replacement, { 'If-Match': etag }), 204);
    expect((await sendRequest('get', AGENT_PROFILE, params, undefined)).json()).toEqual(replacement);
  });

  it('If-None-Match: * succeeds when no document exists and is 412 when one does', async () => {
    const params = buildActivityProfile();
    await expectStatus(sendRequest('put', ACTIVITY_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 204);
    await expectStatus(sendRequest('put', ACTIVITY_PROFILE, params, buildDocument(), { 'If-None-Match': '*' }), 412);
  });

  it('a failed If-Match is 412 and changes nothing', async () => {
    const params = buildAgentProfile();
    const document = buildDocument();
    await expectStatus(sendRequest('post', AGENT_PROFILE, params, document), 204);
    await expectStatus(sendRequest('put', AGENT_PROFILE, params, buildDocument(), { 'If-Match': '"1111111111111111111111111111111111111111"' }), 412);
    expect((await sendRequest('get', AGENT_PROFILE, params, undefined)).json()).toEqual(document);
  });

  it('a PUT with neither header onto an existing profile document is 409, says what to do, and changes nothing', async () => {
    const params = buildActivityProfile();
    const document = buildDocument();
    await expectStatus(sendRequest('post', ACTIVITY_PROFILE, params, document), 204);
    const conflict = await expectStatus(sendRequest('put', ACTIVITY_PROFILE, params, buildDocument()), 409);
    expect(conflict.text.length).toBeGreaterThan(0);
    expect(conflict.json().message).toMatch(/If-Match/);
    expect((await sendRequest('get', ACTIVITY_PROFILE, params, undefined)).json()).toEqual(document);
  });
});

describe('HEAD (Communication 1.1, XAPI-00126, XAPI-00125)', () => {
  it('HEAD on State, Activity Profile and Agent Profile answers 200, the GET\'s headers and no body', async () => {
    for (const [endpoint, params] of [
      [STATE, buildState()],
      [ACTIVITY_PROFILE, buildActivityProfile()],
      [AGENT_PROFILE, buildAgentProfile()],
    ] as const) {
      await expectStatus(sendRequest('post', endpoint, params, buildDocument()), 204);
      const get = await sendRequest('get', endpoint, params, undefined);
      const head = await expectStatus(sendRequest('head', endpoint, params, undefined), 200);
      expect(head.text).toBe('');
      expect(head.headers.etag).toBe(get.headers.etag);
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
    }
  });
});

describe('Version header (Communication 2.8, XAPI-00321)', () => {
  it('GET of a document resource without X-Experience-API-Version is 400 and says 1.0.3', async () => {
    for (const endpoint of [STATE, ACTIVITY_PROFILE, AGENT_PROFILE]) {
      const answer = await expectStatus(send('GET', endpoint, { bare: true, headers: { Authorization: lrs.auth.hub } }), 400);
      expect(answer.headers['x-experience-api-version']).toBe('1.0.3');
    }
  });
});
