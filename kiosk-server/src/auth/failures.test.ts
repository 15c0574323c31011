// Counting failed authentications per address: lockout, expiry, reserving before an expensive check, bounded memory.
import { describe, expect, it } from 'vitest';
import { FailureLimit } from './failures.ts';

function limit(overrides: Partial<ConstructorParameters<typeof FailureLimit>[0]> = {}) {
  const clock = { t: 1_000_000 };
  const failures = new FailureLimit({ maxFailures: 3, windowMs: 60_000, lockoutMs: 30_000, maxAddresses: 100, now: () => clock.t, ...overrides });
  return { failures, clock };
}

describe('FailureLimit', () => {
  it('refuses an address after maxFailures, for lockoutMs, and other addresses are not affected', () => {
    const { failures, clock } = limit();
    expect(failures.fail('10.0.0.1')).toBe(0);
    expect(failures.fail('10.0.0.1')).toBe(0);
    expect(failures.retryAfterMs('10.0.0.1')).toBe(0);
    expect(failures.fail('10.0.0.1')).toBe(30_000);
    expect(failures.retryAfterMs('10.0.0.1')).toBe(30_000);
    expect(failures.retryAfterMs('10.0.0.2')).toBe(0);
    clock.t += 29_999;
    expect(failures.retryAfterMs('10.0.0.1')).toBe(1);
    clock.t += 1;
    expect(failures.retryAfterMs('10.0.0.1')).toBe(0);
    // A fresh series starts from zero.
    expect(failures.fail('10.0.0.1')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { failures, clock } = limit();
    failures.fail('a');
    failures.fail('a');
    clock.t += 60_000;
    expect(failures.fail('a')).toBe(0);
    expect(failures.fail('a')).toBe(0);
    expect(failures.fail('a')).toBeGreaterThan(0);
  });

  it('reserve counts the attempt before it is checked: parallel attempts get exactly maxFailures tries', () => {
    const { failures } = limit();
    const outcomes = Array.from({ length: 50 }, () => failures.reserve('a'));
    expect(outcomes.filter((w) => w === 0)).toHaveLength(3);
    expect(outcomes.slice(3).every((w) => w === 30_000)).toBe(true);
    failures.clear('a');
    expect(failures.reserve('a')).toBe(0);
  });

  it('remembers at most maxAddresses, dropping the oldest', () => {
    const { failures } = limit({ maxAddresses: 10, maxFailures: 1 });
    for (let i = 0; i < 1000; i++) failures.fail(`10.0.${i >> 8}.${i & 255}`);
    expect(failures.size).toBe(10);
    expect(failures.retryAfterMs('10.0.3.231')).toBeGreaterThan(0);
    expect(failures.retryAfterMs('10.0.0.0')).toBe(0);
  });
});
