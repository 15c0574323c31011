// A run's score: the sum of its played steps' scores. Each counts against what the visitor faced, so a branch not
// taken costs nothing. Passing needs the share of points the scenario asks for AND every knowledge check played
// (a quiz: 60 % of its points unless the step says otherwise): a visitor who got 1 of 6 questions right has not.
import { mechanicOf, type Tally } from '@ruyi/mechanics';
import type { LocalizedText, Scenario } from '@ruyi/pack-schema';
import type { PlayedStep } from './run.ts';

export interface StepScore {
  stepId: string;
  mechanic: string;
  tally: Tally;
  /** The share of its points the step needs, when it is a knowledge check. */
  passAt: number | null;
  /** Whether a knowledge check was passed; null for other steps. */
  passed: boolean | null;
  /** What the visitor missed or got wrong in this step. */
  missed: LocalizedText[];
}

export interface RunScore {
  raw: number;
  max: number;
  /** raw / max, 0–1, rounded to 4 decimals; 0 when there is nothing to score. */
  scaled: number;
  passed: boolean;
  steps: StepScore[];
}

const share = (t: Tally) => (t.maxPoints === 0 ? 1 : t.points / t.maxPoints);
const rounded = (x: number) => Math.round(x * 10000) / 10000;

function stepScores(scenario: Scenario, played: readonly PlayedStep[]): StepScore[] {
  return played.flatMap(({ stepId, state }) => {
    const step = scenario.steps.find((s) => s.id === stepId);
    const mechanic = step && mechanicOf(step.mechanic);
    if (!step || !mechanic) return [];
    const tally = mechanic.score(step, state);
    const passAt = step.passAt ?? mechanic.knowledgePassAt;
    return [{ stepId, mechanic: step.mechanic, tally, passAt, passed: passAt === null ? null : share(tally) >= passAt, missed: mechanic.missed(step, state) }];
  });
}

/** The scaled score of the steps played so far, for branches on it. */
export function scoreSoFar(scenario: Scenario, played: readonly PlayedStep[]): number {
  const steps = stepScores(scenario, played);
  const max = steps.reduce((s, x) => s + x.tally.maxPoints, 0);
  return max === 0 ? 0 : rounded(steps.reduce((s, x) => s + x.tally.points, 0) / max);
}

export function scoreRun(scenario: Scenario, state: { played: readonly PlayedStep[] }): RunScore {
  const steps = stepScores(scenario, state.played);
  const raw = steps.reduce((s, x) => s + x.tally.points, 0);
  const max = steps.reduce((s, x) => s + x.tally.maxPoints, 0);
  const scaled = max === 0 ? 0 : rounded(raw / max);
  const passed = scaled >= scenario.result.passScore && steps.every((s) => s.passed !== false);
  return { raw, max, scaled, passed, steps };
}
