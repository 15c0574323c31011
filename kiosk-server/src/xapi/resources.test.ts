// GET/HEAD /xapi/activities and /xapi/agents (xAPI 1.0.3 Communication 2.4, 2.5) against a real app and its store
// (SQLite or PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalActivity, definitionIn, DEFINITIONS_MERGED } from './activities.ts';
import { namesIn, personOf } from './agents.ts';
import { basic, startLrs, statement, uuid, type Lrs } from './test-lrs.ts';

let lrs: Lrs;
beforeAll(async () => {
  lrs = await startLrs();
});
afterAll(() => lrs.env.cleanup());

const post = (payload: unknown, as: 'kiosk' | 'hub' = 'hub') => lrs.request({ method: 'POST', url: '/xapi/statements', payload, as });
const stored = async (payload: unknown, as: 'kiosk' | 'hub' = 'hub') => {
  const res = await post(payload, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as string[];
};
const activity = (id: string, options: { as?: 'kiosk' | 'hub' | 'reader'; headers?: Record<string, string> } = {}) =>
  lrs.request({ url: `/xapi/activities?activityId=${encodeURIComponent(id)}`, ...options });
const person = (agent: unknown, options: { as?: 'kiosk' | 'hub' | 'reader' } = {}) =>
  lrs.request({ url: `/xapi/agents?agent=${encodeURIComponent(typeof agent === 'string' ? agent : JSON.stringify(agent))}`, ...options });

const newIri = () => `http://example.com/activities/${uuid()}`;
const newMbox = () => `mailto:${uuid()}@example.com`;
const definition = (names: Record<string, string>) => ({ type: 'http://adlnet.gov/expapi/activities/meeting', name: names });

describe('GET /xapi/activities', () => {
  it('answers an Activity never seen with just its id (Communication 2.5.s2.b1), as exactly application/json', async () => {
    const id = newIri();
    const res = await activity(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ objectType: 'Activity', id });
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
  });

  it('answers the complete Activity object as a statement sent it', async () => {
    const object = {
      objectType: 'Activity',
      id: newIri(),
      definition: {
        ...definition({ 'en-GB': 'example meeting', 'en-US': 'example meeting' }),
        description: { 'en-US': 'An example meeting.' },
        moreInfo: 'http://virtualmeeting.example.com/345256',
        extensions: { 'http://example.com/profiles/meetings/extension/reporter': { name: 'Thomas', id: 'http://openid.com/342' } },
      },
    };
    await stored(statement({ object }));
    expect((await activity(object.id)).json()).toEqual(object);
  });

  it('gathers every language the statements gave (newer wins per language), and keeps it when later statements carry none', async () => {
    const id = newIri();
    await stored(statement({ object: { id, definition: definition({ 'en-US': 'fire drill', 'en-GB': 'fire drill' }) } }));
    await stored(statement({ object: { id, definition: { ...definition({ 'zh-CN': '消防演练', 'en-GB': 'fire exercise' }), moreInfo: 'http://example.com/drill' } } }));
    await stored(statement({ object: { id } }));
    await stored(statement({ object: { id, definition: {} } }));
    expect((await activity(id)).json()).toEqual({
      objectType: 'Activity',
      id,
      definition: { ...definition({ 'en-US': 'fire drill', 'en-GB': 'fire exercise', 'zh-CN': '消防演练' }), moreInfo: 'http://example.com/drill' },
    });
  });

  it('takes an interaction from one definition: a newer interactionType never gets an older one\'s components', async () => {
    const id = newIri();
    const choice = { interactionType: 'choice', correctResponsesPattern: ['a'], choices: [{ id: 'a', description: { en: 'A' } }] };
    await stored(statement({ object: { id, definition: { ...definition({ en: 'question' }), ...choice } } }));
    await stored(statement({ object: { id, definition: { interactionType: 'fill-in', correctResponsesPattern: ['b'] } } }));
    expect((await activity(id)).json().definition).toEqual({ ...definition({ en: 'question' }), interactionType: 'fill-in', correctResponsesPattern: ['b'] });
  });

  it('answers just the id for an Activity only ever given an empty definition', async () => {
    const id = newIri();
    await stored(statement({ object: { id, definition: {} } }));
    expect((await activity(id)).json()).toEqual({ objectType: 'Activity', id });
  });

  it('finds a definition given in context activities or a sub-statement, not only as the object', async () => {
    const grouping = newIri();
    await stored(statement({ context: { contextActivities: { grouping: { id: grouping, definition: definition({ en: 'hall A' }) } } } }));
    expect((await activity(grouping)).json().definition).toEqual(definition({ en: 'hall A' }));

    const inner = newIri();
    const sub = { objectType: 'SubStatement', actor: { mbox: newMbox() }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { id: inner, definition: definition({ en: 'planned' }) } };
    await stored(statement({ object: sub }));
    expect((await activity(inner)).json().definition).toEqual(definition({ en: 'planned' }));
  });

  it('leaves out the definition of a voided statement', async () => {
    const id = newIri();
    await stored(statement({ object: { id, definition: definition({ en: 'first' }) } }));
    const [later] = await stored(statement({ object: { id, definition: definition({ en: 'retracted' }) } }));
    expect((await activity(id)).json().definition.name).toEqual({ en: 'retracted' });
    await stored({ actor: { mbox: newMbox() }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: later } });
    expect((await activity(id)).json().definition.name).toEqual({ en: 'first' });
  });

  it('treats ids as exact strings (no case folding or normalisation)', async () => {
    const id = `http://example.com/Path/${uuid()}`;
    await stored(statement({ object: { id, definition: definition({ en: 'cased' }) } }));
    expect((await activity(id.toLowerCase())).json()).toEqual({ objectType: 'Activity', id: id.toLowerCase() });
  });

  it('answers 400 naming activityId when it is missing or not an IRI, and for other parameters', async () => {
    const missing = await lrs.request({ url: '/xapi/activities' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/^activityId: is required/);
    for (const bad of ['1', 'true', '{"key":"value"}', 'not an iri']) {
      const res = await lrs.request({ url: `/xapi/activities?activityId=${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().message).toMatch(/^activityId: must be an absolute IRI/);
    }
    const extra = await lrs.request({ url: `/xapi/activities?activityId=${encodeURIComponent(newIri())}&ActivityId=x` });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().message).toMatch(/ActivityId/);
  });

  it('answers HEAD like GET without a body', async () => {
    const id = newIri();
    await stored(statement({ object: { id, definition: definition({ en: 'head' }) } }));
    const get = await activity(id);
    const head = await lrs.request({ method: 'HEAD', url: `/xapi/activities?activityId=${encodeURIComponent(id)}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe('application/json');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
  });

  it('accepts the alternate request syntax (POST ?method=GET, headers and parameters in the form)', async () => {
    const id = newIri();
    await stored(statement({ object: { id, definition: definition({ en: 'form' }) } }));
    const form = new URLSearchParams({ activityId: id, 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.reader }).toString();
    const res = await lrs.app.inject({ method: 'POST', url: '/xapi/activities?method=GET', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().definition.name).toEqual({ en: 'form' });
    const extra = await lrs.app.inject({ method: 'POST', url: `/xapi/activities?method=GET&activityId=${encodeURIComponent(id)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    expect(extra.statusCode).toBe(400);
  });
});

describe('GET /xapi/agents', () => {
  it('answers a Person for an Agent never seen, with what was asked (Communication 2.4.s3.b3)', async () => {
    const agent = { name: 'Rick James', objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: `rick-${uuid()}` } };
    const res = await person(agent);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ objectType: 'Person', name: ['Rick James'], account: [agent.account] });
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('puts each identifier kind in an array of its own', async () => {
    const sha = 'cd9b00a5611f94eaa7b1661edab976068e364975';
    expect((await person({ mbox_sha1sum: sha })).json()).toEqual({ objectType: 'Person', mbox_sha1sum: [sha] });
    expect((await person({ openid: 'http://openid.example.org/12345' })).json()).toEqual({ objectType: 'Person', openid: ['http://openid.example.org/12345'] });
    const mbox = newMbox();
    expect((await person({ mbox })).json()).toEqual({ objectType: 'Person', mbox: [mbox] });
  });

  it('adds the names the Agent went by in stored statements, newest first, once each, wherever it was named', async () => {
    const mbox = newMbox();
    await stored(statement({ actor: { mbox, name: 'Ann' } }));
    await stored(statement({ actor: { mbox: newMbox() }, context: { instructor: { mbox, name: 'Ms Ann Lee' } } }));
    await stored(statement({ actor: { objectType: 'Group', member: [{ mbox: newMbox() }, { mbox, name: 'Annie' }] } }));
    await stored(statement({ actor: { mbox, name: 'Ann' } }));
    // The mbox domain is case-insensitive: the same person however a client spells it.
    const [user, domain] = mbox.split('@');
    await stored(statement({ actor: { mbox: newMbox() }, verb: { id: 'http://adlnet.gov/expapi/verbs/mentored' }, object: { objectType: 'Agent', mbox: `${user}@${domain!.toUpperCase()}`, name: 'A. Lee' } }));
    expect((await person({ mbox })).json()).toEqual({ objectType: 'Person', name: ['A. Lee', 'Ann', 'Annie', 'Ms Ann Lee'], mbox: [mbox] });
    expect((await person({ mbox, name: 'Dr Lee' })).json().name).toEqual(['Dr Lee', 'A. Lee', 'Ann', 'Annie', 'Ms Ann Lee']);
  });

  it('lends a kiosk client names only from its own statements', async () => {
    const mbox = newMbox();
    await stored(statement({ actor: { mbox, name: 'from the hub' } }), 'hub');
    await stored(statement({ actor: { mbox, name: 'from the kiosk' } }), 'kiosk');
    expect((await person({ mbox }, { as: 'kiosk' })).json().name).toEqual(['from the kiosk']);
    expect((await person({ mbox }, { as: 'reader' })).json().name).toEqual(['from the kiosk', 'from the hub']);
  });

  it('answers 400 naming the problem for a missing, malformed, Group or two-identifier agent', async () => {
    const cases: [string | undefined, RegExp][] = [
      [undefined, /^agent: is required/],
      ['{not json', /^agent: .*not JSON/],
      [JSON.stringify({ objectType: 'Group', mbox: newMbox() }), /^agent\.objectType: must be 'Agent' or absent/],
      [JSON.stringify({ mbox: newMbox(), openid: 'http://openid.example.org/1' }), /exactly one identifier/],
      [JSON.stringify({ name: 'nobody' }), /exactly one identifier/],
      [JSON.stringify({ mbox: 'not-a-mailto' }), /mbox/],
    ];
    for (const [agent, message] of cases) {
      const res = await lrs.request({ url: agent === undefined ? '/xapi/agents' : `/xapi/agents?agent=${encodeURIComponent(agent)}` });
      expect(res.statusCode, agent).toBe(400);
      expect(res.json().message, agent).toMatch(message);
    }
    const extra = await lrs.request({ url: `/xapi/agents?agent=${encodeURIComponent(JSON.stringify({ mbox: newMbox() }))}&limit=1` });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().message).toMatch(/limit/);
  });
});

describe('both resources', () => {
  it('answer 405 with Allow to PUT, POST (without ?method=GET), DELETE and PATCH, before asking for credentials', async () => {
    for (const url of [`/xapi/activities?activityId=${encodeURIComponent(newIri())}`, `/xapi/agents?agent=${encodeURIComponent(JSON.stringify({ mbox: newMbox() }))}`])
      for (const method of ['PUT', 'POST', 'DELETE', 'PATCH'] as const) {
        const res = await lrs.app.inject({ method, url, headers: { 'x-experience-api-version': '1.0.1' } });
        expect(res.statusCode, `${method} ${url}`).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
        expect(res.json().message).toMatch(new RegExp(`^${method} is not allowed here`));
      }
  });

  it('need the version header (400, checked first) and credentials (401); every role may read', async () => {
    for (const url of [`/xapi/activities?activityId=${encodeURIComponent(newIri())}`, `/xapi/agents?agent=${encodeURIComponent(JSON.stringify({ mbox: newMbox() }))}`]) {
      const bare = await lrs.app.inject({ url });
      expect(bare.statusCode, url).toBe(400);
      expect(bare.json().message).toMatch(/^X-Experience-API-Version/);
      const anonymous = await lrs.request({ url, as: null });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
      expect((await lrs.request({ url, headers: { authorization: basic('nobody', 'wrong') }, as: null })).statusCode).toBe(401);
      for (const as of ['kiosk', 'hub', 'reader'] as const) expect((await lrs.request({ url, as })).statusCode, `${as} ${url}`).toBe(200);
    }
  });

  it('refuse a revoked client', async () => {
    const client = await lrs.app.clients.add(`revoked-${uuid()}`, 'reader');
    expect(await lrs.app.clients.revoke(client.name)).toBe(true);
    const res = await lrs.request({ url: `/xapi/activities?activityId=${encodeURIComponent(newIri())}`, headers: { authorization: basic(client.key, client.secret) }, as: null });
    expect(res.statusCode).toBe(401);
  });

  it('appear in the OpenAPI document with their query parameter', async () => {
    const doc = (await lrs.app.inject({ url: '/api/openapi.json' })).json();
    for (const [path, param] of [['/xapi/activities', 'activityId'], ['/xapi/agents', 'agent']] as const) {
      expect(Object.keys(doc.paths[path])).toEqual(['get']);
      expect((doc.paths[path].get.parameters as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name)).toEqual([param]);
    }
  });
});

describe('the pure parts', () => {
  it('definitionIn prefers the object over context activities in one statement', () => {
    const id = 'http://example.com/a';
    const s = { object: { id, definition: { name: { en: 'object' } } }, context: { contextActivities: { parent: [{ id, definition: { name: { en: 'parent' } } }] } } };
    expect(definitionIn(s, id)).toEqual({ name: { en: 'object' } });
    expect(definitionIn({ object: { objectType: 'StatementRef', id } }, id)).toBeUndefined();
  });

  it(`canonicalActivity reads sources lazily and stops after ${DEFINITIONS_MERGED} definitions`, async () => {
    const id = 'http://example.com/a';
    let read = 0;
    function* sources() {
      yield JSON.stringify({ object: { id } });
      for (let i = 0; ; i++) {
        read++;
        yield JSON.stringify({ object: { id, definition: { name: { [`x-${i}`]: String(i) } } } });
      }
    }
    const activity = await canonicalActivity(id, sources());
    expect(read).toBe(DEFINITIONS_MERGED);
    expect(Object.keys(activity.definition!.name!)).toHaveLength(DEFINITIONS_MERGED);
  });

  it('namesIn ignores lookalike agents inside extensions; personOf keeps one copy of each name', () => {
    const key = 'mbox:mailto:a@example.com';
    const s = { actor: { mbox: 'mailto:b@example.com' }, result: { extensions: { 'http://example.com/x': { mbox: 'mailto:a@example.com', name: 'hidden' } } } };
    expect(namesIn(s, key)).toEqual([]);
    expect(personOf({ mbox: 'mailto:a@example.com', name: 'A' }, ['A', 'B', 'A'])).toEqual({ objectType: 'Person', name: ['A', 'B'], mbox: ['mailto:a@example.com'] });
  });
});
