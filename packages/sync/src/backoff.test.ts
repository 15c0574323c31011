import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from './backoff.ts';

describe('retryDelay', () => {
  it('doubles per failure between half and all of the step, up to the cap', () => {
    expect([1, 2, 3, 4].map((f) => retryDelay(f, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((f) => retryDelay(f, 0.999_999))).toEqual([999, 1999, 3999, 7999]);
    expect(retryDelay(1000, 0)).toBe(150_000);
    expect(retryDelay(1000, 0.999_999)).toBeLessThanOrEqual(300_000);
  });

  it('takes Retry-After instead, plus under a second of jitter, capped at an hour', () => {
    expect(retryDelay(9, 0, 5000)).toBe(5000);
    expect(retryDelay(9, 0.5, 5000)).toBe(5500);
    expect(retryDelay(1, 0, 10 * MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
