// One play of a scenario: its steps in order (or as they branch), each played by its mechanic's reducer.
// next(scenario, state, event) → { state, outcomes }. Time comes in on the events and randomness from the run's seed,
// so every rule is testable without a clock, a browser or WebGL, and the server can replay a run from its records.
import { mechanicOf, type AnyMechanic, type RecordPayload, type StepEnv } from '@ruyi/mechanics';
import type { Scenario, Step } from '@ruyi/pack-schema';
import { scoreRun, scoreSoFar, type RunScore } from './score.ts';

/** A step the run has finished, with the state it ended in (its score and what was missed come from it). */
export interface PlayedStep {
  stepId: string;
  state: unknown;
}

export interface RunState {
  scenarioId: string;
  /** Every shuffle and random delay of the run is drawn from it (recorded with the run's start). */
  seed: number;
  startedAt: number;
  /** The step being played; null once the run has reached its result. */
  current: { stepId: string; startedAt: number; state: unknown } | null;
  played: PlayedStep[];
  finishedAt: number | null;
}

/** An event of the current step's mechanic; a late event of a step already left (a double tap) changes nothing. */
export interface RunEvent {
  stepId: string;
  event: { type: string; [field: string]: unknown };
  now: number;
}

/** Facts worth recording, emitted by the transition that produced them. */
export type RunOutcome =
  | { kind: 'record'; stepId: string; record: RecordPayload }
  | { kind: 'step-end'; stepId: string; durationMs: number }
  | { kind: 'scenario-end'; score: RunScore; passed: boolean; durationMs: number };

export interface Transition {
  state: RunState;
  outcomes: RunOutcome[];
}

export const envOf = (scenario: Scenario, seed: number): StepEnv => ({ props: scenario.scene.props, seed });

export function stepOf(scenario: Scenario, stepId: string | null | undefined): { step: Step; mechanic: AnyMechanic } | undefined {
  const step = scenario.steps.find((s) => s.id === stepId);
  const mechanic = step && mechanicOf(step.mechanic);
  return step && mechanic ? { step, mechanic } : undefined;
}

function enter(scenario: Scenario, stepId: string, seed: number, now: number): RunState['current'] {
  const { step, mechanic } = stepOf(scenario, stepId)!;
  return { stepId, startedAt: now, state: mechanic.start(step, envOf(scenario, seed), now) };
}

/** A fresh run at its first step. `seed`: a random 32-bit integer, drawn once per run. */
export function startRun(scenario: Scenario, now: number, seed: number): RunState {
  return { scenarioId: scenario.id, seed: seed >>> 0, startedAt: now, current: enter(scenario, scenario.steps[0]!.id, seed, now), played: [], finishedAt: null };
}

/** Where the run goes after `step`: the mechanic's own jump, the first branch the score so far takes, next, or the following step. */
function following(scenario: Scenario, step: Step, goto: string | undefined, played: PlayedStep[]): string {
  if (goto) return goto;
  const so = scoreSoFar(scenario, played);
  const branch = step.branches?.find(
    (b) => (b.scoreBelow === undefined || so < b.scoreBelow) && (b.scoreAtLeast === undefined || so >= b.scoreAtLeast),
  );
  if (branch) return branch.to;
  if (step.next) return step.next;
  return scenario.steps[scenario.steps.indexOf(step) + 1]?.id ?? 'end';
}

export function next(scenario: Scenario, state: RunState, event: RunEvent): Transition {
  const current = state.current;
  const found = stepOf(scenario, current?.stepId);
  if (!current || !found || event.stepId !== current.stepId) return { state, outcomes: [] };
  const { step, mechanic } = found;
  const t = mechanic.next(step, current.state, { ...event.event, now: event.now }, envOf(scenario, state.seed));
  if (t.state === current.state && t.records.length === 0 && !t.done) return { state, outcomes: [] };
  const outcomes: RunOutcome[] = t.records.map((record) => ({ kind: 'record', stepId: step.id, record }));
  if (!t.done) return { state: { ...state, current: { ...current, state: t.state } }, outcomes };

  const played = [...state.played, { stepId: step.id, state: t.state }];
  outcomes.push({ kind: 'step-end', stepId: step.id, durationMs: Math.max(0, Math.round(event.now - current.startedAt)) });
  const to = following(scenario, step, t.goto, played);
  if (to !== 'end' && stepOf(scenario, to))
    return { state: { ...state, played, current: enter(scenario, to, state.seed, event.now) }, outcomes };
  const finished: RunState = { ...state, played, current: null, finishedAt: event.now };
  const score = scoreRun(scenario, finished);
  outcomes.push({ kind: 'scenario-end', score, passed: score.passed, durationMs: Math.max(0, Math.round(event.now - state.startedAt)) });
  return { state: finished, outcomes };
}
