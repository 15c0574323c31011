import { describe, expect, it } from 'vitest';
import { celebration, confetti, EXCELLENT_FROM, GOOD_FROM } from './celebration.ts';

describe('celebration', () => {
  it('matches the score: three stars and confetti from 90 %, two or one for a lesser pass, none when not passed', () => {
    expect(celebration({ passed: true, scaled: 1 })).toEqual({ level: 'excellent', stars: 3, burst: true });
    expect(celebration({ passed: true, scaled: EXCELLENT_FROM })).toEqual({ level: 'excellent', stars: 3, burst: true });
    expect(celebration({ passed: true, scaled: 0.89 })).toEqual({ level: 'passed', stars: 2, burst: false });
    expect(celebration({ passed: true, scaled: GOOD_FROM })).toEqual({ level: 'passed', stars: 2, burst: false });
    expect(celebration({ passed: true, scaled: 0.6 })).toEqual({ level: 'passed', stars: 1, burst: false });
    // A failed knowledge check is no pass, however high the points.
    expect(celebration({ passed: false, scaled: 0.95 })).toEqual({ level: 'try-again', stars: 0, burst: false });
    expect(celebration({ passed: false, scaled: 0 })).toEqual({ level: 'try-again', stars: 0, burst: false });
  });

  it('spreads the confetti evenly round the badge, the same each time', () => {
    const pieces = confetti(8);
    expect(pieces).toHaveLength(8);
    expect(pieces).toEqual(confetti(8));
    expect(pieces[0]).toMatchObject({ dx: 150, dy: 0 });
    expect(pieces[2]).toMatchObject({ dx: 0, dy: 150 });
    expect(pieces[4]).toMatchObject({ dx: -150, dy: 0 });
    const sum = pieces.reduce((s, p) => ({ x: s.x + p.dx, y: s.y + p.dy }), { x: 0, y: 0 });
    expect(Math.abs(sum.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(sum.y)).toBeLessThanOrEqual(2);
  });
});
