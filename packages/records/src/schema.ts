// What a visitor's actions are, as records: the app makes them, @ruyi/xapi turns each into xAPI statements (what
// travels and is stored), and the kiosk-server reads statements back as records to check them against the content.
import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a kebab-case id' }).max(64);

export const PLATFORMS = ['kiosk', 'vr', 'web'] as const;
export const Platform = z.enum(PLATFORMS);

export const RECORD_LOCALES = ['zh-CN', 'en', 'ja', 'ko', 'ru'] as const;

const Base = {
  /** Made on the device, so a resent record is recognised and stored once. */
  id: z.uuid({ error: 'must be a UUID' }),
  /** A random id for one visitor's visit: never a name or anything else personal. */
  visitId: z.uuid({ error: 'must be a UUID' }),
  at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-06-01T09:30:00.000Z' }),
  platform: Platform,
  locale: z.enum(RECORD_LOCALES),
};

const Scenario = {
  packId: Id,
  scenarioId: Id,
  /** One play of a scenario; "play again" starts a new run. */
  runId: z.uuid({ error: 'must be a UUID' }),
};

export const VisitStart = z.strictObject({ ...Base, type: z.literal('visit-start') });
export const VisitEnd = z.strictObject({
  ...Base,
  type: z.literal('visit-end'),
  reason: z.enum(['finished', 'timeout']),
});
export const ScenarioStart = z.strictObject({ ...Base, ...Scenario, type: z.literal('scenario-start') });
/** The steps of a scenario that end with a phase change; the quiz ends with the scenario (its answers and score say the rest). */
export const STEP_IDS = ['case-card', 'hazard-hunt', 'hunt-review', 'decisions'] as const;
export const StepEnd = z.strictObject({
  ...Base,
  ...Scenario,
  type: z.literal('step-end'),
  step: z.enum(STEP_IDS),
  durationMs: z.number().int().min(0).max(24 * 3600 * 1000),
});
/** A prop tapped in the hazard hunt that is not a hazard. */
export const PropChecked = z.strictObject({ ...Base, ...Scenario, type: z.literal('prop-checked'), propId: Id });
export const HazardFound = z.strictObject({ ...Base, ...Scenario, type: z.literal('hazard-found'), hazardId: Id });
export const Decision = z.strictObject({
  ...Base,
  ...Scenario,
  type: z.literal('decision'),
  nodeId: Id,
  choiceId: Id,
  safe: z.boolean(),
});
export const Answer = z.strictObject({
  ...Base,
  ...Scenario,
  type: z.literal('answer'),
  questionId: Id,
  choiceIds: z.array(Id).min(1).max(20),
  correct: z.boolean(),
});
export const Score = z.strictObject({
  raw: z.number().int().min(0),
  max: z.number().int().min(0),
  scaled: z.number().min(0).max(1),
});
export const ScenarioEnd = z.strictObject({
  ...Base,
  ...Scenario,
  type: z.literal('scenario-end'),
  score: Score,
  passed: z.boolean(),
  durationMs: z.number().int().min(0).max(24 * 3600 * 1000),
});

const RECORD_SCHEMAS = [VisitStart, VisitEnd, ScenarioStart, StepEnd, PropChecked, HazardFound, Decision, Answer, ScenarioEnd] as const;
const RECORD_TYPES = RECORD_SCHEMAS.map((s) => s.shape.type.value);
export const VisitRecord = z.discriminatedUnion('type', RECORD_SCHEMAS, {
  error: (issue) => (issue.code === 'invalid_union' ? `unknown record type: must be one of ${RECORD_TYPES.join(', ')}` : undefined),
});

export type Platform = z.infer<typeof Platform>;
export type VisitRecord = z.infer<typeof VisitRecord>;
export type RecordType = VisitRecord['type'];
export type Score = z.infer<typeof Score>;
export type StepId = (typeof STEP_IDS)[number];
