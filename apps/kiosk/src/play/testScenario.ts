// For the view tests: the real fire pack, played through the real engine, with text functions that show their inputs.
import { mechanicOf, type MechanicName, type StepConfigOf, type StepStateOf } from '@ruyi/mechanics';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { next, startRun, type RunEvent, type RunState } from '@ruyi/scenario-engine';
import type { Localize, Translate } from './viewText.ts';

export function firePack(): { pack: Pack; scenario: Scenario } {
  const pack = readContent('content').packs.find((p) => p.id === 'fire-dehui-2013');
  if (!pack) throw new Error('the fire pack did not load');
  return { pack, scenario: pack.scenarios[0]! };
}

/** The scenario's first step of a mechanic, typed as that mechanic's. */
export function stepOfKind<N extends MechanicName>(scenario: Scenario, mechanic: N): StepConfigOf<N> {
  const step = scenario.steps.find((s) => s.mechanic === mechanic);
  if (!step) throw new Error(`the scenario has no ${mechanic} step`);
  return step as unknown as StepConfigOf<N>;
}

export const SEED = 20130603;

/** The run after `events`, each one second after the last. */
export function play(scenario: Scenario, events: Omit<RunEvent, 'now'>[], seed = SEED): RunState {
  return events.reduce((s, e, i) => next(scenario, s, { ...e, now: 1000 * (i + 1) }).state, startRun(scenario, 0, seed));
}

/**
 * The events that play a run from its start until `stepId` is on: each step before it ended by its mechanic's own
 * silent "go on" events (nothing found, nothing answered).
 */
export function eventsTo(scenario: Scenario, stepId: string, seed = SEED): Omit<RunEvent, 'now'>[] {
  const events: Omit<RunEvent, 'now'>[] = [];
  let run = startRun(scenario, 0, seed);
  while (run.current && run.current.stepId !== stepId) {
    const current = run.current;
    const step = scenario.steps.find((s) => s.id === current.stepId)!;
    const ends = mechanicOf(step.mechanic)!.endEvents(step, current.state);
    if (ends.length === 0) throw new Error(`step ${step.id} cannot be ended without playing it`);
    for (const event of ends) {
      events.push({ stepId: step.id, event });
      run = next(scenario, run, { stepId: step.id, event, now: 1000 * events.length }).state;
    }
  }
  return events;
}

/** The state of step `stepId` in a run: the current step's, or the one it ended with. */
export function stepState<N extends MechanicName>(run: RunState, stepId: string): StepStateOf<N> {
  if (run.current?.stepId === stepId) return run.current.state as StepStateOf<N>;
  const played = [...run.played].reverse().find((p) => p.stepId === stepId);
  if (!played) throw new Error(`step ${stepId} was not played`);
  return played.state as StepStateOf<N>;
}

/** `key {"a":1}`: what was asked for, readable in expectations. */
export const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);
export const l: Localize = (text) => localize(text, 'en');
