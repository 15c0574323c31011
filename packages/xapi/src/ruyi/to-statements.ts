// A visit record becomes one xAPI statement (two for a scenario's end: completed, then passed or failed). Made on the
// device, so each statement has its UUID before it is queued and a resend is the same statement; the statements are
// a pure function of the record and its context.
// The design, with an example per verb, is in ../../README.md.
import { isCoreRecord, mechanicOf, recordEntry, type InteractionTexts, type StatementResult, type StepRecord, type VisitRecord } from '@ruyi/mechanics';
import { languagesOf, type LocalizedText, type Pack } from '@ruyi/pack-schema';
import type { Activity, Context, LanguageMap, Result, Statement } from '../statement.ts';
import { activityTypes, CMI_INTERACTION, iris, PLATFORM_NAMES, VERBS, type VerbName } from './vocabulary.ts';

export interface StatementContext {
  /** RUYI_XAPI_BASE: where activity IRIs start; ends with '/'. */
  base: string;
  /** RUYI_PARK_IRI: the homePage of the visitor's anonymous account, and the park activity. */
  parkIri: string;
  /** The device's random id. */
  deviceId: string;
  /** A school class's code, when a class plays (平安校园). */
  classCode?: string | null;
  /** The loaded pack a scenario record is about: its area, version and texts go into the statement. */
  pack: (packId: string) => Pack | undefined;
}

/** A LocalizedText of a pack (zh-CN, en, maybe ja/ko/ru) is already an xAPI language map (its child version is not sent). */
function languageMap(text: LocalizedText | Record<string, string>): LanguageMap {
  return languagesOf(text as LocalizedText);
}

/**
 * The id of a scenario end's second statement (passed/failed), derived from the record's id: the first group of hex
 * digits inverted, so version and variant stay as they were. Deterministic, so a record turned into statements twice
 * (a crash between queueing and removing a legacy record) gives the same statements, and the LRS stores them once.
 */
export function verdictId(recordId: string): string {
  const first = recordId.slice(0, 8);
  const inverted = (~Number.parseInt(first, 16) >>> 0).toString(16).padStart(8, '0');
  return inverted + recordId.slice(8);
}

/** Milliseconds as an ISO 8601 duration in seconds, e.g. 83250 → PT83.25S (xAPI keeps 0.01 s). */
export function isoDuration(ms: number): string {
  return `PT${Number((ms / 1000).toFixed(3))}S`;
}

/** A choice (a decision, a question, a signal…) as a cmi.interaction of type choice; its texts when the pack is loaded. */
function choiceInteraction(id: string, texts: InteractionTexts | undefined): Activity {
  return {
    objectType: 'Activity',
    id,
    definition: {
      type: CMI_INTERACTION,
      interactionType: 'choice',
      ...(texts
        ? {
            description: languageMap(texts.prompt),
            correctResponsesPattern: texts.patterns,
            choices: texts.choices.map((c) => ({ id: c.id, description: languageMap(c.label) })),
          }
        : {}),
    },
  };
}

/** A mechanic's result, its extensions' short names made IRIs. */
export function resultOf(result: StatementResult, base: string): Result {
  const { extensions, ...rest } = result;
  const iri = iris(base);
  return { ...rest, ...(extensions ? { extensions: Object.fromEntries(Object.entries(extensions).map(([k, v]) => [iri.extensions.result(k), v])) } : {}) } as Result;
}

export function statementsFromRecord(record: VisitRecord, ctx: StatementContext): Statement[] {
  const iri = iris(ctx.base);
  const types = activityTypes(ctx.base);
  const park: Activity = { objectType: 'Activity', id: ctx.parkIri, definition: { type: types.park } };
  const extensions: Record<string, unknown> = { [iri.extensions.device]: ctx.deviceId };
  if (ctx.classCode) extensions[iri.extensions.classCode] = ctx.classCode;

  const statement = (verb: VerbName, object: Activity, context: Partial<Context> = {}, result?: Result, id = record.id): Statement => ({
    id,
    actor: { objectType: 'Agent', account: { homePage: ctx.parkIri, name: record.visitId } },
    verb: VERBS[verb],
    object,
    ...(result ? { result } : {}),
    context: {
      registration: record.visitId,
      platform: PLATFORM_NAMES[record.platform],
      language: record.locale,
      ...context,
      contextActivities: { category: [{ objectType: 'Activity', id: iri.profile, definition: { type: types.profile } }], ...context.contextActivities },
      extensions: { ...extensions, ...context.extensions },
    },
    timestamp: record.at,
  });

  switch (record.type) {
    case 'visit-start':
      return [statement('launched', park)];
    case 'visit-end':
      return [statement('terminated', park, {}, { completion: true, extensions: { [iri.extensions.endReason]: record.reason } })];
  }

  // A scenario record: the pack tells the area, version and texts. Without it (not loaded) the statement still
  // names every activity by its IRI; the server refuses records of unknown packs anyway.
  const run = record as Extract<VisitRecord, { runId: string }>;
  const pack = ctx.pack(run.packId);
  const scenario = pack?.scenarios.find((s) => s.id === run.scenarioId);
  const scenarioActivity: Activity = {
    objectType: 'Activity',
    id: iri.scenario(run.packId, run.scenarioId),
    definition: { type: types.scenario, ...(scenario ? { name: languageMap(scenario.title), description: languageMap(scenario.summary) } : {}) },
  };
  const grouping: Activity[] = [
    ...(pack ? [{ objectType: 'Activity' as const, id: iri.area(pack.area), definition: { type: types.area } }] : []),
    park,
  ];
  const inScenario = (object: Activity, verb: VerbName, result?: Result, id?: string, more: Record<string, unknown> = {}) =>
    statement(
      verb,
      object,
      {
        ...(pack ? { revision: pack.version } : {}),
        contextActivities: object === scenarioActivity ? { grouping } : { parent: [scenarioActivity], grouping },
        extensions: { [iri.extensions.run]: run.runId, ...more },
      },
      result,
      id,
    );

  if (isCoreRecord(record)) switch (record.type) {
    case 'scenario-start':
      return [inScenario(scenarioActivity, 'initialized', undefined, undefined, record.seed === undefined ? {} : { [iri.extensions.seed]: record.seed })];
    case 'step-end': {
      const step = scenario?.steps.find((s) => s.id === record.stepId);
      const mechanic = step && mechanicOf(step.mechanic);
      const kind = mechanic?.stepActivity ?? 'performance';
      const name = mechanic ? { 'zh-CN': String(mechanic.locales['zh-CN'].title), en: String(mechanic.locales.en.title) } : undefined;
      const object: Activity = {
        objectType: 'Activity',
        id: iri.step(record.packId, record.scenarioId, record.stepId),
        definition: { type: types.step(kind), ...(name ? { name } : {}) },
      };
      return [inScenario(object, kind === 'lesson' ? 'experienced' : 'completed', { completion: true, duration: isoDuration(record.durationMs) })];
    }
    case 'scenario-end': {
      const result: Result = {
        score: { scaled: record.score.scaled, raw: record.score.raw, min: 0, max: record.score.max },
        success: record.passed,
        completion: true,
        duration: isoDuration(record.durationMs),
      };
      // completed carries the record's id (statistics count it); passed/failed is the verdict LMS reports look for.
      return [inScenario(scenarioActivity, 'completed', result), inScenario(scenarioActivity, record.passed ? 'passed' : 'failed', result, verdictId(record.id))];
    }
    default:
      return [];
  }
  // A step's own record: its mechanic says what it is about and how its result reads.
  const stepRecord = record as StepRecord;
  const entry = recordEntry(stepRecord.type);
  if (!entry) return [];
  const step = scenario?.steps.find((s) => s.id === stepRecord.stepId && s.mechanic === entry.mechanic);
  const item = String(stepRecord[entry.spec.itemField]);
  const id = iri.item(run.packId, run.scenarioId, entry.spec.segment, item);
  const object: Activity =
    entry.spec.activityType === 'interaction'
      ? choiceInteraction(id, step && entry.spec.interaction?.(step, stepRecord))
      : (() => {
          const name = step && entry.spec.name?.(step, stepRecord);
          return { objectType: 'Activity', id, definition: { type: types.own(entry.spec.activityType), ...(name ? { name: languageMap(name) } : {}) } };
        })();
  return [inScenario(object, entry.spec.verb, resultOf(entry.spec.toResult(stepRecord), ctx.base), undefined, { [iri.extensions.step]: stepRecord.stepId })];
}
