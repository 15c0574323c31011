// All SQL about visit records lives here, so a later change of storage (e.g. xAPI statements) changes one place.
import type Database from 'better-sqlite3';
import type { SummaryResponse as Summary } from '@ruyi/api-contract';
import { PLATFORMS, type VisitRecord } from '@ruyi/records';

export interface StoredRecord {
  record: VisitRecord;
  /** The record exactly as received, serialized: what is stored and compared on a resend. */
  body: string;
  /** The pack's area, for scenario records; null for visit records. */
  area: string | null;
}

export interface InsertResult {
  stored: number;
  duplicates: number;
}

/** A record id already stored with a different body: a client bug or an id collision, never a resend. */
export class RecordConflict extends Error {
  constructor(
    readonly index: number,
    readonly id: string,
  ) {
    super(`records[${index}].id: record '${id}' is already stored with a different body; a resent record must be identical`);
    this.name = 'RecordConflict';
  }
}

/** JSON with object keys sorted, so the same record sent with its fields in another order still counts as the same. */
function canonical(json: string): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
      );
    return value;
  };
  return JSON.stringify(sort(JSON.parse(json)));
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function createRecordsRepository(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO records (id, type, visit_id, at, platform, locale, pack_id, scenario_id, area, run_id, score_scaled, passed, body, received_at)
    VALUES (@id, @type, @visitId, @at, @platform, @locale, @packId, @scenarioId, @area, @runId, @scoreScaled, @passed, @body, @receivedAt)
    ON CONFLICT (id) DO NOTHING`);
  const bodyOf = db.prepare<[string], string>('SELECT body FROM records WHERE id = ?').pluck();

  const insertAll = db.transaction((rows: readonly StoredRecord[], receivedAt: string): InsertResult => {
    let stored = 0;
    let duplicates = 0;
    rows.forEach(({ record, body, area }, index) => {
      const scenario = 'packId' in record ? record : undefined;
      const end = record.type === 'scenario-end' ? record : undefined;
      const { changes } = insert.run({
        id: record.id,
        type: record.type,
        visitId: record.visitId,
        at: record.at,
        platform: record.platform,
        locale: record.locale,
        packId: scenario?.packId ?? null,
        scenarioId: scenario?.scenarioId ?? null,
        area: scenario ? area : null,
        runId: scenario?.runId ?? null,
        scoreScaled: end?.score.scaled ?? null,
        passed: end ? (end.passed ? 1 : 0) : null,
        body,
        receivedAt,
      });
      if (changes === 1) return void stored++;
      const existing = bodyOf.get(record.id);
      if (existing === undefined || canonical(existing) !== canonical(body)) throw new RecordConflict(index, record.id);
      duplicates++;
    });
    return { stored, duplicates };
  });

  const visits = db.prepare<[], number>(`SELECT COUNT(DISTINCT visit_id) FROM records WHERE type = 'visit-start'`).pluck();
  const completed = db.prepare<[], number>(`SELECT COUNT(*) FROM records WHERE type = 'scenario-end'`).pluck();
  const byArea = db.prepare<[], { area: string | null; n: number; average: number | null }>(`
    SELECT area, COUNT(*) AS n, AVG(score_scaled) AS average
    FROM records WHERE type = 'scenario-end'
    GROUP BY area`);
  const visitsByPlatform = db.prepare<[], { platform: string; n: number }>(`
    SELECT platform, COUNT(DISTINCT visit_id) AS n FROM records WHERE type = 'visit-start' GROUP BY platform`);
  const endsByPlatform = db.prepare<[], { platform: string; n: number; average: number | null }>(`
    SELECT platform, COUNT(*) AS n, AVG(score_scaled) AS average
    FROM records WHERE type = 'scenario-end'
    GROUP BY platform`);

  return {
    /**
     * Stores a batch in ONE transaction: all rows or none. Returns after COMMIT (synchronous = FULL: on disk).
     * Throws RecordConflict (and stores nothing) when an id is already stored with a different body.
     */
    insertBatch(rows: readonly StoredRecord[], receivedAt = new Date().toISOString()): InsertResult {
      return insertAll(rows, receivedAt);
    },

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

export type RecordsRepository = ReturnType<typeof createRecordsRepository>;
