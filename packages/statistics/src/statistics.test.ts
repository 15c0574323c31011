// The cubes against the raw facts: for any stream of facts, every report read from the cubes equals the same figure
// computed straight from the facts (by a second, plain implementation here), and the replay memory is emptied by the
// visits' ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINA_OFFSET_MINUTES, dayOf, type StatFact } from './facts.ts';
import { ALL_PARKS, ALL_SCHOOLS, contributionsOf, hasAllSchools, memoryReplays, rollUp, type CubeName, type CubeRow, type CubeTotals, type Levels } from './cubes.ts';
import { periodSegments, selectRows, type Scope } from './period.ts';
import { figuresBy, hazardFigures, isoWeek, itemFigures, rankUnits, replayFigures, totals } from './reports.ts';

const OFFSET = CHINA_OFFSET_MINUTES;
const CITY: Scope = { kind: 'city' };
/** The facts' whole span, for reading every row once. */
const ALL = ['2026-05-01', '2026-06-30'] as const;
/** The rows a report reads, as the server reads them with the given levels kept. */
const readerOf =
  (levels: Levels) =>
  <C extends CubeName>(cubes: CubeTotals, cube: C, scope: Scope = CITY, from: string = ALL[0], to: string = ALL[1]): CubeRow<C>[] =>
    selectRows(cubes.of(cube) as never[], from, to, scope, { parkRowsOnly: cube === 'devices', allSchools: Boolean(levels.allSchools) && hasAllSchools(cube) }) as CubeRow<C>[];
/** Each property holds without the all-schools level (an in-memory roll-up) and with it (the server's cubes). */
const LEVELS: [string, Levels][] = [
  ['park and district levels', {}],
  ['with the all-schools level', { allSchools: true }],
];

function fact(over: Partial<StatFact>): StatFact {
  return {
    seq: 1, at: '2026-06-01T02:00:00.000Z', kind: 'visit-start', visitId: 'v1', runId: null, park: 'ruyi-xi', district: '220102', school: null,
    classSession: null, device: 'd1', platform: 'kiosk', locale: 'zh-CN', packId: null, packVersion: null, scenarioId: null, area: null, stepId: null,
    itemType: null, item: null, choice: null, correct: null, scoreScaled: null, passed: null, durationMs: null, ...over,
  };
}

describe('days and weeks', () => {
  it('counts a day in the park\'s time: 23:30 UTC is the next morning in Changchun', () => {
    expect(dayOf('2026-05-31T23:30:00.000Z', OFFSET)).toBe('2026-06-01');
    expect(dayOf('2026-05-31T15:59:59.999Z', OFFSET)).toBe('2026-05-31');
  });
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-06-01', '2026-W23'],
    ['2026-06-07', '2026-W23'],
    ['2026-06-08', '2026-W24'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in ISO week %s', (day, week) => expect(isoWeek(day)).toBe(week));
});

describe('periods', () => {
  it('splits a period into its whole months and the days at its ends', () => {
    expect(periodSegments('2026-06-01', '2026-06-30')).toEqual([{ months: ['2026-06'] }]);
    expect(periodSegments('2026-05-15', '2026-08-10')).toEqual([{ days: ['2026-05-15', '2026-05-31'] }, { days: ['2026-08-01', '2026-08-10'] }, { months: ['2026-06', '2026-07'] }]);
    expect(periodSegments('2026-02-03', '2026-02-03')).toEqual([{ days: ['2026-02-03', '2026-02-03'] }]);
    expect(periodSegments('2025-12-01', '2026-02-28')).toEqual([{ months: ['2025-12', '2026-01', '2026-02'] }]);
    expect(periodSegments('2024-02-01', '2024-02-28')).toEqual([{ days: ['2024-02-01', '2024-02-28'] }]); // a leap year's February
  });
});

describe('replays', () => {
  it('pairs a visit\'s first and second completed play of a scenario once, and forgets the visit at its end', () => {
    const replays = memoryReplays();
    const end = (seq: number, visitId: string, score: number, passed: boolean) =>
      fact({ seq, kind: 'scenario-end', visitId, runId: `r${seq}`, packId: 'fire', scenarioId: 'hunt', area: 'fire', scoreScaled: score, passed });
    const pairsOf = (f: StatFact) => contributionsOf(f, replays, OFFSET).filter((c) => c.cube === 'replays');
    expect(pairsOf(end(1, 'v1', 0.4, false))).toEqual([]);
    expect(pairsOf(end(2, 'v2', 0.9, true))).toEqual([]);
    const pair = pairsOf(end(3, 'v1', 0.8, true));
    // At the four levels: the park's day and month, the district's day and month.
    expect(pair.map((c) => [c.key.day, c.key.park])).toEqual([['2026-06-01', 'ruyi-xi'], ['2026-06', 'ruyi-xi'], ['2026-06-01', ALL_PARKS], ['2026-06', ALL_PARKS]]);
    for (const c of pair) expect(c.add).toEqual({ pairs: 1, firstScoreSum: 4000, secondScoreSum: 8000, firstPassed: 0, secondPassed: 1 });
    expect(pairsOf(end(4, 'v1', 1, true))).toEqual([]); // a third play
    expect(replays.size()).toBe(2);
    contributionsOf(fact({ seq: 5, kind: 'visit-end', visitId: 'v1' }), replays, OFFSET);
    expect(replays.size()).toBe(1);
  });
});

// Plain figures straight from the facts, written without the cubes.
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
function rawDayFigures(facts: StatFact[], day: string) {
  const of = facts.filter((f) => dayOf(f.at, OFFSET) === day);
  const ends = of.filter((f) => f.kind === 'scenario-end');
  const runs = of.filter((f) => f.kind === 'scenario-start').length;
  const scored = ends.filter((f) => f.scoreScaled !== null).map((f) => Math.round(f.scoreScaled! * 10_000) / 10_000);
  const timed = ends.filter((f) => f.durationMs !== null).map((f) => f.durationMs!);
  return {
    visits: of.filter((f) => f.kind === 'visit-start').length,
    runs,
    completed: ends.length,
    passed: ends.filter((f) => f.passed).length,
    completionRate: runs ? ends.length / runs : null,
    passRate: ends.length ? ends.filter((f) => f.passed).length / ends.length : null,
    averageScore: mean(scored),
    averageDurationMs: mean(timed),
  };
}

const ids = (prefix: string, n: number) => fc.constantFrom(...Array.from({ length: n }, (_, i) => `${prefix}${i}`));
const factArb = fc.record({
  at: fc.integer({ min: Date.parse('2026-05-25T00:00:00Z'), max: Date.parse('2026-06-10T00:00:00Z') }).map((t) => new Date(t).toISOString()),
  kind: fc.constantFrom('visit-start', 'visit-end', 'scenario-start', 'scenario-end', 'step-end', 'item') as fc.Arbitrary<StatFact['kind']>,
  visitId: ids('v', 6),
  park: fc.constantFrom('p1', 'p2', null),
  school: fc.constantFrom('s1', 's2', null),
  platform: fc.constantFrom('kiosk', 'vr', 'web'),
  locale: fc.constantFrom('zh-CN', 'en'),
  scenarioId: ids('sc', 3),
  stepId: ids('st', 2),
  itemType: fc.constantFrom('answer', 'hazard-found', 'decision'),
  item: ids('i', 3),
  choice: ids('c', 3),
  correct: fc.constantFrom(true, false, null),
  scoreScaled: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000)),
  passed: fc.boolean(),
  durationMs: fc.option(fc.integer({ min: 0, max: 600_000 })),
});
const factsArb = fc.array(factArb, { maxLength: 300 }).map((rows) =>
  rows.map((r, i): StatFact =>
    fact({
      ...r,
      seq: i + 1,
      district: r.park ? 'd' : null,
      runId: `${r.visitId}-${r.scenarioId}`,
      packId: 'pk',
      area: 'fire',
      scoreScaled: r.kind === 'scenario-end' ? r.scoreScaled : null,
      durationMs: r.kind === 'scenario-end' ? r.durationMs : null,
    }),
  ),
);

describe.each(LEVELS)('the cubes equal the raw facts (%s)', (_, levels) => {
  const read = readerOf(levels);
  it('participation per day and in total', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const cubes = rollUp(facts, OFFSET, undefined, levels);
        const days = [...new Set(facts.map((f) => dayOf(f.at, OFFSET)))];
        for (const day of days) {
          const want = rawDayFigures(facts, day);
          const got = totals(read(cubes, 'days', CITY, day, day));
          expect({ ...got, averageScore: got.averageScore === null ? null : Math.round(got.averageScore * 1e9) }).toEqual({
            ...want,
            averageScore: want.averageScore === null ? null : Math.round(want.averageScore * 1e9),
          });
        }
        // Every cube that counts runs agrees on the totals.
        const t = totals(read(cubes, 'days'));
        expect(totals(read(cubes, 'platforms'))).toEqual(t);
        expect({ ...totals(read(cubes, 'scenarios')), visits: t.visits }).toEqual(t);
        expect(totals(read(cubes, 'days')).visits).toBe(facts.filter((f) => f.kind === 'visit-start').length);
      }),
      { numRuns: 200 },
    );
  });

  it('any period and scope reads the same figures as the facts of that period and scope', () => {
    const dayArb = fc.integer({ min: 0, max: 40 }).map((n) => new Date(Date.parse('2026-05-20T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10));
    const scopeArb = fc.constantFrom<Scope>(CITY, { kind: 'district', id: 'd' }, { kind: 'park', id: 'p1' }, { kind: 'school', id: 's1' });
    fc.assert(
      fc.property(factsArb, dayArb, dayArb, scopeArb, (facts, a, b, scope) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const cubes = rollUp(facts, OFFSET, undefined, levels);
        const inScope = (f: StatFact) =>
          scope.kind === 'city' || (scope.kind === 'district' ? f.district === scope.id : scope.kind === 'park' ? f.park === scope.id : f.school === scope.id);
        const mine = facts.filter((f) => inScope(f) && dayOf(f.at, OFFSET) >= from && dayOf(f.at, OFFSET) <= to);
        const got = totals(read(cubes, 'days', scope, from, to));
        expect([got.visits, got.runs, got.completed, got.passed]).toEqual([
          mine.filter((f) => f.kind === 'visit-start').length,
          mine.filter((f) => f.kind === 'scenario-start').length,
          mine.filter((f) => f.kind === 'scenario-end').length,
          mine.filter((f) => f.kind === 'scenario-end' && f.passed).length,
        ]);
        const devices = read(cubes, 'devices', scope.kind === 'school' ? CITY : scope, from, to);
        const deviceFacts = scope.kind === 'school' ? facts.filter((f) => dayOf(f.at, OFFSET) >= from && dayOf(f.at, OFFSET) <= to) : mine;
        expect(devices.reduce((n, r) => n + r.visits, 0)).toBe(deviceFacts.filter((f) => f.kind === 'visit-start').length);
        const answers = itemFigures(read(cubes, 'items', scope, from, to), 'answer').reduce((n, q) => n + q.n, 0);
        expect(answers).toBe(mine.filter((f) => f.kind === 'item' && f.itemType === 'answer').length);
      }),
      { numRuns: 300 },
    );
  });

  it('per question: answers, right answers and the most-chosen wrong answer; per hazard: the share of hunts that found it', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const cubes = rollUp(facts, OFFSET, undefined, levels);
        const answers = facts.filter((f) => f.kind === 'item' && f.itemType === 'answer');
        for (const q of itemFigures(read(cubes, 'items'), 'answer')) {
          const mine = answers.filter((f) => `pk/${f.scenarioId}` === q.scenario && f.stepId === q.step && f.item === q.item);
          expect(q.n).toBe(mine.length);
          expect(q.correct).toBe(mine.filter((f) => f.correct === true).length);
          const wrong = new Map<string, number>();
          for (const f of mine) if (f.correct === false) wrong.set(f.choice!, (wrong.get(f.choice!) ?? 0) + 1);
          const top = Math.max(0, ...wrong.values());
          if (top === 0) expect(q.topWrong).toBeNull();
          else expect(q.topWrong).toEqual({ choice: [...wrong].filter(([, n]) => n === top).map(([c]) => c).sort()[0], n: top });
        }
        expect(itemFigures(read(cubes, 'items'), 'answer').reduce((n, q) => n + q.n, 0)).toBe(answers.length);
        for (const h of hazardFigures(read(cubes, 'items'), read(cubes, 'steps'))) {
          const found = facts.filter((f) => f.kind === 'item' && f.itemType === 'hazard-found' && `pk/${f.scenarioId}` === h.scenario && f.stepId === h.step && f.item === h.hazard).length;
          const hunts = facts.filter((f) => f.kind === 'step-end' && `pk/${f.scenarioId}` === h.scenario && f.stepId === h.step).length;
          expect([h.found, h.hunts, h.foundShare]).toEqual([found, hunts, hunts ? found / hunts : null]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('before and after: the first two completed plays of a scenario in one visit (before the visit ended)', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const cubes = rollUp(facts, OFFSET, undefined, levels);
        // Raw: walk each visit's facts in order; a visit's end starts its memory afresh.
        const pairs = new Map<string, { n: number; first: number; second: number }>();
        const seen = new Map<string, { score: number; paired: boolean }>();
        for (const f of facts) {
          if (f.kind === 'visit-end') for (const k of [...seen.keys()]) if (k.startsWith(`${f.visitId}|`)) seen.delete(k);
          if (f.kind !== 'scenario-end' || f.scoreScaled === null) continue;
          const k = `${f.visitId}|${f.scenarioId}`;
          const first = seen.get(k);
          if (!first) seen.set(k, { score: f.scoreScaled, paired: false });
          else if (!first.paired) {
            first.paired = true;
            const p = pairs.get(`pk/${f.scenarioId}`) ?? { n: 0, first: 0, second: 0 };
            pairs.set(`pk/${f.scenarioId}`, { n: p.n + 1, first: p.first + Math.round(first.score * 10_000), second: p.second + Math.round(f.scoreScaled * 10_000) });
          }
        }
        const got = replayFigures(read(cubes, 'replays'));
        expect(got.map((r) => [r.scenario, r.pairs])).toEqual([...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, p]) => [s, p.n]));
        for (const r of got) expect(r.firstAverage).toBeCloseTo(pairs.get(r.scenario)!.first / pairs.get(r.scenario)!.n / 10_000, 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the all-schools level', () => {
  const read = readerOf({ allSchools: true });
  const answer = (seq: number, school: string | null, park = 'ruyi-xi') =>
    fact({ seq, kind: 'item', park, school, packId: 'pk', scenarioId: 'sc', stepId: 'st', itemType: 'answer', item: 'q', choice: 'c', correct: true });

  it('keeps one row per item for all schools at each park and district level, read by every scope but a school', () => {
    const facts = [answer(1, 's1'), answer(2, 's2'), answer(3, 's3'), answer(4, null), answer(5, 's1', 'ruyi-dong')];
    const cubes = rollUp(facts, OFFSET, undefined, { allSchools: true });
    const all = cubes.of('items').filter((r) => r.school === ALL_SCHOOLS);
    // Per day and month, for each park, the district and the city.
    expect(all.map((r) => [r.day, r.park, r.district, r.n]).sort()).toEqual(
      [
        ['2026-06', '*', '*', 5], ['2026-06', '*', '220102', 5], ['2026-06', 'ruyi-dong', '220102', 1], ['2026-06', 'ruyi-xi', '220102', 4],
        ['2026-06-01', '*', '*', 5], ['2026-06-01', '*', '220102', 5], ['2026-06-01', 'ruyi-dong', '220102', 1], ['2026-06-01', 'ruyi-xi', '220102', 4],
      ].sort(),
    );
    for (const scope of [CITY, { kind: 'district', id: '220102' }, { kind: 'park', id: 'ruyi-xi' }] as Scope[]) {
      const rows = read(cubes, 'items', scope);
      // One row for the month, whatever the number of schools and districts.
      expect(rows, scope.kind).toHaveLength(1);
      expect(rows[0]!.school).toBe(ALL_SCHOOLS);
    }
    expect(read(cubes, 'items', CITY)[0]!.district).toBe('*');
    expect(read(cubes, 'items', { kind: 'school', id: 's1' }).map((r) => [r.park, r.n]).sort()).toEqual([['ruyi-dong', 1], ['ruyi-xi', 1]]);
    // The cubes without the level never have it; a school whose id is '*' is no school.
    expect(rollUp(facts, OFFSET).of('items').some((r) => r.school === ALL_SCHOOLS)).toBe(false);
    expect(rollUp([answer(1, ALL_SCHOOLS)], OFFSET, undefined, { allSchools: true }).of('items').filter((r) => r.school === '').length).toBe(4);
  });

  it('is kept for the cubes per item and step only', () => {
    const step = fact({ seq: 1, kind: 'step-end', school: 's1', packId: 'pk', scenarioId: 'sc', stepId: 'st' });
    const cubes = rollUp([answer(2, 's1'), step, fact({ seq: 3, kind: 'visit-start', school: 's1' })], OFFSET, undefined, { allSchools: true });
    const levelled = (['days', 'scenarios', 'platforms', 'devices', 'items', 'steps', 'replays'] as CubeName[]).filter((c) =>
      (cubes.of(c) as { school?: string }[]).some((r) => r.school === ALL_SCHOOLS),
    );
    expect(levelled).toEqual(['items', 'steps']);
  });
});

describe('rankings', () => {
  it('ranks by average score, then participation rate, then visits; equal units share a rank', () => {
    const row = (school: string, visits: number, scoreSum: number, scored: number) =>
      ({ school, visits, runs: scored, completed: scored, passed: 0, scoreSum, scored, durationSum: 0, timed: 0 });
    const ranked = rankUnits(
      [row('a', 10, 8000 * 4, 4), row('b', 20, 8000 * 5, 5), row('c', 5, 9000, 1), row('d', 20, 8000 * 5, 5), row('', 99, 10_000, 1)],
      (r) => (r as unknown as { school: string }).school,
      (unit) => ({ a: 10, b: 40, d: 40 })[unit] ?? null,
    );
    expect(ranked.map((u) => [u.rank, u.unit])).toEqual([[1, 'c'], [2, 'a'], [3, 'b'], [3, 'd']]);
    expect(ranked[1]!.participationRate).toBe(1);
  });
});
