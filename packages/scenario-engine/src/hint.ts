import type { Hazard, Scenario } from '@ruyi/pack-schema';
import type { RunState } from './run.ts';

/**
 * The hazard to hint at, once the visitor has gone `hintAfterSeconds` without finding one: the first not yet found,
 * in pack order. Derived from state and time, so nothing has to remember that a hint is showing.
 */
export function hintFor(scenario: Scenario, state: RunState, now: number): Hazard | null {
  if (state.phase !== 'hazard-hunt') return null;
  if (now - state.lastProgressAt < scenario.hazardHunt.hintAfterSeconds * 1000) return null;
  return scenario.hazardHunt.hazards.find((h) => !state.found.includes(h.id)) ?? null;
}

/** Milliseconds until a hint would appear (0 if it is due); null outside the hunt or when all are found. */
export function msUntilHint(scenario: Scenario, state: RunState, now: number): number | null {
  if (state.phase !== 'hazard-hunt' || state.found.length === scenario.hazardHunt.hazards.length) return null;
  return Math.max(0, state.lastProgressAt + scenario.hazardHunt.hintAfterSeconds * 1000 - now);
}
