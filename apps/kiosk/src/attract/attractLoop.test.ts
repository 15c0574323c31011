import { describe, expect, it } from 'vitest';
import { loopRuns, nextScene } from './attractLoop.ts';

describe('attract loop', () => {
  it('goes round the areas and starts again', () => {
    expect([0, 1, 2, 3].map((i) => nextScene(i, 4))).toEqual([1, 2, 3, 0]);
    expect(nextScene(0, 0)).toBe(0);
  });

  it('moves only with more than one area, on a visible page, without reduced motion', () => {
    expect(loopRuns({ count: 8, hidden: false, reducedMotion: false })).toBe(true);
    expect(loopRuns({ count: 8, hidden: true, reducedMotion: false })).toBe(false);
    expect(loopRuns({ count: 8, hidden: false, reducedMotion: true })).toBe(false);
    expect(loopRuns({ count: 1, hidden: false, reducedMotion: false })).toBe(false);
  });
});
