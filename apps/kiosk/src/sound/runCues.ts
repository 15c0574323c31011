// Which change of a run makes which sound, and the countdown a step shows: they need the mechanics and the engine, so
// they load with the play (install.ts imports them lazily), not with the first screen.
import { mechanicOf } from '@ruyi/mechanics';
import type { Scenario } from '@ruyi/pack-schema';
import { scoreRun, type RunState } from '@ruyi/scenario-engine';
import { resultCue, type Cue } from './cues.ts';

/**
 * The sound the run's change from `before` to `after` makes, or null: the current step's own sound while it goes on,
 * the result's sound when the run reaches its result. A different run, a restored one or a step change is silent.
 */
export function cueForChange(scenario: Scenario, before: RunState | null, after: RunState | null): Cue | null {
  if (!before || !after || before === after || before.startedAt !== after.startedAt || before.scenarioId !== after.scenarioId) return null;
  const b = before.current;
  const a = after.current;
  if (b && !a) return after.finishedAt !== null ? resultCue(scoreRun(scenario, after).passed) : null;
  if (!b || !a || b.stepId !== a.stepId || b.state === a.state) return null;
  const step = scenario.steps.find((s) => s.id === a.stepId);
  const mechanic = step && mechanicOf(step.mechanic);
  return (step && mechanic?.cue?.(step, b.state, a.state)) ?? null;
}

/** The seconds left of the current step's countdown at `now`, or null when none runs. */
export function countdownOf(scenario: Scenario, run: RunState | null, now: number): number | null {
  const current = run?.current;
  const step = current && scenario.steps.find((s) => s.id === current.stepId);
  const mechanic = step && mechanicOf(step.mechanic);
  return (step && mechanic?.countdown?.(step, current.state, now)) ?? null;
}
