import { describe, expect, it } from 'vitest';
import { guardVerdict, headMoved, HIDDEN_END_MS } from './guard.ts';

describe('guardVerdict', () => {
  it('ends the session once the headset has been hidden for a few seconds, not for a moment', () => {
    expect(guardVerdict(1000, null, 1000 + HIDDEN_END_MS - 1)).toEqual({ kind: 'ok' });
    expect(guardVerdict(1000, null, 1000 + HIDDEN_END_MS)).toEqual({ kind: 'end', reason: 'hidden' });
    expect(HIDDEN_END_MS).toBeGreaterThanOrEqual(3000);
    expect(HIDDEN_END_MS).toBeLessThanOrEqual(10000);
  });

  it('follows the idle guard: a warning with its countdown, then the end', () => {
    expect(guardVerdict(null, { kind: 'active', msUntilWarning: 5 }, 0)).toEqual({ kind: 'ok' });
    expect(guardVerdict(null, { kind: 'warning', secondsLeft: 7, msUntilExpiry: 7000 }, 0)).toEqual({ kind: 'warning', secondsLeft: 7 });
    expect(guardVerdict(null, { kind: 'expired' }, 0)).toEqual({ kind: 'end', reason: 'idle' });
    expect(guardVerdict(null, null, 0)).toEqual({ kind: 'ok' });
  });
});

describe('headMoved', () => {
  const at = (x: number, yaw = 0) => ({ x, y: 1.6, z: 0, yaw });
  it('counts a step or a look round as activity, not tracking jitter', () => {
    expect(headMoved(at(0), at(0.02))).toBe(false);
    expect(headMoved(at(0), at(0.15))).toBe(true);
    expect(headMoved(at(0, 0), at(0, 0.1))).toBe(false);
    expect(headMoved(at(0, 0), at(0, 0.4))).toBe(true);
    expect(headMoved(at(0, 3.1), at(0, -3.1))).toBe(false);
  });
});
