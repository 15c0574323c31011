import { describe, expect, it } from 'vitest';
import { dayOf, isDay, periodProblem, presetOf, presetPeriod, safetyMonth, yearEarlier } from './period.ts';

const today = new Date(2026, 11, 7, 15, 30); // 7 December 2026, afternoon, this machine's time

describe('dashboard periods', () => {
  it('defaults to June of the current year: the safety-production month', () => {
    expect(presetPeriod('safetyMonth', today)).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(safetyMonth(2025)).toEqual({ from: '2025-06-01', to: '2025-06-30' });
  });

  it('gives this month up to today and the last 30 days including today', () => {
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetPeriod('last30Days', today)).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    // Across a year's end and a leap February.
    expect(presetPeriod('last30Days', new Date(2027, 0, 10))).toEqual({ from: '2026-12-12', to: '2027-01-10' });
    expect(presetPeriod('last30Days', new Date(2028, 2, 1))).toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });

  it('names the preset a period is, else custom', () => {
    expect(presetOf({ from: '2026-06-01', to: '2026-06-30' }, today)).toBe('safetyMonth');
    expect(presetOf({ from: '2026-12-01', to: '2026-12-07' }, today)).toBe('thisMonth');
    expect(presetOf({ from: '2026-06-01', to: '2026-06-29' }, today)).toBe('custom');
  });

  it('checks days and periods as the server does', () => {
    expect(dayOf(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-6-1')).toBe(false);
    expect(periodProblem({ from: '2026-06-01', to: '2026-06-30' })).toBeNull();
    expect(periodProblem({ from: '', to: '2026-06-30' })).toBe('from');
    expect(periodProblem({ from: '2026-06-01', to: '2026-13-01' })).toBe('to');
    expect(periodProblem({ from: '2026-07-01', to: '2026-06-30' })).toBe('order');
  });

  it('goes back a year, 29 February to 28 February', () => {
    expect(yearEarlier({ from: '2026-06-01', to: '2026-06-30' })).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(yearEarlier({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});
