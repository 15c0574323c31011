import { describe, expect, it } from 'vitest';
import { stepPlace } from './stepPlace.ts';
import { firePack } from './testScenario.ts';

describe('stepPlace', () => {
  const { scenario } = firePack();
  it('counts a step by its place in the list, with its mechanic', () => {
    const total = scenario.steps.length;
    expect(scenario.steps.map((s) => stepPlace(scenario, s.id))).toEqual(scenario.steps.map((s, i) => ({ n: i + 1, total, mechanic: s.mechanic })));
  });

  it('knows no place for a step the scenario does not have', () => {
    expect(stepPlace(scenario, 'gone')).toBeNull();
  });
});
