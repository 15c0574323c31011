// Ruyi's statement design against the real packs: every record a played visit makes becomes valid xAPI 1.0.3, reads
// back as the same record, and carries what the design promises (anonymous actor, ADL verbs, IRIs, result, context).
// The records come from runs of every scenario in content/ played by the mechanics' stand-in visitors, so a new
// mechanic's records are covered by the scenario that proves it, not by a list kept by hand.
import { readFileSync } from 'node:fs';
import { MECHANICS, RECORD_TYPES, recordEntry, VisitRecord, type DecisionsStep, type HazardHuntStep, type QuizStep } from '@ruyi/mechanics';
import { readContent } from '@ruyi/pack-schema/node';
import { createRecord, type RecordBody } from '@ruyi/records';
import { playScenario } from '@ruyi/scenario-engine/testing';
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
const ctx: StatementContext = {
  base: BASE,
  parkIri: PARK,
  deviceId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  pack: (id) => content.packs.find((p) => p.id === id),
};

const make = (body: RecordBody, platform: VisitRecord['platform'] = 'kiosk', locale: VisitRecord['locale'] = 'zh-CN'): VisitRecord =>
  createRecord({ visitId, platform, locale, now: () => new Date('2027-06-01T09:30:12.250+08:00'), newId }, body) as VisitRecord;

const run = { packId: pack.id, scenarioId: scenario.id, runId };
const stepOf = <S>(mechanic: string) => scenario.steps.find((s) => s.mechanic === mechanic) as unknown as S;
const hunt = stepOf<HazardHuntStep>('hazard-hunt');
const drill = stepOf<DecisionsStep>('decisions');
const quiz = stepOf<QuizStep>('quiz');
const hazard = hunt.hazards[0]!;
const node = drill.nodes.find((x) => x.id === drill.start)!;
const unsafe = node.choices.find((c) => !c.safe)!;
const multiple = quiz.questions.find((q) => q.kind === 'multiple') ?? quiz.questions[0]!;
const safeProp = scenario.scene.props.find((p) => !hunt.hazards.some((h) => h.prop === p.id))!;

/** Records made by hand, for the cases a played run does not make (a timeout, a failed end at zero, long and zero durations). */
const handMade: [string, RecordBody][] = [
  ['visit-start', { type: 'visit-start' }],
  ['visit-end (timeout)', { type: 'visit-end', reason: 'timeout' }],
  ['scenario-start (seed 0)', { type: 'scenario-start', ...run, seed: 0 }],
  ['scenario-start (largest seed)', { type: 'scenario-start', ...run, seed: 0xffffffff }],
  ['step-end case-card (a lesson)', { type: 'step-end', ...run, stepId: 'case-card', durationMs: 48_250 }],
  ['step-end hazard-hunt (0 ms)', { type: 'step-end', ...run, stepId: hunt.id, durationMs: 0 }],
  ['step-end decisions (an hour)', { type: 'step-end', ...run, stepId: drill.id, durationMs: 3_600_000 }],
  ['step-end quiz (1 ms)', { type: 'step-end', ...run, stepId: quiz.id, durationMs: 1 }],
  ['prop-checked', { type: 'prop-checked', ...run, stepId: hunt.id, propId: safeProp.id, atMs: 4_000 }],
  ['hazard-found', { type: 'hazard-found', ...run, stepId: hunt.id, hazardId: hazard.id, atMs: 12_345 }],
  ['decision (unsafe)', { type: 'decision', ...run, stepId: drill.id, nodeId: node.id, choiceId: unsafe.id, safe: false, order: node.choices.map((c) => c.id).reverse() }],
  [
    'answer (multiple, wrong)',
    {
      type: 'answer',
      ...run,
      stepId: quiz.id,
      questionId: multiple.id,
      choiceIds: [multiple.choices[0]!.id, multiple.choices[1]!.id],
      correct: false,
      order: multiple.choices.map((c) => c.id),
    },
  ],
  ['scenario-end (passed)', { type: 'scenario-end', ...run, score: { raw: 130, max: 170, scaled: 0.7647 }, passed: true, durationMs: 412_300 }],
  ['scenario-end (failed, zero)', { type: 'scenario-end', ...run, score: { raw: 0, max: 170, scaled: 0 }, passed: false, durationMs: 9_999 }],
];
const byName = (name: string) => handMade.find(([n]) => n === name)![1];

/** Every scenario of content/ played well and poorly: each record type of each step, once per run. */
const played: [string, RecordBody][] = content.packs.flatMap((p) =>
  p.scenarios.flatMap((s) =>
    (['good', 'poor'] as const).flatMap((skill, i) => {
      const ref = { packId: p.id, scenarioId: s.id, runId: `8d7c6b5a-4e3f-4a1b-8c9d-0e1f2a3b4c5${i}` };
      const seen = new Set<string>();
      return playScenario(s, ref, { skill, seed: 1000 + i }).records.flatMap(({ body }): [string, RecordBody][] => {
        const key = `${body.type} ${String(body.stepId ?? '')}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [[`${p.id}/${s.id} ${skill}: ${key}`, body]];
      });
    }),
  ),
);
const everyRecord = [...handMade, ...played];

describe('statementsFromRecord', () => {
  it('is tested with every record type there is (the core ones and every mechanic’s)', () => {
    expect(new Set(everyRecord.map(([, body]) => body.type))).toEqual(new Set(RECORD_TYPES));
    // Each registered mechanic is played by a scenario in content/.
    const used = new Set(content.packs.flatMap((p) => p.scenarios.flatMap((s) => s.steps.map((step) => step.mechanic))));
    expect([...used].sort()).toEqual(Object.keys(MECHANICS).sort());
  });

  it.each(everyRecord)('%s: valid xAPI 1.0.3, and read back as the same record', (_name, body) => {
    const record = make(body, 'vr', 'en');
    expect(VisitRecord.safeParse(record).error?.issues).toBeUndefined();
    const statements = statementsFromRecord(record, ctx);
    expect(statements.length).toBe(record.type === 'scenario-end' ? 2 : 1);
    for (const statement of statements) {
      expect(validateStatement(statement)).toEqual([]);
      const read = recordFromStatement(statement, BASE);
      expect(read?.record).toEqual({ ...record, id: statement.id });
    }
    expect(statements[0]!.id).toBe(record.id);
    // A step record's result carries only the extensions its mechanic declares (the device route refuses any other).
    const declared = recordEntry(record.type)?.spec.extensions ?? [];
    const written = Object.keys(statements[0]!.result?.extensions ?? {}).filter((k) => !k.endsWith('/end-reason'));
    for (const k of written) expect(declared, `${record.type} writes ${k}`).toContain(k.slice(`${BASE}extensions/`.length));
  });

  it('keeps the visitor anonymous: an account on the park, named by the random visit id, and nothing else', () => {
    for (const [, body] of everyRecord)
      for (const s of statementsFromRecord(make(body), ctx)) {
        expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: PARK, name: visitId } });
        expect(s.context?.registration).toBe(visitId);
        expect(JSON.stringify(s)).not.toMatch(/mbox|openid|"name":"(?!Ruyi)[^"]*@/);
      }
  });

  it('uses ADL verbs only', () => {
    const verbs = new Set(everyRecord.flatMap(([, body]) => statementsFromRecord(make(body), ctx).map((s) => s.verb.id)));
    for (const v of verbs) expect(v).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/[a-z]+$/);
    expect([...verbs].sort()).toEqual(
      ['launched', 'terminated', 'initialized', 'experienced', 'completed', 'interacted', 'answered', 'passed', 'failed'].map((v) => VERBS[v as keyof typeof VERBS].id).sort(),
    );
  });

  it('names activities by IRIs from the pack, scenario and item ids, with the pack texts in its languages', () => {
    const [found] = statementsFromRecord(make(byName('hazard-found')), ctx);
    expect(found!.object).toEqual({
      objectType: 'Activity',
      id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}/hazards/${hazard.id}`,
      definition: { type: `${BASE}activity-types/hazard`, name: { 'zh-CN': hazard.name['zh-CN'], en: hazard.name.en } },
    });
    // When it was found, from the hunt's start: later finds may earn less.
    expect(found!.result).toEqual({ success: true, extensions: { [`${BASE}extensions/at-ms`]: 12_345 } });
    expect(found!.context).toMatchObject({
      platform: 'Ruyi kiosk',
      language: 'zh-CN',
      revision: pack.version,
      contextActivities: {
        parent: [{ id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}` }],
        grouping: [{ id: `${BASE}areas/fire` }, { id: PARK }],
        category: [{ id: `${BASE}profile` }],
      },
      // The step the record belongs to: a scenario may have two steps of one mechanic.
      extensions: { [`${BASE}extensions/device`]: ctx.deviceId, [`${BASE}extensions/run`]: runId, [`${BASE}extensions/step`]: hunt.id },
    });
  });

  it('makes a step end the step, a lesson experienced or a performance completed, named by its mechanic', () => {
    const [read] = statementsFromRecord(make(byName('step-end case-card (a lesson)')), ctx);
    expect(read!.verb.id).toBe(VERBS.experienced.id);
    expect(read!.object).toEqual({
      objectType: 'Activity',
      id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}/steps/case-card`,
      definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { 'zh-CN': '事故案例', en: 'Accident case' } },
    });
    expect(read!.result).toEqual({ completion: true, duration: 'PT48.25S' });
    const kinds = [hunt.id, drill.id, quiz.id].map((stepId) => {
      const [s] = statementsFromRecord(make({ type: 'step-end', ...run, stepId, durationMs: 1 }), ctx);
      return [s!.verb.id.split('/').pop(), (s!.object as { definition: { type: string } }).definition.type.split('/').pop()];
    });
    expect(kinds).toEqual([
      ['completed', 'performance'],
      ['completed', 'simulation'],
      ['completed', 'assessment'],
    ]);
  });

  it('makes decisions choice interactions, every safe choice a right response, with the order the choices were shown in', () => {
    const [decision] = statementsFromRecord(make(byName('decision (unsafe)')), ctx);
    expect(decision!.verb.id).toBe(VERBS.answered.id);
    const definition = (decision!.object as { id: string; definition: Record<string, unknown> }).definition;
    expect((decision!.object as { id: string }).id).toBe(`${BASE}packs/${pack.id}/scenarios/${scenario.id}/decisions/${node.id}`);
    expect(definition).toMatchObject({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: node.choices.filter((c) => c.safe).map((c) => c.id),
    });
    expect(decision!.result).toEqual({ response: unsafe.id, success: false, extensions: { [`${BASE}extensions/choice-order`]: node.choices.map((c) => c.id).reverse() } });
  });

  it('makes quiz answers choice interactions with the correct pattern, the response and the order shown', () => {
    const [answer] = statementsFromRecord(make(byName('answer (multiple, wrong)')), ctx);
    expect(answer!.verb.id).toBe(VERBS.answered.id);
    const definition = (answer!.object as { definition: Record<string, unknown> }).definition;
    expect(definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: [multiple.answer.join('[,]')] });
    expect((definition.choices as { id: string }[]).map((c) => c.id)).toEqual(multiple.choices.map((c) => c.id));
    expect(answer!.result).toEqual({
      response: `${multiple.choices[0]!.id}[,]${multiple.choices[1]!.id}`,
      success: false,
      extensions: { [`${BASE}extensions/choice-order`]: multiple.choices.map((c) => c.id) },
    });
  });

  it('carries the run’s seed on its start, so the order of its choices can be replayed', () => {
    const [start] = statementsFromRecord(make({ type: 'scenario-start', ...run, seed: 20270601 }), ctx);
    expect(start!.verb.id).toBe(VERBS.initialized.id);
    expect(start!.context?.extensions).toEqual({ [`${BASE}extensions/device`]: ctx.deviceId, [`${BASE}extensions/run`]: runId, [`${BASE}extensions/seed`]: 20270601 });
  });

  it('ends a scenario with completed and its verdict, both with the score, success, completion and duration', () => {
    const [completed, verdict] = statementsFromRecord(make(byName('scenario-end (passed)')), ctx);
    const result = { score: { scaled: 0.7647, raw: 130, min: 0, max: 170 }, success: true, completion: true, duration: 'PT412.3S' };
    expect(completed!.verb.id).toBe(VERBS.completed.id);
    expect(verdict!.verb.id).toBe(VERBS.passed.id);
    expect(completed!.result).toEqual(result);
    expect(verdict!.result).toEqual(result);
    expect(verdict!.id).not.toBe(completed!.id);
    // Derived from the record's id, so the same record always makes the same two statements.
    const record = make(byName('scenario-end (passed)'));
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
    const noPack = { ...ctx, pack: () => undefined };
    const [s] = statementsFromRecord(make(byName('scenario-start (seed 0)')), noPack);
    expect(validateStatement(s)).toEqual([]);
    expect(s!.object).toEqual({ objectType: 'Activity', id: `${BASE}packs/${pack.id}/scenarios/${scenario.id}`, definition: { type: 'http://adlnet.gov/expapi/activities/simulation' } });
    for (const name of ['hazard-found', 'decision (unsafe)', 'step-end decisions (an hour)']) {
      const record = make(byName(name));
      const [statement] = statementsFromRecord(record, noPack);
      expect(validateStatement(statement)).toEqual([]);
      expect(recordFromStatement(statement!, BASE)?.record).toEqual(record);
    }
  });
});

describe('recordFromStatement under several bases', () => {
  const OTHER = 'https://other-city.example.org/lrs/';
  const otherCtx: StatementContext = { ...ctx, base: OTHER };

  it('reads each statement by its own base only, whichever base was read before, and finds the area in any grouping place', () => {
    for (const [, body] of everyRecord) {
      const record = make(body);
      const [mine] = statementsFromRecord(record, ctx);
      const [theirs] = statementsFromRecord(record, otherCtx);
      // Alternating bases: what one base prepared for reading must not leak into the other's.
      expect(recordFromStatement(mine!, BASE)?.record).toEqual({ ...record, id: mine!.id });
      expect(recordFromStatement(mine!, OTHER)).toBeNull();
      expect(recordFromStatement(theirs!, OTHER)?.record).toEqual({ ...record, id: theirs!.id });
      expect(recordFromStatement(theirs!, BASE)).toBeNull();
    }
    const [start] = statementsFromRecord(make(byName('scenario-start (seed 0)')), ctx);
    const grouping = start!.context!.contextActivities!.grouping!;
    const moved: Statement = { ...start!, context: { ...start!.context, contextActivities: { ...start!.context!.contextActivities, grouping: [{ id: 'http://example.com/not-an-area' }, ...[grouping].flat()] } } };
    expect(recordFromStatement(moved, BASE)?.area).toBe(recordFromStatement(start!, BASE)?.area);
    expect(recordFromStatement(start!, BASE)?.area).toBe(pack.area);
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
  const [start] = statementsFromRecord(make(byName('scenario-start (seed 0)')), ctx);
  const [decision] = statementsFromRecord(make(byName('decision (unsafe)')), ctx);

  it('reads a Ruyi statement back as its record, kind and area', () => {
    expect(recordFromStatement(start!, BASE)).toEqual({
      kind: 'scenario-start',
      area: 'fire',
      record: expect.objectContaining({ type: 'scenario-start', visitId, platform: 'kiosk', locale: 'zh-CN', packId: pack.id, scenarioId: scenario.id, runId, seed: 0 }),
    });
    expect(recordFromStatement(decision!, BASE)).toMatchObject({ kind: 'decision', area: 'fire', record: { type: 'decision', stepId: drill.id, nodeId: node.id } });
  });

  it.each<[string, (s: Statement) => unknown]>([
    ['another tool’s statement (no Ruyi profile)', (s) => ({ ...s, context: { ...s.context, contextActivities: { grouping: s.context!.contextActivities!.grouping } } })],
    ['another base', (s) => JSON.parse(JSON.stringify(s).replaceAll(BASE, 'https://lms.example.org/'))],
    ['a verb Ruyi does not use', (s) => ({ ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } })],
    ['an unknown platform', (s) => ({ ...s, context: { ...s.context, platform: 'Moodle' } })],
    ['an activity outside the packs', (s) => ({ ...s, object: { objectType: 'Activity', id: `${BASE}elsewhere/x` } })],
    ['a mbox actor', (s) => ({ ...s, actor: { objectType: 'Agent', mbox: 'mailto:pupil@example.org' } })],
    ['no run', (s) => ({ ...s, context: { ...s.context, extensions: {} } })],
    ['a run start whose seed is not a 32-bit integer', (s) => ({ ...s, context: { ...s.context, extensions: { ...s.context!.extensions, [`${BASE}extensions/seed`]: 2 ** 32 } } })],
  ])('is null for %s', (_name, change) => {
    const changed = change(structuredClone(start!)) as Statement;
    expect(recordFromStatement(changed, BASE)).toBeNull();
  });

  it.each<[string, (s: Statement) => unknown]>([
    ['a step record without its step', (s) => ({ ...s, context: { ...s.context, extensions: { [`${BASE}extensions/run`]: runId } } })],
    ['an item under a segment no mechanic has', (s) => ({ ...s, object: { ...(s.object as object), id: (s.object as { id: string }).id.replace('/decisions/', '/dilemmas/') } })],
    ['a verb not its mechanic’s (a decision “interacted”)', (s) => ({ ...s, verb: VERBS.interacted })],
    ['a result without the choice order', (s) => ({ ...s, result: { response: s.result!.response, success: s.result!.success } })],
    ['a result without the response', (s) => ({ ...s, result: { ...s.result, response: undefined } })],
  ])('is null for %s', (_name, change) => {
    const changed = change(structuredClone(decision!)) as Statement;
    expect(recordFromStatement(changed, BASE)).toBeNull();
  });

  it('is null for a verdict whose verb and success disagree', () => {
    const [, verdict] = statementsFromRecord(make(byName('scenario-end (passed)')), ctx);
    expect(recordFromStatement({ ...verdict!, verb: VERBS.failed }, BASE)).toBeNull();
  });
});

describe('VisitRecord (the core records and every mechanic’s)', () => {
  const issues = (value: unknown) => VisitRecord.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  const envelope = { id: 'c56a4180-65aa-42ec-a945-5fd21dec0538', visitId, at: '2026-06-01T09:30:00.000Z', platform: 'kiosk', locale: 'zh-CN' };

  it('names an unknown type with every type there is, and a missing field of a mechanic’s record', () => {
    expect(issues({ ...envelope, type: 'teleport' })).toEqual([`type: unknown record type: must be one of ${RECORD_TYPES.join(', ')}`]);
    expect(RECORD_TYPES).toEqual(expect.arrayContaining(['visit-start', 'scenario-start', 'step-end', 'scenario-end', 'hazard-found', 'prop-checked', 'decision', 'answer']));
    expect(issues({ ...envelope, ...run, type: 'hazard-found', stepId: hunt.id, atMs: 1 })).toEqual(['hazardId: Invalid input: expected string, received undefined']);
    expect(issues({ ...envelope, ...run, type: 'hazard-found', hazardId: hazard.id, atMs: 1 })).toEqual(['stepId: Invalid input: expected string, received undefined']);
    expect(issues({ ...envelope, type: 'visit-start', name: 'Xiao Ming' })[0]).toContain('Unrecognized key');
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
      ...everyRecord.flatMap(([, body]) => statementsFromRecord(make(body), classCtx)),
    ];
    for (const s of statements) {
      Object.keys(s.context?.extensions ?? {}).forEach((k) => seen.context.add(k));
      Object.keys(s.result?.extensions ?? {}).forEach((k) => seen.result.add(k));
      const definition = (s.object as { definition?: { extensions?: object } }).definition;
      Object.keys(definition?.extensions ?? {}).forEach((k) => seen.definition.add(k));
    }
    expect([...seen.context].sort()).toEqual([...places.context].sort());
    expect([...seen.result].sort()).toEqual([...places.result].sort());
    expect([...seen.definition]).toEqual([...places.definition]);
  });
});
