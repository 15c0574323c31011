import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatTime } from './format.ts';

const AT = '2026-12-06T23:30:05Z';

describe('dates and numbers in the staff language', () => {
  it('a date and time', () => {
    expect(formatDateTime(AT, 'zh-CN', 'UTC')).toBe('2026年12月6日 23:30');
    expect(formatDateTime(AT, 'en', 'UTC')).toMatch(/^Dec 6, 2026, 11:30\sPM$/);
  });

  it('a time', () => {
    expect(formatTime(AT, 'zh-CN', 'UTC')).toBe('23:30:05');
    expect(formatTime(AT, 'en', 'UTC')).toMatch(/^11:30:05\sPM$/);
  });

  it('a number', () => {
    expect(formatNumber(1234567.5, 'zh-CN')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });
});
