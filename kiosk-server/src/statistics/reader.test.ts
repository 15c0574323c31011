// The dashboard's SQL on both stores against the in-memory reference: cubes rolled up from a year of generated facts
// in three parks, two districts and two schools, written to the store; every report for random periods and scopes
// must equal the pure reports over the rows selectRows picks (the reference proven equal to the raw facts in
// @ruyi/statistics' own property tests).
import {
  CUBE_NAMES,
  figuresBy,
  hazardFigures,
  isoWeek,
  itemFigures,
  rankUnits,
  replayFigures,
  rollUp,
  selectRows,
  totals,
  type CubeName,
  type CubeRow,
  type CubeTotals,
  type Scope,
  type StatFact,
} from '@ruyi/statistics';
import { random } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestStorage } from '../test-support/dialect-storage.ts';
import { createStatisticsReader } from './reader.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function generate(n: number, seed: number): StatFact[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const start = Date.parse('2025-05-01T00:00:00Z');
  const span = Date.parse('2026-07-31T00:00:00Z') - start;
  const parks = [['p1', 'd1'], ['p2', 'd1'], ['p3', 'd2']] as const;
  return Array.from({ length: n }, (_, i) => {
    const [park, district] = pick(parks);
    const kind = pick(['visit-start', 'visit-end', 'scenario-start', 'scenario-end', 'step-end', 'item', 'item', 'item'] as const);
    const itemType = pick(['answer', 'hazard-found', 'decision']);
    return {
      seq: i + 1, at: new Date(start + Math.floor(r() * span)).toISOString(), kind, visitId: `v${Math.floor(r() * 200)}`, runId: `r${i}`, park, district,
      school: pick(['s1', 's2', null, null]), classSession: null, device: pick(['k1', 'k2']), platform: pick(['kiosk', 'vr', 'web']), locale: pick(['zh-CN', 'en']),
      packId: 'pk', packVersion: null, scenarioId: pick(['a', 'b']), area: pick(['fire', 'home']), stepId: pick(['s1', 's2']),
      itemType: kind === 'item' ? itemType : null, item: kind === 'item' ? pick(['q1', 'q2']) : null, choice: kind === 'item' ? pick(['c1', 'c2', 'c3']) : null,
      correct: kind === 'item' ? r() < 0.6 : null, scoreScaled: kind === 'scenario-end' ? Math.floor(r() * 10_001) / 10_000 : null,
      passed: kind === 'scenario-end' ? r() < 0.7 : null, durationMs: kind === 'scenario-end' ? Math.floor(r() * 600_000) : null,
    } satisfies StatFact;
  });
}

/** The report as the reference computes it, from the cubes in memory. */
function expected(cubes: CubeTotals, from: string, to: string, scope: Scope) {
  const read = <C extends CubeName>(cube: C, s: Scope = scope, a = from, b = to, parkRows = false, daysOnly = false) =>
    selectRows(cubes.of(cube) as never[], a, b, s, { parkRowsOnly: cube === 'devices' || parkRows, daysOnly }) as CubeRow<C>[];
  const days = read('days', scope, from, to, false, true);
  const rankScope: Scope = scope.kind === 'district' ? scope : { kind: 'city' };
  const year = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
  const sumBy = <R extends Record<string, unknown>>(rows: R[], key: (r: R) => string) => rows.map((r) => ({ ...r, k: key(r) }));
  return {
    totals: totals(read('days')),
    previousYear: totals(read('days', scope, year(from), year(to))),
    byDay: figuresBy(days, (d) => d.day),
    byWeek: figuresBy(days, (d) => isoWeek(d.day)),
    byArea: figuresBy(read('scenarios'), (s) => s.area),
    byScenario: figuresBy(read('scenarios'), (s) => s.scenario),
    byPlatform: figuresBy(read('platforms'), (p) => p.platform),
    byLocale: figuresBy(read('platforms'), (p) => p.locale),
    devices: sumBy(read('devices', scope.kind === 'school' ? { kind: 'city' } : scope), (d) => `${d.park}/${d.device}/${d.platform}`),
    questions: itemFigures(read('items'), 'answer'),
    decisions: itemFigures(read('items'), 'decision'),
    hazards: hazardFigures(read('items'), read('steps')),
    replays: replayFigures(read('replays')),
    schools: rankUnits(read('days', rankScope), (u) => (u as unknown as { school: string }).school),
    parks: rankUnits(read('days', rankScope, from, to, true), (u) => (u as unknown as { park: string }).park),
  };
}

describe.each(DIALECTS)('statistics reports on %s', { timeout: 120_000 }, (dialect) => {
  const store = useTestStorage(dialect);

  it('equal the in-memory reference for random periods and scopes', async () => {
    const { storage } = store;
    // Replays need a visit's plays in order: the generator's visits repeat, so some pair.
    const cubes = rollUp(generate(6000, 7), 480);
    for (const cube of CUBE_NAMES) {
      const rows = cubes.of(cube).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v])));
      for (let i = 0; i < rows.length; i += 400) await storage.db.insertInto(`stat_${cube}` as 'stat_days').values(rows.slice(i, i + 400) as never).execute();
    }
    expect(cubes.of('replays').length).toBeGreaterThan(0);
    const reader = createStatisticsReader(storage);
    const r = random(99);
    const day = () => new Date(Date.parse('2025-05-01T00:00:00Z') + Math.floor(r() * 460) * 86_400_000).toISOString().slice(0, 10);
    const scopes: Scope[] = [{ kind: 'city' }, { kind: 'district', id: 'd1' }, { kind: 'park', id: 'p3' }, { kind: 'school', id: 's2' }];
    const periods = [['2026-06-01', '2026-06-30'], ['2025-05-01', '2026-07-31'], ['2026-02-29', '2026-03-01'], ...Array.from({ length: 5 }, () => [day(), day()].sort())];
    for (const [from, to] of periods)
      for (const scope of scopes) {
        const got = await reader.report({ from: from!, to: to! }, scope);
        const want = expected(cubes, from!, to!, scope);
        const where = `${from}..${to} ${JSON.stringify(scope)}`;
        for (const key of ['totals', 'previousYear', 'byDay', 'byWeek', 'byArea', 'byScenario', 'byPlatform', 'byLocale', 'questions', 'decisions', 'hazards', 'replays', 'schools', 'parks'] as const)
          expect(got[key], `${key} ${where}`).toEqual(want[key]);
        const devices = new Map<string, number>();
        for (const d of want.devices) devices.set(d.k, (devices.get(d.k) ?? 0) + d.visits);
        expect(new Map(got.byDevice.map((d) => [`${d.park}/${d.device}/${d.platform}`, d.visits])), `devices ${where}`).toEqual(devices);
      }
  });

  it('an empty store answers zeros and nulls, never a division by zero', async () => {
    const report = await createStatisticsReader(store.storage).report({ from: '2026-06-01', to: '2026-06-30' }, { kind: 'city' });
    expect(report.totals).toEqual({ visits: 0, runs: 0, completed: 0, passed: 0, completionRate: null, passRate: null, averageScore: null, averageDurationMs: null });
    expect(report.byDay).toEqual([]);
    expect(report.questions).toEqual([]);
  });
});
