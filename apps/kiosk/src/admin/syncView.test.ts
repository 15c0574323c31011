import { SYNC_STATES, SyncStatus, type QuarantinedStatement } from '@ruyi/api-contract';
import { describe, expect, it } from 'vitest';
import { durationParts, refusalKind, secondsLeft, secondsSince, secondsUntil, showsProgress, splitQuarantine, STATE_SHAPES, stopAdvice } from './syncView.ts';

const status = (over: Partial<SyncStatus> = {}): SyncStatus =>
  SyncStatus.parse({
    state: 'sending',
    target: 'http://hub.example/xapi/',
    clientKey: 'k1',
    batchSize: 200,
    stoppedReason: null,
    nextAttemptAt: null,
    failures: 0,
    cursor: 10,
    backlog: 90,
    progress: { sent: 10, total: 100 },
    ratePerSecond: 30,
    lastSuccessAt: null,
    lastError: null,
    quarantined: 0,
    discarded: 0,
    ...over,
  });

const quarantined = (seq: number, discardedAt: string | null): QuarantinedStatement => ({
  seq,
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  status: 409,
  reason: 'conflict',
  quarantinedAt: '2026-06-01T09:00:00.000Z',
  attempts: 1,
  discardedAt,
});

describe('sync page view', () => {
  it('gives every state its own shape', () => {
    const shapes = SYNC_STATES.map((s) => STATE_SHAPES[s]);
    expect(shapes.every(Boolean)).toBe(true);
    expect(new Set(shapes).size).toBe(SYNC_STATES.length);
  });

  it('shows progress only while a backlog drains', () => {
    expect(showsProgress(status())).toBe(true);
    expect(showsProgress(status({ backlog: 0, progress: { sent: 100, total: 100 }, state: 'idle' }))).toBe(false);
    expect(showsProgress(status({ state: 'off', backlog: 0, progress: { sent: 0, total: 0 } }))).toBe(false);
    // A stopped forwarder with statements waiting still shows how far it got.
    expect(showsProgress(status({ state: 'stopped', backlog: 1, progress: { sent: 4, total: 5 } }))).toBe(true);
  });

  it('estimates the time left from the recent rate, and gives none when nothing moves', () => {
    expect(secondsLeft({ state: 'sending', backlog: 90, ratePerSecond: 30 })).toBe(3);
    expect(secondsLeft({ state: 'sending', backlog: 91, ratePerSecond: 30 })).toBe(4);
    expect(secondsLeft({ state: 'idle', backlog: 0, ratePerSecond: 0 })).toBe(0);
    expect(secondsLeft({ state: 'sending', backlog: 5, ratePerSecond: 0 })).toBeNull();
    // The rate is over the last minute: a stopped or backing-off forwarder still has one, but nothing moves.
    expect(secondsLeft({ state: 'stopped', backlog: 5, ratePerSecond: 2 })).toBeNull();
    expect(secondsLeft({ state: 'backing-off', backlog: 5, ratePerSecond: 2 })).toBeNull();
  });

  it('says a duration in seconds, whole minutes or hours and minutes', () => {
    expect(durationParts(0)).toEqual({ unit: 'seconds', n: 0 });
    expect(durationParts(58.2)).toEqual({ unit: 'seconds', n: 59 });
    expect(durationParts(59.2)).toEqual({ unit: 'minutes', n: 1 });
    expect(durationParts(61)).toEqual({ unit: 'minutes', n: 2 });
    expect(durationParts(3540)).toEqual({ unit: 'minutes', n: 59 });
    expect(durationParts(3541)).toEqual({ unit: 'hours', h: 1, m: 0 });
    expect(durationParts(2 * 3600 + 5 * 60)).toEqual({ unit: 'hours', h: 2, m: 5 });
    expect(durationParts(-3)).toEqual({ unit: 'seconds', n: 0 });
  });

  it('counts the seconds to the next attempt, never below zero', () => {
    const now = Date.parse('2026-06-01T09:00:00.000Z');
    expect(secondsUntil('2026-06-01T09:00:04.200Z', now)).toBe(5);
    expect(secondsUntil('2026-06-01T08:59:00.000Z', now)).toBe(0);
  });

  it("counts the seconds since a park's last delivery on the server's clock, never below zero", () => {
    const now = '2026-06-01T09:00:00.000Z';
    expect(secondsSince('2026-06-01T08:58:59.600Z', now)).toBe(60);
    expect(secondsSince('2026-06-01T09:00:00.000Z', now)).toBe(0);
    expect(secondsSince('2026-06-01T09:00:03.000Z', now)).toBe(0);
  });

  it('advises on a stop by the status the target answered', () => {
    const at = '2026-06-01T09:00:00.000Z';
    expect(stopAdvice({ lastError: { at, message: 'x', status: 401 } })).toBe('credentials');
    expect(stopAdvice({ lastError: { at, message: 'x', status: 403 } })).toBe('role');
    expect(stopAdvice({ lastError: { at, message: 'x', status: 308 } })).toBe('redirect');
    expect(stopAdvice({ lastError: { at, message: 'x', status: 404 } })).toBe('address');
    expect(stopAdvice({ lastError: null })).toBe('address');
  });

  it('names the refusal kinds the forwarder quarantines for', () => {
    expect([400, 409, 413, 422].map(refusalKind)).toEqual(['invalid', 'conflict', 'tooLarge', 'other']);
  });

  it('keeps discarded statements out of the list that waits for a decision', () => {
    const { pending, discarded } = splitQuarantine([quarantined(3, null), quarantined(5, '2026-06-01T09:10:00.000Z'), quarantined(7, null)]);
    expect(pending.map((s) => s.seq)).toEqual([3, 7]);
    expect(discarded).toBe(1);
  });
});
