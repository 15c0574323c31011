// Which cube rows a period and a scope read (see the levels in cubes.ts): the period as its whole months and the days
// at its ends, the scope as park rows or district rows. The server's queries and the tests' in-memory reads both
// follow this plan, so they read the same rows.
import { ALL_DISTRICTS, ALL_PARKS, ALL_SCHOOLS, monthOf } from './cubes.ts';

/** A piece of a period: a run of days within one month, or whole months. */
export type Segment = { days: [from: string, to: string] } | { months: string[] };

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const lastDayOf = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The segments of [from, to] (days, inclusive; from ≤ to). */
export function periodSegments(from: string, to: string): Segment[] {
  const segments: Segment[] = [];
  const months: string[] = [];
  let day = from;
  while (day <= to) {
    const month = monthOf(day);
    const end = lastDayOf(month);
    if (day === `${month}-01` && end <= to) months.push(month);
    else segments.push({ days: [day, end < to ? end : to] });
    day = addDays(end, 1);
  }
  if (months.length) segments.push({ months });
  return segments;
}

/** Whose figures: the whole city, a district, a park, or a school (wherever its classes played). */
export type Scope = { kind: 'city' } | { kind: 'district' | 'park' | 'school'; id: string };

/**
 * The row filter of a scope: which `park` level, and the other dimensions that must match. `parkRowsOnly`: for a cube
 * kept per park only (devices). `allSchools`: a cube whose rows have the all-schools and city levels (hasAllSchools,
 * kept), read there for every scope but a school.
 */
export function scopeFilter(scope: Scope, parkRowsOnly = false, allSchools = false): { park: string | { not: string }; district?: string; school?: string } {
  const schools = allSchools ? { school: ALL_SCHOOLS } : {};
  switch (scope.kind) {
    case 'city':
      if (parkRowsOnly) return { park: { not: ALL_PARKS } };
      return allSchools ? { park: ALL_PARKS, district: ALL_DISTRICTS, school: ALL_SCHOOLS } : { park: ALL_PARKS };
    case 'district':
      if (parkRowsOnly) return { park: { not: ALL_PARKS }, district: scope.id };
      return { park: ALL_PARKS, district: scope.id, ...schools };
    case 'park':
      return { park: scope.id, ...schools };
    case 'school':
      return { park: { not: ALL_PARKS }, school: scope.id };
  }
}

/**
 * The rows of one cube a period and scope read, in memory (the reference the server's SQL must match). `parkRowsOnly`:
 * a cube kept per park only (devices), or a report by park.
 */
export function selectRows<R extends { day: string; park: string; district?: string; school?: string }>(
  rows: readonly R[],
  from: string,
  to: string,
  scope: Scope,
  options: { parkRowsOnly?: boolean; daysOnly?: boolean; allSchools?: boolean } = {},
): R[] {
  const filter = scopeFilter(scope, options.parkRowsOnly, options.allSchools);
  const inScope = (r: R) =>
    (typeof filter.park === 'string' ? r.park === filter.park : r.park !== filter.park.not) &&
    (filter.district === undefined || r.district === filter.district) &&
    (filter.school === undefined || r.school === filter.school);
  // daysOnly: the day rows of the whole period (a report by day), never the month rows.
  const segments: Segment[] = options.daysOnly ? [{ days: [from, to] }] : periodSegments(from, to);
  const months = new Set(segments.flatMap((s) => ('months' in s ? s.months : [])));
  const days = segments.flatMap((s) => ('days' in s ? [s.days] : []));
  const inPeriod = (r: R) => (r.day.length === 10 ? days.some(([a, b]) => r.day >= a && r.day <= b) : months.has(r.day));
  return rows.filter((r) => inScope(r) && inPeriod(r));
}
