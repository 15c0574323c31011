// The contract every registered mechanic keeps, checked for each one the same way: its step schema and the JSON
// Schema editors get agree, its records survive the trip to xAPI statements and back, its score never passes its
// maximum, and the server's evidence check accepts a run it played and refuses one it did not. A new mechanic is
// tested here by being registered.
import { Scenario, type Step } from '@ruyi/pack-schema';
import { judgeScenarioEnd, next, startRun, type RunOutcome, type RunState } from '@ruyi/scenario-engine';
import { playScenario } from '@ruyi/scenario-engine/testing';
import { recordFromStatement, statementsFromRecord } from '@ruyi/xapi';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Example } from './contract.ts';
import { MECHANIC_NAMES, MECHANICS, type MechanicName } from './registry.ts';
import { VisitRecord } from './records.ts';
import { STEP_SCHEMAS } from './schemas.ts';

const t = (en: string) => ({ 'zh-CN': `中文${en}`, en });
const BASE = 'https://ruyi.test/xapi/';
const PARK = 'https://ruyi.test/parks/test';

/** A one-step scenario of the mechanic's example (its props in the scene), as the server would load it. */
function scenarioOf(name: MechanicName): Scenario {
  const example = MECHANICS[name].example as Example<unknown, { type: string }>;
  const props = (example.props ?? [{ id: 'thing', label: t('Thing') }]).map((p, i) => ({ id: p.id, kind: 'workbench', position: [i, 0, 0], label: p.label }));
  return Scenario.parse({
    id: 'contract',
    title: t('Contract'),
    summary: t('A contract test'),
    scene: { room: { width: 10, depth: 8, height: 4 }, camera: { position: [0, 2, 4], target: [0, 1, 0] }, props },
    steps: [{ id: 'the-step', mechanic: name, ...example.step }],
    result: { lessons: [t('Lesson')] },
  });
}

const ref = { packId: 'contract-pack', scenarioId: 'contract', runId: '00000000-0000-4000-8000-000000000001' };
const envelope = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(100000000000 + i)}`,
  visitId: '00000000-0000-4000-8000-000000000002',
  at: '2026-06-01T09:30:00.000Z',
  platform: 'kiosk' as const,
  locale: 'zh-CN' as const,
});

/** Plays the example's events through the runner: the run's records as the app makes them. */
function playExample(name: MechanicName, seed = 7): { state: RunState; records: VisitRecord[]; outcomes: RunOutcome[] } {
  const scenario = scenarioOf(name);
  const step = scenario.steps[0]!;
  let state = startRun(scenario, 1_000_000, seed);
  const outcomes: RunOutcome[] = [];
  for (const { event, at } of MECHANICS[name].example.play(step as never, { props: scenario.scene.props, seed })) {
    const tr = next(scenario, state, { stepId: step.id, event: event as never, now: 1_000_000 + at });
    state = tr.state;
    outcomes.push(...tr.outcomes);
  }
  const bodies = [
    { type: 'scenario-start', ...ref, seed },
    ...outcomes.map((o) =>
      o.kind === 'record'
        ? { ...o.record, ...ref, stepId: o.stepId }
        : o.kind === 'step-end'
          ? { type: 'step-end', ...ref, stepId: o.stepId, durationMs: o.durationMs }
          : { type: 'scenario-end', ...ref, score: { raw: o.score.raw, max: o.score.max, scaled: o.score.scaled }, passed: o.passed, durationMs: o.durationMs },
    ),
  ];
  return { state, outcomes, records: bodies.map((b, i) => VisitRecord.parse({ ...b, ...envelope(i) })) };
}

describe.each(MECHANIC_NAMES)('mechanic %s', (name) => {
  const mechanic = MECHANICS[name];
  const scenario = scenarioOf(name);
  const step = scenario.steps[0]! as Step;

  it('is registered under its own name, with texts for editors and visitors', () => {
    expect(mechanic.name).toBe(name);
    expect(mechanic.description.length).toBeGreaterThan(20);
    expect(Object.keys(mechanic.locales.en).sort()).toEqual(Object.keys(mechanic.locales['zh-CN']).sort());
    expect(mechanic.locales.en).toHaveProperty('title');
  });

  it('has a step schema that agrees with the JSON Schema editors get', () => {
    const json = z.toJSONSchema(STEP_SCHEMAS[name], { target: 'draft-7', io: 'input', unrepresentable: 'any' });
    const validate = new Ajv({ strict: false, allErrors: true }).compile(json);
    const yamlStep = { id: 'the-step', mechanic: name, ...mechanic.example.step };
    expect(validate(yamlStep), JSON.stringify(validate.errors)).toBe(true);
    expect(STEP_SCHEMAS[name].safeParse(yamlStep).success).toBe(true);
    // A field the mechanic does not have is refused by both.
    const extra = { ...yamlStep, notAField: 1 };
    expect(validate(extra)).toBe(false);
    expect(STEP_SCHEMAS[name].safeParse(extra).success).toBe(false);
  });

  it('plays its example to the end, and its records read back from their statements unchanged', () => {
    const { state, records } = playExample(name);
    expect(state.current).toBeNull();
    const ctx = { base: BASE, parkIri: PARK, deviceId: 'device-1', pack: () => ({ id: ref.packId, area: 'fire', version: '1.0.0', scenarios: [scenario] }) as never };
    for (const record of records) {
      const statements = statementsFromRecord(record, ctx);
      expect(statements.length).toBeGreaterThan(0);
      const back = recordFromStatement(statements[0]!, BASE);
      expect(back?.record, `${record.type} read back`).toEqual(record);
    }
  });

  it('never scores above its maximum, whoever plays', () => {
    for (const skill of ['good', 'poor'] as const)
      for (const seed of [1, 2, 3, 99, 123456]) {
        if (!mechanic.autoplay) continue;
        const { state } = playScenario(scenario, ref, { skill, seed });
        const tally = mechanic.score(step as never, state.played[0]!.state as never);
        expect(tally.points).toBeGreaterThanOrEqual(0);
        expect(tally.points).toBeLessThanOrEqual(tally.maxPoints);
        expect(tally.right).toBeLessThanOrEqual(tally.total);
      }
    const { state } = playExample(name);
    const tally = mechanic.score(step as never, state.played[0]!.state as never);
    expect(tally.points).toBeLessThanOrEqual(tally.maxPoints);
  });

  it('has a stand-in visitor that plays it to the end', () => {
    expect(mechanic.autoplay, 'autoplay').toBeDefined();
    expect(playScenario(scenario, ref, { skill: 'good', seed: 5 }).state.current).toBeNull();
    expect(playScenario(scenario, ref, { skill: 'poor', seed: 5 }).state.current).toBeNull();
  });

  it('lets the evidence check accept the run it played and refuse a forged one', () => {
    const seed = 7;
    const { records } = playExample(name, seed);
    const end = records.at(-1)! as Extract<VisitRecord, { type: 'scenario-end' }>;
    const before = records.slice(0, -1);
    expect(judgeScenarioEnd(scenario, before, end, seed).problems).toEqual([]);
    // A claim above what the run earned.
    const inflated = { ...end, score: { ...end.score, raw: end.score.max + 10, max: end.score.max + 10, scaled: 1 }, passed: true };
    expect(judgeScenarioEnd(scenario, before, inflated, seed).problems.length).toBeGreaterThan(0);
    // A record the play could not have made, put after the play's last step record.
    const forged = mechanic.example.forged(step as never);
    if (forged) {
      const lastStepRecord = before.findLastIndex((r) => r.type !== 'step-end' && r.type !== 'scenario-start');
      const at = lastStepRecord >= 0 ? lastStepRecord + 1 : before.length - 1;
      const record = VisitRecord.parse({ ...forged, ...ref, stepId: step.id, ...envelope(900) });
      const forgedRun = [...before.slice(0, at), record, ...before.slice(at)];
      expect(judgeScenarioEnd(scenario, forgedRun, end, seed).problems.map((p) => p.message).join('\n')).toMatch(/does not fit/);
    }
  });
});
