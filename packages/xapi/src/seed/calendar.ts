// When made-up visits happen: every day of the period gets a share of the visits by its weekday, its season, the
// 安全生产月 (June) peak and the public holidays, and school days get class visits. Days are the park's (China, UTC+8).
import { hashed } from './random.ts';

const DAY_MS = 86_400_000;
/** The parks' clocks: China Standard Time, no daylight saving. */
export const PARK_UTC_OFFSET_MS = 8 * 3600_000;

export interface SeedDay {
  /** YYYY-MM-DD in the park's time. */
  date: string;
  /** Days since 1970-01-01: a stable name for the day's random streams. */
  number: number;
  weekday: number;
  month: number;
  dayOfMonth: number;
  /** Classes come on school days: weekdays in term. */
  schoolDay: boolean;
  /** 安全生产月: June. */
  safetyMonth: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a YYYY-MM-DD date, or null when it is not a real date. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : null;
}

export const dateOf = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

/** School holidays: winter (mid-January to late February), summer (mid-July to August), and National Day week. */
function holiday(month: number, day: number): boolean {
  if ((month === 1 && day >= 15) || (month === 2 && day <= 25)) return true;
  if ((month === 7 && day >= 10) || month === 8) return true;
  return month === 10 && day <= 7;
}

export function seedDay(number: number): SeedDay {
  const d = new Date(number * DAY_MS);
  const weekday = d.getUTCDay();
  const month = d.getUTCMonth() + 1;
  const dayOfMonth = d.getUTCDate();
  return {
    date: dateOf(number),
    number,
    weekday,
    month,
    dayOfMonth,
    schoolDay: weekday >= 1 && weekday <= 5 && !holiday(month, dayOfMonth),
    safetyMonth: month === 6,
  };
}

// Sunday first: weekends are the busy days, Monday the quiet one.
const WEEKDAY = [1.45, 0.55, 0.75, 0.8, 0.8, 0.9, 1.6];
// Winter is quiet (Changchun is cold), summer holidays are busy.
const MONTH = [0.6, 0.7, 0.9, 1.0, 1.1, 1.0, 1.25, 1.2, 1.0, 1.05, 0.85, 0.7];
/** How much busier June is than its season. */
export const SAFETY_MONTH_PEAK = 2.2;

/** A day's share of the period's visits (relative). */
export function dayWeight(day: SeedDay, seed: number): number {
  let w = WEEKDAY[day.weekday]! * MONTH[day.month - 1]!;
  if (day.safetyMonth) w *= SAFETY_MONTH_PEAK;
  // National Day's Golden Week and the May Day holiday fill the parks.
  if ((day.month === 10 && day.dayOfMonth <= 7) || (day.month === 5 && day.dayOfMonth <= 5)) w *= 1.6;
  return w * (0.85 + 0.3 * hashed(seed, `day-${day.number}`));
}

/**
 * How many of `total` visits fall on each day from `from` to `to` (day numbers, inclusive): by weight, rounded so they
 * add up exactly (largest remainder).
 */
export function visitsPerDay(total: number, from: number, to: number, seed: number): { day: SeedDay; visits: number }[] {
  const days = Array.from({ length: to - from + 1 }, (_, i) => seedDay(from + i));
  const weights = days.map((d) => dayWeight(d, seed));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return days.map((day, i) => ({ day, visits: counts[i]! }));
}

/** An instant of the park's day (`secondOfDay` in its local time) as milliseconds since the epoch (UTC). */
export const instantOf = (day: SeedDay, secondOfDay: number) => day.number * DAY_MS + secondOfDay * 1000 - PARK_UTC_OFFSET_MS;
