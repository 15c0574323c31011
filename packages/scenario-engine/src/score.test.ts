import { describe, expect, it } from 'vitest';
import { scenario } from '../test-support/scenario.ts';
import { scoreRun } from './score.ts';

describe('scoreRun', () => {
  it('adds hazards, safe decisions and right answers, each at its points', () => {
    const score = scoreRun(scenario, {
      found: ['wiring'],
      decisions: [
        { nodeId: 'alarm', choiceId: 'ignore', safe: false },
        { nodeId: 'recover', choiceId: 'call-now', safe: true },
        { nodeId: 'stairs', choiceId: 'stairs', safe: true },
      ],
      answers: { q1: { choiceIds: ['a'], correct: true }, q2: { choiceIds: ['a'], correct: false } },
    });
    expect(score.hazards).toEqual({ right: 1, total: 2, points: 10, maxPoints: 20 });
    expect(score.decisions).toEqual({ right: 2, total: 3, points: 20, maxPoints: 30 });
    expect(score.quiz).toEqual({ right: 1, total: 2, points: 10, maxPoints: 20 });
    expect(score).toMatchObject({ raw: 40, max: 70, scaled: 0.5714, passed: false });
  });

  it('passes at exactly the pass score', () => {
    // 3 of 5 scored items at equal points = 0.6
    const score = scoreRun(scenario, {
      found: ['wiring', 'locked-exit'],
      decisions: [],
      answers: { q1: { choiceIds: ['a'], correct: true }, q2: { choiceIds: ['b'], correct: false } },
    });
    expect(score.scaled).toBe(0.75);
    const edge = scoreRun(
      { ...scenario, result: { ...scenario.result, passScore: 0.75 } },
      { found: ['wiring', 'locked-exit'], decisions: [], answers: { q1: { choiceIds: ['a'], correct: true } } },
    );
    expect(edge.passed).toBe(true);
  });

  it('scores an empty run as zero, never NaN', () => {
    const none = { ...scenario, hazardHunt: { ...scenario.hazardHunt, pointsPerHazard: 0 }, quiz: { ...scenario.quiz, pointsPerQuestion: 0 } };
    expect(scoreRun(none, { found: [], decisions: [], answers: {} })).toMatchObject({ raw: 0, max: 0, scaled: 0 });
  });
});
