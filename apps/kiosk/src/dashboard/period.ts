// The dashboard's periods: days as the park's calendar writes them (YYYY-MM-DD), the presets staff pick from, and the
// check of a period typed by hand. The default is the current year's 安全生产月 (1–30 June).

export interface Period {
  from: string;
  to: string;
}

export const PRESETS = ['safetyMonth', 'thisMonth', 'last30Days'] as const;
export type PresetId = (typeof PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** The day of a date on this device's clock (staff read the park's calendar on a machine in the park's time zone). */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** 1–30 June of a year: the safety-production month. */
export const safetyMonth = (year: number): Period => ({ from: `${year}-06-01`, to: `${year}-06-30` });

export function presetPeriod(preset: PresetId, today: Date): Period {
  switch (preset) {
    case 'safetyMonth':
      return safetyMonth(today.getFullYear());
    case 'thisMonth':
      return { from: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-01`, to: dayOf(today) };
    case 'last30Days': {
      // Calendar arithmetic on the date, not 30 × 24 h: a daylight-saving day is not 24 hours long.
      const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
      return { from: dayOf(start), to: dayOf(today) };
    }
  }
}

/** The preset a period is, or 'custom'. */
export function presetOf(period: Period, today: Date): PresetId | 'custom' {
  return PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  }) ?? 'custom';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar day in YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export type PeriodProblem = 'from' | 'to' | 'order';

/** What is wrong with a period typed by hand, or null: the same rules as the server's (ReportQuery). */
export function periodProblem(period: Period): PeriodProblem | null {
  if (!isDay(period.from)) return 'from';
  if (!isDay(period.to)) return 'to';
  return period.from > period.to ? 'order' : null;
}

/** The same period a year earlier, as the report compares it (29 February becomes 28 February). */
export function yearEarlier(period: Period): Period {
  const back = (day: string) => {
    const [y, m, d] = day.split('-');
    return m === '02' && d === '29' ? `${Number(y) - 1}-02-28` : `${Number(y) - 1}-${m}-${d}`;
  };
  return { from: back(period.from), to: back(period.to) };
}
