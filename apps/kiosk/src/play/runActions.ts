// What a visitor's action sends to the run, in one place: the touch and VR views of every mechanic call these, so a
// tap on a screen and a trigger pull in a headset can never drift apart.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { useRun, type StepEvent } from '../stores/run.ts';

export const runActions = {
  /** An event of the step being played; the run ignores it once that step is over. */
  dispatch: (stepId: string, event: StepEvent) => useRun.getState().dispatch(stepId, event),
  /** A fresh run of the same scenario (a new run id and seed), back at its first step. */
  playAgain: (pack: Pack, scenario: Scenario) => useRun.getState().start(pack, scenario),
};
