// The token buckets on a hand-driven clock: a minute's budget at once, then the per-minute rate; refusals charge
// nothing; keys are independent; memory stays bounded under many keys.
import { describe, expect, it } from 'vitest';
import { createBudgets, type WriteBudget } from './budget.ts';

const BUDGET: WriteBudget = { statementsPerMinute: 600, bytesPerMinute: 60_000, statementBytes: 1000 };

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const sizes = (count: number, bytes = 10) => Array.from({ length: count }, () => bytes);

describe('write budgets', () => {
  it('admits a minute of statements at once, then refuses with the wait until the batch fits', () => {
    const c = clock();
    const budgets = createBudgets(BUDGET, { now: c.now });
    expect(budgets.admit('a', sizes(600))).toEqual({ kind: 'admitted' });
    // 600 a minute is 10 a second: 50 more fit after 5 s.
    expect(budgets.admit('a', sizes(50))).toMatchObject({ kind: 'over-budget', retryAfterMs: 5000, statements: 50, bytes: 500 });
    c.advance(4999);
    expect(budgets.admit('a', sizes(50)).kind).toBe('over-budget');
    c.advance(1);
    expect(budgets.admit('a', sizes(50))).toEqual({ kind: 'admitted' });
  });

  it('holds a client to bytes per minute as well as statements', () => {
    const c = clock();
    const budgets = createBudgets(BUDGET, { now: c.now });
    expect(budgets.admit('a', sizes(60, 1000))).toEqual({ kind: 'admitted' });
    // 60,000 bytes a minute is 1,000 a second: one more 1,000-byte statement after 1 s although statements are left.
    expect(budgets.admit('a', [1000])).toMatchObject({ kind: 'over-budget', retryAfterMs: 1000 });
    c.advance(1000);
    expect(budgets.admit('a', [1000])).toEqual({ kind: 'admitted' });
  });

  it('charges nothing for a refused batch', () => {
    const c = clock();
    const budgets = createBudgets(BUDGET, { now: c.now });
    expect(budgets.admit('a', sizes(500)).kind).toBe('admitted');
    for (let i = 0; i < 10; i++) expect(budgets.admit('a', sizes(200)).kind).toBe('over-budget');
    // The 100 left were not spent by the refusals.
    expect(budgets.admit('a', sizes(100)).kind).toBe('admitted');
    expect(budgets.admit('a', sizes(1)).kind).toBe('over-budget');
  });

  it('keeps client keys independent', () => {
    const budgets = createBudgets(BUDGET, { now: clock().now });
    expect(budgets.admit('a', sizes(600)).kind).toBe('admitted');
    expect(budgets.admit('a', sizes(1)).kind).toBe('over-budget');
    expect(budgets.admit('b', sizes(600)).kind).toBe('admitted');
  });

  it('refills to one minute at most: a long quiet spell does not bank more', () => {
    const c = clock();
    const budgets = createBudgets(BUDGET, { now: c.now });
    budgets.admit('a', sizes(1));
    c.advance(60 * 60_000);
    expect(budgets.admit('a', sizes(600)).kind).toBe('admitted');
    expect(budgets.admit('a', sizes(1)).kind).toBe('over-budget');
  });

  it('refuses statements over the per-statement size by index, whatever the budget left', () => {
    const budgets = createBudgets(BUDGET, { now: clock().now });
    expect(budgets.admit('a', [10, 1000, 1001, 10, 5000])).toEqual({
      kind: 'statement-too-large',
      oversize: [
        { index: 2, bytes: 1001 },
        { index: 4, bytes: 5000 },
      ],
    });
    expect(budgets.admit('a', sizes(600)).kind).toBe('admitted');
  });

  it('calls a batch larger than a minute of budget too large, not a matter of waiting', () => {
    const budgets = createBudgets(BUDGET, { now: clock().now });
    expect(budgets.admit('a', sizes(601))).toEqual({ kind: 'batch-too-large', statements: 601, bytes: 6010 });
    expect(budgets.admit('a', sizes(61, 1000))).toEqual({ kind: 'batch-too-large', statements: 61, bytes: 61_000 });
  });

  it('forgets idle clients (their bucket is full again) and stays bounded under a flood of new keys', () => {
    const c = clock();
    const budgets = createBudgets(BUDGET, { now: c.now, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) budgets.admit(`addr:${i}`, sizes(1));
    expect(budgets.size()).toBe(100);
    // The most recent keys are kept: one that just spent its budget is still held to it.
    budgets.admit('busy', sizes(600));
    for (let i = 0; i < 50; i++) budgets.admit(`late:${i}`, sizes(1));
    expect(budgets.admit('busy', sizes(1)).kind).toBe('over-budget');
    // A minute later every bucket is full again: the next admission sweeps them all.
    c.advance(60_000);
    budgets.admit('next', sizes(1));
    expect(budgets.size()).toBe(1);
  });
});
