// A class's report from the facts of its statements (pure): its totals and weakest questions as the dashboard computes
// them (@ruyi/statistics, rolled up in memory: a class is a few hundred plays), and each seat's scenarios, from the
// visits its token posted. A fact whose visit sits at no seat counts in the totals only.
import { CLASS_CSV_COLUMNS, type ClassReport, type ClassSession, type ClassStudent, type StudentScenario } from '@ruyi/api-contract';
import { ALL_PARKS, itemFigures, rollUp, scenarioKey, totals, type StatFact } from '@ruyi/statistics';
import type { SeatRow } from './store.ts';

/** Questions listed as the class's weakest. */
export const WEAKEST = 10;

export interface ReportInput {
  class: ClassSession;
  seats: readonly SeatRow[];
  seatVisits: readonly { visitId: string; seat: number }[];
  facts: readonly StatFact[];
  utcOffsetMinutes: number;
}

export function classReport(input: ReportInput): ClassReport {
  const cubes = rollUp(input.facts, input.utcOffsetMinutes);
  // Each count is kept per park-day, per month and for the district: one level is the whole.
  const parkDays = <R extends { day: string; park: string }>(rows: R[]) => rows.filter((r) => r.day.length === 10 && r.park !== ALL_PARKS);
  const weakest = itemFigures(parkDays(cubes.of('items')), 'answer')
    .sort((a, b) => (a.correctRate ?? 2) - (b.correctRate ?? 2) || b.n - a.n)
    .slice(0, WEAKEST);

  const seatOf = new Map(input.seatVisits.map((v) => [v.visitId.toLowerCase(), v.seat]));
  const perSeat = new Map<number, { scenarios: Map<string, StudentScenario>; last: string | null }>();
  for (const seat of input.seats) perSeat.set(seat.seat, { scenarios: new Map(), last: null });
  for (const fact of [...input.facts].sort((a, b) => a.seq - b.seq)) {
    const seat = seatOf.get(fact.visitId.toLowerCase());
    const student = seat === undefined ? undefined : perSeat.get(seat);
    if (!student) continue;
    if (!student.last || fact.at > student.last) student.last = fact.at;
    const scenario = scenarioKey(fact.packId, fact.scenarioId);
    if (!scenario) continue;
    const played = student.scenarios.get(scenario) ?? { scenario, completed: false, passed: null, score: null };
    if (fact.kind === 'scenario-end') {
      const better =
        !played.completed || (fact.passed === true && played.passed !== true) || (fact.passed === played.passed && (fact.scoreScaled ?? -1) > (played.score ?? -1));
      if (better) Object.assign(played, { completed: true, passed: fact.passed, score: fact.scoreScaled });
    }
    student.scenarios.set(scenario, played);
  }

  const students: ClassStudent[] = input.seats.map((seat) => {
    const { scenarios, last } = perSeat.get(seat.seat)!;
    const list = [...scenarios.values()].sort((a, b) => (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : 0));
    return {
      seat: seat.seat,
      platform: seat.platform,
      joinedAt: seat.joinedAt,
      lastSeenAt: last && last > seat.lastSeenAt ? last : seat.lastSeenAt,
      scenarios: list,
      finished: list.length > 0 && list.every((s) => s.completed),
    };
  });

  return { class: input.class, students, weakest, totals: totals(parkDays(cubes.of('days'))) };
}

const csvCell = (value: string | number | boolean | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The report's students as CSV (UTF-8 with a BOM, so spreadsheet programs read Chinese right), one row per seat. */
export function studentsCsv(report: ClassReport): string {
  const header: string[] = [...CLASS_CSV_COLUMNS];
  const rows = report.students.map((s) => {
    const completed = s.scenarios.filter((x) => x.completed);
    const scored = completed.filter((x) => x.score !== null);
    const average = scored.length ? scored.reduce((sum, x) => sum + x.score!, 0) / scored.length : null;
    return [
      s.seat,
      s.platform,
      s.joinedAt,
      s.lastSeenAt,
      s.scenarios.map((x) => x.scenario).join(' '),
      completed.map((x) => x.scenario).join(' '),
      completed.filter((x) => x.passed).map((x) => x.scenario).join(' '),
      average === null ? null : Math.round(average * 1000) / 1000,
      s.finished,
    ];
  });
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
