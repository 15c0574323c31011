// A stored statement's statistics facts. The columns the store wrote when admission accepted the statement (kind,
// visit, platform, pack, scenario, area, run, and the score and verdict admission judged from the run's evidence) are
// taken as they are; the rest is read from the body, which admission checked against the loaded pack before storing
// it (the item, the choice, whether it was right). A statement with no kind is not Ruyi's, or was about a pack this
// server does not hold: it has no facts.
import { recordEntry } from '@ruyi/mechanics';
import { recordFromStatement, type Statement } from '@ruyi/xapi';
import type { FactKind, StatFact } from '@ruyi/statistics';
import type { StatementsTable } from '../storage/schema.ts';

/** What the facts read of a stored statement: its columns, with seq a number and stored an ISO 8601 string. */
export type StoredForFacts = Pick<
  StatementsTable,
  'body' | 'stored' | 'kind' | 'visit_id' | 'platform' | 'locale' | 'pack_id' | 'scenario_id' | 'area' | 'run_id' | 'score_scaled' | 'passed'
> & { seq: number };

export interface FactContext {
  /** Where Ruyi's activity IRIs start (config.xapi.base). */
  base: string;
  /** The district a park (by its code) is in, or null when not known. */
  districtOf(park: string): string | null;
}

const CORE: ReadonlySet<string> = new Set(['visit-start', 'visit-end', 'scenario-start', 'scenario-end', 'step-end']);

/** A park's code: its IRI's last path segment (https://…/parks/ruyi-xi → ruyi-xi). */
export function parkCodeOf(parkIri: string | undefined): string | null {
  if (!parkIri) return null;
  const segments = parkIri.replace(/[?#].*$/, '').split('/').filter(Boolean);
  return segments.length > 1 ? segments[segments.length - 1]! : null;
}

/** The facts of one stored statement, or null when it counts nowhere. */
export function statFactOf(row: StoredForFacts, context: FactContext): StatFact | null {
  // A verdict is the passed/failed twin of a run's completed statement: the run is counted once, by the latter.
  if (row.kind === null || row.kind === 'scenario-verdict' || row.visit_id === null || row.platform === null || row.locale === null) return null;
  const statement = JSON.parse(row.body) as Statement;
  const read = recordFromStatement(statement, context.base);
  if (!read) return null;
  const record = read.record as Record<string, unknown> & { type: string; at: string };
  const kind: FactKind = CORE.has(row.kind) ? (row.kind as FactKind) : 'item';
  const entry = kind === 'item' ? recordEntry(record.type) : undefined;
  if (kind === 'item' && !entry) return null;
  const park = parkCodeOf((statement.actor as { account?: { homePage?: string } }).account?.homePage);
  const happened = Date.parse(record.at);
  const stored = Date.parse(row.stored);
  const result = statement.result;
  return {
    seq: row.seq,
    // A device's clock may run ahead: never later than the server received it.
    at: new Date(Number.isFinite(happened) && happened < stored ? happened : stored).toISOString(),
    kind,
    visitId: row.visit_id,
    runId: row.run_id,
    park,
    district: park ? context.districtOf(park) : null,
    school: null,
    classSession: null,
    device: null,
    platform: row.platform,
    locale: row.locale,
    packId: row.pack_id,
    packVersion: null,
    scenarioId: row.scenario_id,
    area: row.area,
    stepId: typeof record.stepId === 'string' ? record.stepId : null,
    itemType: entry ? record.type : null,
    item: entry ? String(record[entry.spec.itemField]) : null,
    choice: entry && typeof result?.response === 'string' ? result.response : null,
    correct: entry && typeof result?.success === 'boolean' ? result.success : null,
    scoreScaled: kind === 'scenario-end' ? row.score_scaled : null,
    passed: kind === 'scenario-end' && row.passed !== null ? Boolean(row.passed) : null,
    durationMs: kind === 'scenario-end' && typeof record.durationMs === 'number' ? record.durationMs : null,
  };
}
