import { describe, expect, it } from 'vitest';
import { idleStatus } from './idle.ts';
import { chooseLocale, noVisit, startVisit, touch, visitIdleStatus } from './visit.ts';

describe('idle', () => {
  const config = { idleSeconds: 90, countdownSeconds: 10 };
  it('warns after the idle time, counts down, then expires', () => {
    expect(idleStatus(0, 89_999, config)).toEqual({ kind: 'active', msUntilWarning: 1 });
    expect(idleStatus(0, 90_000, config)).toMatchObject({ kind: 'warning', secondsLeft: 10 });
    expect(idleStatus(0, 99_001, config)).toMatchObject({ kind: 'warning', secondsLeft: 1 });
    expect(idleStatus(0, 100_000, config)).toEqual({ kind: 'expired' });
  });
});

describe('visit', () => {
  const config = { idleSeconds: 90, countdownSeconds: 10 };
  it('only a started visit can time out, and a touch starts the idle clock again', () => {
    expect(visitIdleStatus(noVisit(0), 1_000_000, config)).toBeNull();
    const visit = startVisit(noVisit(0), 'v1', 1000);
    expect(visitIdleStatus(visit, 101_000, config)).toEqual({ kind: 'expired' });
    expect(visitIdleStatus(touch(visit, 100_000), 101_000, config)).toMatchObject({ kind: 'active' });
  });

  it('the next visitor starts clean: default language, no visit id', () => {
    const first = chooseLocale(startVisit(noVisit(0), 'v1', 0), 'en', 10);
    expect(first).toMatchObject({ visitId: 'v1', locale: 'en' });
    expect(noVisit(200_000)).toEqual({ visitId: null, locale: 'zh-CN', startedAt: null, lastActivityAt: 200_000 });
  });
});
