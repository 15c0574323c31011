import type { Pack, Scenario } from '@ruyi/pack-schema';
import { adaptRun, next, recordBodyFor, runStartBody, startRun, type RunEvent } from '@ruyi/scenario-engine';
import { record } from './record.ts';
import { useVisit, type ActiveRun } from './visit.ts';

/** One of the current step's events, as a view sends it (the run adds the time). */
export type StepEvent = RunEvent['event'];

export type Active = ActiveRun;

interface RunStore {
  active: ActiveRun | null;
  start(pack: Pack, scenario: Scenario): void;
  /**
   * A new version of the pack being played (the content changed on the server): the run goes on in it, at the same
   * place as far as the new version allows. Does nothing for another pack or scenario than the one being played.
   */
  adopt(pack: Pack, scenario: Scenario): void;
  /** An event of step `stepId`; ignored unless that step is the one being played (a late double tap). */
  dispatch(stepId: string, event: StepEvent): void;
  clear(): void;
}

/** A fresh 32-bit seed per run: every shuffle of the run is drawn from it, and it is recorded with the run's start. */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

const run = () => useVisit.getState().run;
const setRun = (active: ActiveRun | null) => useVisit.getState().setRun(active);

const actions: Omit<RunStore, 'active'> = {
  start: (pack, scenario) => {
    const runId = crypto.randomUUID();
    const seed = newSeed();
    setRun({ pack, scenario, runId, state: startRun(scenario, Date.now(), seed) });
    record(runStartBody({ packId: pack.id, scenarioId: scenario.id, runId }, seed));
  },
  adopt: (pack, scenario) => {
    const active = run();
    if (!active || active.pack.id !== pack.id || active.scenario.id !== scenario.id) return;
    if (active.pack === pack && active.scenario === scenario) return;
    setRun({ ...active, pack, scenario, state: adaptRun(scenario, active.state, active.scenario) });
  },
  dispatch: (stepId, event) => {
    const active = run();
    if (!active) return;
    const step = next(active.scenario, active.state, { stepId, event, now: Date.now() });
    if (step.state === active.state && step.outcomes.length === 0) return;
    setRun({ ...active, state: step.state });
    const ref = { packId: active.pack.id, scenarioId: active.scenario.id, runId: active.runId };
    for (const outcome of step.outcomes) record(recordBodyFor(outcome, ref));
  },
  clear: () => setRun(null),
};

/**
 * The scenario being played. Rules live in the engine; this only keeps its state and records what it reports. The run
 * is a field of the visit (stores/visit.ts), so it is saved, restored and cleared with it; this is its view and actions.
 */
export const useRun = Object.assign(
  function useRunSelector<T>(select: (store: RunStore) => T): T {
    return useVisit((visit) => select({ active: visit.run, ...actions }));
  },
  { getState: (): RunStore => ({ active: run(), ...actions }) },
);
