// A scenario's steps by mechanic, for specs that play a scenario of case card, hazard hunt, decisions and quiz.
import type { MechanicName, StepConfigOf } from '@ruyi/mechanics';
import type { Scenario } from '@ruyi/pack-schema';

/** The scenario's first step of a mechanic, typed as that mechanic's. */
export function stepOf<N extends MechanicName>(scenario: Scenario, mechanic: N): StepConfigOf<N> {
  const step = scenario.steps.find((s) => s.mechanic === mechanic);
  if (!step) throw new Error(`scenario ${scenario.id} has no ${mechanic} step`);
  return step as unknown as StepConfigOf<N>;
}
