import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from './run.ts';

export interface Tally {
  /** How many went right: hazards found, safe decisions, correct answers. */
  right: number;
  total: number;
  points: number;
  maxPoints: number;
}

export interface RunScore {
  raw: number;
  max: number;
  /** raw / max, 0–1; 0 when there is nothing to score. */
  scaled: number;
  passed: boolean;
  hazards: Tally;
  decisions: Tally;
  quiz: Tally;
}

function tally(right: number, total: number, each: number): Tally {
  return { right, total, points: right * each, maxPoints: total * each };
}

/**
 * Hazards and quiz count against all there are. Decisions count against the ones the visitor actually faced, since an
 * unsafe choice can branch into extra decisions: a longer path must not lower the best reachable score.
 */
export function scoreRun(scenario: Scenario, state: Pick<RunState, 'found' | 'decisions' | 'answers'>): RunScore {
  const hazards = tally(state.found.length, scenario.hazardHunt.hazards.length, scenario.hazardHunt.pointsPerHazard);
  const decisions = tally(
    state.decisions.filter((d) => d.safe).length,
    state.decisions.length,
    scenario.decisions.pointsPerSafeChoice,
  );
  const quiz = tally(
    scenario.quiz.questions.filter((q) => state.answers[q.id]?.correct).length,
    scenario.quiz.questions.length,
    scenario.quiz.pointsPerQuestion,
  );
  const raw = hazards.points + decisions.points + quiz.points;
  const max = hazards.maxPoints + decisions.maxPoints + quiz.maxPoints;
  const scaled = max === 0 ? 0 : Math.round((raw / max) * 10000) / 10000;
  return { raw, max, scaled, passed: scaled >= scenario.result.passScore, hazards, decisions, quiz };
}
