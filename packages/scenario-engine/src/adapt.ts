// A run carried over to a new version of its scenario (an editor saved a file during preview, or an admin installed a
// new pack version while a visitor was playing). The visitor keeps their place as far as the new version allows:
// steps played that still exist keep their states; the step on screen keeps its state while only its texts changed
// (a reworded prompt), else it starts again; a step that is gone sends the run back to the first step not yet played.
import type { Scenario } from '@ruyi/pack-schema';
import { envOf, stepOf, type RunState } from './run.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isText = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['zh-CN'] === 'string' && typeof (v as Record<string, unknown>).en === 'string';

/** A step with its texts left out: what its state depends on (an edited prompt or label changes nothing of it). */
function structureOf(value: unknown): unknown {
  if (isText(value)) return '';
  if (Array.isArray(value)) return value.map(structureOf);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structureOf(v)]));
  return value;
}

/** Returns `state` fitted to `scenario` (same id, maybe other content); the very same object when nothing had to change. */
export function adaptRun(scenario: Scenario, state: RunState, previous?: Scenario): RunState {
  const unchanged = (stepId: string) => {
    const now = scenario.steps.find((s) => s.id === stepId);
    const before = previous?.steps.find((s) => s.id === stepId);
    return now !== undefined && (previous === undefined ? true : sameJson(structureOf(now), structureOf(before)));
  };
  const played = state.played.filter((p) => unchanged(p.stepId));
  let current = state.current;
  if (current && !unchanged(current.stepId)) {
    const stepId = stepOf(scenario, current.stepId) ? current.stepId : scenario.steps.find((s) => !played.some((p) => p.stepId === s.id))?.id;
    const found = stepOf(scenario, stepId);
    current = found ? { stepId: found.step.id, startedAt: current.startedAt, state: found.mechanic.start(found.step, envOf(scenario, state.seed), current.startedAt) } : current;
  }
  if (played.length === state.played.length && current === state.current && state.scenarioId === scenario.id) return state;
  return { ...state, scenarioId: scenario.id, played, current };
}
