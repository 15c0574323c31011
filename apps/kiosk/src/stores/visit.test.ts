import { beforeAll, describe, expect, it } from 'vitest';
import { firePack } from '../play/testScenario.ts';
import { useContent } from './content.ts';
import { useRun } from './run.ts';
import { initialVisit, useVisit, visitOf, type Visit } from './visit.ts';

// What the run records would go to the device's outbox, which is not this test's business: records are made only once
// the content is loaded, and this file loads none (the app's test set-up puts every store back to its start).
beforeAll(() => expect(useContent.getState().status).not.toBe('ready'));

const { pack, scenario } = firePack();

/** Every per-visit value a visitor can set, set to something else than a new visit's. */
function playAVisit(): Visit {
  const v = useVisit.getState();
  v.begin();
  v.setLocale('en');
  v.setAudience('child');
  v.setPosture('seated');
  useRun.getState().start(pack, scenario);
  const first = useRun.getState().active!.state.current!;
  useRun.getState().dispatch(first.stepId, { type: 'continue' });
  return visitOf(useVisit.getState());
}

describe('the visit store', () => {
  it('holds nothing but the visit: each of its values is a field of Visit, which a new visit starts afresh', () => {
    const values = Object.entries(useVisit.getState()).filter(([, v]) => typeof v !== 'function').map(([k]) => k);
    expect(values.sort()).toEqual(Object.keys(initialVisit(0)).sort());
  });

  it('starts every visit from the same initial visit', () => {
    useVisit.getState().clear();
    const { lastActivityAt: _a, ...fresh } = visitOf(useVisit.getState());
    const { lastActivityAt: _b, ...initial } = initialVisit(0);
    expect(fresh).toEqual(initial);
  });

  it('two visits in a row: every value of the first one is gone in the second', () => {
    useVisit.getState().clear();
    const first = playAVisit();
    const blank = initialVisit(0);
    // The first visit really set every value: a value left at its initial one would prove nothing below.
    for (const key of Object.keys(blank) as (keyof Visit)[]) if (key !== 'lastActivityAt') expect(first[key], key).not.toEqual(blank[key]);

    useVisit.getState().clear();
    useVisit.getState().begin();
    const second = visitOf(useVisit.getState());
    expect(second.visitId).not.toBeNull();
    expect(second.visitId).not.toBe(first.visitId);
    for (const key of Object.keys(blank) as (keyof Visit)[]) {
      if (key === 'visitId' || key === 'startedAt' || key === 'lastActivityAt') continue;
      expect(second[key], key).toEqual(blank[key]);
    }
    expect(useRun.getState().active).toBeNull();
  });

  it('keeps the run in the visit: the run view and the visit see the same run', () => {
    useVisit.getState().clear();
    useVisit.getState().begin();
    useRun.getState().start(pack, scenario);
    expect(useVisit.getState().run).toBe(useRun.getState().active);
    useRun.getState().clear();
    expect(useVisit.getState().run).toBeNull();
    expect(useVisit.getState().visitId).not.toBeNull();
  });
});
