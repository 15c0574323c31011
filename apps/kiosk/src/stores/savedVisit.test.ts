import type { Pack, Scenario } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import { eventsTo, firePack, play, stepOfKind } from '../play/testScenario.ts';
import { planResume } from './resumePlan.ts';
import { parseSaved, placeOf, saveOf, type SavedVisit } from './savedVisit.ts';
import { initialVisit, type Visit } from './visit.ts';

const { pack, scenario } = firePack();
const idle = { idleSeconds: 60, countdownSeconds: 15 };
const T0 = 1_000_000;

/** A visit mid-hunt: language, children's version, seat and 2 hazards found. */
function midHunt(): Visit {
  const hunt = stepOfKind(scenario, 'hazard-hunt');
  const events = [
    ...eventsTo(scenario, hunt.id),
    { stepId: hunt.id, event: { type: 'inspect', propId: hunt.hazards[0]!.prop } },
    { stepId: hunt.id, event: { type: 'inspect', propId: hunt.hazards[1]!.prop } },
  ];
  return {
    ...initialVisit(T0),
    visitId: '8d1c6a52-0b4e-4a8e-9d0e-3c2b1a0f9e8d',
    locale: 'en',
    startedAt: T0 - 60_000,
    lastActivityAt: T0,
    audience: 'child',
    posture: 'seated',
    run: { pack, scenario, runId: 'b7e0f1a2-3c4d-4e5f-8a9b-0c1d2e3f4a5b', state: play(scenario, events) },
  };
}

/** Through the device's storage and back, as a reload does. */
const reload = (visit: Visit) => parseSaved(JSON.stringify(saveOf(visit)));

describe('a visit kept on the device', () => {
  it('keeps nothing when there is no visit', () => {
    expect(saveOf(initialVisit(T0))).toBeNull();
    expect(planResume(null, [pack], T0, idle)).toEqual({ kind: 'none' });
  });

  it('keeps the run by ids, not the pack', () => {
    const saved = saveOf(midHunt())!;
    expect(saved.run).toMatchObject({ packId: pack.id, runId: midHunt().run!.runId });
    expect(saved.run).not.toHaveProperty('pack');
  });

  it('resumes the same visit, step and progress after a reload', () => {
    const before = midHunt();
    const plan = planResume(reload(before), [pack], T0 + 5_000, idle);
    expect(plan.kind).toBe('resume');
    if (plan.kind !== 'resume') return;
    expect(plan.visit).toEqual(before);
    expect(plan.visit.run!.pack).toBe(pack);
    expect(placeOf(plan.visit)).toBe(`/play/${pack.id}/${scenario.id}`);
  });

  it('resumes a visit on the map as it was', () => {
    const onMap = { ...midHunt(), run: null };
    const plan = planResume(reload(onMap), [pack], T0 + 5_000, idle);
    expect(plan).toEqual({ kind: 'resume', visit: onMap });
    expect(placeOf(onMap)).toBe('/map');
  });

  it('ends a visit whose idle time ran out while the page was gone, as a timeout', () => {
    const gone = T0 + (idle.idleSeconds + idle.countdownSeconds) * 1000;
    const plan = planResume(reload(midHunt()), [pack], gone, idle);
    expect(plan).toMatchObject({ kind: 'end', reason: 'timeout', visit: { visitId: midHunt().visitId, locale: 'en', run: null } });
    // One moment earlier it is still the visitor's (the warning shows again).
    expect(planResume(reload(midHunt()), [pack], gone - 1, idle).kind).toBe('resume');
  });

  it('ends the visit cleanly when its pack or scenario is gone from the content', () => {
    expect(planResume(reload(midHunt()), [], T0, idle)).toMatchObject({ kind: 'end', reason: 'finished' });
    const renamed: Pack = { ...pack, scenarios: [{ ...scenario, id: 'another' }] };
    expect(planResume(reload(midHunt()), [renamed], T0, idle)).toMatchObject({ kind: 'end', reason: 'finished' });
  });

  it('fits the run to a scenario changed in between: a step that is gone sends the visitor to the first not played', () => {
    const hunt = stepOfKind(scenario, 'hazard-hunt');
    const changed: Scenario = { ...scenario, steps: scenario.steps.filter((s) => s.id !== hunt.id) };
    const plan = planResume(reload(midHunt()), [{ ...pack, scenarios: [changed] }], T0, idle);
    expect(plan.kind).toBe('resume');
    if (plan.kind !== 'resume') return;
    expect(plan.visit.run!.scenario).toBe(changed);
    expect(plan.visit.run!.state.current!.stepId).not.toBe(hunt.id);
    expect(changed.steps.some((s) => s.id === plan.visit.run!.state.current!.stepId)).toBe(true);
  });

  it('gives a value the saving app did not know its new-visit default', () => {
    const saved = reload(midHunt())!;
    const { posture: _, ...older } = saved.visit;
    const plan = planResume({ ...saved, visit: older as SavedVisit['visit'] }, [pack], T0, idle);
    expect(plan.kind === 'resume' && plan.visit.posture).toBe('standing');
  });

  it('reads nothing from what it cannot read', () => {
    expect(parseSaved(null)).toBeNull();
    expect(parseSaved('{not json')).toBeNull();
    expect(parseSaved('null')).toBeNull();
    expect(parseSaved(JSON.stringify({ version: 0, visit: midHunt() }))).toBeNull();
    const saved = saveOf(midHunt())!;
    expect(parseSaved(JSON.stringify({ ...saved, run: { ...saved.run, state: null } }))).toBeNull();
    expect(parseSaved(JSON.stringify({ ...saved, visit: { ...saved.visit, visitId: 7 } }))).toBeNull();
  });
});
