import type { RunFigures, StatisticsReport } from '@ruyi/api-contract';
import { describe, expect, it } from 'vitest';
import { chartHeight, chartOption } from './chartOption.ts';
import { formatCell, formatDuration, tableCsv } from './format.ts';
import { dashboardModel, type Translate } from './model.ts';
import type { Names } from './names.ts';

const figures = (visits: number, runs: number, extra: Partial<RunFigures> = {}): RunFigures => ({
  visits,
  runs,
  completed: runs,
  passed: Math.floor(runs / 2),
  completionRate: runs ? 1 : null,
  passRate: runs ? 0.5 : null,
  averageScore: runs ? 0.75 : null,
  averageDurationMs: runs ? 200_000 : null,
  ...extra,
});
const none = figures(0, 0);

function report(over: Partial<StatisticsReport> = {}): StatisticsReport {
  return {
    period: { from: '2026-06-01', to: '2026-06-30' },
    scope: { kind: 'district', id: '220104' },
    totals: figures(40, 50),
    previousYear: figures(30, 35),
    byDay: [{ key: '2026-06-01', figures: figures(40, 50) }],
    byWeek: [{ key: '2026-W23', figures: figures(40, 50) }],
    byArea: [{ key: 'fire', figures: figures(0, 50) }],
    byScenario: [{ key: 'fire-pack/panel', figures: figures(0, 50) }],
    byPlatform: [{ key: 'kiosk', figures: figures(30, 40) }, { key: 'vr', figures: figures(10, 10) }],
    byLocale: [{ key: 'zh-CN', figures: figures(35, 45) }],
    byDevice: [{ park: 'p1', device: 'd1', platform: 'kiosk', visits: 30, runs: 40, completed: 40 }],
    questions: [
      {
        scenario: 'fire-pack/panel',
        step: 'quiz',
        item: 'q-easy',
        n: 10,
        correct: 9,
        correctRate: 0.9,
        choices: [{ choice: 'a', n: 9, correct: true }, { choice: 'b', n: 1, correct: false }],
        topWrong: { choice: 'b', n: 1 },
      },
      { scenario: 'fire-pack/panel', step: 'quiz', item: 'q-hard', n: 10, correct: 2, correctRate: 0.2, choices: [], topWrong: { choice: 'c', n: 8 } },
      { scenario: 'fire-pack/panel', step: 'quiz', item: 'q-none', n: 4, correct: 4, correctRate: 1, choices: [], topWrong: null },
    ],
    decisions: [
      {
        scenario: 'fire-pack/panel',
        step: 'drill',
        item: 'door',
        n: 20,
        correct: 15,
        correctRate: 0.75,
        choices: [{ choice: 'crawl', n: 15, correct: true }, { choice: 'lift', n: 5, correct: false }],
        topWrong: { choice: 'lift', n: 5 },
      },
    ],
    hazards: [{ scenario: 'fire-pack/panel', step: 'hunt', hazard: 'wires', found: 6, hunts: 8, foundShare: 0.75 }],
    replays: [{ scenario: 'fire-pack/panel', pairs: 5, firstAverage: 0.5, secondAverage: 0.8, firstPassRate: 0.4, secondPassRate: 1 }],
    schools: [{ rank: 1, unit: '220104-s01', figures: figures(20, 20), participationRate: null }],
    parks: [{ rank: 1, unit: 'p1', figures: figures(40, 50), participationRate: null }],
    ...over,
  };
}

// Keys and their options as text: the model's words are whatever the catalogue says; the test sees which were asked.
const t: Translate = (key, options) => {
  if (options?.defaultValue !== undefined && key.startsWith('dashboard.platform.') && key !== 'dashboard.platform.kiosk') return String(options.defaultValue);
  if (key === 'dashboard.periodRange') return `${options!.from}–${options!.to}`;
  return key.replace(/^dashboard\./, '');
};
const names: Names = {
  area: (id) => (id === 'fire' ? '消防安全' : id),
  scenario: (key) => (key === 'fire-pack/panel' ? '配电柜起火了' : key),
  item: (_s, _step, item) => `«${item}»`,
  choice: (_s, _step, _item, choice) => `[${choice}]`,
  next: (_s, _step, _item, choice) => (choice === 'crawl' ? '«stairs»' : null),
};

const section = (id: string) => dashboardModel(report(), names, t).sections.find((s) => s.id === id)!;

describe('the dashboard model', () => {
  it('compares the period with the same days a year earlier', () => {
    const s = section('comparison');
    expect(s.tables[0]!.rows).toEqual([
      ['2026-06-01–2026-06-30', 40, 50, 50, 25, 1, 0.5, 0.75, 200_000],
      ['2025-06-01–2025-06-30', 30, 35, 35, 17, 1, 0.5, 0.75, 200_000],
    ]);
    expect(s.chart!.series.map((x) => x.values)).toEqual([[40, 50, 50, 25], [30, 35, 35, 17]]);
    expect(s.chart!.categories).toEqual(['col.visits', 'col.runs', 'col.completed', 'col.passed']);
  });

  it('names areas and scenarios from the content, and platforms in words or as themselves', () => {
    expect(section('areas').tables[0]!.rows[0]![0]).toBe('消防安全');
    expect(section('scenarios').chart!.categories).toEqual(['配电柜起火了']);
    const platforms = section('audience').tables.find((x) => x.id === 'platforms')!;
    expect(platforms.rows.map((r) => r[0])).toEqual(['platform.kiosk', 'vr']);
  });

  it('gives per question the correct rate and the most-chosen wrong answer; the chart shows the hardest first', () => {
    const s = section('questions');
    expect(s.tables[0]!.rows).toEqual([
      ['配电柜起火了', '«q-easy»', 10, 0.9, '[b]', 1],
      ['配电柜起火了', '«q-hard»', 10, 0.2, '[c]', 8],
      ['配电柜起火了', '«q-none»', 4, 1, 'noWrong', 0],
    ]);
    expect(s.chart!.categories).toEqual(['«q-hard»', '«q-easy»', '«q-none»']);
  });

  it('lists every path taken at a decision: whether it was safe, its share, and where it leads', () => {
    expect(section('decisions').tables[0]!.rows).toEqual([
      ['配电柜起火了', '«door»', '[crawl]', 'safety.safe', 15, 0.75, '«stairs»'],
      ['配电柜起火了', '«door»', '[lift]', 'safety.unsafe', 5, 0.25, 'drillEnds'],
    ]);
  });

  it('gives the share who found each hazard, replays before and after, and the rankings', () => {
    expect(section('hazards').tables[0]!.rows).toEqual([['配电柜起火了', '«wires»', 6, 8, 0.75]]);
    expect(section('replays').tables[0]!.rows).toEqual([['配电柜起火了', 5, 0.5, 0.8, 0.4, 1]]);
    expect(section('schools').tables[0]!.rows[0]!.slice(0, 3)).toEqual([1, '220104-s01', 0.75]);
  });

  it('is empty when nothing was recorded, and leaves out charts of nothing', () => {
    const model = dashboardModel(report({ totals: none, questions: [], hazards: [], decisions: [], replays: [] }), names, t);
    expect(model.empty).toBe(true);
    for (const id of ['questions', 'hazards', 'decisions', 'replays']) expect(model.sections.find((s) => s.id === id)!.chart, id).toBeUndefined();
    expect(dashboardModel(report(), names, t).empty).toBe(false);
  });

  it('has headlines with last year\'s figure beside', () => {
    const h = dashboardModel(report(), names, t).headlines;
    expect(h.find((x) => x.key === 'visits')).toMatchObject({ value: 40, previous: 30, kind: 'count' });
    expect(h.find((x) => x.key === 'averageDuration')).toMatchObject({ value: 200_000, kind: 'duration' });
  });
});

describe('figures in words and in CSV', () => {
  it('writes counts, shares, scores and durations as the staff language does', () => {
    expect(formatCell(12345, 'count', 'en')).toBe('12,345');
    expect(formatCell(0.8125, 'rate', 'zh-CN')).toBe('81.3%');
    expect(formatCell(0.75, 'score', 'en')).toBe('75.0');
    expect(formatCell(200_000, 'duration', 'en')).toBe('3:20');
    expect(formatCell(null, 'rate', 'en')).toBe('—');
    expect(formatDuration(59_600)).toBe('1:00');
  });

  it('exports a table with percentages and seconds as plain numbers', () => {
    const table = section('questions').tables[0]!;
    const csv = tableCsv(table, { percent: ' (%)' });
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFcol.scenario,col.question,col.answers,col.correctRate (%),col.topWrong,col.topWrongCount',
      '配电柜起火了,«q-easy»,10,90,[b],1',
      '配电柜起火了,«q-hard»,10,20,[c],8',
    ]);
    const days = tableCsv(section('days').tables[0]!, { percent: ' (%)' });
    expect(days.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFcol.day,col.visits,col.runs,col.completed,col.passed,col.completionRate (%),col.passRate (%),col.averageScore,col.averageDurationSeconds',
      '2026-06-01,40,50,50,25,100,50,75,200',
    ]);
  });
});

describe('chart options', () => {
  it('patterns bars, names the chart, scales shares to 0–1 and puts the first category on top', () => {
    const chart = section('questions').chart!;
    const option = chartOption(chart, 'zh-CN') as Record<string, any>;
    expect(option.aria).toEqual({ enabled: true, label: { description: chart.label }, decal: { show: true } });
    expect(option.xAxis).toMatchObject({ type: 'value', max: 1 });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: chart.categories });
    expect(option.series[0].label.formatter({ value: 0.2 })).toBe('20.0%');
    expect(option.legend).toBeUndefined();
    expect(option.tooltip.renderMode).toBe('richText');
  });

  it('tells lines apart by symbol and dash, and sizes horizontal charts by their categories', () => {
    const days = section('days').chart!;
    const option = chartOption(days, 'en') as Record<string, any>;
    expect(option.series.map((s: { symbol: string; lineStyle: { type: string } }) => [s.symbol, s.lineStyle.type])).toEqual([['circle', 'solid'], ['rect', 'dashed']]);
    expect(option.legend).toBeDefined();
    expect(chartHeight(days)).toBe(300);
    const questions = section('questions').chart!;
    expect(chartHeight({ ...questions, categories: Array.from({ length: 15 }, String) })).toBeGreaterThan(chartHeight(questions));
  });
});
