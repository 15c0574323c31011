import { hintFor, msUntilHint, type HazardDef, type HazardHuntStep, type HuntState } from '@ruyi/mechanics';
import { useEffect, useReducer } from 'react';

/**
 * The hazard to hint at now (the mechanic's rule: after `hintAfterSeconds` without a find), or null. Hints depend on
 * time, not only on state: this wakes the component up when the next one is due.
 */
export function useHuntHint(step: HazardHuntStep, state: HuntState): HazardDef | null {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const wait = msUntilHint(step, state, Date.now());
  useEffect(() => {
    if (wait === null) return;
    const timer = window.setTimeout(rerender, wait + 50);
    return () => window.clearTimeout(timer);
  }, [wait, state.lastProgressAt]);
  return hintFor(step, state, Date.now());
}
