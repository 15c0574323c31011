// Plays any scenario to its end with each mechanic's stand-in visitor: for tests, the xAPI examples and benchmarks,
// which need real runs of real packs without knowing their content.
import type { RecordBody } from '@ruyi/records';
import type { Scenario } from '@ruyi/pack-schema';
import { recordBodyFor, runStartBody, type RunRef } from './records.ts';
import { envOf, next, startRun, stepOf, type RunOutcome, type RunState } from './run.ts';

export interface PlayedRun {
  state: RunState;
  /** The run's records in order, each with the time it was made (ms from `start`): the start's first. */
  records: { body: RecordBody; at: number }[];
  outcomes: RunOutcome[];
}

export interface PlayOptions {
  skill: 'good' | 'poor';
  seed?: number;
  /** The time the run starts (ms); events follow at the mechanics' own pace. */
  start?: number;
  /** Stop before the step with this id, leaving the run unfinished. */
  stopBefore?: string;
}

export function playScenario(scenario: Scenario, run: RunRef, options: PlayOptions): PlayedRun {
  const seed = options.seed ?? 12345;
  let now = options.start ?? 0;
  let state = startRun(scenario, now, seed);
  const records: PlayedRun['records'] = [{ body: runStartBody(run, seed), at: now }];
  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < 10_000 && state.current && state.current.stepId !== options.stopBefore; i++) {
    const found = stepOf(scenario, state.current.stepId)!;
    const move = found.mechanic.autoplay?.(found.step, state.current.state, envOf(scenario, seed), options.skill);
    if (!move) throw new Error(`step '${found.step.id}' (${found.step.mechanic}) has no stand-in visitor or is stuck`);
    now += move.after;
    const t = next(scenario, state, { stepId: found.step.id, event: move.event, now });
    state = t.state;
    outcomes.push(...t.outcomes);
    for (const outcome of t.outcomes) records.push({ body: recordBodyFor(outcome, run), at: now });
  }
  if (state.current && !options.stopBefore) throw new Error(`the run of '${scenario.id}' did not end`);
  return { state, records, outcomes };
}
