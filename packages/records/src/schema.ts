// What a visitor's actions become on the wire and on disk. One schema for the app (which builds records), the
// kiosk-server (which validates and stores them) and, later, their translation into xAPI statements.
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

export const VisitRecord = z.discriminatedUnion('type', [VisitStart, VisitEnd, ScenarioStart, HazardFound, Decision, Answer, ScenarioEnd], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'unknown record type: must be one of visit-start, visit-end, scenario-start, hazard-found, decision, answer, scenario-end' : undefined,
});

export const MAX_BATCH = 200;
export const RecordBatch = z.strictObject({
  records: z.array(VisitRecord).min(1, { error: 'send at least one record' }).max(MAX_BATCH, { error: `send at most ${MAX_BATCH} records at once` }),
});

export type Platform = z.infer<typeof Platform>;
export type VisitRecord = z.infer<typeof VisitRecord>;
export type RecordType = VisitRecord['type'];
export type RecordBatch = z.infer<typeof RecordBatch>;
export type Score = z.infer<typeof Score>;
