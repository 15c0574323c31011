// The statistics SQL: counted from Ruyi's own statements (their `kind` column, read back from each statement when it
// was stored; null for other tools' statements), leaving out voided ones. A statement stored twice is one row (ids
// are unique), so a resend never counts twice.
import type Database from 'better-sqlite3';
import type { SummaryResponse as Summary } from '@ruyi/api-contract';
import { PLATFORMS } from '@ruyi/records';

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function createStatsRepository(db: Database.Database) {
  const visits = db.prepare<[], number>(`SELECT COUNT(DISTINCT visit_id) FROM statements WHERE kind = 'visit-start' AND voided = 0`).pluck();
  const completed = db.prepare<[], number>(`SELECT COUNT(*) FROM statements WHERE kind = 'scenario-end' AND voided = 0`).pluck();
  const byArea = db.prepare<[], { area: string | null; n: number; average: number | null }>(`
    SELECT area, COUNT(*) AS n, AVG(score_scaled) AS average
    FROM statements WHERE kind = 'scenario-end' AND voided = 0
    GROUP BY area`);
  const visitsByPlatform = db.prepare<[], { platform: string; n: number }>(`
    SELECT platform, COUNT(DISTINCT visit_id) AS n FROM statements WHERE kind = 'visit-start' AND voided = 0 GROUP BY platform`);
  const endsByPlatform = db.prepare<[], { platform: string; n: number; average: number | null }>(`
    SELECT platform, COUNT(*) AS n, AVG(score_scaled) AS average
    FROM statements WHERE kind = 'scenario-end' AND voided = 0
    GROUP BY platform`);

  return {
    /** Totals, and per area of `areaIds` (in that order, including areas with no data). */
    summary(areaIds: readonly string[]): Summary {
      // One read transaction, so the totals and the per-area rows are from the same moment.
      return db.transaction(() => {
        const rows = new Map(byArea.all().map((r) => [r.area, r]));
        const visitRows = new Map(visitsByPlatform.all().map((r) => [r.platform, r.n]));
        const endRows = new Map(endsByPlatform.all().map((r) => [r.platform, r]));
        return {
          visits: visits.get() ?? 0,
          completedScenarios: completed.get() ?? 0,
          areas: areaIds.map((area) => {
            const row = rows.get(area);
            return {
              area,
              completedScenarios: row?.n ?? 0,
              averageScore: row?.average == null ? null : round4(row.average),
            };
          }),
          platforms: PLATFORMS.map((platform) => {
            const ends = endRows.get(platform);
            return {
              platform,
              visits: visitRows.get(platform) ?? 0,
              completedScenarios: ends?.n ?? 0,
              averageScore: ends?.average == null ? null : round4(ends.average),
            };
          }),
        };
      })();
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
