// A stored statement's statistics facts. The columns the store wrote when admission accepted the statement (kind,
// visit, platform, pack, scenario, area, run, and the score and verdict admission judged from the run's evidence) are
// taken as they are; the rest is read from the body, which admission checked against the loaded pack before storing
// it (the item, the choice, whether it was right). A statement with no kind is not Ruyi's, or was about a pack this
// server does not hold: it has no facts.
import { recordEntry } from '@ruyi/mechanics';
import { iris, recordFromStatement, type Statement } from '@ruyi/xapi';
import { parseClassCodeValue } from '@ruyi/api-contract';
import type { FactKind, StatFact } from '@ruyi/statistics';
import type { StatementFactsTable, StatementsTable } from '../storage/schema.ts';

/** What the facts read of a stored statement: its columns, with seq a number and stored an ISO 8601 string. */
export type StoredForFacts = Pick<
  StatementsTable,
  'body' | 'stored' | 'kind' | 'visit_id' | 'platform' | 'locale' | 'pack_id' | 'scenario_id' | 'area' | 'run_id' | 'score_scaled' | 'passed'
> & {
  seq: number;
  device?: string | null;
  pack_version?: string | null;
  /** The xAPI client it was stored through (null: this server made it from its own devices' posts). */
  client_id?: number | null;
  /** That client's district and park as staff registered them (xapi_clients), read with the row. */
  client_district?: string | null;
  client_park?: string | null;
};

export interface FactContext {
  /** Where Ruyi's activity IRIs start (config.xapi.base). */
  base: string;
  /** The district a park (by its code) is in, or null when not known: for statements no client with a district sent. */
  districtOf(park: string): string | null;
}

const CORE: ReadonlySet<string> = new Set(['visit-start', 'visit-end', 'scenario-start', 'scenario-end', 'step-end']);

/** A park's code: its IRI's last path segment (https://…/parks/ruyi-xi → ruyi-xi). */
export function parkCodeOf(parkIri: string | undefined): string | null {
  if (!parkIri) return null;
  const segments = parkIri.replace(/[?#].*$/, '').split('/').filter(Boolean);
  return segments.length > 1 ? segments[segments.length - 1]! : null;
}

/**
 * The class a statement played in, from its class-code extension (`<school>/<code>`): a park's server admitted the
 * claim only with a seat token of that class (records/admission.ts); a hub takes what the park forwarded.
 */
function classOf(statement: Statement, base: string): { school: string | null; classSession: string | null } {
  const value = statement.context?.extensions?.[iris(base).extensions.classCode];
  const claim = parseClassCodeValue(value);
  return claim ? { school: claim.school, classSession: value as string } : { school: null, classSession: null };
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
  // Stored through an xAPI client (forwarded to a hub, or posted to /xapi by a tool): in the park staff registered for
  // that client (`client set-park`), or in none, never the park its actor's homePage claims, so one park's server
  // cannot count in another's. Made by this server from its own devices' posts: admission checked the homePage is
  // this server's park (records/admission.ts).
  const park = row.client_id != null ? (row.client_park ?? null) : parkCodeOf((statement.actor as { account?: { homePage?: string } }).account?.homePage);
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
    // Through a client, the district staff registered for it (`client set-district`), never the statement's claim;
    // else (or when it has none) the district of its park as this server knows it (its own park's).
    district: row.client_district ?? (park ? context.districtOf(park) : null),
    ...classOf(statement, context.base),
    // As the server established it when it stored the statement (records/admission.ts), never the statement's claim.
    device: row.device ?? null,
    platform: row.platform,
    locale: row.locale,
    packId: row.pack_id,
    packVersion: row.pack_version ?? null,
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

/** A stored facts row (statement_facts) read back as the fact it was written from; numbers as numbers on both stores. */
export function factOfRow(r: StatementFactsTable): StatFact {
  const flag = (b: unknown) => (b === null || b === undefined ? null : Boolean(b));
  return {
    seq: Number(r.seq), at: new Date(r.at).toISOString(), kind: r.kind as StatFact['kind'], visitId: r.visit_id, runId: r.run_id, park: r.park,
    district: r.district, school: r.school, classSession: r.class_session, device: r.device, platform: r.platform, locale: r.locale, packId: r.pack_id,
    packVersion: r.pack_version, scenarioId: r.scenario_id, area: r.area, stepId: r.step_id, itemType: r.item_type, item: r.item, choice: r.choice,
    correct: flag(r.correct), scoreScaled: r.score_scaled === null ? null : Number(r.score_scaled), passed: flag(r.passed),
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
  };
}
