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
export const ScenarioStart = z.strictObject({
  ...Base,
  ...Scenario,
  type: z.literal('scenario-start'),
  /**
   * The run's seed: the order choices are shown in follows from it, so the server can replay the run. Absent from a
   * run started by an app from before shuffling, which showed every choice in pack order (replayed as seed 0).
   */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});
export const StepEnd = z.strictObject({
  ...Base,
  ...Scenario,
  type: z.literal('step-end'),
  /** The step's id in its scenario. */
  stepId: Id,
  durationMs: z.number().int().min(0).max(24 * 3600 * 1000),
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

/** The records every run has, whatever its steps; a step's own records are its mechanic's (see @ruyi/mechanics). */
export const CORE_RECORDS = [VisitStart, VisitEnd, ScenarioStart, StepEnd, ScenarioEnd] as const;
export type CoreRecord = z.infer<(typeof CORE_RECORDS)[number]>;

/** A step record's schema: the run's fields, the step it belongs to, its type and the mechanic's own fields. */
export function stepRecord<T extends string, F extends z.ZodRawShape>(type: T, fields: F) {
  return z.strictObject({ ...Base, ...Scenario, type: z.literal(type), stepId: Id, ...fields });
}

/** The fields of a record that say who made it and when, not what happened. */
export const ENVELOPE_FIELDS = ['id', 'visitId', 'at', 'platform', 'locale'] as const;
/** The fields every scenario record has besides its type and its own. */
export const RUN_FIELDS = ['packId', 'scenarioId', 'runId'] as const;

export type Platform = z.infer<typeof Platform>;
export type Score = z.infer<typeof Score>;
