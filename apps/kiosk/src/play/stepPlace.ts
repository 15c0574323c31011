import type { Scenario } from '@ruyi/pack-schema';

/**
 * "Step n of total" for the step indicator: the step's place in the scenario's list, whatever path led there (a branch
 * may skip steps, so counting the steps played would jump about), and its mechanic, whose title names it.
 */
export function stepPlace(scenario: Scenario, stepId: string): { n: number; total: number; mechanic: string } | null {
  const index = scenario.steps.findIndex((s) => s.id === stepId);
  return index < 0 ? null : { n: index + 1, total: scenario.steps.length, mechanic: scenario.steps[index]!.mechanic };
}
