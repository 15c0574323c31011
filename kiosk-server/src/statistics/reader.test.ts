// The dashboard's SQL on both stores against the in-memory reference: cubes rolled up from a year of generated facts
// in three parks, two districts and two schools, written to the store; every report for random periods and scopes
// must equal the pure reports over the rows selectRows picks (the reference proven equal to the raw facts in
// @ruyi/statistics' own property tests).
import {
  ALL_SCHOOLS,
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
} from '@ruyi/statistics';
import { random } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestStorage } from '../test-support/dialect-storage.ts';
import { createStatisticsReader } from './reader.ts';
import { generateFacts as generate, writeCubes } from './test-facts.ts';
import { LEVELS } from './rollup.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The report as the reference computes it, from the cubes in memory (without the all-schools level: every school's rows summed). */
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
    const facts = generate(6000, 7);
    // The store has the all-schools level, as the follower keeps it; the reference sums every school's rows.
    await writeCubes(storage, rollUp(facts, 480, undefined, LEVELS));
    const cubes = rollUp(facts, 480);
    expect(cubes.of('replays').length).toBeGreaterThan(0);
    const reader = createStatisticsReader(storage);
    const r = random(99);
    const day = () => new Date(Date.parse('2025-05-01T00:00:00Z') + Math.floor(r() * 460) * 86_400_000).toISOString().slice(0, 10);
    const scopes: Scope[] = [{ kind: 'city' }, { kind: 'district', id: 'd1' }, { kind: 'park', id: 'p3' }, { kind: 'school', id: 's2' }];
    // Days are named one by one in the queries up to a limit; a longer period by day reads a range (the first).
    const periods = [['2023-01-01', '2026-07-31'], ['2026-06-01', '2026-06-30'], ['2025-05-01', '2026-07-31'], ['2026-02-29', '2026-03-01'], ...Array.from({ length: 5 }, () => [day(), day()].sort())];
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

  it('a city, a district and a park read the all-schools (and city) rows of the per-item cubes; a school its own rows', async () => {
    const { storage } = store;
    const facts = generate(3000, 11);
    await writeCubes(storage, rollUp(facts, 480, undefined, LEVELS));
    const cubes = rollUp(facts, 480);
    // Marked so a report shows which rows it read: the all-schools rows count a thousand times over.
    await storage.db.updateTable('stat_items').set((eb) => ({ n: eb('n', '*', 1000) })).where('school', '=', ALL_SCHOOLS).execute();
    await storage.db.updateTable('stat_steps').set((eb) => ({ ended: eb('ended', '*', 1000) })).where('school', '=', ALL_SCHOOLS).execute();
    const reader = createStatisticsReader(storage);
    const [from, to] = ['2025-05-01', '2026-07-31'];
    for (const scope of [{ kind: 'city' }, { kind: 'district', id: 'd1' }, { kind: 'park', id: 'p3' }, { kind: 'school', id: 's2' }] as Scope[]) {
      const got = await reader.report({ from, to }, scope);
      const want = expected(cubes, from, to, scope);
      const times = scope.kind === 'school' ? 1 : 1000;
      expect(want.questions.length, scope.kind).toBeGreaterThan(0);
      for (const key of ['questions', 'decisions'] as const)
        expect(got[key].map((q) => [q.scenario, q.item, q.n, q.correct]), `${key} ${scope.kind}`).toEqual(want[key].map((q) => [q.scenario, q.item, q.n * times, q.correct * times]));
      expect(got.hazards.map((h) => [h.hazard, h.found, h.hunts]), scope.kind).toEqual(want.hazards.map((h) => [h.hazard, h.found * times, h.hunts * times]));
      // The other sections have no such level.
      expect(got.totals, scope.kind).toEqual(want.totals);
    }
  });

  it('makes the report as sent (on SQLite in a worker thread) the same as the report read here, at the same cursor', async () => {
    const { storage } = store;
    await writeCubes(storage, rollUp(generate(2000, 3), 480, undefined, LEVELS));
    const reader = createStatisticsReader(storage);
    try {
      for (const scope of [{ kind: 'city' }, { kind: 'school', id: 's1' }] as Scope[]) {
        const here = await reader.reportAt({ from: '2025-06-01', to: '2026-06-30' }, scope);
        const sent = await reader.reportJson({ from: '2025-06-01', to: '2026-06-30' }, scope);
        expect(JSON.parse(sent.body.toString('utf8')), scope.kind).toEqual(JSON.parse(JSON.stringify(here.report)));
        expect(sent.cursor).toBe(here.cursor);
        expect(sent.cursor).toBe(await reader.cursor());
      }
      await storage.db.updateTable('stat_cursor').set({ seq: 42 }).execute();
      expect((await reader.reportJson({ from: '2026-06-01', to: '2026-06-30' }, { kind: 'city' })).cursor).toBe(await reader.cursor());
    } finally {
      await reader.close();
    }
  });

  it('an empty store answers zeros and nulls, never a division by zero', async () => {
    const report = await createStatisticsReader(store.storage).report({ from: '2026-06-01', to: '2026-06-30' }, { kind: 'city' });
    expect(report.totals).toEqual({ visits: 0, runs: 0, completed: 0, passed: 0, completionRate: null, passRate: null, averageScore: null, averageDurationMs: null });
    expect(report.byDay).toEqual([]);
    expect(report.questions).toEqual([]);
  });
});
