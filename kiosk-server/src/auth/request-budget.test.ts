// Requests per window per authenticated caller.
import { describe, expect, it } from 'vitest';
import { RequestBudget } from './request-budget.ts';

describe('RequestBudget', () => {
  it('allows `max` per window per key, then says how long to wait; a new window starts afresh', () => {
    const clock = { t: 0 };
    const budget = new RequestBudget({ max: 2, windowMs: 60_000, maxKeys: 10, now: () => clock.t });
    expect(budget.charge('client:1')).toBe(0);
    clock.t = 10_000;
    expect(budget.charge('client:1')).toBe(0);
    expect(budget.charge('client:1')).toBe(50_000);
    expect(budget.charge('client:2')).toBe(0);
    clock.t = 60_000;
    expect(budget.charge('client:1')).toBe(0);
  });

  it('keeps at most maxKeys windows', () => {
    const budget = new RequestBudget({ max: 1, windowMs: 60_000, maxKeys: 3, now: () => 0 });
    for (let i = 0; i < 100; i++) budget.charge(`k${i}`);
    // k0 was dropped, so it has a fresh window; k99 is still spent.
    expect(budget.charge('k0')).toBe(0);
    expect(budget.charge('k99')).toBeGreaterThan(0);
  });
});
