// `npm run admin -- seed` as an operator runs it: a real process on a real SQLite file, read back afterwards.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContent } from '@ruyi/pack-schema/node';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';
import { runAdmin } from '../test-support/damage.ts';
import { parseSeedArgs } from './seed.ts';

const CONTENT = new URL('../../../content/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'ruyi-seed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ARGS = ['seed', '--visits', '150', '--seed', '5', '--from', '2026-06-08', '--to', '2026-06-12', '--batch', '40'];

describe('npm run admin -- seed', () => {
  const dataDir = join(root, 'data');
  const env = { RUYI_DATA_DIR: dataDir, RUYI_CONTENT_DIR: CONTENT, RUYI_PARK_IRI: 'https://ruyi.localhost/parks/creek' };

  it('stores whole visits with the facts admission derives, refuses a second run without --append, and resumes idempotently with it', { timeout: 900_000 }, async () => {
    const first = await runAdmin(ARGS, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const stored = Number(/: ([\d,]+) statements stored/.exec(first.stdout)?.[1]?.replace(/,/g, ''));
    expect(stored).toBeGreaterThan(1000);

    const db = new Database(join(dataDir, 'ruyi.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM statements').pluck().get()).toBe(stored);
      // Every statement is Ruyi's and counted: admission gave each its facts.
      expect(db.prepare('SELECT COUNT(*) FROM statements WHERE kind IS NULL OR visit_id IS NULL OR platform IS NULL').pluck().get()).toBe(0);
      expect(db.prepare("SELECT COUNT(DISTINCT visit_id) FROM statements WHERE kind = 'visit-start'").pluck().get()).toBe(150);
      const areas = db.prepare('SELECT DISTINCT area FROM statements WHERE area IS NOT NULL ORDER BY area').pluck().all();
      expect(areas).toEqual([...new Set(readContent(CONTENT).packs.map((p) => p.area))].sort());
      expect(db.prepare('SELECT DISTINCT platform FROM statements ORDER BY platform').pluck().all()).toEqual(['kiosk', 'vr', 'web']);
      expect(db.prepare('SELECT DISTINCT locale FROM statements ORDER BY locale').pluck().all()).toEqual(['en', 'zh-CN']);
      // Scores are the judged ones, and the same as the statement claims (the generator plays by the rules).
      const ends = db.prepare("SELECT body, score_scaled AS scaled, passed FROM statements WHERE kind = 'scenario-end'").all() as { body: string; scaled: number; passed: number }[];
      expect(ends.length).toBeGreaterThan(100);
      for (const end of ends) {
        const result = JSON.parse(end.body).result;
        expect(end.scaled).toBeCloseTo(result.score.scaled, 3);
        expect(end.passed).toBe(result.success ? 1 : 0);
      }
      // Played in the period, stored soon after (not today), all for this park, pupils' statements with their class code.
      const times = db.prepare('SELECT MIN(timestamp) AS first, MAX(timestamp) AS last, MAX(stored) AS stored FROM statements').get() as Record<string, string>;
      expect(times.first! >= '2026-06-07T16:00:00' && times.last! < '2026-06-13T00:00:00').toBe(true);
      expect(times.stored! < '2026-06-13T00:05:00').toBe(true);
      const bodies = db.prepare('SELECT body FROM statements').pluck().all() as string[];
      expect(bodies.every((b) => JSON.parse(b).actor.account.homePage === 'https://ruyi.localhost/parks/creek')).toBe(true);
      expect(bodies.some((b) => b.includes('/extensions/class-code'))).toBe(true);
      // Each visit's device, as its enrolled kiosk would be known, and the pack version admission checked against.
      expect(db.prepare('SELECT COUNT(*) FROM statements WHERE device IS NULL').pluck().get()).toBe(0);
      expect(db.prepare('SELECT COUNT(DISTINCT device) FROM statements').pluck().get()).toBeGreaterThan(3);
      expect(db.prepare('SELECT COUNT(*) FROM statements WHERE pack_id IS NOT NULL AND pack_version IS NULL').pluck().get()).toBe(0);
      // The statistics are rolled up before the command ends: every statement counted, each under its device.
      expect(first.stdout).toMatch(/Rolled up [\d,]+ statements/);
      expect(db.prepare('SELECT seq FROM stat_cursor').pluck().get()).toBe(db.prepare('SELECT MAX(seq) FROM statements').pluck().get());
      expect(db.prepare("SELECT SUM(visits) FROM stat_devices WHERE length(day) = 10 AND device <> ''").pluck().get()).toBe(150);
    } finally {
      db.close();
    }

    // Worker threads make the batches by default; this thread alone makes the very same store.
    const alone = await runAdmin([...ARGS, '--workers', '0', '--no-rollup'], { ...env, RUYI_DATA_DIR: join(root, 'alone') });
    expect(alone.code).toBe(0);
    const rows = (dir: string) => {
      const d = new Database(join(dir, 'ruyi.sqlite'), { readonly: true });
      try {
        return d.prepare('SELECT id, body, stored, kind, visit_id, platform, locale, pack_id, scenario_id, area, run_id, score_scaled, passed FROM statements ORDER BY seq').all();
      } finally {
        d.close();
      }
    };
    expect(rows(join(root, 'alone'))).toEqual(rows(dataDir));

    const refused = await runAdmin(ARGS, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds [\d,]+ statements.*--append/);

    const resumed = await runAdmin([...ARGS, '--append'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/: 0 statements stored, [\d,]+ already there/);
    const again = new Database(join(dataDir, 'ruyi.sqlite'), { readonly: true });
    try {
      expect(again.prepare('SELECT COUNT(*) FROM statements').pluck().get()).toBe(stored);
    } finally {
      again.close();
    }
  });

  it('says what is wrong with its arguments (exit 2) and refuses a server that forwards to a hub (exit 1), changing nothing', { timeout: 60_000 }, async () => {
    const bad = await runAdmin(['seed', '--visits', '0'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^seed: --visits must be a whole number from 1/);
    const syncing = await runAdmin(['seed', '--visits', '10'], { ...env, RUYI_DATA_DIR: join(root, 'other'), RUYI_SYNC_URL: 'https://hub.example/xapi/', RUYI_SYNC_KEY: 'k', RUYI_SYNC_SECRET: 's' });
    expect(syncing.code).toBe(1);
    expect(syncing.stderr).toMatch(/RUYI_SYNC_URL/);
  });
});

describe('npm run admin -- seed on a hub with RUYI_DATABASE_URL', () => {
  let server: TestPostgres | undefined;
  afterAll(() => server?.stop(), 60_000);

  it("stores the city's parks' visits in PostgreSQL with their facts", { timeout: 300_000 }, async () => {
    let base = process.env.RUYI_TEST_DATABASE_URL;
    if (!base) {
      server = await startPostgres();
      base = server.url;
    }
    const databaseUrl = await createTestDatabase(base, 'ruyi_seed');
    const env = { RUYI_DATA_DIR: join(root, 'hub'), RUYI_CONTENT_DIR: CONTENT, RUYI_MODE: 'hub', RUYI_DATABASE_URL: databaseUrl, RUYI_PARK_IRI: 'https://hub.example/parks/hub' };
    const seeded = await runAdmin(['seed', '--visits', '80', '--seed', '9', '--from', '2026-06-08', '--to', '2026-06-12'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    const client = new pg.Client(databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string; unfacted: string; visits: string; ends: string }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE kind IS NULL OR area IS NULL AND kind NOT IN ('visit-start', 'visit-end')) AS unfacted,
           count(*) FILTER (WHERE kind = 'visit-start') AS visits, count(*) FILTER (WHERE kind = 'scenario-end' AND score_scaled IS NOT NULL) AS ends
         FROM statements`,
      );
      expect(Number(rows[0]!.n)).toBe(Number(/: ([\d,]+) statements stored/.exec(seeded.stdout)![1]!.replace(/,/g, '')));
      expect(rows[0]).toMatchObject({ unfacted: '0', visits: '80' });
      expect(Number(rows[0]!.ends)).toBeGreaterThan(50);
      const parks = await client.query<{ park: string }>("SELECT DISTINCT body::jsonb -> 'actor' -> 'account' ->> 'homePage' AS park FROM statements");
      expect(parks.rows.length).toBeGreaterThan(2);
      expect(parks.rows.every((r) => /^https:\/\/hub\.example\/parks\/\d{6}-p\d$/.test(r.park))).toBe(true);
      // Each park's statements come from a client of its own in the park and its district, as a real park's
      // forwarding would, revoked so nothing can post as it; the statistics count each in that park and district.
      const clients = await client.query<{ name: string; district: string; park: string; revoked: boolean; statements: string }>(
        `SELECT c.name, c.district, c.park, c.revoked_at IS NOT NULL AS revoked, count(s.seq) AS statements
         FROM xapi_clients c LEFT JOIN statements s ON s.client_id = c.id GROUP BY c.id ORDER BY c.name`,
      );
      expect(clients.rows.length).toBe(parks.rows.length);
      for (const c of clients.rows) {
        expect(c.name).toMatch(/^seed-(\d{6})-p\d$/);
        expect(c.district).toBe(/^seed-(\d{6})/.exec(c.name)![1]);
        expect(c.park).toBe(c.name.slice('seed-'.length));
        expect(c.revoked).toBe(true);
        expect(Number(c.statements)).toBeGreaterThan(0);
      }
      expect((await client.query('SELECT 1 FROM statements WHERE client_id IS NULL LIMIT 1')).rowCount).toBe(0);
      const districts = await client.query<{ district: string | null }>('SELECT DISTINCT district FROM statement_facts');
      expect(districts.rows.map((r) => r.district).sort()).toEqual([...new Set(clients.rows.map((c) => c.district))].sort());
      const factParks = await client.query<{ park: string | null }>('SELECT DISTINCT park FROM statement_facts');
      expect(factParks.rows.map((r) => r.park).sort()).toEqual(clients.rows.map((c) => c.park).sort());
    } finally {
      await client.end();
    }
  });
});

describe('seed arguments', () => {
  const now = new Date('2026-12-07T03:00:00Z');
  it('default to two safety months up to yesterday, and name the argument at fault', () => {
    const parsed = parseSeedArgs(['--visits', '10'], now);
    expect(parsed).toMatchObject({ visits: 10, seed: 1, append: false, district: '220104' });
    expect('from' in parsed && new Date(parsed.from * 86_400_000).toISOString().slice(0, 10)).toBe('2025-06-01');
    expect('to' in parsed && new Date(parsed.to * 86_400_000).toISOString().slice(0, 10)).toBe('2026-12-06');
    const problem = (args: string[]) => (parseSeedArgs(args, now) as { problem: string }).problem;
    expect(problem([])).toMatch(/--visits or --statements is required/);
    expect(problem(['--visits', '1.5'])).toMatch(/--visits must be a whole number/);
    expect(problem(['--visits', '5', '--from', '2026-02-30'])).toMatch(/--from must be a date as YYYY-MM-DD/);
    expect(problem(['--visits', '5', '--to', '2026-12-07'])).toMatch(/--to must be before today/);
    expect(problem(['--visits', '5', '--from', '2026-06-02', '--to', '2026-06-01'])).toMatch(/must not be after --to/);
    expect(problem(['--visits', '5', '--district', 'Nanguan'])).toMatch(/--district must be a six-digit/);
    expect(problem(['--visits', '5', '--visits', '6'])).toMatch(/given twice/);
    expect(problem(['--visits', '5', '--yes'])).toMatch(/unknown argument '--yes'/);
    expect(problem(['--visits', '5', '--statements', '100'])).toMatch(/--visits or --statements, not both/);
    expect(problem(['--statements', '0'])).toMatch(/--statements must be a whole number from 1/);
    expect(parseSeedArgs(['--statements', '4000', '--no-rollup'], now)).toMatchObject({ statements: 4000, visits: 100, rollup: false });
    expect(parseSeedArgs(['--visits', '3'], now)).toMatchObject({ statements: null, rollup: true });
  });
});
