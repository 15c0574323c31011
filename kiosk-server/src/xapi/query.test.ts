// GET /xapi/statements with filters, paging (`more`), formats and ordering, against a real app and SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLrs, statement, uuid, type Lrs } from './test-lrs.ts';

let lrs: Lrs;
beforeEach(async () => {
  lrs = await startLrs();
});
afterEach(() => lrs.env.cleanup());

const post = async (payload: unknown) => {
  const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as string[];
};
const ids = async (query: string, headers?: Record<string, string>) => {
  const res = await lrs.request({ url: `/xapi/statements${query}`, ...(headers ? { headers } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().statements as { id: string }[]).map((s) => s.id);
};
const q = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

const alice = { objectType: 'Agent', mbox: 'mailto:alice@example.com' };
const bob = { objectType: 'Agent', account: { homePage: 'https://example.com', name: 'bob' } };
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const course = 'http://example.com/course';

describe('filters', () => {
  it('agent: actor or object; related_agents also instructor, team and authority', async () => {
    const [asActor] = await post(statement({ actor: alice }));
    const [asObject] = await post(statement({ object: alice }));
    const [asInstructor] = await post(statement({ context: { instructor: alice } }));
    await post(statement({ actor: bob }));
    expect(await ids(q({ agent: alice }))).toEqual([asObject, asActor]);
    expect(await ids(q({ agent: alice, related_agents: 'true' }))).toEqual([asInstructor, asObject, asActor]);
    // The mbox domain is case-insensitive.
    expect(await ids(q({ agent: { mbox: 'mailto:alice@EXAMPLE.com' } }))).toEqual([asObject, asActor]);
    const hubAuthority = { objectType: 'Agent', account: { homePage: 'https://ruyi.localhost/parks/test', name: 'test-hub' } };
    expect((await ids(q({ agent: hubAuthority, related_agents: 'true' }))).length).toBe(4);
  });

  it('verb, registration, activity and related_activities', async () => {
    const registration = uuid();
    const [done] = await post(statement({ verb: { id: COMPLETED } }));
    const [registered] = await post(statement({ context: { registration } }));
    const [onCourse] = await post(statement({ object: { id: course } }));
    const [inCourse] = await post(statement({ context: { contextActivities: { parent: [{ id: course }] } } }));
    expect(await ids(q({ verb: COMPLETED }))).toEqual([done]);
    expect(await ids(q({ registration }))).toEqual([registered]);
    expect(await ids(q({ registration: registration.toUpperCase() }))).toEqual([registered]);
    expect(await ids(q({ activity: course }))).toEqual([onCourse]);
    expect(await ids(q({ activity: course, related_activities: 'true' }))).toEqual([inCourse, onCourse]);
    expect(await ids(q({ verb: COMPLETED, activity: course }))).toEqual([]);
  });

  it('since (exclusive) and until (inclusive) on stored time', async () => {
    const [first] = await post(statement());
    const stored = (await lrs.request({ url: `/xapi/statements?statementId=${first}` })).json().stored as string;
    await new Promise((r) => setTimeout(r, 5));
    const [second] = await post(statement());
    expect(await ids(q({ since: stored }))).toEqual([second]);
    expect(await ids(q({ until: stored }))).toEqual([first]);
    const res = await lrs.request({ url: `/xapi/statements${q({ since: 'yesterday' })}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^since: must be an ISO 8601 timestamp/);
    // A date that does not exist is refused, not rolled over to 2 March.
    expect((await lrs.request({ url: `/xapi/statements${q({ until: '2026-02-30T00:00:00Z' })}` })).statusCode).toBe(400);
  });

  it('includes statements that refer to matching ones (StatementRef), but never voided ones', async () => {
    const [target] = await post(statement({ verb: { id: COMPLETED } }));
    const [ref] = await post(statement({ object: { objectType: 'StatementRef', id: target } }));
    expect(await ids(q({ verb: COMPLETED }))).toEqual([ref, target]);
    const [voider] = await post(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } }));
    expect(await ids(q({ verb: COMPLETED }))).toEqual([voider, ref]);
  });

  it('answers 400 for unknown parameters and bad values, naming the parameter', async () => {
    for (const [query, name] of [
      ['?colour=red', 'colour'],
      [q({ agent: 'not json' }), 'agent'],
      [q({ agent: { name: 'no identifier' } }), 'agent'],
      [q({ registration: 'nope' }), 'registration'],
      [q({ limit: '-1' }), 'limit'],
      [q({ format: 'full' }), 'format'],
      [q({ ascending: 'yes' }), 'ascending'],
      [q({ more: 'garbage' }), 'more'],
    ] as const) {
      const res = await lrs.request({ url: `/xapi/statements${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message, query).toContain(name);
    }
  });
});

describe('paging', () => {
  it('pages with `more`, newest first, stable while statements arrive; ascending reverses', async () => {
    const all = await post(Array.from({ length: 5 }, () => statement()));
    const first = (await lrs.request({ url: '/xapi/statements?limit=2' })).json();
    expect(first.statements.map((s: { id: string }) => s.id)).toEqual([all[4], all[3]]);
    expect(first.more).toMatch(/^\/xapi\/statements\?more=/);
    // New statements during paging neither shift nor join the pages.
    await post([statement(), statement()]);
    const second = (await lrs.request({ url: first.more })).json();
    expect(second.statements.map((s: { id: string }) => s.id)).toEqual([all[2], all[1]]);
    const third = (await lrs.request({ url: second.more })).json();
    expect(third.statements.map((s: { id: string }) => s.id)).toEqual([all[0]]);
    expect(third.more).toBe('');

    const up = (await lrs.request({ url: `/xapi/statements?ascending=true&limit=3` })).json();
    expect(up.statements.map((s: { id: string }) => s.id)).toEqual(all.slice(0, 3));
    // The two sent during the first paging come last: they were there when this query started.
    const upNext = (await lrs.request({ url: up.more })).json();
    expect(upNext.statements.map((s: { id: string }) => s.id).slice(0, 2)).toEqual(all.slice(3, 5));
    expect(upNext.statements).toHaveLength(3);
  });

  it('keeps the filters across pages, and treats limit=0 as the server maximum', async () => {
    const done = await post(Array.from({ length: 3 }, () => statement({ verb: { id: COMPLETED } })));
    await post(Array.from({ length: 3 }, () => statement()));
    const first = (await lrs.request({ url: `/xapi/statements${q({ verb: COMPLETED, limit: '2' })}` })).json();
    const second = (await lrs.request({ url: first.more })).json();
    expect([...first.statements, ...second.statements].map((s: { id: string }) => s.id)).toEqual([...done].reverse());
    const zero = (await lrs.request({ url: '/xapi/statements?limit=0' })).json();
    expect(zero.statements).toHaveLength(6);
    expect(zero.more).toBe('');
  });
});

describe('formats', () => {
  const rich = () =>
    statement({
      actor: { objectType: 'Agent', name: 'Alice', mbox: 'mailto:alice@example.com' },
      verb: { id: COMPLETED, display: { 'en-US': 'completed', 'zh-CN': '完成' } },
      object: { id: course, definition: { name: { 'en-US': 'Course', 'zh-CN': '课程' } } },
    });

  it('exact returns the statement as stored; ids keeps identifiers only; canonical picks one language', async () => {
    const [id] = await post(rich());
    const exact = (await lrs.request({ url: `/xapi/statements?statementId=${id}` })).json();
    expect(exact.verb.display).toEqual({ 'en-US': 'completed', 'zh-CN': '完成' });
    const idsOnly = (await lrs.request({ url: `/xapi/statements?statementId=${id}&format=ids` })).json();
    expect(idsOnly.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:alice@example.com' });
    expect(idsOnly.verb).toEqual({ id: COMPLETED });
    expect(idsOnly.object.definition).toBeUndefined();
    const canonical = (await lrs.request({ url: `/xapi/statements?statementId=${id}&format=canonical`, headers: { 'accept-language': 'zh-CN, en;q=0.5' } })).json();
    expect(canonical.verb.display).toEqual({ 'zh-CN': '完成' });
    expect(canonical.object.definition.name).toEqual({ 'zh-CN': '课程' });
  });
});
