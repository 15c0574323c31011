// Reads a stored statement back as the visit record it was made from, so the server can check it against the loaded
// content (the same checks as before statements) and keep statistics columns beside it. A statement another tool
// sent (an LMS, a test suite) is not Ruyi's: null, stored all the same, left out of Ruyi's statistics.
import { STEP_RECORDS, VisitRecord } from '@ruyi/mechanics';
import { PLATFORMS, type Platform } from '@ruyi/records';
import type { Statement } from '../statement.ts';
import { iris, PLATFORM_NAMES, VERBS, type Iris, type StatementKind } from './vocabulary.ts';

export interface StatementFacts {
  kind: StatementKind;
  visitId: string;
  platform: Platform;
  locale: string;
  packId: string | null;
  scenarioId: string | null;
  /** The pack's area (a statement's grouping must name the same one; it is not taken from there). */
  area: string | null;
  runId: string | null;
  scoreScaled: number | null;
  passed: boolean | null;
  /**
   * The device that posted it as the server established it (an enrolled device's id, 'local'), or for a statement a
   * park forwarded, the park and the device it names; null when unknown.
   */
  device?: string | null;
  /** The version of the loaded pack admission checked it against. */
  packVersion?: string | null;
}

export interface ReadStatement {
  record: VisitRecord;
  /** 'scenario-verdict' for the passed/failed twin of a scenario's completed statement. */
  kind: StatementKind;
  area: string | null;
}

const SEGMENT = '([a-z0-9]+(?:-[a-z0-9]+)*)';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const verbName = new Map(Object.entries(VERBS).map(([name, verb]) => [verb.id as string, name]));
const platformOf = new Map(PLATFORMS.map((p) => [PLATFORM_NAMES[p] as string, p]));

/** Milliseconds from our own `PT<seconds>S`; null for any other form (not ours). */
function durationMs(iso: unknown): number | null {
  const match = typeof iso === 'string' ? /^PT(\d+(?:\.\d{1,3})?)S$/.exec(iso) : null;
  return match ? Math.round(Number(match[1]) * 1000) : null;
}

/** What reading a statement needs of its base, made once per base: every stored statement is read with the same one. */
interface BaseReading {
  iri: Iris;
  area: RegExp;
  part: RegExp;
  ownPrefix: string;
}

const readings = new Map<string, BaseReading>();

function readingOf(base: string): BaseReading {
  let reading = readings.get(base);
  if (!reading) {
    // A server has one base; a bound keeps a caller that makes up bases from growing this without end.
    if (readings.size >= 16) readings.clear();
    reading = {
      iri: iris(base),
      area: new RegExp(`^${escape(base)}areas/${SEGMENT}$`),
      part: new RegExp(`^${escape(base)}packs/${SEGMENT}/scenarios/${SEGMENT}(?:/${SEGMENT}/${SEGMENT})?$`),
      ownPrefix: `${base}extensions/`,
    };
    readings.set(base, reading);
  }
  return reading;
}

const stepRecordOf = new Map(STEP_RECORDS.map((r) => [r.spec.segment as string, r]));

export function recordFromStatement(statement: Statement, base: string): ReadStatement | null {
  const { iri, area: areaPattern, part: partPattern, ownPrefix } = readingOf(base);
  const context = statement.context;
  const categories = context?.contextActivities?.category;
  const category = Array.isArray(categories) ? categories : categories ? [categories] : [];
  if (!category.some((a) => a.id === iri.profile)) return null;

  const actor = statement.actor as { account?: { name?: string } };
  const object = statement.object as { objectType?: string; id?: string };
  const verb = verbName.get(statement.verb.id);
  const platform = platformOf.get(context?.platform ?? '');
  if (!verb || !platform || !statement.id || !statement.timestamp || !actor.account?.name || object.objectType !== 'Activity' && object.objectType !== undefined) return null;
  const extensions = (context?.extensions ?? {}) as Record<string, unknown>;
  const base0 = {
    id: statement.id,
    visitId: actor.account.name,
    at: statement.timestamp,
    platform,
    locale: context?.language,
  };
  const groupings = context?.contextActivities?.grouping;
  const grouping = Array.isArray(groupings) ? groupings : groupings ? [groupings] : [];
  let area: string | null = null;
  for (const a of grouping) {
    const match = areaPattern.exec(a.id);
    if (match) {
      area = match[1]!;
      break;
    }
  }
  const result = statement.result;
  const id = object.id ?? '';

  const candidate = ((): { record: unknown; kind?: StatementKind } | null => {
    if (verb === 'launched') return { record: { ...base0, type: 'visit-start' } };
    if (verb === 'terminated') return { record: { ...base0, type: 'visit-end', reason: result?.extensions?.[iri.extensions.endReason] } };

    const m = partPattern.exec(id);
    if (!m) return null;
    const [, packId, scenarioId, part, partId] = m;
    const run = { ...base0, packId, scenarioId, runId: extensions[iri.extensions.run] };
    if (part === undefined) {
      if (verb === 'initialized') return { record: { ...run, type: 'scenario-start', seed: extensions[iri.extensions.seed] } };
      if (verb !== 'completed' && verb !== 'passed' && verb !== 'failed') return null;
      const score = result?.score;
      return {
        record: {
          ...run,
          type: 'scenario-end',
          score: { raw: score?.raw, max: score?.max, scaled: score?.scaled },
          passed: result?.success,
          durationMs: durationMs(result?.duration),
        },
        kind: verb === 'completed' ? 'scenario-end' : 'scenario-verdict',
      };
    }
    if (part === 'steps') return { record: { ...run, type: 'step-end', stepId: partId, durationMs: durationMs(result?.duration) } };
    // A step's own record: the segment says which mechanic's record type it is, its result the record's fields.
    const entry = stepRecordOf.get(part);
    if (!entry || verb !== entry.spec.verb) return null;
    const own = Object.fromEntries(
      Object.entries(result?.extensions ?? {}).flatMap(([key, value]) => (key.startsWith(ownPrefix) ? [[key.slice(ownPrefix.length), value]] : [])),
    );
    const fields = entry.spec.fromResult({ success: result?.success, response: result?.response, score: result?.score as never, extensions: own });
    return { record: { ...run, ...fields, type: entry.type, stepId: extensions[iri.extensions.step], [entry.spec.itemField]: partId } };
  })();
  if (!candidate) return null;
  // The record schema decides: a statement that only looks like Ruyi's (a field missing or wrong) is not Ruyi's.
  const parsed = VisitRecord.safeParse(candidate.record);
  if (!parsed.success) return null;
  if (candidate.kind === 'scenario-verdict' && parsed.data.type === 'scenario-end' && (verb === 'passed') !== parsed.data.passed) return null;
  return { record: parsed.data, kind: candidate.kind ?? parsed.data.type, area };
}
