// The dashboard's figures, from cube rows already limited to a period and a scope. Rows may repeat a key (a server
// may hand over per-day rows): every report sums first. Rates are null when nothing was counted, never 0/0.
import { SCORE_UNIT, type CubeRow } from './cubes.ts';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

export interface RunFigures {
  visits: number;
  runs: number;
  completed: number;
  passed: number;
  /** completed / runs started. */
  completionRate: number | null;
  /** passed / completed. */
  passRate: number | null;
  /** The mean score (0..1) of completed runs with a score. */
  averageScore: number | null;
  /** The mean time (ms) of completed runs with a duration. */
  averageDurationMs: number | null;
}

type RunRow = { runs: number; completed: number; passed: number; scoreSum: number; scored: number; durationSum: number; timed: number; visits?: number };

function figuresOf(rows: readonly RunRow[]): RunFigures {
  const sum = { visits: 0, runs: 0, completed: 0, passed: 0, scoreSum: 0, scored: 0, durationSum: 0, timed: 0 };
  for (const r of rows) {
    sum.visits += r.visits ?? 0;
    sum.runs += r.runs;
    sum.completed += r.completed;
    sum.passed += r.passed;
    sum.scoreSum += r.scoreSum;
    sum.scored += r.scored;
    sum.durationSum += r.durationSum;
    sum.timed += r.timed;
  }
  const average = ratio(sum.scoreSum, sum.scored);
  return {
    visits: sum.visits,
    runs: sum.runs,
    completed: sum.completed,
    passed: sum.passed,
    completionRate: ratio(sum.completed, sum.runs),
    passRate: ratio(sum.passed, sum.completed),
    averageScore: average === null ? null : average / SCORE_UNIT,
    averageDurationMs: ratio(sum.durationSum, sum.timed),
  };
}

/** Groups rows by a key and gives each group's figures, in key order. */
export function figuresBy<R extends RunRow>(rows: readonly R[], keyOf: (row: R) => string): { key: string; figures: RunFigures }[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => ({ key, figures: figuresOf(g) }));
}

export const totals = (rows: readonly RunRow[]) => figuresOf(rows);

/** The ISO 8601 week (e.g. 2026-W23) of a day (YYYY-MM-DD). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7)); // the week's Thursday decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface ItemFigures {
  scenario: string;
  step: string;
  item: string;
  /** Answers (or finds, or decisions) counted. */
  n: number;
  correct: number;
  correctRate: number | null;
  /** Each choice made, most made first (ties by id), and whether it was right (null: not judged, or judged both ways). */
  choices: { choice: string; n: number; correct: boolean | null }[];
  /** The choice most often made wrongly, with how often; null when no one chose wrong. */
  topWrong: { choice: string; n: number } | null;
}

/** Per question (or decision): how often answered, how often right, and what was chosen instead. */
export function itemFigures(rows: readonly CubeRow<'items'>[], itemType: string): ItemFigures[] {
  const items = new Map<string, ItemFigures & { byChoice: Map<string, { n: number; right: number; wrong: number }> }>();
  for (const r of rows) {
    if (r.itemType !== itemType) continue;
    const key = `${r.scenario}\u0000${r.step}\u0000${r.item}`;
    let f = items.get(key);
    if (!f) items.set(key, (f = { scenario: r.scenario, step: r.step, item: r.item, n: 0, correct: 0, correctRate: null, choices: [], topWrong: null, byChoice: new Map() }));
    f.n += r.n;
    if (r.correct === '1') f.correct += r.n;
    const c = f.byChoice.get(r.choice) ?? { n: 0, right: 0, wrong: 0 };
    c.n += r.n;
    if (r.correct === '1') c.right += r.n;
    else if (r.correct === '0') c.wrong += r.n;
    f.byChoice.set(r.choice, c);
  }
  const order = (a: { choice: string; n: number }, b: { choice: string; n: number }) => b.n - a.n || (a.choice < b.choice ? -1 : a.choice > b.choice ? 1 : 0);
  return [...items.values()]
    .map(({ byChoice, ...f }) => {
      // A choice is right or wrong as the pack says; were it judged both ways (the pack changed), it is neither.
      const choices = [...byChoice]
        .map(([choice, c]) => ({ choice, n: c.n, correct: c.right === c.n ? true : c.wrong === c.n ? false : null }))
        .sort(order);
      const wrong = [...byChoice].filter(([, c]) => c.wrong > 0).map(([choice, c]) => ({ choice, n: c.wrong })).sort(order)[0];
      return { ...f, correctRate: ratio(f.correct, f.n), choices, topWrong: wrong ?? null };
    })
    .sort((a, b) => (a.scenario + a.step + a.item < b.scenario + b.step + b.item ? -1 : 1));
}

export interface HazardFigures {
  scenario: string;
  step: string;
  hazard: string;
  found: number;
  /** The hunts ended in the period: everyone who could have found it. */
  hunts: number;
  foundShare: number | null;
}

/** Per hazard: the share of ended hunts that found it. */
export function hazardFigures(items: readonly CubeRow<'items'>[], steps: readonly CubeRow<'steps'>[], itemType = 'hazard-found'): HazardFigures[] {
  const hunts = new Map<string, number>();
  for (const s of steps) hunts.set(`${s.scenario}\u0000${s.step}`, (hunts.get(`${s.scenario}\u0000${s.step}`) ?? 0) + s.ended);
  return itemFigures(items, itemType).map((f) => {
    const ended = hunts.get(`${f.scenario}\u0000${f.step}`) ?? 0;
    return { scenario: f.scenario, step: f.step, hazard: f.item, found: f.n, hunts: ended, foundShare: ratio(f.n, ended) };
  });
}

export interface ReplayFigures {
  scenario: string;
  pairs: number;
  firstAverage: number | null;
  secondAverage: number | null;
  firstPassRate: number | null;
  secondPassRate: number | null;
}

/** Before and after: visitors who completed a scenario twice, their first and second play. */
export function replayFigures(rows: readonly CubeRow<'replays'>[]): ReplayFigures[] {
  const by = new Map<string, { pairs: number; first: number; second: number; firstPassed: number; secondPassed: number }>();
  for (const r of rows) {
    const s = by.get(r.scenario) ?? { pairs: 0, first: 0, second: 0, firstPassed: 0, secondPassed: 0 };
    s.pairs += r.pairs;
    s.first += r.firstScoreSum;
    s.second += r.secondScoreSum;
    s.firstPassed += r.firstPassed;
    s.secondPassed += r.secondPassed;
    by.set(r.scenario, s);
  }
  const average = (sum: number, n: number) => (n > 0 ? sum / n / SCORE_UNIT : null);
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([scenario, s]) => ({
      scenario,
      pairs: s.pairs,
      firstAverage: average(s.first, s.pairs),
      secondAverage: average(s.second, s.pairs),
      firstPassRate: ratio(s.firstPassed, s.pairs),
      secondPassRate: ratio(s.secondPassed, s.pairs),
    }));
}

export interface RankedUnit {
  rank: number;
  unit: string;
  figures: RunFigures;
  /** Participants over the unit's expected number (e.g. students enrolled); null when unknown. */
  participationRate: number | null;
}

/**
 * Units (schools, parks) ranked 安康杯-style: by average score, ties broken by participation rate, then by visits;
 * units that share all three share a rank.
 */
export function rankUnits(
  rows: readonly (RunRow & { visits: number })[],
  unitOf: (row: RunRow & { visits: number }) => string,
  expected: (unit: string) => number | null = () => null,
): RankedUnit[] {
  const units = figuresBy(rows, unitOf)
    .filter((u) => u.key !== '')
    .map(({ key, figures }) => {
      const e = expected(key);
      return { unit: key, figures, participationRate: e ? figures.visits / e : null };
    });
  const cmp = (a: (typeof units)[number], b: (typeof units)[number]) =>
    (b.figures.averageScore ?? -1) - (a.figures.averageScore ?? -1) || (b.participationRate ?? -1) - (a.participationRate ?? -1) || b.figures.visits - a.figures.visits;
  units.sort((a, b) => cmp(a, b) || (a.unit < b.unit ? -1 : 1));
  let rank = 0;
  return units.map((u, i) => {
    if (i === 0 || cmp(units[i - 1]!, u) !== 0) rank = i + 1;
    return { rank, ...u };
  });
}
