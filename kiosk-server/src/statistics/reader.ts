// The dashboard's figures for a period and a scope, read from the cubes: each report sums the few rows its period and
// scope select (periodSegments, scopeFilter) and hands them to @ruyi/statistics' reports. All the report's queries
// read one snapshot (one SQLite read transaction; PostgreSQL repeatable read), so its tables agree with each other.
import { StatisticsReport } from '@ruyi/api-contract';
import {
  CUBES,
  figuresBy,
  hasAllSchools,
  hazardFigures,
  isoWeek,
  itemFigures,
  periodSegments,
  rankUnits,
  replayFigures,
  scopeFilter,
  totals,
  type CubeName,
  type CubeRow,
  type DimOf,
  type Scope,
} from '@ruyi/statistics';
import Database from 'better-sqlite3';
import { sql, type Compilable, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { setImmediate as yieldTurn } from 'node:timers/promises';
import { sqliteBuilder } from '../admin/sqlite-sql.ts';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase } from '../storage/schema.ts';
import { createReportWorker, ReportWorkerGone } from './report-worker.ts';

export interface StatisticsReader {
  report(period: { from: string; to: string }, scope: Scope): Promise<StatisticsReport>;
  /** The report, with the roll-up cursor of the snapshot it was read from: it holds until the cursor moves. */
  reportAt(period: { from: string; to: string }, scope: Scope): Promise<{ report: StatisticsReport; cursor: number }>;
  /**
   * The roll-up cursor now (the last statement counted in the cubes), made distinct for each re-count from the first
   * statement: a version of the cubes, not a seq.
   */
  cursor(): Promise<number>;
  /**
   * The report as the route sends it (checked against the response schema, as JSON), with its snapshot's cursor. On
   * SQLite it is made in a worker thread (report-worker.ts), off the server's event loop.
   */
  reportJson(period: { from: string; to: string }, scope: Scope): Promise<{ cursor: number; body: Buffer }>;
  /** Stops the worker thread, if any. */
  close(): Promise<void>;
}

/** The roll-up cursor's row, read with a report's queries (versionOf makes it the cubes' version). */
export const versionQuery = (qb: Kysely<RuyiDatabase>): Compilable<Record<string, unknown>> =>
  qb.selectFrom('stat_cursor').select(['seq', 'recounts']).where('id', '=', 1) as unknown as Compilable<Record<string, unknown>>;

// A re-count from the first statement (recount.ts) ends at the seq it started from: its number tells the two apart.
// Seqs and a re-count's negative start stay within ±2^43 (until the year 2248), so each re-count has its own range.
export const versionOf = (row: { seq?: unknown; recounts?: unknown } | undefined): number =>
  Number(row?.seq ?? 0) + (Number(row?.recounts ?? 0) % 256) * 2 ** 44;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A cube's rows for the period and scope, summed per `groupBy` (the other dimensions come back as ''). */
function cubeQuery<C extends CubeName>(
  qb: Kysely<RuyiDatabase>,
  cube: C,
  period: { from: string; to: string },
  scope: Scope,
  groupBy: readonly DimOf<C>[],
  options: { daysOnly?: boolean; parkRows?: boolean } = {},
): Compilable<Record<string, unknown>> {
  const { measures } = CUBES[cube];
  const filter = scopeFilter(scope, cube === 'devices' || options.parkRows, hasAllSchools(cube));
  const where: RawBuilder<unknown>[] = [typeof filter.park === 'string' ? sql`park = ${filter.park}` : sql`park <> ${filter.park.not}`];
  if (filter.district !== undefined) where.push(sql`district = ${filter.district}`);
  if (filter.school !== undefined) where.push(sql`school = ${filter.school}`);
  // The day rows alone when a report goes by day; else whole months and the days at the ends. Days are named one by
  // one (up to a limit): a list of keys lets the primary key's park, district and school narrow each day's rows, where
  // a range of days would read every row of those days.
  const segments = options.daysOnly ? [{ days: [period.from, period.to] as [string, string] }] : periodSegments(period.from, period.to);
  const keys = segments.flatMap((s) => ('months' in s ? s.months : (daysOf(s.days[0], s.days[1]) ?? [])));
  const ranges = segments.flatMap((s) => ('days' in s && !daysOf(s.days[0], s.days[1]) ? [s.days] : []));
  const parts = [
    ...(keys.length ? [sql`day IN (${sql.join(keys)})`] : []),
    ...ranges.map(([from, to]) => sql`(length(day) = 10 AND day >= ${from} AND day <= ${to})`),
  ];
  where.push(sql`(${sql.join(parts, sql` OR `)})`);
  const columns = [
    ...groupBy.map((d) => sql`${sql.ref(snake(d))}`.as(d)),
    ...measures.map((m) => sql`sum(${sql.ref(snake(m))})`.as(m)),
  ];
  let query = qb
    .selectFrom(`stat_${cube}` as 'stat_days')
    .select(columns as never)
    .where(sql<boolean>`${sql.join(where, sql` AND `)}`);
  if (groupBy.length) query = query.groupBy(groupBy.map((d) => snake(d)) as never);
  return query as unknown as Compilable<Record<string, unknown>>;
}

/** Days named one by one in a query at most (parameters; SQLite takes 32,766 in one statement). */
const LISTED_DAYS = 1000;

/** The days from `from` to `to` (inclusive), or null when there are more than LISTED_DAYS. */
function daysOf(from: string, to: string): string[] | null {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    if (days.length === LISTED_DAYS) return null;
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Rows as the cubes' types: measures as numbers (PostgreSQL sums bigints as numeric text), absent dimensions ''. */
function asRows<C extends CubeName>(cube: C, rows: Record<string, unknown>[]): CubeRow<C>[] {
  const { dims, measures } = CUBES[cube];
  return rows.map((r) => {
    const out: Record<string, string | number> = {};
    for (const d of dims) out[d] = (r[d] as string | undefined) ?? '';
    for (const m of measures) out[m] = Number(r[m] ?? 0);
    return out as CubeRow<C>;
  });
}

const yearEarlier = (day: string) => {
  const [y, m, d] = day.split('-');
  // 29 February a year earlier is 28 February.
  return m === '02' && d === '29' ? `${Number(y) - 1}-02-28` : `${Number(y) - 1}-${m}-${d}`;
};

/**
 * The queries of one report, by name: which cube rows each section reads. Exported for the benchmark, which times
 * each of them against the same figure computed from the raw facts.
 */
export function reportQueries(qb: Kysely<RuyiDatabase>, period: { from: string; to: string }, scope: Scope) {
  const previous = { from: yearEarlier(period.from), to: yearEarlier(period.to) };
  // Rankings look across the city (or the district): they rank units against each other, whatever unit is chosen.
  const rankScope: Scope = scope.kind === 'district' ? scope : { kind: 'city' };
  return {
    totals: cubeQuery(qb, 'days', period, scope, []),
    previous: cubeQuery(qb, 'days', previous, scope, []),
    byDay: cubeQuery(qb, 'days', period, scope, ['day'], { daysOnly: true }),
    byScenario: cubeQuery(qb, 'scenarios', period, scope, ['area', 'scenario']),
    byPlatform: cubeQuery(qb, 'platforms', period, scope, ['platform', 'locale']),
    byDevice: cubeQuery(qb, 'devices', period, scope.kind === 'school' ? { kind: 'city' } : scope, ['park', 'device', 'platform']),
    items: cubeQuery(qb, 'items', period, scope, ['scenario', 'step', 'itemType', 'item', 'choice', 'correct']),
    steps: cubeQuery(qb, 'steps', period, scope, ['scenario', 'step']),
    replays: cubeQuery(qb, 'replays', period, scope, ['scenario']),
    schools: cubeQuery(qb, 'days', period, rankScope, ['school']),
    parks: cubeQuery(qb, 'days', period, rankScope, ['park'], { parkRows: true }),
  };
}

/** The query builder a store's reports compile with (on SQLite they run synchronously, outside Kysely). */
export const reportBuilder = (storage: StorageDatabase): Kysely<RuyiDatabase> => (storage.dialect === 'postgres' ? storage.db : sqliteBuilder);

/** How long the reports' own SQLite connection stays open after the last report. */
const READS_IDLE_MS = 10_000;

/**
 * On SQLite a report reads through a connection of its own, one query per turn of the event loop, all inside one read
 * transaction: the same snapshot as one synchronous transaction, while the server answers its other requests (a
 * health check, a kiosk's statements) between the queries instead of after the whole report. Reports take turns on
 * the connection; it closes when no report came for a while, or when the server's own connection has closed.
 */
function sqliteReads(storage: StorageDatabase) {
  let connection: Database.Database | null = null;
  let idle: NodeJS.Timeout | null = null;
  let turn: Promise<unknown> = Promise.resolve();
  const close = () => {
    connection?.close();
    connection = null;
  };
  const open = (): Database.Database => {
    if (connection) return connection;
    connection = new Database(storage.location, { readonly: true, fileMustExist: true });
    connection.pragma('busy_timeout = 5000');
    return connection;
  };
  return (queries: [string, CompiledQuery][]): Promise<Record<string, Record<string, unknown>[]>> => {
    const mine = turn.then(async () => {
      if (idle) clearTimeout(idle);
      if (!storage.sqlite!.open) throw new Error('the database is closed');
      const db = open();
      const out: Record<string, Record<string, unknown>[]> = {};
      db.exec('BEGIN');
      try {
        for (const [k, c] of queries) {
          out[k] = db.prepare(c.sql).all(...(c.parameters as unknown[])) as Record<string, unknown>[];
          await yieldTurn();
        }
      } finally {
        db.exec('COMMIT');
        idle = setTimeout(close, READS_IDLE_MS);
        idle.unref();
      }
      return out;
    });
    turn = mine.catch(() => undefined);
    return mine;
  };
}

export interface ReaderOptions {
  /** SQLite: make reportJson's reports in a worker thread (default); false: on the caller's thread. */
  worker?: boolean;
}

export function createStatisticsReader(storage: StorageDatabase, options: ReaderOptions = {}): StatisticsReader {
  const postgres = storage.dialect === 'postgres';
  const qb = reportBuilder(storage);
  const plan = (period: { from: string; to: string }, scope: Scope) => reportQueries(qb, period, scope);

  const reads = postgres ? null : sqliteReads(storage);

  async function run<T extends Record<string, Compilable<Record<string, unknown>>>>(queries: T): Promise<{ [K in keyof T]: Record<string, unknown>[] }> {
    const entries = Object.entries(queries);
    if (reads) return (await reads(entries.map(([k, q]) => [k, q.compile()]))) as never;
    return storage.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const out: Record<string, Record<string, unknown>[]> = {};
        for (const [k, q] of entries) out[k] = (await trx.executeQuery(q.compile())).rows as Record<string, unknown>[];
        return out as never;
      });
  }

  const cursorQuery = versionQuery(qb);
  const cursorSql = cursorQuery.compile();
  let cursorStatement: Database.Statement | null = null;
  const cursor = async (): Promise<number> => {
    if (postgres) return versionOf((await storage.db.executeQuery(cursorSql)).rows[0] as never);
    // Asked before every report the route sends: prepared once (on this connection, for its life).
    cursorStatement ??= storage.sqlite!.prepare(cursorSql.sql);
    return versionOf(cursorStatement.get(...(cursorSql.parameters as unknown[])) as never);
  };

  async function reportAt(period: { from: string; to: string }, scope: Scope): Promise<{ report: StatisticsReport; cursor: number }> {
    const { cursor: at, ...r } = await run({ ...plan(period, scope), cursor: cursorQuery });
    return { report: buildReport(period, scope, r), cursor: versionOf(at[0]) };
  }
  const jsonHere = async (period: { from: string; to: string }, scope: Scope) => {
    const { report, cursor: at } = await reportAt(period, scope);
    return { cursor: at, body: Buffer.from(JSON.stringify(StatisticsReport.parse(report))) };
  };
  const worker = !postgres && options.worker !== false ? createReportWorker(storage.location) : null;

  return {
    report: async (period, scope) => (await reportAt(period, scope)).report,
    reportAt,
    cursor,
    async reportJson(period, scope) {
      if (!worker) return jsonHere(period, scope);
      try {
        return await worker.reportJson(period, scope);
      } catch (error) {
        if (error instanceof ReportWorkerGone) return jsonHere(period, scope);
        throw error;
      }
    },
    close: async () => worker?.close(),
  };
}

/** The report from its queries' rows. */
export function buildReport(period: { from: string; to: string }, scope: Scope, r: Record<keyof ReturnType<typeof reportQueries>, Record<string, unknown>[]>): StatisticsReport {
  const days = asRows('days', r.byDay).filter((d) => d.day !== '');
  const scenarios = asRows('scenarios', r.byScenario);
  const platforms = asRows('platforms', r.byPlatform);
  const items = asRows('items', r.items);
  return {
    period,
    scope: { kind: scope.kind, id: scope.kind === 'city' ? null : scope.id },
    totals: totals(asRows('days', r.totals)),
    previousYear: totals(asRows('days', r.previous)),
    byDay: figuresBy(days, (d) => d.day),
    byWeek: figuresBy(days, (d) => isoWeek(d.day)),
    byArea: figuresBy(scenarios, (s) => s.area),
    byScenario: figuresBy(scenarios, (s) => s.scenario),
    byPlatform: figuresBy(platforms, (p) => p.platform),
    byLocale: figuresBy(platforms, (p) => p.locale),
    byDevice: asRows('devices', r.byDevice).map(({ park, device, platform, visits, runs, completed }) => ({ park, device, platform, visits, runs, completed })),
    questions: itemFigures(items, 'answer'),
    decisions: itemFigures(items, 'decision'),
    hazards: hazardFigures(items, asRows('steps', r.steps)),
    replays: replayFigures(asRows('replays', r.replays)),
    schools: rankUnits(asRows('days', r.schools), (u) => (u as unknown as { school: string }).school),
    parks: rankUnits(asRows('days', r.parks), (u) => (u as unknown as { park: string }).park),
  };
}
