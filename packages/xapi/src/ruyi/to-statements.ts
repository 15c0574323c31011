// A visit record becomes one xAPI statement (two for a scenario's end: completed, then passed or failed). Made on the
// device, so each statement has its UUID before it is queued and a resend is the same statement; the statements are
// a pure function of the record and its context.
// The design, with an example per verb, is in ../../README.md.
import type { Pack } from '@ruyi/pack-schema';
import type { VisitRecord } from '@ruyi/records';
import type { Activity, Context, LanguageMap, Result, Statement } from '../statement.ts';
import { activityTypes, CMI_INTERACTION, iris, PLATFORM_NAMES, STEP_NAMES, VERBS, type VerbName } from './vocabulary.ts';

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

/** A LocalizedText of a pack (zh-CN, en, maybe ja/ko/ru) is already an xAPI language map. */
function languageMap(text: Record<string, string | undefined>): LanguageMap {
  return Object.fromEntries(Object.entries(text).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
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

type Text = Record<string, string | undefined>;

/** A decision or quiz question as a cmi.interaction of type choice; its texts when the pack is loaded. */
function choiceInteraction(id: string, texts: { prompt: Text; choices: readonly { id: string; label: Text }[]; patterns: string[] } | undefined): Activity {
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
  const pack = ctx.pack(record.packId);
  const scenario = pack?.scenarios.find((s) => s.id === record.scenarioId);
  const scenarioActivity: Activity = {
    objectType: 'Activity',
    id: iri.scenario(record.packId, record.scenarioId),
    definition: { type: types.scenario, ...(scenario ? { name: languageMap(scenario.title), description: languageMap(scenario.summary) } : {}) },
  };
  const grouping: Activity[] = [
    ...(pack ? [{ objectType: 'Activity' as const, id: iri.area(pack.area), definition: { type: types.area } }] : []),
    park,
  ];
  const inScenario = (object: Activity, verb: VerbName, result?: Result, id?: string) =>
    statement(
      verb,
      object,
      {
        ...(pack ? { revision: pack.version } : {}),
        contextActivities: object === scenarioActivity ? { grouping } : { parent: [scenarioActivity], grouping },
        extensions: { [iri.extensions.run]: record.runId },
      },
      result,
      id,
    );
  const activity = (id: string, type: string, name?: Record<string, string | undefined>): Activity => ({
    objectType: 'Activity',
    id,
    definition: { type, ...(name ? { name: languageMap(name) } : {}) },
  });

  switch (record.type) {
    case 'scenario-start':
      return [inScenario(scenarioActivity, 'initialized')];
    case 'step-end': {
      const object = activity(iri.step(record.packId, record.scenarioId, record.step), types[record.step], STEP_NAMES[record.step]);
      const reading = record.step === 'case-card' || record.step === 'hunt-review';
      return [inScenario(object, reading ? 'experienced' : 'completed', { completion: true, duration: isoDuration(record.durationMs) })];
    }
    case 'hazard-found': {
      const hazard = scenario?.hazardHunt.hazards.find((h) => h.id === record.hazardId);
      return [inScenario(activity(iri.hazard(record.packId, record.scenarioId, record.hazardId), types.hazard, hazard?.name), 'interacted', { success: true })];
    }
    case 'prop-checked': {
      const prop = scenario?.scene.props.find((p) => p.id === record.propId);
      return [inScenario(activity(iri.prop(record.packId, record.scenarioId, record.propId), types.prop, prop?.label), 'interacted', { success: false })];
    }
    case 'decision': {
      const node = scenario?.decisions.nodes.find((n) => n.id === record.nodeId);
      // Every safe choice is a right response: a drill may have more than one.
      const object = choiceInteraction(iri.decision(record.packId, record.scenarioId, record.nodeId), node && { prompt: node.prompt, choices: node.choices, patterns: node.choices.filter((c) => c.safe).map((c) => c.id) });
      return [inScenario(object, 'answered', { response: record.choiceId, success: record.safe })];
    }
    case 'answer': {
      const question = scenario?.quiz.questions.find((q) => q.id === record.questionId);
      const object = choiceInteraction(iri.question(record.packId, record.scenarioId, record.questionId), question && { prompt: question.prompt, choices: question.choices, patterns: [question.answer.join('[,]')] });
      return [inScenario(object, 'answered', { response: record.choiceIds.join('[,]'), success: record.correct })];
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
  }
}
