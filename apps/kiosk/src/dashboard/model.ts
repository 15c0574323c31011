// The report turned into what the page shows: sections, each with its tables (every figure of a chart is in a table
// too, for screen readers, print and CSV) and at most one chart. Pure: the words come from `t`, the names from the
// loaded content (names.ts); the components only render this.
import type { RunFigures, StatisticsReport } from '@ruyi/api-contract';
import type { Names } from './names.ts';
import { yearEarlier } from './period.ts';

/** How a column's values read: counts, shares (0–1), scores (0–1, shown out of 100), durations (ms), text. */
export type ColumnKind = 'text' | 'count' | 'rate' | 'score' | 'duration';
export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
  /** The CSV header when it differs (a duration: seconds there, m:ss on the page). */
  csvLabel?: string;
}

export interface TableModel {
  /** Stable, for the CSV file name and the page's ids. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
}

export interface ChartModel {
  type: 'bar' | 'line';
  /** Bars along the vertical axis, for long names (scenarios, questions). */
  horizontal: boolean;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  valueKind: 'count' | 'rate' | 'score';
  /** What the chart shows, in words: its accessible name. */
  label: string;
}

export interface SectionModel {
  id: string;
  title: string;
  /** One line under the title: what the section counts. */
  note?: string;
  chart?: ChartModel;
  tables: TableModel[];
}

export interface Headline {
  key: string;
  label: string;
  kind: ColumnKind;
  value: number | null;
  previous: number | null;
}

export interface DashboardModel {
  /** Nothing was recorded in the period and place. */
  empty: boolean;
  headlines: Headline[];
  sections: SectionModel[];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** At most this many bars in a chart of items (questions, hazards, decisions): the hardest first; the table has all. */
export const CHART_ITEMS = 15;

const FIGURES = [
  ['visits', 'count'],
  ['runs', 'count'],
  ['completed', 'count'],
  ['passed', 'count'],
  ['completionRate', 'rate'],
  ['passRate', 'rate'],
  ['averageScore', 'score'],
  ['averageDuration', 'duration'],
] as const satisfies readonly (readonly [string, ColumnKind])[];

const figureCells = (f: RunFigures): Cell[] => [f.visits, f.runs, f.completed, f.passed, f.completionRate, f.passRate, f.averageScore, f.averageDurationMs];

const columns = (t: Translate, ...cs: (readonly [string, ColumnKind])[]): Column[] =>
  cs.map(([key, kind]) => ({ key, label: t(`dashboard.col.${key}`), kind, ...(kind === 'duration' ? { csvLabel: t(`dashboard.col.${key}Seconds`) } : {}) }));

/** A table of run figures, one row per key: `keyColumns` say what the key is (a day, an area, a scenario …). */
function figuresTable(t: Translate, id: string, caption: string, keyColumns: (readonly [string, ColumnKind])[], rows: { keys: Cell[]; figures: RunFigures }[]): TableModel {
  return { id, caption, columns: columns(t, ...keyColumns, ...FIGURES), rows: rows.map((r) => [...r.keys, ...figureCells(r.figures)]) };
}

const share = (n: number, of: number) => (of > 0 ? n / of : null);
const byRate = <T>(rate: (x: T) => number | null) => (a: T, b: T) => (rate(a) ?? 2) - (rate(b) ?? 2);

export function dashboardModel(report: StatisticsReport, names: Names, t: Translate): DashboardModel {
  const { totals, previousYear } = report;
  const platform = (p: string) => t(`dashboard.platform.${p}`, { defaultValue: p });
  const language = (l: string) => t(`dashboard.language.${l}`, { defaultValue: l });
  const counts = (f: RunFigures) => [f.visits, f.runs, f.completed, f.passed];
  const sections: SectionModel[] = [];

  // The safety month against the same days a year earlier.
  const thisPeriod = t('dashboard.periodRange', { ...report.period });
  const lastYear = t('dashboard.periodRange', { ...yearEarlier(report.period) });
  sections.push({
    id: 'comparison',
    title: t('dashboard.section.comparison'),
    note: t('dashboard.note.comparison', { period: thisPeriod, previous: lastYear }),
    chart: {
      type: 'bar',
      horizontal: false,
      categories: FIGURES.slice(0, 4).map(([k]) => t(`dashboard.col.${k}`)),
      series: [
        { name: thisPeriod, values: counts(totals) },
        { name: lastYear, values: counts(previousYear) },
      ],
      valueKind: 'count',
      label: t('dashboard.chart.comparison'),
    },
    tables: [
      figuresTable(t, 'comparison', t('dashboard.section.comparison'), [['period', 'text']], [
        { keys: [thisPeriod], figures: totals },
        { keys: [lastYear], figures: previousYear },
      ]),
    ],
  });

  // Before and after: visitors who played a scenario twice.
  sections.push({
    id: 'replays',
    title: t('dashboard.section.replays'),
    note: t('dashboard.note.replays'),
    chart: report.replays.length
      ? {
          type: 'bar',
          horizontal: true,
          categories: report.replays.map((r) => names.scenario(r.scenario)),
          series: [
            { name: t('dashboard.col.firstAverage'), values: report.replays.map((r) => r.firstAverage) },
            { name: t('dashboard.col.secondAverage'), values: report.replays.map((r) => r.secondAverage) },
          ],
          valueKind: 'score',
          label: t('dashboard.chart.replays'),
        }
      : undefined,
    tables: [
      {
        id: 'replays',
        caption: t('dashboard.section.replays'),
        columns: columns(t, ['scenario', 'text'], ['pairs', 'count'], ['firstAverage', 'score'], ['secondAverage', 'score'], ['firstPassRate', 'rate'], ['secondPassRate', 'rate']),
        rows: report.replays.map((r) => [names.scenario(r.scenario), r.pairs, r.firstAverage, r.secondAverage, r.firstPassRate, r.secondPassRate]),
      },
    ],
  });

  sections.push({
    id: 'days',
    title: t('dashboard.section.days'),
    chart: {
      type: 'line',
      horizontal: false,
      categories: report.byDay.map((d) => d.key),
      series: [
        { name: t('dashboard.col.visits'), values: report.byDay.map((d) => d.figures.visits) },
        { name: t('dashboard.col.completed'), values: report.byDay.map((d) => d.figures.completed) },
      ],
      valueKind: 'count',
      label: t('dashboard.chart.days'),
    },
    tables: [figuresTable(t, 'days', t('dashboard.section.days'), [['day', 'text']], report.byDay.map((d) => ({ keys: [d.key], figures: d.figures })))],
  });

  sections.push({
    id: 'weeks',
    title: t('dashboard.section.weeks'),
    chart: {
      type: 'bar',
      horizontal: false,
      categories: report.byWeek.map((w) => w.key),
      series: [{ name: t('dashboard.col.visits'), values: report.byWeek.map((w) => w.figures.visits) }],
      valueKind: 'count',
      label: t('dashboard.chart.weeks'),
    },
    tables: [figuresTable(t, 'weeks', t('dashboard.section.weeks'), [['week', 'text']], report.byWeek.map((w) => ({ keys: [w.key], figures: w.figures })))],
  });

  const areas = report.byArea.map((a) => ({ ...a, name: names.area(a.key) }));
  sections.push({
    id: 'areas',
    title: t('dashboard.section.areas'),
    chart: {
      type: 'bar',
      horizontal: true,
      categories: areas.map((a) => a.name),
      series: [
        { name: t('dashboard.col.runs'), values: areas.map((a) => a.figures.runs) },
        { name: t('dashboard.col.completed'), values: areas.map((a) => a.figures.completed) },
      ],
      valueKind: 'count',
      label: t('dashboard.chart.areas'),
    },
    tables: [figuresTable(t, 'areas', t('dashboard.section.areas'), [['area', 'text']], areas.map((a) => ({ keys: [a.name], figures: a.figures })))],
  });

  const scenarios = report.byScenario.map((s) => ({ ...s, name: names.scenario(s.key) }));
  sections.push({
    id: 'scenarios',
    title: t('dashboard.section.scenarios'),
    chart: {
      type: 'bar',
      horizontal: true,
      categories: scenarios.map((s) => s.name),
      series: [
        { name: t('dashboard.col.passRate'), values: scenarios.map((s) => s.figures.passRate) },
        { name: t('dashboard.col.averageScore'), values: scenarios.map((s) => s.figures.averageScore) },
      ],
      valueKind: 'rate',
      label: t('dashboard.chart.scenarios'),
    },
    tables: [figuresTable(t, 'scenarios', t('dashboard.section.scenarios'), [['scenario', 'text']], scenarios.map((s) => ({ keys: [s.name], figures: s.figures })))],
  });

  sections.push({
    id: 'audience',
    title: t('dashboard.section.audience'),
    chart: {
      type: 'bar',
      horizontal: false,
      categories: report.byPlatform.map((p) => platform(p.key)),
      series: [{ name: t('dashboard.col.visits'), values: report.byPlatform.map((p) => p.figures.visits) }],
      valueKind: 'count',
      label: t('dashboard.chart.platforms'),
    },
    tables: [
      figuresTable(t, 'platforms', t('dashboard.table.platforms'), [['platform', 'text']], report.byPlatform.map((p) => ({ keys: [platform(p.key)], figures: p.figures }))),
      figuresTable(t, 'languages', t('dashboard.table.languages'), [['language', 'text']], report.byLocale.map((l) => ({ keys: [language(l.key)], figures: l.figures }))),
      {
        id: 'devices',
        caption: t('dashboard.table.devices'),
        columns: columns(t, ['park', 'text'], ['device', 'text'], ['platform', 'text'], ['visits', 'count'], ['runs', 'count'], ['completed', 'count']),
        rows: report.byDevice.map((d) => [d.park, d.device || t('dashboard.noDevice'), platform(d.platform), d.visits, d.runs, d.completed]),
      },
    ],
  });

  const questions = report.questions.map((q) => ({ ...q, name: names.item(q.scenario, q.step, q.item) }));
  const hardest = [...questions].sort(byRate((q) => q.correctRate)).slice(0, CHART_ITEMS);
  sections.push({
    id: 'questions',
    title: t('dashboard.section.questions'),
    note: t('dashboard.note.questions'),
    chart: questions.length
      ? {
          type: 'bar',
          horizontal: true,
          categories: hardest.map((q) => q.name),
          series: [{ name: t('dashboard.col.correctRate'), values: hardest.map((q) => q.correctRate) }],
          valueKind: 'rate',
          label: t('dashboard.chart.questions', { n: hardest.length }),
        }
      : undefined,
    tables: [
      {
        id: 'questions',
        caption: t('dashboard.section.questions'),
        columns: columns(t, ['scenario', 'text'], ['question', 'text'], ['answers', 'count'], ['correctRate', 'rate'], ['topWrong', 'text'], ['topWrongCount', 'count']),
        rows: questions.map((q) => [
          names.scenario(q.scenario),
          q.name,
          q.n,
          q.correctRate,
          q.topWrong ? names.choice(q.scenario, q.step, q.item, q.topWrong.choice) : t('dashboard.noWrong'),
          q.topWrong?.n ?? 0,
        ]),
      },
    ],
  });

  const hazards = report.hazards.map((h) => ({ ...h, name: names.item(h.scenario, h.step, h.hazard) }));
  const missed = [...hazards].sort(byRate((h) => h.foundShare)).slice(0, CHART_ITEMS);
  sections.push({
    id: 'hazards',
    title: t('dashboard.section.hazards'),
    note: t('dashboard.note.hazards'),
    chart: hazards.length
      ? {
          type: 'bar',
          horizontal: true,
          categories: missed.map((h) => h.name),
          series: [{ name: t('dashboard.col.foundShare'), values: missed.map((h) => h.foundShare) }],
          valueKind: 'rate',
          label: t('dashboard.chart.hazards', { n: missed.length }),
        }
      : undefined,
    tables: [
      {
        id: 'hazards',
        caption: t('dashboard.section.hazards'),
        columns: columns(t, ['scenario', 'text'], ['hazard', 'text'], ['found', 'count'], ['hunts', 'count'], ['foundShare', 'rate']),
        rows: hazards.map((h) => [names.scenario(h.scenario), h.name, h.found, h.hunts, h.foundShare]),
      },
    ],
  });

  // A decision's paths: each choice visitors made there, how often, and whether it was the safe one.
  const decisions = report.decisions.map((d) => ({ ...d, name: names.item(d.scenario, d.step, d.item) }));
  const risky = [...decisions].sort(byRate((d) => d.correctRate)).slice(0, CHART_ITEMS);
  const safety = (correct: boolean | null) => t(correct === null ? 'dashboard.safety.mixed' : correct ? 'dashboard.safety.safe' : 'dashboard.safety.unsafe');
  sections.push({
    id: 'decisions',
    title: t('dashboard.section.decisions'),
    note: t('dashboard.note.decisions'),
    chart: decisions.length
      ? {
          type: 'bar',
          horizontal: true,
          categories: risky.map((d) => d.name),
          series: [{ name: t('dashboard.col.safeRate'), values: risky.map((d) => d.correctRate) }],
          valueKind: 'rate',
          label: t('dashboard.chart.decisions', { n: risky.length }),
        }
      : undefined,
    tables: [
      {
        id: 'decisions',
        caption: t('dashboard.section.decisions'),
        columns: columns(t, ['scenario', 'text'], ['decision', 'text'], ['choice', 'text'], ['safety', 'text'], ['chosen', 'count'], ['choiceShare', 'rate'], ['leadsTo', 'text']),
        rows: decisions.flatMap((d) =>
          d.choices.map((c) => [
            names.scenario(d.scenario),
            d.name,
            names.choice(d.scenario, d.step, d.item, c.choice),
            safety(c.correct),
            c.n,
            share(c.n, d.n),
            names.next(d.scenario, d.step, d.item, c.choice) ?? t('dashboard.drillEnds'),
          ]),
        ),
      },
    ],
  });

  const ranking = (id: 'schools' | 'parks') => ({
    id,
    title: t(`dashboard.section.${id}`),
    note: t('dashboard.note.ranking'),
    tables: [
      {
        id,
        caption: t(`dashboard.section.${id}`),
        columns: columns(t, ['rank', 'count'], ['unit', 'text'], ['averageScore', 'score'], ['participationRate', 'rate'], ['visits', 'count'], ['runs', 'count'], ['completed', 'count'], ['passRate', 'rate']),
        rows: report[id].map((u) => [u.rank, u.unit, u.figures.averageScore, u.participationRate, u.figures.visits, u.figures.runs, u.figures.completed, u.figures.passRate]),
      },
    ],
  });
  sections.push(ranking('schools'), ranking('parks'));

  const headlines: Headline[] = (['visits', 'runs', 'completionRate', 'passRate', 'averageScore', 'averageDuration'] as const).map((key) => {
    const pick = (f: RunFigures) => (key === 'averageDuration' ? f.averageDurationMs : f[key]);
    return { key, label: t(`dashboard.col.${key}`), kind: FIGURES.find(([k]) => k === key)![1], value: pick(totals), previous: pick(previousYear) };
  });

  return { empty: totals.visits === 0 && totals.runs === 0, headlines, sections };
}

