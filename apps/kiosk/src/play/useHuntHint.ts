import type { Hazard, Scenario } from '@ruyi/pack-schema';
import { hintFor, msUntilHint, type RunState } from '@ruyi/scenario-engine';
import { useEffect, useReducer } from 'react';

/**
 * The hazard to hint at now (the engine's rule: after `hintAfterSeconds` without a find), or null. Hints depend on
 * time, not only on state: this wakes the component up when the next one is due.
 */
export function useHuntHint(scenario: Scenario, state: RunState): Hazard | null {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const wait = msUntilHint(scenario, state, Date.now());
  useEffect(() => {
    if (wait === null) return;
    const timer = window.setTimeout(rerender, wait + 50);
    return () => window.clearTimeout(timer);
  }, [wait, state.lastProgressAt]);
  return hintFor(scenario, state, Date.now());
}
