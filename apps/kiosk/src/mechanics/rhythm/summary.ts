import { rhythm, rhythmScore, type RhythmState, type RhythmStep } from '@ruyi/mechanics/rhythm';

/** How the presses went, as both summaries show it: the count reached, the rate right often enough, the advice. */
export function rhythmSummary(step: RhythmStep, state: RhythmState) {
  const n = state.tapsMs.length;
  const score = rhythmScore(step, state.tapsMs);
  const rateAdvice = rhythm.missed(step, state).find((m) => m === step.tooSlow || m === step.tooFast);
  return { n, score, countOk: n >= step.count, rateOk: score.right >= 0.75 * score.total, advice: rateAdvice ?? step.good };
}
