import { describe, expect, it } from 'vitest';
import { mayActivateUpdate, probeDelayMs, staffAttention, waitingStatements } from './attention.ts';

describe('staffAttention', () => {
  it('is empty when the server answers and nothing waits, or nothing is known yet', () => {
    expect(staffAttention({ pending: 0, reachable: true })).toEqual([]);
    expect(staffAttention({ pending: null, reachable: null })).toEqual([]);
    expect(staffAttention({ pending: 0, reachable: true, refused: 0 })).toEqual([]);
  });

  it('names the unreachable server first, then the waiting and refused statements with their counts', () => {
    expect(staffAttention({ pending: 3, reachable: false, refused: 2 })).toEqual([
      { kind: 'unreachable' },
      { kind: 'pending', count: 3 },
      { kind: 'refused', count: 2 },
    ]);
    expect(staffAttention({ pending: 0, reachable: false })).toEqual([{ kind: 'unreachable' }]);
    expect(staffAttention({ pending: 5, reachable: true })).toEqual([{ kind: 'pending', count: 5 }]);
    expect(staffAttention({ pending: null, reachable: true, refused: 1 })).toEqual([{ kind: 'refused', count: 1 }]);
  });
});

describe('waitingStatements', () => {
  it('counts only statements still there at the next count, so one on its way does not flash the badge', () => {
    expect(waitingStatements(null, 4)).toBeNull();
    expect(waitingStatements(0, 4)).toBe(0);
    expect(waitingStatements(4, 0)).toBe(0);
    expect(waitingStatements(4, 6)).toBe(4);
    expect(waitingStatements(6, 4)).toBe(4);
  });
});

describe('probeDelayMs', () => {
  it('checks again sooner while the server is away or not yet known', () => {
    expect(probeDelayMs(false)).toBeLessThan(probeDelayMs(true));
    expect(probeDelayMs(null)).toBe(probeDelayMs(false));
  });
});

describe('mayActivateUpdate', () => {
  it('lets a waiting version take over only between visits', () => {
    expect(mayActivateUpdate(true, null)).toBe(true);
    expect(mayActivateUpdate(true, 'a-visit')).toBe(false);
    expect(mayActivateUpdate(false, null)).toBe(false);
  });
});
