import { describe, expect, it } from 'vitest';
import { formatStatement } from './format.ts';
import { parseAcceptLanguage, pickLanguage } from './language-choice.ts';
import { appendixBObjects, appendixCDefinitions, copy, longStatement, minimalStatement } from './spec-examples.ts';
import type { Statement } from './statement.ts';
import { validateStatement } from './validate.ts';

const long = () => copy(longStatement) as unknown as Statement;

describe("formatStatement 'exact'", () => {
  it('returns the statement as stored', () => {
    const s = long();
    expect(formatStatement(s, 'exact')).toEqual(s);
  });

  it('returns a single context Activity as an array of one, here and in a SubStatement (Data 2.4.6.2)', () => {
    const activity = { id: 'http://example.com/category' };
    const s = {
      ...copy(minimalStatement),
      context: { contextActivities: { category: activity, parent: [activity] } },
      object: { ...copy(appendixBObjects.subStatement), context: { contextActivities: { grouping: activity } } },
    } as unknown as Statement;
    for (const format of ['exact', 'ids', 'canonical'] as const) {
      const out = formatStatement(s, format) as any;
      expect(out.context.contextActivities).toEqual({ category: [activity], parent: [activity] });
      expect(out.object.context.contextActivities.grouping).toEqual([activity]);
    }
    expect((s.context!.contextActivities as any).category).toBe(activity);
  });
});

describe("formatStatement 'ids'", () => {
  it('keeps only what identifies agents, groups, activities and verbs', () => {
    const out = formatStatement(long(), 'ids') as any;
    expect(out.actor).toEqual({ objectType: 'Group', mbox: 'mailto:teampb@example.com' });
    expect(out.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/attended' });
    expect(out.object).toEqual({ id: 'http://www.example.com/meetings/occurances/34534' });
    expect(out.context.instructor).toEqual({ objectType: 'Agent', account: { homePage: 'http://www.example.com', name: '13936749' } });
    expect(out.context.team).toEqual({ objectType: 'Group', mbox: 'mailto:teampb@example.com' });
    expect(out.context.contextActivities.category).toEqual([{ id: 'http://www.example.com/meetings/categories/teammeeting' }]);
    expect(out.authority).toEqual({ objectType: 'Agent', account: { homePage: 'http://cloud.scorm.com/', name: 'anonymous' } });
    // What is not an agent, activity or verb stays whole.
    expect(out.result).toEqual(longStatement.result);
    expect(out.context.registration).toBe(longStatement.context.registration);
    expect(out.timestamp).toBe(longStatement.timestamp);
  });

  it('identifies an anonymous Group by its members, and rewrites inside a SubStatement', () => {
    const s = {
      ...copy(minimalStatement),
      actor: { objectType: 'Group', name: 'ad hoc', member: [{ name: 'A', mbox: 'mailto:a@example.com' }, { name: 'B', openid: 'http://b.example.com/' }] },
      object: { ...copy(appendixBObjects.subStatement), object: { id: 'http://example.com/q', definition: appendixCDefinitions.choice } },
    } as unknown as Statement;
    const out = formatStatement(s, 'ids') as any;
    expect(out.actor).toEqual({ objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }, { openid: 'http://b.example.com/' }] });
    expect(out.object.verb).toEqual({ id: 'http://example.com/confirmed' });
    expect(out.object.object).toEqual({ id: 'http://example.com/q' });
    expect(validateStatement(out)).toEqual([]);
  });

  it('does not change its argument', () => {
    const s = long();
    formatStatement(s, 'ids');
    expect(s).toEqual(longStatement);
  });
});

describe("formatStatement 'canonical'", () => {
  it('keeps one language per map, the reader\'s first that exists', () => {
    const out = formatStatement(long(), 'canonical', ['fr', 'en-GB', 'en-US']) as any;
    expect(out.verb.display).toEqual({ 'en-GB': 'attended' });
    expect(out.object.definition.name).toEqual({ 'en-GB': 'example meeting' });
    expect(Object.keys(out.object.definition.description)).toEqual(['en-GB']);
    expect(out.context.contextActivities.category[0].definition.name).toEqual({ en: 'team meeting' });
    // Agents stay as they are.
    expect(out.actor).toEqual(longStatement.actor);
  });

  it('cuts interaction component descriptions too, and falls back to any language', () => {
    const definition = { ...copy(appendixCDefinitions.likert), description: { 'zh-CN': '怎么样', en: 'How is it' } };
    const s = { ...copy(minimalStatement), object: { id: 'http://example.com/q', definition } } as unknown as Statement;
    const out = formatStatement(s, 'canonical', ['zh']) as any;
    expect(out.object.definition.description).toEqual({ 'zh-CN': '怎么样' });
    expect(out.object.definition.scale[0].description).toEqual({ 'en-US': 'likert_0' });
    expect(validateStatement(out)).toEqual([]);
  });
});

describe('pickLanguage and parseAcceptLanguage', () => {
  it.each<[string[], string[], string | undefined]>([
    [['en-US', 'zh-CN'], ['zh-CN'], 'zh-CN'],
    [['en-US', 'zh-CN'], ['ZH-cn'], 'zh-CN'],
    [['en-US', 'zh-CN'], ['zh'], 'zh-CN'],
    [['en', 'zh'], ['zh-Hans-CN'], 'zh'],
    [['en-US', 'zh-CN'], ['fr', 'en'], 'en-US'],
    [['en-US', 'zh-CN'], ['fr'], 'en-US'],
    [['en-US', 'zh-CN'], ['*'], 'en-US'],
    [['en-US', 'zh-CN'], [], 'en-US'],
    [[], ['en'], undefined],
  ])('%j for %j → %s', (available, wanted, expected) => expect(pickLanguage(available, wanted)).toBe(expected));

  it('orders Accept-Language by q, then by position, and drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.5, zh-CN, fr;q=0, ja;q=0.5')).toEqual(['zh-CN', 'en', 'ja']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
});
