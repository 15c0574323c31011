import type { Scenario } from '@ruyi/pack-schema';
import { scoreRun, type RunScore, type RunState } from '@ruyi/scenario-engine';
import type { Translate } from './viewText.ts';

export interface ResultView {
  score: RunScore;
  scoreText: string;
  passed: boolean;
  verdict: string;
  /** One line per part of the scenario: hazards, decisions, quiz. */
  breakdown: string[];
}

export function resultView(scenario: Scenario, state: RunState, t: Translate): ResultView {
  const score = scoreRun(scenario, state);
  return {
    score,
    scoreText: t('result.score', { raw: score.raw, max: score.max, percent: Math.round(score.scaled * 100) }),
    passed: score.passed,
    verdict: score.passed ? t('result.passed') : t('result.failed'),
    breakdown: [t('result.hazards', { ...score.hazards }), t('result.decisions', { ...score.decisions }), t('result.quiz', { ...score.quiz })],
  };
}
