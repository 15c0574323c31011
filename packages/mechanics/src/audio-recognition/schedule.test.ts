import { describe, expect, it } from 'vitest';
import { FADE_SECONDS, minutesAndSeconds, realSeconds, segments, SIREN_LEVEL, sirenPlan, wailAt, WAIL_PERIOD_SECONDS } from './schedule.ts';

const PRE_WARNING = { onSeconds: 36, offSeconds: 24, cycles: 3 };
const AIR_RAID = { onSeconds: 6, offSeconds: 6, cycles: 15 };
const ALL_CLEAR = { onSeconds: 180, offSeconds: 0, cycles: 1 };

describe('segments', () => {
  it('alternates sound and pause, the pause after the last sounding included', () => {
    expect(segments(PRE_WARNING)).toEqual([
      { on: true, start: 0, end: 36 },
      { on: false, start: 36, end: 60 },
      { on: true, start: 60, end: 96 },
      { on: false, start: 96, end: 120 },
      { on: true, start: 120, end: 156 },
      { on: false, start: 156, end: 180 },
    ]);
  });

  it('compresses time by timeScale', () => {
    const segs = segments(AIR_RAID, 6);
    expect(segs).toHaveLength(30);
    expect(segs[0]).toEqual({ on: true, start: 0, end: 1 });
    expect(segs[1]).toEqual({ on: false, start: 1, end: 2 });
    expect(segs.at(-1)).toEqual({ on: false, start: 29, end: 30 });
    expect(segments(PRE_WARNING, 6).map((s) => [s.start, s.end])).toEqual([
      [0, 6],
      [6, 10],
      [10, 16],
      [16, 20],
      [20, 26],
      [26, 30],
    ]);
  });

  it('plays a continuous signal as one sounding, and cycles with no pause as one too', () => {
    expect(segments(ALL_CLEAR, 6)).toEqual([{ on: true, start: 0, end: 30 }]);
    expect(segments({ onSeconds: 10, offSeconds: 0, cycles: 3 })).toEqual([{ on: true, start: 0, end: 30 }]);
  });

  it('all three signals last three minutes in real time, 30 s at 6× faster', () => {
    for (const p of [PRE_WARNING, AIR_RAID, ALL_CLEAR]) {
      expect(realSeconds(p)).toBe(180);
      expect(segments(p, 6).at(-1)!.end).toBe(30);
    }
  });

  it('keeps segments contiguous at awkward scales', () => {
    const segs = segments({ onSeconds: 7, offSeconds: 5, cycles: 7 }, 9);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
    expect(segs.at(-1)!.end).toBeCloseTo(84 / 9, 5);
  });

  it('refuses a timeScale that is not above 0', () => {
    expect(() => segments(AIR_RAID, 0)).toThrow(/timeScale/);
    expect(() => segments(AIR_RAID, Number.NaN)).toThrow(/timeScale/);
  });
});

describe('sirenPlan', () => {
  it('is silent in pauses and sounds, with short fades, in each sounding', () => {
    const plan = sirenPlan(PRE_WARNING, 6);
    expect(plan.duration).toBe(30);
    expect(plan.gain[0]).toEqual({ at: 0, value: 0 });
    expect(plan.gain).toContainEqual({ at: FADE_SECONDS, value: SIREN_LEVEL });
    expect(plan.gain).toContainEqual({ at: 6, value: 0 });
    expect(plan.gain).toContainEqual({ at: 10, value: 0 });
    expect(plan.gain).toContainEqual({ at: 10 + FADE_SECONDS, value: SIREN_LEVEL });
    // Loud only inside soundings.
    const segs = segments(PRE_WARNING, 6);
    for (const p of plan.gain.filter((g) => g.value > 0)) expect(segs.some((s) => s.on && s.start < p.at && p.at < s.end)).toBe(true);
  });

  it('has points in time order, so ramps never go back', () => {
    for (const p of [PRE_WARNING, AIR_RAID, ALL_CLEAR]) {
      const plan = sirenPlan(p, 6);
      for (const curve of [plan.gain, plan.frequency]) for (let i = 1; i < curve.length; i++) expect(curve[i]!.at).toBeGreaterThanOrEqual(curve[i - 1]!.at);
    }
  });

  it('wails between 500 and 900 Hz by default, and holds one pitch when given one number', () => {
    const plan = sirenPlan(ALL_CLEAR, 6);
    const values = plan.frequency.map((f) => f.value);
    expect(Math.min(...values)).toBe(500);
    expect(Math.max(...values)).toBe(900);
    // A 30-second sounding wails once every period.
    expect(plan.frequency.filter((f) => f.value === 900)).toHaveLength(30 / WAIL_PERIOD_SECONDS);
    expect(new Set(sirenPlan(ALL_CLEAR, 6, 700).frequency.map((f) => f.value))).toEqual(new Set([700]));
    expect(Math.max(...sirenPlan(AIR_RAID, 6, [300, 400]).frequency.map((f) => f.value))).toBe(400);
  });

  it('fades within a sounding shorter than two fades', () => {
    const plan = sirenPlan({ onSeconds: 0.03, offSeconds: 1, cycles: 1 }, 1);
    expect(plan.gain).toEqual([
      { at: 0, value: 0 },
      { at: 0.015, value: SIREN_LEVEL },
      { at: 0.03, value: 0 },
    ]);
  });
});

describe('wailAt', () => {
  it('rises from low to high over half a period and falls back', () => {
    expect(wailAt(0, [500, 900])).toBe(500);
    expect(wailAt(WAIL_PERIOD_SECONDS / 4, [500, 900])).toBe(700);
    expect(wailAt(WAIL_PERIOD_SECONDS / 2, [500, 900])).toBe(900);
    expect(wailAt(WAIL_PERIOD_SECONDS, [500, 900])).toBe(500);
  });
});

describe('minutesAndSeconds', () => {
  it('splits real seconds for the pattern words', () => {
    expect(minutesAndSeconds(36)).toEqual({ minutes: 0, seconds: 36 });
    expect(minutesAndSeconds(180)).toEqual({ minutes: 3, seconds: 0 });
    expect(minutesAndSeconds(90.4)).toEqual({ minutes: 1, seconds: 30.4 });
    expect(minutesAndSeconds(0.5)).toEqual({ minutes: 0, seconds: 0.5 });
    expect(minutesAndSeconds(59.99)).toEqual({ minutes: 1, seconds: 0 });
  });
});
