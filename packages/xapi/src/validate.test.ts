import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendixBObjects,
  appendixCDefinitions,
  attemptedStatement,
  copy,
  longStatement,
  minimalStatement,
  simpleStatement,
  voidingStatement,
} from './spec-examples.ts';
import { describeProblem, isSupportedVersion, MAX_JSON_DEPTH, tooDeep, validateStatement, validateStatements } from './validate.ts';

type Json = Record<string, any>;
const withObject = (object: unknown) => ({ ...copy(minimalStatement), object });
const withContext = (context: unknown) => ({ ...copy(minimalStatement), context });
const withResult = (result: unknown) => ({ ...copy(minimalStatement), result });
const attachment = () => ({
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment' },
  description: { 'en-US': 'A test attachment (description)' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  fileUrl: 'http://over.there.com/file.txt',
});

describe('valid statements', () => {
  it.each<readonly [string, unknown]>([
    ['the minimal statement (Data 2.4)', minimalStatement],
    ['the simple statement (Appendix A)', simpleStatement],
    ['the attempted statement (Appendix A)', attemptedStatement],
    ['the long statement (Appendix A)', longStatement],
    ['the voiding statement (Data 2.3.2)', voidingStatement],
    ...Object.entries(appendixBObjects).map(([name, object]) => [`an object ${name} (Appendix B)`, withObject(object)] as const),
    ...Object.entries(appendixCDefinitions).map(
      ([name, definition]) => [`a ${name} interaction (Appendix C)`, withObject({ id: 'http://example.com/q1', definition })] as const,
    ),
    ['an anonymous Group actor', { ...copy(minimalStatement), actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] } }],
    ['an uppercase UUID id', { ...copy(minimalStatement), id: 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0' }],
    ['version 1.0 and 1.0.9', { ...copy(minimalStatement), version: '1.0' }],
    ['null inside extensions', withResult({ extensions: { 'http://example.com/null': null } })],
    ['a single Activity in contextActivities', withContext({ contextActivities: { parent: { id: 'http://example.com/p' } } })],
    ['a two-Agent authority Group (OAuth)', { ...copy(minimalStatement), authority: { objectType: 'Group', member: [{ account: { homePage: 'http://lrs.example.com', name: 'consumer' } }, { mbox: 'mailto:user@example.com' }] } }],
    ['an attachment', { ...copy(minimalStatement), attachments: [attachment()] }],
    ['a future timestamp inside a SubStatement', withObject({ ...appendixBObjects.subStatement, timestamp: '2099-01-01T00:00:00Z' })],
    ['score at its limits', withResult({ score: { scaled: -1, raw: 0, min: 0, max: 100 } })],
  ])('%s', (_name, statement) => {
    expect(validateStatement(statement)).toEqual([]);
  });
});

const mutations: [string, (s: Json) => unknown, string, string][] = [
  // Data 2.2: required properties, types, nulls, key case, unknown keys.
  ['no actor', (s) => delete s.actor, 'actor', 'is required'],
  ['no verb', (s) => delete s.verb, 'verb', 'is required'],
  ['no object', (s) => delete s.object, 'object', 'is required'],
  ['key case Actor', (s) => (s.Actor = s.actor), 'Actor', 'is not a property of a Statement; allowed: id, actor, verb, object, result, context, timestamp, stored, authority, version, attachments (case-sensitive)'],
  ['null name', (s) => (s.actor.name = null), 'actor.name', 'must not be null (omit the property instead)'],
  ['null display entry', (s) => (s.verb.display['en-US'] = null), 'verb.display["en-US"]', 'must be a string, got null'],
  ['empty result', (s) => (s.result = {}), 'result', 'must not be an empty object (omit it instead)'],
  ['unknown actor property', (s) => (s.actor.member = []), 'actor.member', 'is not a property of an Agent; allowed: objectType, name, mbox, mbox_sha1sum, openid, account (case-sensitive)'],
  // id
  ['numeric id', (s) => (s.id = 12345), 'id', 'must be a string, got number 12345'],
  ['id too long', (s) => (s.id = 'AA97B177-9383-4934-8543-0F91A7A028368'), 'id', "must be a UUID in standard form (8-4-4-4-12 hex digits), got 'AA97B177-9383-4934-8543-0F91A7A028368'"],
  ['id not hex', (s) => (s.id = 'MA97B177-9383-4934-8543-0F91A7A02836'), 'id', "must be a UUID in standard form (8-4-4-4-12 hex digits), got 'MA97B177-9383-4934-8543-0F91A7A02836'"],
  // actor
  ['mbox without mailto', (s) => (s.actor.mbox = 'bob@example.com'), 'actor.mbox', "must be a 'mailto:' IRI such as 'mailto:visitor@example.com', got 'bob@example.com'"],
  ['mbox without @', (s) => (s.actor.mbox = 'mailto:should.fail.com'), 'actor.mbox', "must be a 'mailto:' IRI such as 'mailto:visitor@example.com', got 'mailto:should.fail.com'"],
  ['two identifiers', (s) => (s.actor.openid = 'http://openid.example.org/1'), 'actor', 'an Agent must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has mbox and openid'],
  ['no identifier', (s) => (s.actor = { name: 'x' }), 'actor', 'an Agent must have exactly one identifier: mbox, mbox_sha1sum, openid or account; it has none'],
  ['objectType lowercase', (s) => (s.actor.objectType = 'agent'), 'actor.objectType', "must be 'Agent' or 'Group' (case-sensitive), got 'agent'"],
  ['objectType numeric', (s) => (s.actor.objectType = 123), 'actor.objectType', "must be 'Agent' or 'Group' (case-sensitive), got number 123"],
  ['sha1 too short', (s) => (s.actor = { mbox_sha1sum: 'abc' }), 'actor.mbox_sha1sum', "must be the SHA-1 of a mailto IRI as 40 hex digits, got 'abc'"],
  ['openid without scheme', (s) => (s.actor = { openid: 'open.id.com/testUser' }), 'actor.openid', "must be an absolute IRI with a scheme, e.g. 'http://example.com/...', got 'open.id.com/testUser'"],
  ['account homePage without scheme', (s) => (s.actor = { account: { homePage: 'homePage.com/testUser', name: '123456' } }), 'actor.account.homePage', "must be an absolute IRL with a scheme, e.g. 'http://example.com/...', got 'homePage.com/testUser'"],
  ['account name an object', (s) => (s.actor = { account: { homePage: 'http://example.com', name: { key: 'x' } } }), 'actor.account.name', 'must be a string, got an object'],
  ['account without name', (s) => (s.actor = { account: { homePage: 'http://example.com' } }), 'actor.account.name', "is required (the account's unique name on homePage)"],
  ['anonymous group without member', (s) => (s.actor = { objectType: 'Group', name: 'g' }), 'actor.member', 'is required in an anonymous Group (one without mbox, mbox_sha1sum, openid or account)'],
  ['group in a group', (s) => (s.actor = { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] }), 'actor.member[0].objectType', "must be 'Agent' (a Group's members are Agents), got 'Group'"],
  ['group with two identifiers', (s) => (s.actor = { objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'http://example.com/g' }), 'actor', 'a Group has at most one identifier (mbox, mbox_sha1sum, openid or account); it has mbox and openid'],
  // verb
  ['verb id without scheme', (s) => (s.verb.id = 'adlnet.gov/expapi/verbs/created'), 'verb.id', "must be an absolute IRI with a scheme, e.g. 'http://example.com/...', got 'adlnet.gov/expapi/verbs/created'"],
  ['display a string', (s) => (s.verb.display = 'should error'), 'verb.display', "must be a language map such as {\"en\": \"...\"} (a JSON object), got 'should error'"],
  ['display empty', (s) => (s.verb.display = {}), 'verb.display', 'must have at least one entry, e.g. {"en": "..."}'],
  ['display bad tag', (s) => (s.verb.display = { 'de-419-DE': 'besucht' }), 'verb.display["de-419-DE"]', "is not an RFC 5646 language tag; use e.g. 'en', 'zh-CN', 'sr-Latn-RS'"],
  // object
  ['objectType lowercase activity', (s) => (s.object.objectType = 'activity'), 'object.objectType', "must be one of Activity, Agent, Group, StatementRef, SubStatement (case-sensitive), got 'activity'"],
  ['activity without id', (s) => (s.object = { objectType: 'Activity' }), 'object.id', "is required (the Activity's IRI)"],
  ['activity id bad scheme', (s) => (s.object.id = 'ab=c://should.fail.com'), 'object.id', "must be an absolute IRI with a scheme, e.g. 'http://example.com/...', got 'ab=c://should.fail.com'"],
  ['definition a string', (s) => (s.object.definition = 'should error'), 'object.definition', "must be an activity definition (a JSON object), got 'should error'"],
  ['moreInfo null', (s) => (s.object.definition = { moreInfo: null }), 'object.definition.moreInfo', 'must not be null (omit the property instead)'],
  ['type not an IRI', (s) => (s.object.definition = { type: 'should error' }), 'object.definition.type', "must be an absolute IRI with a scheme, e.g. 'http://example.com/...', got 'should error'"],
  ['interactionType wrong case', (s) => (s.object.definition = { interactionType: 'choiCe' }), 'object.definition.interactionType', "must be one of true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other (case-sensitive), got 'choiCe'"],
  ['scale on a choice', (s) => (s.object.definition = { interactionType: 'choice', scale: [{ id: 'a' }] }), 'object.definition.scale', "is not used by interactionType 'choice', which takes only choices"],
  ['choices without interactionType', (s) => (s.object.definition = { choices: [{ id: 'a' }] }), 'object.definition.choices', 'is only allowed in an interaction (a definition with an interactionType)'],
  ['repeated component id', (s) => (s.object.definition = { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }), 'object.definition.choices[1].id', "repeats the id of object.definition.choices[0] ('a'); ids in one list must be distinct"],
  ['pattern not strings', (s) => (s.object.definition = { interactionType: 'numeric', correctResponsesPattern: [4] }), 'object.definition.correctResponsesPattern[0]', 'must be a string, got number 4'],
  ['extension key not an IRI', (s) => (s.object.definition = { extensions: { 'not.valid.com/extension': 1234 } }), 'object.definition.extensions["not.valid.com/extension"]', "extension keys must be absolute IRIs with a scheme, e.g. 'http://example.com/extension'"],
  ['statementRef bad id', (s) => (s.object = { objectType: 'StatementRef', id: 12345 }), 'object.id', 'must be a string, got number 12345'],
  ['agent object without identifier', (s) => (s.object = { objectType: 'Agent', name: 'x' }), 'object', 'an Agent must have exactly one identifier: mbox, mbox_sha1sum, openid or account; it has none'],
  ['nested SubStatement', (s) => (s.object = { ...copy(appendixBObjects.subStatement), object: copy(appendixBObjects.subStatement) }), 'object.object.objectType', 'a SubStatement cannot contain another SubStatement'],
  ['SubStatement with an id', (s) => (s.object = { ...copy(appendixBObjects.subStatement), id: minimalStatement.id }), 'object.id', 'is not allowed in a SubStatement (only a Statement has id, stored, version and authority)'],
  ['SubStatement with a bad timestamp', (s) => (s.object = { ...copy(appendixBObjects.subStatement), timestamp: '01/011/2015' }), 'object.timestamp', "must be an ISO 8601 date-time with a time zone, e.g. '2026-05-18T05:32:34.804Z' or '2026-05-18T13:32:34+08:00', got '01/011/2015'"],
  // voiding
  ['voided verb with an Activity', (s) => (s.verb.id = 'http://adlnet.gov/expapi/verbs/voided'), 'object', "must be a StatementRef (objectType 'StatementRef' and the voided statement's id) when the verb is 'http://adlnet.gov/expapi/verbs/voided'"],
  // result
  ['score max a string', (s) => (s.result = { score: { max: '100' } }), 'result.score.max', "must be a number, got '100'"],
  ['success a string', (s) => (s.result = { success: 'false' }), 'result.success', "must be true or false (a JSON boolean), got 'false'"],
  ['scaled above 1', (s) => (s.result = { score: { scaled: 1.5 } }), 'result.score.scaled', 'must be between -1 and 1, got 1.5'],
  ['min not below max', (s) => (s.result = { score: { min: 5, max: 5 } }), 'result.score.max', 'must be greater than min (5), got 5'],
  ['raw above max', (s) => (s.result = { score: { raw: 11, min: 0, max: 10 } }), 'result.score.raw', 'must not be greater than max (10), got 11'],
  ['bad duration', (s) => (s.result = { duration: 'PA1H0M0S' }), 'result.duration', "must be an ISO 8601 duration such as 'PT1H30M' or 'PT83.25S', got 'PA1H0M0S'"],
  ['result extension without scheme', (s) => (s.result = { extensions: { 'example.com/extension/wrong': 1234 } }), 'result.extensions["example.com/extension/wrong"]', "extension keys must be absolute IRIs with a scheme, e.g. 'http://example.com/extension'"],
  // context
  ['registration not a UUID', (s) => (s.context = { registration: 'should fail' }), 'context.registration', "must be a UUID in standard form (8-4-4-4-12 hex digits), got 'should fail'"],
  ['registration null', (s) => (s.context = { registration: null }), 'context.registration', 'must not be null (omit the property instead)'],
  ['team an Agent', (s) => (s.context = { team: { mbox: 'mailto:a@example.com' } }), 'context.team', "must be a Group (objectType 'Group'): context.team names the team the actor was in"],
  ['instructor a string', (s) => (s.context = { instructor: 'should fail' }), 'context.instructor', "must be an Agent (a JSON object), got 'should fail'"],
  ['contextActivities empty', (s) => (s.context = { contextActivities: {} }), 'context.contextActivities', 'must not be an empty object (omit it instead)'],
  ['contextActivities unknown key', (s) => (s.context = { contextActivities: { parents: [] } }), 'context.contextActivities.parents', 'is not a property of contextActivities; allowed: parent, grouping, category, other (case-sensitive)'],
  ['contextActivities a string', (s) => (s.context = { contextActivities: { parent: 'x' } }), 'context.contextActivities.parent', "must be an Activity or an array of Activities, got 'x'"],
  ['platform with an Agent object', (s) => ((s.object = copy(appendixBObjects.agent)), (s.context = { platform: 'kiosk' })), 'context.platform', "is only allowed when the statement's object is an Activity; here it is 'Agent'"],
  ['revision with a StatementRef', (s) => ((s.object = { objectType: 'StatementRef', id: minimalStatement.id }), (s.context = { revision: '1' })), 'context.revision', "is only allowed when the statement's object is an Activity; here it is 'StatementRef'"],
  ['language not RFC 5646', (s) => (s.context = { language: 'something' }), 'context.language', "must be an RFC 5646 language tag such as 'en', 'zh-CN' or 'sr-Latn-RS', got 'something'"],
  ['statement ref without objectType', (s) => (s.context = { statement: { id: minimalStatement.id } }), 'context.statement.objectType', "must be 'StatementRef', got 'nothing'"],
  // timestamp, stored, version, authority
  ['timestamp without zone', (s) => (s.timestamp = '2013-05-18T05:32:34.804'), 'timestamp', "must be an ISO 8601 date-time with a time zone, e.g. '2026-05-18T05:32:34.804Z' or '2026-05-18T13:32:34+08:00', got '2013-05-18T05:32:34.804'"],
  ['timestamp -00:00', (s) => (s.timestamp = '2008-09-15T15:53:00.601-00:00'), 'timestamp', "must be an ISO 8601 date-time with a time zone, e.g. '2026-05-18T05:32:34.804Z' or '2026-05-18T13:32:34+08:00', got '2008-09-15T15:53:00.601-00:00'"],
  ['stored not a date', (s) => (s.stored = 'should fail'), 'stored', "must be an ISO 8601 date-time with a time zone, e.g. '2026-05-18T05:32:34.804Z' or '2026-05-18T13:32:34+08:00', got 'should fail'"],
  ['version 1.1.0', (s) => (s.version = '1.1.0'), 'version', "must be '1.0' or '1.0.x' (this LRS implements xAPI 1.0.3), got '1.1.0'"],
  ['identified authority Group (XAPI-00100)', (s) => (s.authority = { objectType: 'Group', mbox: 'mailto:g@x.org', member: [{ mbox: 'mailto:a@x.org' }, { mbox: 'mailto:b@x.org' }] }), 'authority', 'an authority Group must be anonymous (its two members identify it); remove mbox'],
  ['authority Group of three', (s) => (s.authority = { objectType: 'Group', member: [{ mbox: 'mailto:a@x.org' }, { mbox: 'mailto:b@x.org' }, { mbox: 'mailto:c@x.org' }] }), 'authority.member', 'an authority Group must have exactly two Agents (the OAuth consumer and user), got 3'],
  // attachments
  ['attachment without sha2', (s) => ((s.attachments = [attachment()]), delete s.attachments[0].sha2), 'attachments[0].sha2', 'is required in an Attachment'],
  ['attachment length a string', (s) => ((s.attachments = [attachment()]), (s.attachments[0].length = '27')), 'attachments[0].length', "must be the size in bytes, a whole number >= 0, got '27'"],
  ['attachment usageType without scheme', (s) => ((s.attachments = [attachment()]), (s.attachments[0].usageType = 'example.com/attachment-usage/test')), 'attachments[0].usageType', "must be an absolute IRI with a scheme, e.g. 'http://example.com/...', got 'example.com/attachment-usage/test'"],
  ['attachment description tag', (s) => ((s.attachments = [attachment()]), (s.attachments[0].description = { something: 'x' })), 'attachments[0].description["something"]', "is not an RFC 5646 language tag; use e.g. 'en', 'zh-CN', 'sr-Latn-RS'"],
  ['attachments not an array', (s) => (s.attachments = attachment()), 'attachments', 'must be an array of Attachments, got an object'],
];

describe('invalid statements: one mutation of a valid one, one problem at the right path', () => {
  it.each(mutations)('%s', (_name, mutate, path, message) => {
    const statement = copy(minimalStatement) as Json;
    mutate(statement);
    expect(validateStatement(statement)).toEqual([{ path, message }]);
  });
});

describe('whole bodies', () => {
  it('rejects a value that is not an object', () => {
    expect(validateStatement('x')).toEqual([{ path: '', message: "must be a Statement (a JSON object), got 'x'" }]);
    expect(validateStatements(42)).toEqual([{ path: '', message: 'must be a Statement (a JSON object) or an array of Statements, got number 42' }]);
  });

  it('reports every problem of a statement at once', () => {
    const problems = validateStatement({ actor: { mbox: 'x' }, verb: { id: 'y' }, object: { id: 'z' } });
    expect(problems.map((p) => p.path)).toEqual(['actor.mbox', 'verb.id', 'object.id']);
  });

  it('validates a batch with paths prefixed by the index', () => {
    const bad = copy(minimalStatement) as Json;
    bad.context = { registration: 'nope' };
    delete bad.id;
    expect(validateStatements([copy(minimalStatement), bad])).toEqual([
      { path: '[1].context.registration', message: "must be a UUID in standard form (8-4-4-4-12 hex digits), got 'nope'" },
    ]);
  });

  it('refuses an empty batch and a batch repeating an id (any case)', () => {
    expect(validateStatements([])).toEqual([{ path: '', message: 'must contain at least one Statement, got an empty array' }]);
    const twin = { ...copy(simpleStatement), id: minimalStatement.id.toUpperCase() };
    expect(validateStatements([copy(minimalStatement), copy(attemptedStatement), twin])).toEqual([
      { path: '[2].id', message: 'repeats the id of [0]; each statement in a batch needs its own id' },
    ]);
  });

  it('accepts a batch of the spec examples and a single statement as a POST body', () => {
    expect(validateStatements([copy(simpleStatement), copy(attemptedStatement), copy(longStatement), copy(voidingStatement)])).toEqual([]);
    expect(validateStatements(copy(minimalStatement))).toEqual([]);
  });

  it('describes a problem as one line', () => {
    expect(describeProblem({ path: 'actor.mbox', message: 'must be x' })).toBe('actor.mbox: must be x');
    expect(describeProblem({ path: '', message: 'must be y' })).toBe('must be y');
  });
});

describe('isSupportedVersion (X-Experience-API-Version)', () => {
  it.each([
    ['1.0.3', true],
    ['1.0.0', true],
    ['1.0', true],
    [' 1.0.1 ', true],
    ['0.95', false],
    ['1.1.0', false],
    ['2.0.0', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, ok) => expect(isSupportedVersion(header)).toBe(ok));
});

describe('never throws, whatever the JSON (the endpoint feeds it anything)', () => {
  it('returns problems for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validateStatements(value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('returns problems for a valid statement with one property replaced by arbitrary JSON', () => {
    const paths: string[][] = [['actor'], ['actor', 'mbox'], ['verb'], ['verb', 'display'], ['object'], ['object', 'definition'], ['object', 'objectType'], ['context'], ['result'], ['timestamp'], ['context', 'contextActivities'], ['actor', 'member'], ['authority']];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const statement = copy(longStatement) as Json;
        let target = statement;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path.at(-1) as string] = value;
        const problems = validateStatement(statement);
        expect(problems.every((p) => typeof p.path === 'string' && p.message.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('nesting depth', () => {
  const nested = (depth: number): unknown => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i++) v = { k: v };
    return v;
  };
  const statement = (extension: unknown) => ({
    actor: { mbox: 'mailto:a@example.org' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
    object: { id: 'http://example.org/a' },
    result: { extensions: { 'http://example.org/x': extension } },
  });

  it('accepts an extension nested to the limit and refuses one deeper, naming where', () => {
    // statement → result → extensions → the extension: 3 levels before the extension's own.
    expect(validateStatement(statement(nested(MAX_JSON_DEPTH - 4)))).toEqual([]);
    const problems = validateStatement(statement(nested(MAX_JSON_DEPTH)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/^result\.extensions\.http:\/\/example\.org\/x(\.k)+$/);
    expect(problems[0]!.message).toMatch(/more than 64 levels/);
  });

  it('checks any depth without overflowing the stack, alone or in a batch', () => {
    expect(validateStatement(statement(nested(200_000)))[0]!.message).toMatch(/levels deep/);
    expect(validateStatements([statement('ok'), statement(nested(200_000))])[0]!.path).toMatch(/^\[1\]\.result/);
    expect(tooDeep([[[1]]], 3)).toBeNull();
    expect(tooDeep([[[[1]]]], 3)).toBe('[0][0][0]');
  });

  it('names the same place as a plain depth-first walk that spells every path, for any JSON and limit', () => {
    // The walk tooDeep replaced: every path made up front. tooDeep spells a path only for the value it returns.
    const reference = (value: unknown, limit: number, root: string): string | null => {
      const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: root }];
      while (stack.length) {
        const { value: v, depth, path } = stack.pop()!;
        if (v === null || typeof v !== 'object') continue;
        if (depth >= limit) return path;
        if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
        else for (const [key, item] of Object.entries(v)) stack.push({ value: item, depth: depth + 1, path: path ? `${path}.${key}` : key });
      }
      return null;
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '[3]', 'result'), (value, limit, root) => {
        expect(tooDeep(value, limit, root)).toBe(reference(value, limit, root));
      }),
      { numRuns: 2000 },
    );
  });
});
