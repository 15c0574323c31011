// What the result shows, from the engine's score of the run: the total, whether the scenario is passed (and when not,
// why: a knowledge check not passed, or too few points), each step's points, and what was missed under each step's name.
import type { Scenario } from '@ruyi/pack-schema';
import { scoreRun, type RunScore, type RunState } from '@ruyi/scenario-engine';
import { celebration, MAX_STARS, type Celebration } from './celebration.ts';
import type { Localize, Translate } from './viewText.ts';

export interface MissedInStep {
  stepId: string;
  /** The step's name (its mechanic's title). */
  name: string;
  items: string[];
}

export interface ResultView {
  score: RunScore;
  scoreText: string;
  passed: boolean;
  verdict: string;
  /** One line per step played that had points to earn: its name and points. */
  breakdown: string[];
  /** What was missed, per step played (steps with nothing missed left out), in the order played. */
  missed: MissedInStep[];
  /** How the screen celebrates this score. */
  celebration: Celebration;
}

const percent = (share: number) => Math.round(share * 100);

export function stepName(mechanic: string, t: Translate): string {
  return t(`mechanics.${mechanic}.title`);
}

export function resultView(scenario: Scenario, state: Pick<RunState, 'played'>, t: Translate, l: Localize): ResultView {
  const score = scoreRun(scenario, state);
  // A knowledge check not passed is the reason to name, even when the points alone would have passed.
  const failedCheck = score.steps.find((s) => s.passed === false);
  let verdict: string;
  if (score.passed) verdict = t('result.passed');
  else if (failedCheck)
    verdict = t('result.failedCheck', {
      step: stepName(failedCheck.mechanic, t),
      right: failedCheck.tally.right,
      total: failedCheck.tally.total,
      needed: percent(failedCheck.passAt ?? 0),
    });
  else verdict = t('result.failedScore', { percent: percent(score.scaled), needed: percent(scenario.result.passScore) });
  return {
    score,
    scoreText: t('result.score', { raw: score.raw, max: score.max, percent: percent(score.scaled) }),
    passed: score.passed,
    verdict,
    breakdown: score.steps
      .filter((s) => s.tally.maxPoints > 0)
      .map((s) => t('result.stepScore', { name: stepName(s.mechanic, t), points: s.tally.points, max: s.tally.maxPoints })),
    missed: score.steps
      .filter((s) => s.missed.length > 0)
      .map((s) => ({ stepId: s.stepId, name: stepName(s.mechanic, t), items: s.missed.map(l) })),
    celebration: celebration(score),
  };
}

/** The celebration in words (the stars counted), for the screen and for screen readers. */
export function celebrationWords(c: Celebration, t: Translate): string {
  if (c.level === 'try-again') return t('result.celebration.tryAgain');
  return t(`result.celebration.${c.level}`, { stars: c.stars, max: MAX_STARS });
}
