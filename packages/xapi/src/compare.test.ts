import { describe, expect, it } from 'vitest';
import { sameStatement } from './compare.ts';
import { appendixBObjects, copy, longStatement, minimalStatement, simpleStatement } from './spec-examples.ts';
import type { Statement } from './statement.ts';

type Json = Record<string, any>;
const long = () => copy(longStatement) as Json;
const same = (a: Json, b: Json) => sameStatement(a as Statement, b as Statement);

/** Reorders an object's keys, deeply: the same JSON value, a different serialization. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  return value;
}

describe('sameStatement: differences the spec tells an LRS to ignore (Data 2.3.1)', () => {
  it.each<[string, (s: Json) => unknown]>([
    ['nothing changed', () => undefined],
    ['stored, authority and version set by an LRS', (s) => ((s.stored = '2026-01-01T00:00:00Z'), (s.authority = { mbox: 'mailto:lrs@example.com' }), (s.version = '1.0.3'))],
    ['timestamp in another time zone, same instant', (s) => (s.timestamp = '2013-05-18T13:32:34.804+08:00')],
    ['timestamp with more digits than milliseconds', (s) => (s.timestamp = '2013-05-18T05:32:34.80412Z')],
    ['no timestamp on one side (the LRS fills it in)', (s) => delete s.timestamp],
    ['verb display', (s) => (s.verb.display = { 'zh-CN': '参加了' })],
    ['activity definition', (s) => (s.object.definition = { name: { en: 'renamed' } })],
    ['context activity definition', (s) => delete s.context.contextActivities.category[0].definition],
    ['objectType Activity left for the LRS to add', (s) => delete s.object.objectType],
    ['objectType Agent left implicit on the instructor', (s) => delete s.context.instructor.objectType],
    ['Group members in another order', (s) => s.actor.member.reverse()],
    ['mbox domain in capitals', (s) => (s.context.team.mbox = 'mailto:teampb@EXAMPLE.com')],
    ['UUIDs in capitals', (s) => ((s.context.registration = s.context.registration.toUpperCase()), (s.context.statement.id = s.context.statement.id.toUpperCase()))],
    ['a context activity sent alone, not in an array', (s) => (s.context.contextActivities.parent = s.context.contextActivities.parent[0])],
    ['language tag case', (s) => (s.context.language = 'TLH')],
    ['key order', (s) => Object.assign(s, reversedKeys({ ...s }))],
  ])('same: %s', (_name, change) => {
    const changed = long();
    change(changed);
    expect(same(long(), changed)).toBe(true);
    expect(same(changed, long())).toBe(true);
  });
});

describe('sameStatement: differences that make another statement', () => {
  it.each<[string, (s: Json) => unknown]>([
    ['another verb', (s) => (s.verb.id = 'http://adlnet.gov/expapi/verbs/completed')],
    ['another object', (s) => (s.object.id = 'http://www.example.com/meetings/occurances/1')],
    ['another actor identifier', (s) => (s.actor.mbox = 'mailto:other@example.com')],
    ['a member more', (s) => s.actor.member.push({ mbox: 'mailto:x@example.com' })],
    ['actor name', (s) => (s.actor.name = 'Team B')],
    ['mbox local part in capitals', (s) => (s.actor.mbox = 'mailto:TEAMPB@example.com')],
    ['another instant', (s) => (s.timestamp = '2013-05-18T05:32:35.804Z')],
    ['result success', (s) => (s.result.success = false)],
    ['duration written differently (compared as a string)', (s) => (s.result.duration = 'PT3600S')],
    ['result extension value', (s) => (s.result.extensions['http://example.com/profiles/meetings/resultextensions/minuteslocation'] = 'Y:')],
    ['a result added', (s) => (s.result.score = { scaled: 1 })],
    ['registration', (s) => (s.context.registration = '00000000-0000-4000-8000-000000000000')],
    ['platform', (s) => (s.context.platform = 'other')],
    ['a context activity removed', (s) => s.context.contextActivities.other.pop()],
    ['context activities in another order (an ordered array)', (s) => s.context.contextActivities.other.reverse()],
    ['no context', (s) => delete s.context],
    ['an attachment header added', (s) => (s.attachments = [{ usageType: 'http://example.com/u', display: { en: 'a' }, contentType: 'text/plain', length: 1, sha2: 'a'.repeat(64) }])],
  ])('different: %s', (_name, change) => {
    const changed = long();
    change(changed);
    expect(same(long(), changed)).toBe(false);
    expect(same(changed, long())).toBe(false);
  });

  it('compares inside a SubStatement, its timestamp included', () => {
    const sub = (timestamp?: string) => ({ ...copy(minimalStatement), object: { ...copy(appendixBObjects.subStatement), ...(timestamp ? { timestamp } : {}) } });
    expect(same(sub('2026-01-01T08:00:00+08:00'), sub('2026-01-01T00:00:00Z'))).toBe(true);
    expect(same(sub('2026-01-01T00:00:00Z'), sub('2026-01-02T00:00:00Z'))).toBe(false);
    expect(same(sub('2026-01-01T00:00:00Z'), sub())).toBe(false);
    const otherVerb = sub();
    otherVerb.object.verb.id = 'http://example.com/denied';
    expect(same(sub(), otherVerb)).toBe(false);
  });

  it('tells an Agent object from an Activity object', () => {
    expect(same(copy(simpleStatement), { ...copy(simpleStatement), object: copy(appendixBObjects.agent) })).toBe(false);
  });
});
