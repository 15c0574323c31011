// The roll-up cubes: each a table of counters keyed by a few dimensions, day first, kept as statements arrive, so a
// dashboard sums a few thousand rows instead of scanning millions of statements. Each cube serves some reports and
// holds only the dimensions they filter or group by (a cube with every dimension would be as large as the facts).
// Dimension values are text, '' for none (a key column must compare equal to itself, which NULL does not in SQL).
// Scores are kept in ten-thousandths, so every measure is an integer and a sum is exact in any order.
import { dayOf, type StatFact } from './facts.ts';

/** Where and who, on every cube: the scope a staff account may see (a park, a district, a school). */
const SCOPE = ['day', 'park', 'district', 'school'] as const;
/** How a run went: runs started, ended, passed; score and time of the ended ones. */
const RUN_MEASURES = ['runs', 'completed', 'passed', 'scoreSum', 'scored', 'durationSum', 'timed'] as const;

export const CUBES = {
  /** Participation by day, and a class session's own figures. */
  days: { dims: [...SCOPE, 'classSession'], measures: ['visits', ...RUN_MEASURES] },
  /** By area and scenario. */
  scenarios: { dims: [...SCOPE, 'area', 'scenario'], measures: RUN_MEASURES },
  /** By platform (kiosk, VR, web) and language. */
  platforms: { dims: [...SCOPE, 'platform', 'locale'], measures: ['visits', ...RUN_MEASURES] },
  /** By device, for operators. */
  devices: { dims: ['day', 'park', 'district', 'device', 'platform'], measures: ['visits', 'runs', 'completed'] },
  /** Every answer, find and decision, with the choice made: correct rates, wrong answers, paths. */
  items: { dims: [...SCOPE, 'scenario', 'step', 'itemType', 'item', 'choice', 'correct'], measures: ['n'] },
  /** Steps ended: how many had the chance to find a hazard. */
  steps: { dims: [...SCOPE, 'scenario', 'step'], measures: ['ended'] },
  /** A visitor's first and second completed play of a scenario, counted on the day of the second. */
  replays: { dims: [...SCOPE, 'scenario'], measures: ['pairs', 'firstScoreSum', 'secondScoreSum', 'firstPassed', 'secondPassed'] },
} as const satisfies Record<string, { dims: readonly string[]; measures: readonly string[] }>;

export type CubeName = keyof typeof CUBES;
export const CUBE_NAMES = Object.keys(CUBES) as CubeName[];
export type DimOf<C extends CubeName> = (typeof CUBES)[C]['dims'][number];
export type MeasureOf<C extends CubeName> = (typeof CUBES)[C]['measures'][number];
export type CubeKey<C extends CubeName> = Record<DimOf<C>, string>;
export type CubeMeasures<C extends CubeName> = Record<MeasureOf<C>, number>;
export type CubeRow<C extends CubeName> = CubeKey<C> & CubeMeasures<C>;

/**
 * Every count is kept at four levels, so a dashboard reads few rows whatever its period and scope: per park and for
 * its whole district (park '*'), each per day (YYYY-MM-DD) and per month (YYYY-MM). A period is its whole months plus
 * the days at its ends; a district's or the city's figures are its district rows.
 */
export const ALL_PARKS = '*';
export const monthOf = (day: string) => day.slice(0, 7);

/**
 * The cubes kept per item or step also keep, at each of those levels, a row for all schools together (school '*'),
 * and for the whole city (park, district and school '*'), per day and per month: there a city's, district's or park's
 * figures would otherwise sum (or pass over) a row per school and district, and read more rows the more schools
 * visit. The server's cubes keep these levels; an in-memory roll-up (a class's own report) has no use for them.
 */
export const ALL_SCHOOLS = '*';
export const ALL_DISTRICTS = '*';
export const hasAllSchools = (cube: CubeName): boolean => cube === 'items' || cube === 'steps';
export interface Levels {
  /** Keep the all-schools rows of the cubes that have them (hasAllSchools). */
  allSchools?: boolean;
}

/** What one fact adds to one cube's row. */
export type Contribution = { [C in CubeName]: { cube: C; key: CubeKey<C>; add: Partial<CubeMeasures<C>> } }[CubeName];

/** A score (0..1) in the cubes' integer unit. */
export const SCORE_UNIT = 10_000;
export const scoreUnits = (scaled: number) => Math.round(scaled * SCORE_UNIT);

/**
 * What the cubes remember between statements: a visit's first completed play of each scenario, until the visit ends
 * (a visitor's state dies with the visit). The server keeps it in a table; tests in memory.
 */
export interface ReplayMemory {
  /** The first completed play of this scenario in this visit, if any. */
  first(visitId: string, scenario: string): { scoreUnits: number; passed: boolean; paired: boolean } | undefined;
  remember(visitId: string, scenario: string, play: { scoreUnits: number; passed: boolean; paired: boolean }): void;
  forgetVisit(visitId: string): void;
}

export function memoryReplays(): ReplayMemory & { size(): number } {
  const plays = new Map<string, { scoreUnits: number; passed: boolean; paired: boolean }>();
  const key = (visitId: string, scenario: string) => `${visitId}\u0000${scenario}`;
  return {
    first: (visitId, scenario) => plays.get(key(visitId, scenario)),
    remember: (visitId, scenario, play) => void plays.set(key(visitId, scenario), play),
    forgetVisit(visitId) {
      for (const k of plays.keys()) if (k.startsWith(`${visitId}\u0000`)) plays.delete(k);
    },
    size: () => plays.size,
  };
}

const text = (v: string | null | undefined) => v ?? '';
/** The scenario's key: a scenario id is unique within its pack only. */
export const scenarioKey = (packId: string | null, scenarioId: string | null) => (packId && scenarioId ? `${packId}/${scenarioId}` : '');

/**
 * What a fact adds to the cubes, in store order. `replays` is read and updated: a scenario's second completed play in
 * a visit adds a pair; a visit's end forgets it.
 */
export function contributionsOf(fact: StatFact, replays: ReplayMemory, utcOffsetMinutes: number, levels: Levels = {}): Contribution[] {
  const out: Contribution[] = [];
  for (const c of parkDayContributions(fact, replays, utcOffsetMinutes)) {
    const day = c.key.day;
    const atLevels: Contribution[] = [c, { ...c, key: { ...c.key, day: monthOf(day) } } as Contribution];
    // A device belongs to one park: its cube has no district rows.
    if (c.cube !== 'devices') atLevels.push({ ...c, key: { ...c.key, park: ALL_PARKS } } as Contribution, { ...c, key: { ...c.key, day: monthOf(day), park: ALL_PARKS } } as Contribution);
    out.push(...atLevels);
    if (levels.allSchools && hasAllSchools(c.cube))
      for (const a of atLevels) {
        out.push({ ...a, key: { ...a.key, school: ALL_SCHOOLS } } as Contribution);
        if (a.key.park === ALL_PARKS) out.push({ ...a, key: { ...a.key, district: ALL_DISTRICTS, school: ALL_SCHOOLS } } as Contribution);
      }
  }
  return out;
}

function parkDayContributions(fact: StatFact, replays: ReplayMemory, utcOffsetMinutes: number): Contribution[] {
  const park = fact.park === ALL_PARKS ? '' : text(fact.park);
  const district = fact.district === ALL_DISTRICTS ? '' : text(fact.district);
  const school = fact.school === ALL_SCHOOLS ? '' : text(fact.school);
  const scope = { day: dayOf(fact.at, utcOffsetMinutes), park, district, school };
  const scenario = scenarioKey(fact.packId, fact.scenarioId);
  const out: Contribution[] = [];
  const run = (add: Partial<CubeMeasures<'scenarios'>>) => {
    out.push({ cube: 'days', key: { ...scope, classSession: text(fact.classSession) }, add });
    out.push({ cube: 'scenarios', key: { ...scope, area: text(fact.area), scenario }, add });
    out.push({ cube: 'platforms', key: { ...scope, platform: fact.platform, locale: fact.locale }, add });
  };
  const device = { day: scope.day, park: scope.park, district: scope.district, device: text(fact.device), platform: fact.platform };
  switch (fact.kind) {
    case 'visit-start':
      out.push({ cube: 'days', key: { ...scope, classSession: text(fact.classSession) }, add: { visits: 1 } });
      out.push({ cube: 'platforms', key: { ...scope, platform: fact.platform, locale: fact.locale }, add: { visits: 1 } });
      out.push({ cube: 'devices', key: device, add: { visits: 1 } });
      break;
    case 'visit-end':
      replays.forgetVisit(fact.visitId);
      break;
    case 'scenario-start':
      run({ runs: 1 });
      out.push({ cube: 'devices', key: device, add: { runs: 1 } });
      break;
    case 'scenario-end': {
      const score = fact.scoreScaled === null ? null : scoreUnits(fact.scoreScaled);
      const passed = fact.passed === true;
      run({
        completed: 1,
        passed: passed ? 1 : 0,
        ...(score === null ? {} : { scoreSum: score, scored: 1 }),
        ...(fact.durationMs === null ? {} : { durationSum: fact.durationMs, timed: 1 }),
      });
      out.push({ cube: 'devices', key: device, add: { completed: 1 } });
      if (score === null || !scenario) break;
      const first = replays.first(fact.visitId, scenario);
      if (!first) replays.remember(fact.visitId, scenario, { scoreUnits: score, passed, paired: false });
      else if (!first.paired) {
        // Only the first two plays make a pair: a third says nothing more about what the first taught.
        replays.remember(fact.visitId, scenario, { ...first, paired: true });
        out.push({
          cube: 'replays',
          key: { ...scope, scenario },
          add: { pairs: 1, firstScoreSum: first.scoreUnits, secondScoreSum: score, firstPassed: first.passed ? 1 : 0, secondPassed: passed ? 1 : 0 },
        });
      }
      break;
    }
    case 'step-end':
      out.push({ cube: 'steps', key: { ...scope, scenario, step: text(fact.stepId) }, add: { ended: 1 } });
      break;
    case 'item':
      out.push({
        cube: 'items',
        key: {
          ...scope,
          scenario,
          step: text(fact.stepId),
          itemType: text(fact.itemType),
          item: text(fact.item),
          choice: text(fact.choice),
          correct: fact.correct === null ? '' : fact.correct ? '1' : '0',
        },
        add: { n: 1 },
      });
      break;
  }
  return out;
}

/** Contributions summed per cube row, in memory: a batch written as one upsert per row, and the tests' cube. */
export class CubeTotals {
  readonly rows = new Map<CubeName, Map<string, CubeRow<CubeName>>>();

  add(contributions: readonly Contribution[]): void {
    for (const c of contributions) {
      const def = CUBES[c.cube];
      let table = this.rows.get(c.cube);
      if (!table) this.rows.set(c.cube, (table = new Map()));
      const key = def.dims.map((d) => (c.key as Record<string, string>)[d]).join('\u0000');
      let row = table.get(key) as Record<string, string | number> | undefined;
      if (!row) {
        row = { ...c.key };
        for (const m of def.measures) row[m] = 0;
        table.set(key, row as CubeRow<CubeName>);
      }
      for (const [m, v] of Object.entries(c.add)) row[m] = (row[m] as number) + (v as number);
    }
  }

  of<C extends CubeName>(cube: C): CubeRow<C>[] {
    return [...(this.rows.get(cube)?.values() ?? [])] as CubeRow<C>[];
  }
}

/** Rolls facts up in store order (the reference the server's tables must equal). */
export function rollUp(facts: readonly StatFact[], utcOffsetMinutes: number, replays: ReplayMemory = memoryReplays(), levels: Levels = {}): CubeTotals {
  const totals = new CubeTotals();
  for (const fact of [...facts].sort((a, b) => a.seq - b.seq)) totals.add(contributionsOf(fact, replays, utcOffsetMinutes, levels));
  return totals;
}
