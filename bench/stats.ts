// npm run bench -- stats: the statistics dashboard at city scale. On a SQLite database of N made-up statements (made
// once by `npm run admin -- seed --statements N` and kept for the next run), it times every query the report makes
// (each section of StatisticsReport) for several scopes and periods, next to the same figure computed from the raw
// facts (statement_facts, no roll-up) in the same run, checks the two agree on the totals, and then measures
// GET /api/health on a real server process while clients load dashboards without pause: first the cases' dashboards
// again and again (the server keeps a report until more statements are rolled up), then every load another period
// (each report made anew, as after every roll-up while statements arrive).
//
//   RUYI_BENCH_STATS_N        statements (default 1,000,000; the issue's figure is 10,000,000)
//   RUYI_BENCH_STATS_DIR      the data folder to use and keep (default <tmp>/ruyi-bench-stats-<N>)
//   RUYI_BENCH_STATS_REPS     timings per roll-up query and case (default 30); RUYI_BENCH_STATS_RAW_REPS raw (default 3)
//   RUYI_BENCH_STATS_CLIENTS  dashboards loading at once against the server (default 8), RUYI_BENCH_STATS_SECONDS (15)
//   RUYI_BENCH_STATS_PARTS    which parts to run: queries, health or both (default queries,health)
//
// Exits 1 when a roll-up query's p95 is over 100 ms, /api/health's p95 under either load is over 50 ms, or the
// roll-ups and the raw facts disagree.
import { StatisticsReport } from '@ruyi/api-contract';
import type { Scope } from '@ruyi/statistics';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { credentialStoreFor } from '../kiosk-server/src/admin/credentials.ts';
import { hashPassword } from '../kiosk-server/src/admin/password.ts';
import { openCliStorage } from '../kiosk-server/src/admin/cli-storage.ts';
import { loadConfig } from '../kiosk-server/src/config.ts';
import { parkCodeOf } from '../kiosk-server/src/statistics/facts.ts';
import { createStatisticsReader, reportBuilder, reportQueries } from '../kiosk-server/src/statistics/reader.ts';
import { createRollup } from '../kiosk-server/src/statistics/rollup.ts';
import type { StorageDatabase } from '../kiosk-server/src/storage/database.ts';
import { startServerProcess } from '../kiosk-server/src/test-support/server-process.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const whole = (name: string, fallback: number, min = 1) => {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    console.error(`bench stats: ${name} must be a whole number of at least ${min} (got '${text}')`);
    process.exit(2);
  }
  return Number(text);
};
const N = whole('RUYI_BENCH_STATS_N', 1_000_000);
const REPS = whole('RUYI_BENCH_STATS_REPS', 30);
const RAW_REPS = whole('RUYI_BENCH_STATS_RAW_REPS', 3);
const CLIENTS = whole('RUYI_BENCH_STATS_CLIENTS', 8);
const SECONDS = whole('RUYI_BENCH_STATS_SECONDS', 15);
const PARTS = new Set((process.env.RUYI_BENCH_STATS_PARTS || 'queries,health').split(',').map((p) => p.trim()));
if (![...PARTS].every((p) => p === 'queries' || p === 'health')) {
  console.error(`bench stats: RUYI_BENCH_STATS_PARTS must list queries, health or both (got '${process.env.RUYI_BENCH_STATS_PARTS}')`);
  process.exit(2);
}
const DIR = process.env.RUYI_BENCH_STATS_DIR || join(tmpdir(), `ruyi-bench-stats-${N}`);
const DISTRICT = '220104';
const PASSWORD = 'bench statistics password';
const QUERY_GOAL_MS = 100;
const HEALTH_GOAL_MS = 50;

const env: Record<string, string> = {
  RUYI_DATA_DIR: DIR,
  RUYI_CONTENT_DIR: join(repo, 'content'),
  RUYI_DISTRICT: DISTRICT,
  RUYI_DISK_FLOOR_MB: '0',
  RUYI_LOG_LEVEL: 'silent',
};
const count = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

// ---------------------------------------------------------------------------------------------------------------------
// The database: seeded once, kept in DIR for the next run.

function seedIfNeeded(): void {
  const file = join(DIR, 'ruyi.sqlite');
  if (existsSync(file)) return;
  mkdirSync(DIR, { recursive: true });
  console.log(`Seeding ${count(N)} statements into ${DIR} (kept for the next run; RUYI_BENCH_STATS_DIR to choose where)…`);
  const seed = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'kiosk-server/src/admin-cli.ts'), 'seed', '--statements', String(N)], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  if (seed.status !== 0) throw new Error(`seeding failed (exit ${seed.status})`);
}

/** The statistics caught up with every stored statement (a seeding interrupted before its roll-up is finished here). */
async function catchUp(storage: StorageDatabase, config: ReturnType<typeof loadConfig>): Promise<void> {
  const ownPark = parkCodeOf(config.xapi.parkIri);
  const rollup = createRollup(storage, {
    context: { base: config.xapi.base, districtOf: (park) => (park === ownPark ? DISTRICT : null) },
    utcOffsetMinutes: config.statistics?.utcOffsetMinutes ?? 480,
    batchSize: 5000,
  });
  const started = performance.now();
  const n = await rollup.catchUp();
  if (n) console.log(`Rolled up ${count(n)} statements not yet counted in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

// ---------------------------------------------------------------------------------------------------------------------
// The cases: scopes and periods a dashboard asks for.

interface Case {
  name: string;
  scope: Scope;
  period: { from: string; to: string };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function casesFor(lastDay: string, school: string | null, park: string): Case[] {
  const year = Number(lastDay.slice(0, 4)) - (lastDay.slice(5) >= '06-30' ? 0 : 1);
  const june = { from: `${year}-06-01`, to: `${year}-06-30` };
  const twelveMonths = { from: addDays(lastDay, -364), to: lastDay };
  const cases: Case[] = [
    { name: 'city, 安全生产月 (June)', scope: { kind: 'city' }, period: june },
    { name: 'city, last 12 months', scope: { kind: 'city' }, period: twelveMonths },
    { name: 'district, last 12 months', scope: { kind: 'district', id: DISTRICT }, period: twelveMonths },
    { name: 'park, last 7 days', scope: { kind: 'park', id: park }, period: { from: addDays(lastDay, -6), to: lastDay } },
    { name: 'park, a quarter', scope: { kind: 'park', id: park }, period: { from: `${year}-07-01`, to: `${year}-09-30` } },
  ];
  if (school) cases.push({ name: 'school, 安全生产月 (June)', scope: { kind: 'school', id: school }, period: june });
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------------
// The report's sections, each with the roll-up queries it reads (reader.ts) and the same figure from the raw facts.

const SECTIONS = {
  totals: ['totals'],
  byDay: ['byDay'],
  byWeek: ['byDay'],
  byArea: ['byScenario'],
  byScenario: ['byScenario'],
  byPlatform: ['byPlatform'],
  byLocale: ['byPlatform'],
  byDevice: ['byDevice'],
  questions: ['items'],
  decisions: ['items'],
  hazards: ['items', 'steps'],
  replays: ['replays'],
  schools: ['schools'],
  parks: ['parks'],
  previousYear: ['previous'],
} as const;
type Section = keyof typeof SECTIONS;

/** A park's calendar day of a fact's instant (UTC+8, as the server counts). */
const DAY = `substr(datetime(at, '+480 minutes'), 1, 10)`;
const RUN_FIGURES = `sum(kind = 'visit-start') AS visits, sum(kind = 'scenario-start') AS runs, sum(kind = 'scenario-end') AS completed,
  sum(kind = 'scenario-end' AND passed = 1) AS passed, sum(CASE WHEN kind = 'scenario-end' THEN score_scaled END) AS score,
  count(CASE WHEN kind = 'scenario-end' THEN score_scaled END) AS scored, sum(CASE WHEN kind = 'scenario-end' THEN duration_ms END) AS duration`;

/** The raw query of a section: the period's facts (by instant), in scope, grouped as the section shows them. */
function rawQuery(section: Section, c: Case): { sql: string; params: unknown[] } {
  const period = section === 'previousYear' ? { from: yearEarlier(c.period.from), to: yearEarlier(c.period.to) } : c.period;
  // The park's midnight is 16:00 UTC the day before.
  const since = `${addDays(period.from, -1)}T16:00:00.000Z`;
  const until = `${period.to}T16:00:00.000Z`;
  const ranked = section === 'schools' || section === 'parks';
  const scope: Scope = ranked ? (c.scope.kind === 'district' ? c.scope : { kind: 'city' }) : c.scope;
  const where = ['at >= ?', 'at < ?'];
  const params: unknown[] = [since, until];
  if (scope.kind !== 'city') {
    where.push(`${scope.kind} = ?`);
    params.push(scope.id);
  }
  const w = where.join(' AND ');
  const items = (type: string) =>
    `SELECT pack_id, scenario_id, step_id, item, choice, correct, count(*) AS n FROM statement_facts WHERE ${w} AND kind = 'item' AND item_type = '${type}'
     GROUP BY pack_id, scenario_id, step_id, item, choice, correct`;
  const sql: Record<Section, string> = {
    totals: `SELECT ${RUN_FIGURES} FROM statement_facts WHERE ${w}`,
    previousYear: `SELECT ${RUN_FIGURES} FROM statement_facts WHERE ${w}`,
    byDay: `SELECT ${DAY} AS day, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1`,
    byWeek: `SELECT strftime('%Y-%W', ${DAY}) AS week, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1`,
    byArea: `SELECT area, ${RUN_FIGURES} FROM statement_facts WHERE ${w} AND kind IN ('scenario-start', 'scenario-end') GROUP BY 1`,
    byScenario: `SELECT pack_id, scenario_id, ${RUN_FIGURES} FROM statement_facts WHERE ${w} AND kind IN ('scenario-start', 'scenario-end') GROUP BY 1, 2`,
    byPlatform: `SELECT platform, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1`,
    byLocale: `SELECT locale, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1`,
    byDevice: `SELECT park, device, platform, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1, 2, 3`,
    questions: items('answer'),
    decisions: items('decision'),
    hazards: `${items('hazard-found')} UNION ALL SELECT pack_id, scenario_id, step_id, NULL, NULL, NULL, count(*) FROM statement_facts
      WHERE ${w} AND kind = 'step-end' GROUP BY pack_id, scenario_id, step_id`,
    // A visit's first and second completed play of a scenario.
    replays: `WITH ends AS (SELECT visit_id, pack_id, scenario_id, score_scaled, passed,
        row_number() OVER (PARTITION BY visit_id, pack_id, scenario_id ORDER BY seq) AS nth
        FROM statement_facts WHERE ${w} AND kind = 'scenario-end' AND score_scaled IS NOT NULL)
      SELECT a.pack_id, a.scenario_id, count(*) AS pairs, avg(a.score_scaled), avg(b.score_scaled), sum(a.passed), sum(b.passed)
      FROM ends a JOIN ends b ON b.visit_id = a.visit_id AND b.pack_id = a.pack_id AND b.scenario_id = a.scenario_id AND b.nth = 2
      WHERE a.nth = 1 GROUP BY 1, 2`,
    schools: `SELECT school, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1`,
    parks: `SELECT park, ${RUN_FIGURES} FROM statement_facts WHERE ${w} GROUP BY 1`,
  };
  // A query that reads the facts twice (a union) binds the period and scope twice.
  const times = (sql[section].match(/\?/g)?.length ?? 0) / params.length;
  return { sql: sql[section], params: Array.from({ length: times }, () => params).flat() };
}

const yearEarlier = (day: string) => {
  const [y, m, d] = day.split('-');
  return m === '02' && d === '29' ? `${Number(y) - 1}-02-28` : `${Number(y) - 1}-${m}-${d}`;
};

// ---------------------------------------------------------------------------------------------------------------------

interface Timings {
  rollup: number[];
  raw: number[];
  rows: number[];
  worstCase: { name: string; p95: number };
}

async function queryTimings(storage: StorageDatabase, cases: Case[]): Promise<{ failed: boolean; report: number[] }> {
  const db = storage.sqlite!;
  const qb = reportBuilder(storage);
  const bySection = new Map<Section, Timings>(Object.keys(SECTIONS).map((s) => [s as Section, { rollup: [], raw: [], rows: [], worstCase: { name: '', p95: 0 } }]));
  const reader = createStatisticsReader(storage);
  const report: number[] = [];
  const serialized: number[] = [];
  let failed = false;
  for (const c of cases) {
    const queries = reportQueries(qb, c.period, c.scope);
    // One timing per query and repetition, as the reader runs it (prepared and read each time).
    const perQuery = new Map<string, number[]>();
    const rows = new Map<string, number>();
    for (let r = 0; r < REPS; r++)
      for (const [name, q] of Object.entries(queries)) {
        const compiled = q.compile();
        const t = performance.now();
        const out = db.prepare(compiled.sql).all(...(compiled.parameters as unknown[]));
        const took = performance.now() - t;
        (perQuery.get(name) ?? perQuery.set(name, []).get(name)!).push(took);
        rows.set(name, out.length);
      }
    for (const [section, names] of Object.entries(SECTIONS) as [Section, readonly string[]][]) {
      const t = bySection.get(section)!;
      const samples = Array.from({ length: REPS }, (_, r) => names.reduce((sum, n) => sum + perQuery.get(n)![r]!, 0));
      t.rollup.push(...samples);
      t.rows.push(names.reduce((sum, n) => sum + rows.get(n)!, 0));
      const p95 = quantile(samples, 0.95);
      if (p95 > t.worstCase.p95) t.worstCase = { name: c.name, p95 };
      const raw = rawQuery(section, c);
      const statement = db.prepare(raw.sql);
      for (let r = 0; r < RAW_REPS; r++) {
        const started = performance.now();
        statement.all(...raw.params);
        t.raw.push(performance.now() - started);
      }
    }
    // The whole report as the route makes it: every query in one read transaction, and the figures; then what the
    // route does once per report it keeps: the schema check and JSON.
    for (let r = 0; r < Math.min(REPS, 10); r++) {
      const t = performance.now();
      const built = await reader.report(c.period, c.scope);
      report.push(performance.now() - t);
      const s = performance.now();
      JSON.stringify(StatisticsReport.parse(built));
      serialized.push(performance.now() - s);
    }
    // The roll-ups and the raw facts must say the same.
    const rolled = await reader.report(c.period, c.scope);
    const raw = rawQuery('totals', c);
    const facts = db.prepare(raw.sql).get(...raw.params) as Record<string, number | null>;
    const agree = (['visits', 'runs', 'completed', 'passed'] as const).every((k) => rolled.totals[k] === (facts[k] ?? 0));
    console.log(
      `  ${c.name.padEnd(28)} ${c.scope.kind === 'city' ? '' : `${c.scope.id} `}${c.period.from}..${c.period.to}: ${count(rolled.totals.visits)} visits, ` +
        `${count(rolled.totals.runs)} runs, ${count(rolled.totals.completed)} completed (raw facts: ${count(facts.visits ?? 0)}, ${count(facts.runs ?? 0)}, ` +
        `${count(facts.completed ?? 0)}) ${agree ? 'agree' : 'DISAGREE'}`,
    );
    if (!agree) failed = true;
  }

  console.log(`\nEach section of the report: p50 / p95 in ms over ${cases.length} cases × ${REPS} (roll-up) and × ${RAW_REPS} (raw facts).`);
  console.log(`${'section'.padEnd(14)}${'cube rows'.padStart(10)}${'roll-up p50'.padStart(13)}${'p95'.padStart(9)}${'raw p50'.padStart(11)}${'p95'.padStart(9)}${'raw/roll-up'.padStart(13)}  worst case`);
  for (const [section, t] of bySection) {
    const p95 = quantile(t.rollup, 0.95);
    const rawP95 = quantile(t.raw, 0.95);
    const over = p95 > QUERY_GOAL_MS;
    if (over) failed = true;
    console.log(
      `${section.padEnd(14)}${count(Math.max(...t.rows)).padStart(10)}${ms(quantile(t.rollup, 0.5)).padStart(13)}${ms(p95).padStart(9)}` +
        `${ms(quantile(t.raw, 0.5)).padStart(11)}${ms(rawP95).padStart(9)}${`×${Math.round(rawP95 / Math.max(p95, 0.001))}`.padStart(13)}  ${t.worstCase.name} (${ms(t.worstCase.p95)})${over ? '  OVER 100 ms' : ''}`,
    );
  }
  console.log(`${'whole report'.padEnd(24)}${ms(quantile(report, 0.5)).padStart(13)}${ms(quantile(report, 0.95)).padStart(9)}   (every query in one read transaction, and the figures)`);
  console.log(`${'schema + JSON'.padEnd(24)}${ms(quantile(serialized, 0.5)).padStart(13)}${ms(quantile(serialized, 0.95)).padStart(9)}   (once per report the server keeps)`);
  return { failed, report };
}

/** GET /api/health on a real server while CLIENTS dashboards load without pause. */
async function healthUnderLoad(cases: Case[]): Promise<boolean> {
  const server = await startServerProcess(env);
  try {
    const session = await fetch(`${server.url}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: PASSWORD }),
    });
    if (session.status !== 200) throw new Error(`logging in failed: ${session.status} ${await session.text()}`);
    const authorization = `Bearer ${((await session.json()) as { token: string }).token}`;
    // `earlier` days more at the start: another period, so a report the server has not kept.
    const urlOf = (c: Case, earlier = 0) => {
      const q = new URLSearchParams({ from: addDays(c.period.from, -earlier), to: c.period.to });
      if (c.scope.kind !== 'city') q.set(c.scope.kind, c.scope.id);
      return `${server.url}/api/stats/report?${q}`;
    };

    const probe = async (until: number, out: number[]) => {
      while (Date.now() < until) {
        const t = performance.now();
        const res = await fetch(`${server.url}/api/health`);
        await res.arrayBuffer();
        out.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const idle: number[] = [];
    await probe(Date.now() + 3000, idle);

    console.log(`\nGET /api/health on a server process while ${CLIENTS} clients load dashboards without pause, ${SECONDS} s each way (goal p95 ≤ ${HEALTH_GOAL_MS} ms):`);
    console.log(`  idle:             p50 ${ms(quantile(idle, 0.5))} ms, p95 ${ms(quantile(idle, 0.95))} ms, max ${ms(Math.max(...idle))} ms`);
    let fresh = 0;
    let over = false;
    // The dashboards of the cases, again and again (the server keeps a report until more is rolled up); then each
    // load another period, so every report is made anew (as after each roll-up while statements arrive).
    for (const [name, next] of [
      ['the same reports', (i: number) => urlOf(cases[i % cases.length]!)],
      ['every report new', (i: number) => urlOf(cases[i % cases.length]!, ++fresh)],
    ] as const) {
      const loaded: number[] = [];
      const reports: number[] = [];
      let errors = 0;
      const until = Date.now() + SECONDS * 1000;
      await Promise.all([
        probe(until, loaded),
        ...Array.from({ length: CLIENTS }, async (_, k) => {
          for (let i = k; Date.now() < until; i++) {
            const t = performance.now();
            const res = await fetch(next(i), { headers: { authorization } });
            await res.arrayBuffer();
            if (res.status !== 200) errors++;
            reports.push(performance.now() - t);
          }
        }),
      ]);
      const p95 = quantile(loaded, 0.95);
      if (p95 > HEALTH_GOAL_MS || errors > 0) over = true;
      console.log(`  ${`${name}:`.padEnd(17)} p50 ${ms(quantile(loaded, 0.5))} ms, p95 ${ms(p95)} ms, max ${ms(Math.max(...loaded))} ms${p95 > HEALTH_GOAL_MS ? '  OVER' : ''}`);
      console.log(
        `  ${''.padEnd(17)} (${count(reports.length)} reports, ${(reports.length / SECONDS).toFixed(1)}/s, ${errors} not 200; a dashboard p50 ${ms(quantile(reports, 0.5))} ms, ` +
          `p95 ${ms(quantile(reports, 0.95))} ms over HTTP, staff check included)`,
      );
    }
    return over;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  seedIfNeeded();
  const config = loadConfig({ ...process.env, ...env });
  const storage = await openCliStorage(config);
  let failed = false;
  let cases: Case[];
  try {
    await catchUp(storage, config);
    await credentialStoreFor(storage).write(await hashPassword(PASSWORD));
    const db = storage.sqlite!;
    const stored = db.prepare('SELECT count(*) FROM statements').pluck().get() as number;
    const facts = db.prepare('SELECT count(*) FROM statement_facts').pluck().get() as number;
    const lastDay = db.prepare('SELECT max(day) FROM stat_days WHERE length(day) = 10').pluck().get() as string | null;
    if (!lastDay) throw new Error(`${DIR} holds no statistics: remove it and run again to seed it`);
    const school = db.prepare("SELECT school FROM stat_days WHERE school <> '' GROUP BY school ORDER BY sum(visits) DESC LIMIT 1").pluck().get() as string | undefined;
    const park = (db.prepare("SELECT park FROM stat_days WHERE park <> '*' GROUP BY park ORDER BY sum(visits) DESC LIMIT 1").pluck().get() as string | undefined) ?? 'local';
    cases = casesFor(lastDay, school ?? null, park);
    const cubes = (['days', 'scenarios', 'platforms', 'devices', 'items', 'steps', 'replays'] as const)
      .map((c) => `${c} ${count(db.prepare(`SELECT count(*) FROM stat_${c}`).pluck().get() as number)}`)
      .join(', ');
    console.log(`${DIR}: ${count(stored)} statements (${count(facts)} with facts), up to ${lastDay}; cube rows: ${cubes}.`);
    if (stored < N * 0.9) console.log(`  (fewer than RUYI_BENCH_STATS_N = ${count(N)}: this folder was seeded with fewer; the figures are for ${count(stored)})`);
    if (PARTS.has('queries')) {
      console.log('\nThe cases (roll-up totals checked against the raw facts):');
      failed = (await queryTimings(storage, cases)).failed;
    }
  } finally {
    await storage.close();
  }
  if (PARTS.has('health') && (await healthUnderLoad(cases))) failed = true;
  console.log(failed ? '\nFAILED' : '\nok');
  return failed ? 1 : 0;
}

process.exitCode = await main();
