// The statistics repository: counted from Ruyi's own statements (their `kind` column, read back from each statement
// when it was stored; null for other tools' statements), leaving out voided ones. A statement stored twice is one row
// (ids are unique), so a resend never counts twice.
//
// The queries are written once (Kysely) and mean the same on both stores. The kinds are literals, not parameters:
// both SQLite and PostgreSQL use a partial index (statements_visit_starts, statements_scenario_ends) only when the
// query's own text implies its condition.
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { SummaryResponse as Summary } from '@ruyi/api-contract';
import { PLATFORMS } from '@ruyi/records';
import type { StorageDatabase } from '../../storage/database.ts';
import type { RuyiDatabase } from '../../storage/schema.ts';

export interface StatsRepository {
  /** Totals, and per area of `areaIds` (in that order, including areas with no data), as of one moment. */
  summary(areaIds: readonly string[]): Promise<Summary>;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

interface Counts {
  visits: number;
  completed: number;
  byArea: { area: string | null; n: number; average: number | null }[];
  visitsByPlatform: { platform: string | null; n: number }[];
  endsByPlatform: { platform: string | null; n: number; average: number | null }[];
}

function queries(db: Kysely<RuyiDatabase>) {
  const of = (kind: 'visit-start' | 'scenario-end') =>
    db.selectFrom('statements').where('kind', '=', sql.lit(kind)).where('voided', '=', sql.lit(false));
  return {
    visits: of('visit-start').select((eb) => eb.fn.count<number>('visit_id').distinct().as('n')),
    completed: of('scenario-end').select((eb) => eb.fn.countAll<number>().as('n')),
    byArea: of('scenario-end')
      .select((eb) => ['area', eb.fn.countAll<number>().as('n'), eb.fn.avg<number | null>('score_scaled').as('average')])
      .groupBy('area'),
    visitsByPlatform: of('visit-start')
      .select((eb) => ['platform', eb.fn.count<number>('visit_id').distinct().as('n')])
      .groupBy('platform'),
    endsByPlatform: of('scenario-end')
      .select((eb) => ['platform', eb.fn.countAll<number>().as('n'), eb.fn.avg<number | null>('score_scaled').as('average')])
      .groupBy('platform'),
  };
}

function toSummary(counts: Counts, areaIds: readonly string[]): Summary {
  const rows = new Map(counts.byArea.map((r) => [r.area, r]));
  const visitRows = new Map(counts.visitsByPlatform.map((r) => [r.platform, Number(r.n)]));
  const endRows = new Map(counts.endsByPlatform.map((r) => [r.platform, r]));
  return {
    visits: Number(counts.visits),
    completedScenarios: Number(counts.completed),
    areas: areaIds.map((area) => {
      const row = rows.get(area);
      return {
        area,
        completedScenarios: Number(row?.n ?? 0),
        averageScore: row?.average == null ? null : round4(Number(row.average)),
      };
    }),
    platforms: PLATFORMS.map((platform) => {
      const ends = endRows.get(platform);
      return {
        platform,
        visits: visitRows.get(platform) ?? 0,
        completedScenarios: Number(ends?.n ?? 0),
        averageScore: ends?.average == null ? null : round4(Number(ends.average)),
      };
    }),
  };
}

/**
 * SQLite: the same queries, compiled once and run synchronously on the server's connection (better-sqlite3 is
 * synchronous; a Kysely round of awaits would only let other work in between).
 */
export function createSqliteStatsRepository(storage: { db: Kysely<RuyiDatabase>; sqlite: Database.Database }): StatsRepository {
  const q = queries(storage.db);
  const prepare = (query: { compile(): { sql: string } }) => storage.sqlite.prepare(query.compile().sql);
  const visits = prepare(q.visits).pluck();
  const completed = prepare(q.completed).pluck();
  const byArea = prepare(q.byArea);
  const visitsByPlatform = prepare(q.visitsByPlatform);
  const endsByPlatform = prepare(q.endsByPlatform);
  // One read transaction, so the totals and the per-area rows are from the same moment.
  const read = storage.sqlite.transaction(
    (): Counts => ({
      visits: (visits.get() as number | undefined) ?? 0,
      completed: (completed.get() as number | undefined) ?? 0,
      byArea: byArea.all() as Counts['byArea'],
      visitsByPlatform: visitsByPlatform.all() as Counts['visitsByPlatform'],
      endsByPlatform: endsByPlatform.all() as Counts['endsByPlatform'],
    }),
  );
  return {
    async summary(areaIds) {
      return toSummary(read(), areaIds);
    },
  };
}

/** PostgreSQL: one read-only snapshot (repeatable read), so every figure is from the same moment. */
export function createPostgresStatsRepository(db: Kysely<RuyiDatabase>): StatsRepository {
  return {
    async summary(areaIds) {
      const counts = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx): Promise<Counts> => {
          const q = queries(trx);
          const visits = await q.visits.executeTakeFirst();
          const completed = await q.completed.executeTakeFirst();
          return {
            visits: visits?.n ?? 0,
            completed: completed?.n ?? 0,
            byArea: await q.byArea.execute(),
            visitsByPlatform: await q.visitsByPlatform.execute(),
            endsByPlatform: await q.endsByPlatform.execute(),
          };
        });
      return toSummary(counts, areaIds);
    },
  };
}

/** The implementation for the store in use. */
export function createStatsRepository(storage: StorageDatabase): StatsRepository {
  if (storage.dialect === 'postgres') return createPostgresStatsRepository(storage.db);
  if (!storage.sqlite) throw new Error('a SQLite store without its connection');
  return createSqliteStatsRepository({ db: storage.db, sqlite: storage.sqlite });
}
