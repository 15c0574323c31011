// Find the hazards in the scene by tapping (or pointing at) objects, then review what was found and missed. A find
// may earn less the later it comes, and a tap on an object that is no hazard may cost points, so tapping everything
// in a row earns nothing.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepOf, Tally } from '../contract.ts';
import { duplicates, elapsed, list, oneOf, pointsEach, tally } from '../common.ts';
import { locales } from './locales.ts';

const Hazard = z.strictObject({
  id: Id.describe('The hazard\'s id, unique in the scenario.'),
  prop: Id.describe('The id of the prop (scene.props) a visitor taps to find this hazard.'),
  name: LocalizedText,
  feedback: LocalizedText.describe('Shown when the hazard is found: why it is dangerous and what should have been done.'),
  hint: LocalizedText.describe('Shown after a visitor has searched for a while (hintAfterSeconds) without finding anything.'),
  source: SourceRef.describe('Optional: the id of the pack source (pack.yaml sources:) this comes from.').optional(),
});

const EarlyFinds = z
  .strictObject({
    fullPointsWithinSeconds: z.number().min(0).max(600).describe('A find within this many seconds of the start earns all its points.'),
    lowestShare: z.number().min(0).max(1).describe('The share of its points a late find still earns (0 to 1).'),
    lowestAfterSeconds: z.number().min(1).max(1200).describe('From this many seconds on, a find earns only lowestShare.'),
  })
  .refine((e) => e.lowestAfterSeconds > e.fullPointsWithinSeconds, { error: codedError('mechanic.hunt-timing') })
  .describe('Optional: earlier finds earn more: full points at first, falling evenly to lowestShare.');

const fields = {
  instructions: LocalizedText,
  hintAfterSeconds: z.number().int().min(5).max(600).default(25).describe('Seconds without a find before a hint is shown (default 25).'),
  pointsPerHazard: pointsEach('hazard found'),
  earlyFinds: EarlyFinds.optional(),
  wrongTapPenalty: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(0)
    .describe('Points taken for each tap on an object that is no hazard (default 0); the step never scores below 0.'),
  hazards: z.array(Hazard).min(1),
};

type Config = z.infer<z.ZodObject<typeof fields>>;
export type HazardHuntStep = StepOf<Config>;
export type HazardDef = z.infer<typeof Hazard>;

/** What the last tap turned out to be, for the feedback line. */
export type Inspection =
  | { propId: string; result: 'found'; hazardId: string }
  | { propId: string; result: 'already-found'; hazardId: string }
  | { propId: string; result: 'not-a-hazard' };

export interface HuntState {
  stage: 'search' | 'review';
  startedAt: number;
  /** The last time the visitor made progress; hints count from here. */
  lastProgressAt: number;
  found: { hazardId: string; atMs: number }[];
  wrongTaps: number;
  inspection: Inspection | null;
}

export type HuntEvent = { type: 'inspect'; propId: string } | { type: 'end-search' } | { type: 'continue' };
type HuntRecord = { type: 'hazard-found'; hazardId: string; atMs: number } | { type: 'prop-checked'; propId: string; atMs: number };

const MAX_MS = 24 * 3600 * 1000;

/** The share of a find's points at `atMs` from the start. */
export function findShare(step: Pick<Config, 'earlyFinds'>, atMs: number): number {
  const early = step.earlyFinds;
  if (!early) return 1;
  const s = atMs / 1000;
  if (s <= early.fullPointsWithinSeconds) return 1;
  if (s >= early.lowestAfterSeconds) return early.lowestShare;
  const fall = (s - early.fullPointsWithinSeconds) / (early.lowestAfterSeconds - early.fullPointsWithinSeconds);
  return 1 - fall * (1 - early.lowestShare);
}

function score(step: HazardHuntStep, state: HuntState): Tally {
  const earned = state.found.reduce((sum, f) => sum + Math.round(step.pointsPerHazard * findShare(step, f.atMs)), 0);
  const points = Math.max(0, earned - state.wrongTaps * step.wrongTapPenalty);
  return tally(state.found.length, step.hazards.length, points, step.hazards.length * step.pointsPerHazard);
}

export const hazardHunt = {
  name: 'hazard-hunt',
  stepActivity: 'performance',
  description: 'Find the hazards in the scene by tapping the objects that hold them, then review what was found and missed.',
  fields,
  knowledgePassAt: null,
  start: (_step, _env, now) => ({ stage: 'search', startedAt: now, lastProgressAt: now, found: [], wrongTaps: 0, inspection: null }),
  next(step, state, event, env) {
    const quiet = (s: HuntState = state) => ({ state: s, records: [] });
    switch (event.type) {
      case 'inspect': {
        if (state.stage !== 'search') return quiet();
        const atMs = elapsed(event.now, state.startedAt);
        const hazard = step.hazards.find((h) => h.prop === event.propId);
        if (!hazard) {
          // A wrong guess is a choice too: recorded, so a report can tell guessing from searching.
          if (!env.props.some((p) => p.id === event.propId)) return quiet();
          return {
            state: { ...state, wrongTaps: state.wrongTaps + 1, inspection: { propId: event.propId, result: 'not-a-hazard' } },
            records: [{ type: 'prop-checked', propId: event.propId, atMs }],
          };
        }
        if (state.found.some((f) => f.hazardId === hazard.id))
          return quiet({ ...state, inspection: { propId: event.propId, result: 'already-found', hazardId: hazard.id } });
        return {
          state: {
            ...state,
            found: [...state.found, { hazardId: hazard.id, atMs }],
            lastProgressAt: event.now,
            inspection: { propId: event.propId, result: 'found', hazardId: hazard.id },
          },
          records: [{ type: 'hazard-found', hazardId: hazard.id, atMs }],
        };
      }
      case 'end-search':
        return state.stage === 'search' ? quiet({ ...state, stage: 'review', inspection: null }) : quiet();
      case 'continue':
        return state.stage === 'review' ? { state, records: [], done: true } : quiet();
    }
  },
  score,
  missed: (step, state) => step.hazards.filter((h) => !state.found.some((f) => f.hazardId === h.id)).map((h) => h.name),
  records: {
    'hazard-found': {
      fields: { hazardId: Id, atMs: z.number().int().min(0).max(MAX_MS) },
      segment: 'hazards',
      itemField: 'hazardId',
      activityType: 'hazard',
      verb: 'interacted',
      name: (step, r) => step.hazards.find((h) => h.id === r.hazardId)?.name,
      check: (step, r) =>
        step.hazards.some((h) => h.id === r.hazardId)
          ? []
          : [{ field: 'hazardId', message: `unknown hazard '${r.hazardId}' in step '${step.id}': its hazards are ${list(step.hazards.map((h) => h.id))}` }],
      extensions: ['at-ms'],
      toResult: (r) => ({ success: true, extensions: { 'at-ms': r.atMs } }),
      fromResult: (result) => ({ atMs: result.extensions?.['at-ms'] }),
    },
    'prop-checked': {
      fields: { propId: Id, atMs: z.number().int().min(0).max(MAX_MS) },
      segment: 'props',
      itemField: 'propId',
      activityType: 'scene-object',
      verb: 'interacted',
      check(step, r) {
        const hazard = step.hazards.find((h) => h.prop === r.propId);
        return hazard ? [{ field: 'propId', message: `prop '${r.propId}' is hazard '${hazard.id}': a find is recorded as hazard-found` }] : [];
      },
      extensions: ['at-ms'],
      toResult: (r) => ({ success: false, extensions: { 'at-ms': r.atMs } }),
      fromResult: (result) => ({ atMs: result.extensions?.['at-ms'] }),
    },
  },
  eventsFor(step, _state, record) {
    const at = record.atMs;
    if (record.type === 'prop-checked') return [{ type: 'inspect', propId: record.propId, now: at }];
    const hazard = step.hazards.find((h) => h.id === record.hazardId);
    return hazard ? [{ type: 'inspect', propId: hazard.prop, now: at }] : null;
  },
  endEvents: (_step, state) => (state.stage === 'search' ? [{ type: 'end-search' }, { type: 'continue' }] : [{ type: 'continue' }]),
  ids: (step) => step.hazards.map((h) => h.id),
  targets: () => [],
  references(step, { props }) {
    const propIds = props.map((p) => p.id);
    const issues = [
      ...duplicates(step.hazards, (h) => h.id, (i) => ['hazards', i, 'id'], 'hazard'),
      ...duplicates(step.hazards, (h) => h.prop, (i) => ['hazards', i, 'prop'], 'prop', 'mechanic.prop-one-hazard'),
    ];
    step.hazards.forEach((h, i) => {
      if (!propIds.includes(h.prop)) issues.push({ path: ['hazards', i, 'prop'], ...coded('mechanic.prop-not-in-scene', { prop: h.prop, known: oneOf(propIds) }) });
    });
    return issues;
  },
  locales,
  autoplay(step, state, env, skill) {
    if (state.stage === 'review') return { event: { type: 'continue' as const }, after: 8000 };
    const hazardProps = new Set(step.hazards.map((h) => h.prop));
    const left = step.hazards.filter((h) => !state.found.some((f) => f.hazardId === h.id));
    // A poor visitor taps a wrong object first and leaves a hazard unfound.
    const wrong = env.props.find((p) => !hazardProps.has(p.id));
    if (skill === 'poor' && state.wrongTaps === 0 && wrong) return { event: { type: 'inspect' as const, propId: wrong.id }, after: 4000 };
    if (left.length > (skill === 'poor' ? 1 : 0)) return { event: { type: 'inspect' as const, propId: left[0]!.prop }, after: 6000 };
    return { event: { type: 'end-search' as const }, after: 3000 };
  },
  // A find rings, a tap on something harmless buzzes; a hazard tapped again says nothing new, so sounds nothing.
  cue: (_step, before, after) => (after.found.length > before.found.length ? 'find' : after.wrongTaps > before.wrongTaps ? 'wrong' : null),
  example: {
    step: {
      instructions: { 'zh-CN': '找出隐患。', en: 'Find the hazards.' },
      wrongTapPenalty: 10,
      hazards: [
        { id: 'bad-wiring', prop: 'wiring', name: { 'zh-CN': '电线', en: 'Wiring' }, feedback: { 'zh-CN': '危险。', en: 'Dangerous.' }, hint: { 'zh-CN': '看上面。', en: 'Look up.' } },
      ],
    },
    props: [
      { id: 'wiring', label: { 'zh-CN': '电线', en: 'Wiring' } },
      { id: 'shelf', label: { 'zh-CN': '货架', en: 'Shelf' } },
    ],
    play: () => [
      { event: { type: 'inspect', propId: 'shelf' }, at: 2000 },
      { event: { type: 'inspect', propId: 'wiring' }, at: 3000 },
      { event: { type: 'end-search' }, at: 4000 },
      { event: { type: 'continue' }, at: 6000 },
    ],
    forged: (step) => ({ type: 'hazard-found', hazardId: step.hazards[0]!.id, atMs: 3500 }),
  },
} satisfies Mechanic<'hazard-hunt', Config, HuntState, HuntEvent, HuntRecord>;

/**
 * The hazard to hint at, once the visitor has gone `hintAfterSeconds` without finding one: the first not yet found,
 * in pack order. Derived from state and time, so nothing has to remember that a hint is showing.
 */
export function hintFor(step: HazardHuntStep, state: HuntState, now: number): HazardDef | null {
  if (state.stage !== 'search') return null;
  if (now - state.lastProgressAt < step.hintAfterSeconds * 1000) return null;
  return step.hazards.find((h) => !state.found.some((f) => f.hazardId === h.id)) ?? null;
}

/** Milliseconds until a hint would appear (0 if it is due); null after the search or when all are found. */
export function msUntilHint(step: HazardHuntStep, state: HuntState, now: number): number | null {
  if (state.stage !== 'search' || state.found.length === step.hazards.length) return null;
  return Math.max(0, state.lastProgressAt + step.hintAfterSeconds * 1000 - now);
}
