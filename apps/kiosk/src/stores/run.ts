import type { Pack, Scenario } from '@ruyi/pack-schema';
import { adaptRun, next, recordBodyFor, startRun, type RunEvent, type RunState } from '@ruyi/scenario-engine';
import { create } from 'zustand';
import { record } from './recording.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RunAction = DistributiveOmit<RunEvent, 'now'>;

interface Active {
  pack: Pack;
  scenario: Scenario;
  runId: string;
  state: RunState;
}

interface RunStore {
  active: Active | null;
  start(pack: Pack, scenario: Scenario): void;
  /**
   * A new version of the pack being played (the content changed on the server): the run goes on in it, at the same
   * place as far as the new version allows. Does nothing for another pack or scenario than the one being played.
   */
  adopt(pack: Pack, scenario: Scenario): void;
  dispatch(action: RunAction): void;
  clear(): void;
}

/** The scenario being played. Rules live in the engine; this only keeps its state and records what it reports. */
export const useRun = create<RunStore>((set, get) => ({
  active: null,
  start: (pack, scenario) => {
    const runId = crypto.randomUUID();
    set({ active: { pack, scenario, runId, state: startRun(scenario, Date.now()) } });
    record({ type: 'scenario-start', packId: pack.id, scenarioId: scenario.id, runId });
  },
  adopt: (pack, scenario) => {
    const active = get().active;
    if (!active || active.pack.id !== pack.id || active.scenario.id !== scenario.id) return;
    if (active.pack === pack && active.scenario === scenario) return;
    set({ active: { ...active, pack, scenario, state: adaptRun(scenario, active.state, active.scenario) } });
  },
  dispatch: (action) => {
    const active = get().active;
    if (!active) return;
    const step = next(active.scenario, active.state, { ...action, now: Date.now() } as RunEvent);
    if (step.state === active.state) return;
    set({ active: { ...active, state: step.state } });
    const ref = { packId: active.pack.id, scenarioId: active.scenario.id, runId: active.runId };
    for (const outcome of step.outcomes) record(recordBodyFor(outcome, ref));
  },
  clear: () => set({ active: null }),
}));
