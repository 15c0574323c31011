// Ruyi's statement design against the real fire pack: every record type becomes valid xAPI 1.0.3, reads back as the
// same record, and carries what the design promises (anonymous actor, ADL verbs, IRIs, result, context).
import { readFileSync } from 'node:fs';
import { readContent } from '@ruyi/pack-schema/node';
import { createRecord, type RecordBody, type VisitRecord } from '@ruyi/records';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../statement.ts';
import { validateStatement } from '../validate.ts';
import { EXAMPLE_BASE, EXAMPLES_END, EXAMPLES_START, exampleStatements, examplesMarkdown } from './examples.ts';
import { recordFromStatement } from './from-statement.ts';
import { isoDuration, statementsFromRecord, verdictId, type StatementContext } from './to-statements.ts';
import { extensionPlaces, VERBS } from './vocabulary.ts';

const content = readContent(new URL('../../../../content/', import.meta.url).pathname);
const pack = content.packs.find((p) => p.id === 'fire-dehui-2013')!;
const scenario = pack.scenarios[0]!;
const BASE = 'https://safety.example.gov.cn/xapi/';
const PARK = 'https://safety.example.gov.cn/parks/ruyi-creek';
const visitId = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const runId = '8d7c6b5a-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const ctx: StatementContext = { base: BASE, parkIri: PARK, deviceId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', pack: (id) => (id === pack.id ? pack : undefined) };

const make = (body: RecordBody, platform: VisitRecord['platform'] = 'kiosk', locale: VisitRecord['locale'] = 'zh-CN') =>
  createRecord({ visitId, platform, locale, now: () => new Date('2027-06-01T09:30:12.250+08:00'), newId }, body);

const run = { packId: pack.id, scenarioId: scenario.id, runId };
const hazard = scenario.hazardHunt.hazards[0]!;
const node = scenario.decisions.nodes[0]!;
const unsafe = node.choices.find((c) => !c.safe)!;
const multiple = scenario.quiz.questions.find((q) => q.kind === 'multiple') ?? scenario.quiz.questions[0]!;
const safeProp = scenario.scene.props.find((p) => !scenario.hazardHunt.hazards.some((h) => h.prop === p.id))!;

const everyType: [string, RecordBody][] = [
  ['visit-start', { type: 'visit-start' }],
  ['visit-end (timeout)', { type: 'visit-end', reason: 'timeout' }],
  ['scenario-start', { type: 'scenario-start', ...run }],
  ['step-end case-card', { type: 'step-end', ...run, step: 'case-card', durationMs: 48_250 }],
  ['step-end hazard-hunt', { type: 'step-end', ...run, step: 'hazard-hunt', durationMs: 0 }],
  ['step-end hunt-review', { type: 'step-end', ...run, step: 'hunt-review', durationMs: 3_600_000 }],
  ['step-end decisions', { type: 'step-end', ...run, step: 'decisions', durationMs: 1 }],
  ['prop-checked', { type: 'prop-checked', ...run, propId: safeProp.id }],
  ['hazard-found', { type: 'hazard-found', ...run, hazardId: hazard.id }],
  ['decision (unsafe)', { type: 'decision', ...run, nodeId: node.id, choiceId: unsafe.id, safe: false }],
  ['answer (multiple, wrong)', { type: 'answer', ...run, questionId: multiple.id, choiceIds: [multiple.choices[0]!.id, multiple.choices[1]!.id], correct: false }],
  ['scenario-end (passed)', { type: 'scenario-end', ...run, score: { raw: 130, max: 170, scaled: 0.7647 }, passed: true, durationMs: 412_300 }],
  ['scenario-end (failed, zero)', { type: 'scenario-end', ...run, score: { raw: 0, max: 170, scaled: 0 }, passed: false, durationMs: 9_999 }],
];

describe('statementsFromRecord', () => {
  it.each(everyType)('%s: valid xAPI 1.0.3, and read back as the same record', (_name, body) => {
    const record = make(body, 'vr', 'en');
    const statements = statementsFromRecord(record, ctx);
    expect(statements.length).toBe(record.type === 'scenario-end' ? 2 : 1);
    for (const statement of statements) {
      expect(validateStatement(statement)).toEqual([]);
      const read = recordFromStatement(statement, BASE);
      expect(read?.record).toEqual({ ...record, id: statement.id });
    }
    expect(statements[0]!.id).toBe(record.id);
  });

  it('keeps the visitor anonymous: an account on the park, named by the random visit id, and nothing else', () => {
    for (const [, body] of everyType)
      for (const s of statementsFromRecord(make(body), ctx)) {
        expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: PARK, name: visitId } });
        expect(s.context?.registration).toBe(visitId);
        expect(JSON.stringify(s)).not.toMatch(/mbox|openid|"name":"(?!Ruyi)[^"]*@/);
      }
  });

  it('uses ADL verbs only', () => {
    const verbs = new Set(everyType.flatMap(([, body]) => statementsFromRecord(make(body), ctx).map((s) => s.verb.id)));
    for (const v of verbs) expect(v).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/[a-z]+$/);
    expect([...verbs].sort()).toEqual(
      ['launched', 'terminated', 'initialized', 'experienced', 'completed', 'interacted', 'answered', 'passed', 'failed'].map((v) => VERBS[v as keyof typeof VERBS].id).sort(),
    );
  });

  it('names activities by IRIs from the pack, scenario and item ids, with the pack texts in its languages', () => {
    const [found] = statementsFromRecord(make({ type: 'hazard-found', ...run, hazardId: hazard.id }), ctx);
    expect(found!.object).toEqual({
      objectType: 'Activity',
      id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}/hazards/${hazard.id}`,
      definition: { type: `${BASE}activity-types/hazard`, name: { 'zh-CN': hazard.name['zh-CN'], en: hazard.name.en } },
    });
    expect(found!.result).toEqual({ success: true });
    expect(found!.context).toMatchObject({
      platform: 'Ruyi kiosk',
      language: 'zh-CN',
      revision: pack.version,
      contextActivities: {
        parent: [{ id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}` }],
        grouping: [{ id: `${BASE}areas/fire` }, { id: PARK }],
        category: [{ id: `${BASE}profile` }],
      },
      extensions: { [`${BASE}extensions/device`]: ctx.deviceId, [`${BASE}extensions/run`]: runId },
    });
  });

  it('makes quiz answers choice interactions with the correct pattern and the response', () => {
    const [answer] = statementsFromRecord(make(everyType[10]![1]), ctx);
    expect(answer!.verb.id).toBe(VERBS.answered.id);
    const definition = (answer!.object as { definition: Record<string, unknown> }).definition;
    expect(definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: [multiple.answer.join('[,]')] });
    expect((definition.choices as { id: string }[]).map((c) => c.id)).toEqual(multiple.choices.map((c) => c.id));
    expect(answer!.result).toEqual({ response: `${multiple.choices[0]!.id}[,]${multiple.choices[1]!.id}`, success: false });
  });

  it('ends a scenario with completed and its verdict, both with the score, success, completion and duration', () => {
    const [completed, verdict] = statementsFromRecord(make(everyType[11]![1]), ctx);
    const result = { score: { scaled: 0.7647, raw: 130, min: 0, max: 170 }, success: true, completion: true, duration: 'PT412.3S' };
    expect(completed!.verb.id).toBe(VERBS.completed.id);
    expect(verdict!.verb.id).toBe(VERBS.passed.id);
    expect(completed!.result).toEqual(result);
    expect(verdict!.result).toEqual(result);
    expect(verdict!.id).not.toBe(completed!.id);
    // Derived from the record's id, so the same record always makes the same two statements.
    const record = make(everyType[11]![1]);
    expect(statementsFromRecord(record, ctx)).toEqual(statementsFromRecord(record, ctx));
    expect(verdictId('6e0b5c2a-1f3d-4c7e-9a8b-000000000001')).toBe('91f4a3d5-1f3d-4c7e-9a8b-000000000001');
    expect(recordFromStatement(completed!, BASE)).toMatchObject({ kind: 'scenario-end', area: 'fire', record: { score: { scaled: 0.7647 }, passed: true } });
    expect(recordFromStatement(verdict!, BASE)).toMatchObject({ kind: 'scenario-verdict', record: { type: 'scenario-end' } });
  });

  it('adds the class code when a class plays', () => {
    const [s] = statementsFromRecord(make({ type: 'visit-start' }), { ...ctx, classCode: 'CC-2027-3B' });
    expect(s!.context?.extensions).toMatchObject({ [`${BASE}extensions/class-code`]: 'CC-2027-3B' });
  });

  it('still names every activity when the pack is not loaded (texts left out)', () => {
    const [s] = statementsFromRecord(make({ type: 'scenario-start', ...run }), { ...ctx, pack: () => undefined });
    expect(validateStatement(s)).toEqual([]);
    expect(s!.object).toEqual({ objectType: 'Activity', id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}`, definition: { type: 'http://adlnet.gov/expapi/activities/simulation' } });
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [1, 'PT0.001S'],
    [83_250, 'PT83.25S'],
    [3_600_000, 'PT3600S'],
  ])('%i ms → %s', (ms, iso) => expect(isoDuration(ms)).toBe(iso));
});

describe('recordFromStatement', () => {
  const [start] = statementsFromRecord(make({ type: 'scenario-start', ...run }), ctx);

  it('reads a Ruyi statement back as its record, kind and area', () => {
    expect(recordFromStatement(start!, BASE)).toEqual({
      kind: 'scenario-start',
      area: 'fire',
      record: expect.objectContaining({ type: 'scenario-start', visitId, platform: 'kiosk', locale: 'zh-CN', packId: pack.id, scenarioId: scenario.id, runId }),
    });
  });

  it.each<[string, (s: Statement) => unknown]>([
    ['another tool’s statement (no Ruyi profile)', (s) => ({ ...s, context: { ...s.context, contextActivities: { grouping: s.context!.contextActivities!.grouping } } })],
    ['another base', (s) => JSON.parse(JSON.stringify(s).replaceAll(BASE, 'https://lms.example.org/'))],
    ['a verb Ruyi does not use', (s) => ({ ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } })],
    ['an unknown platform', (s) => ({ ...s, context: { ...s.context, platform: 'Moodle' } })],
    ['an activity outside the packs', (s) => ({ ...s, object: { objectType: 'Activity', id: `${BASE}elsewhere/x` } })],
    ['a mbox actor', (s) => ({ ...s, actor: { objectType: 'Agent', mbox: 'mailto:pupil@example.org' } })],
    ['no run', (s) => ({ ...s, context: { ...s.context, extensions: {} } })],
  ])('is null for %s', (_name, change) => {
    const changed = change(structuredClone(start!)) as Statement;
    expect(recordFromStatement(changed, BASE)).toBeNull();
  });

  it('is null for a verdict whose verb and success disagree', () => {
    const [, verdict] = statementsFromRecord(make(everyType[11]![1]), ctx);
    expect(recordFromStatement({ ...verdict!, verb: VERBS.failed }, BASE)).toBeNull();
  });
});

describe('the README', () => {
  it('shows the examples the code makes, one per verb, each valid xAPI', () => {
    const examples = exampleStatements(pack);
    for (const e of examples) expect(validateStatement(e.statement)).toEqual([]);
    const verbs = new Set(examples.map((e) => e.statement.verb.id));
    expect(verbs.size).toBe(Object.keys(VERBS).length);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf(EXAMPLES_START) + EXAMPLES_START.length, readme.indexOf(EXAMPLES_END)).trim();
    expect(section, 'README examples are stale: run `npm run -w @ruyi/xapi examples`').toBe(examplesMarkdown(examples).trim());
    expect(examples.every((e) => recordFromStatement(e.statement, EXAMPLE_BASE) !== null)).toBe(true);
  });
});

describe('extensionPlaces', () => {
  it('lists every extension the design puts in a statement, where it puts it (a class visit included)', () => {
    const places = extensionPlaces(EXAMPLE_BASE);
    const seen = { context: new Set<string>(), result: new Set<string>(), definition: new Set<string>() };
    const classCtx = { ...ctx, base: EXAMPLE_BASE, classCode: 'class-3b' };
    const statements = [
      ...exampleStatements(pack).map((e) => e.statement),
      ...statementsFromRecord(make({ type: 'visit-start' }), classCtx),
    ];
    for (const s of statements) {
      Object.keys(s.context?.extensions ?? {}).forEach((k) => seen.context.add(k));
      Object.keys(s.result?.extensions ?? {}).forEach((k) => seen.result.add(k));
      const definition = (s.object as { definition?: { extensions?: object } }).definition;
      Object.keys(definition?.extensions ?? {}).forEach((k) => seen.definition.add(k));
    }
    expect([...seen.context].sort()).toEqual([...places.context].sort());
    expect([...seen.result]).toEqual([...places.result]);
    expect([...seen.definition]).toEqual([...places.definition]);
  });
});
