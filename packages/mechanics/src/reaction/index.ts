// React to a cue in time: the visitor says they are ready, the cue comes after a seeded, unannounced delay (the floor
// starts to shake), and they tap the right actions in order (drop, cover, hold on) while wrong ones (run for the door)
// are on offer too. Full points in time, half when right but late, none when anything was wrong.
import { Id, LocalizedText } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepOf, Tally, Transition } from '../contract.ts';
import { drawn, elapsed, list, shuffled, tally, type Issue } from '../common.ts';
import { locales } from './locales.ts';

const Action = z.strictObject({
  id: Id.describe('The action\'s id, unique in the scenario.'),
  label: LocalizedText.describe('What the button says, e.g. "Drop to your hands and knees".'),
  feedback: LocalizedText.describe('Why this action is right, shown in the step\'s feedback.'),
});

const Distractor = z.strictObject({
  id: Id.describe('The action\'s id, unique in the scenario.'),
  label: LocalizedText.describe('What the button says, e.g. "Run for the door".'),
  feedback: LocalizedText.describe('Why this action is wrong, shown when it is tapped.'),
});

const CueAfter = z
  .strictObject({
    min: z.number().min(0.5).max(60).default(2).describe('The earliest the cue comes, seconds after "ready" (default 2).'),
    max: z.number().min(0.5).max(60).default(6).describe('The latest the cue comes, seconds after "ready" (default 6).'),
  })
  .refine((c) => c.max >= c.min, { error: codedError('mechanic.cue-range') })
  .describe('When the cue comes after the visitor says they are ready: a time drawn between min and max seconds for each visit.');

/** Taps one reaction may hold: more are ignored (a record stays small however hard someone hammers the buttons). */
export const MAX_TAPS = 64;
const MAX_MS = 24 * 3600 * 1000;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const fields = {
  instructions: LocalizedText.describe('What the drill is and what to do when the cue comes, shown before "ready".'),
  cue: LocalizedText.describe('What happens at the cue, e.g. "The floor starts to shake!".'),
  shaking: z.boolean().default(true).describe('The scene shakes at the cue (default true); it stays still for visitors who asked for reduced motion.'),
  cueAfterSeconds: CueAfter.default({ min: 2, max: 6 }),
  withinSeconds: z
    .number()
    .min(1)
    .max(60)
    .default(5)
    .describe('Seconds from the cue in which all right actions must be done for full points (default 5). Done later, they earn half; after twice this time the drill ends.'),
  actions: z.array(Action).min(1).max(8).describe('The right actions IN THE RIGHT ORDER (e.g. drop, cover, hold on); shown shuffled among the distractors.'),
  distractors: z.array(Distractor).max(8).default([]).describe('Actions that are always wrong (e.g. run for the door, take the lift).'),
  points: z.number().int().min(0).max(100).default(20).describe('Points for the right actions in order within withinSeconds (default 20); half when right but late.'),
};

type Config = z.infer<z.ZodObject<typeof fields>>;
export type ReactionStep = StepOf<Config>;

export type ReactionStage = 'instructions' | 'waiting' | 'cue' | 'feedback';
/** What the last tap was, for the live feedback line. */
export type TapResult = 'right' | 'wrong-order' | 'distractor';

export interface ReactionState {
  stage: ReactionStage;
  startedAt: number;
  /** The cue's delay after "ready", drawn from the run's seed. */
  cueDelayMs: number;
  /** The actions (right ones and distractors) in the order shown. */
  order: string[];
  readyAt: number | null;
  cueAt: number | null;
  /** Every accepted tap, in order. */
  tapped: string[];
  /** How many of the right actions are done, in order. */
  progress: number;
  last: { actionId: string; result: TapResult } | null;
  /** From the cue to the last right action; null until then, and for good when the time ran out. */
  reactionMs: number | null;
}

export type ReactionEvent = { type: 'ready' } | { type: 'cue' } | { type: 'tap'; actionId: string } | { type: 'timeout' } | { type: 'continue' };

export type ReactionRecord = { type: 'reaction'; drill: string; actionIds: string[]; reactionMs: number | null; order: string[] };

export type ReactionOutcome = 'in-time' | 'late' | 'wrong' | 'timed-out';

/** The cue's delay after "ready" for this run (ms, whole). */
export function cueDelayMs(step: Pick<Config, 'cueAfterSeconds'> & { id: string }, seed: number): number {
  const { min, max } = step.cueAfterSeconds;
  return Math.round(drawn(seed, `${step.id}:cue`, min, max) * 1000);
}

/**
 * The actions in the order shown: shuffled by the run's seed, but never with the right actions already in their right
 * order, which would let a visitor who taps down the list get it right.
 */
export function shownOrder(step: Pick<Config, 'actions' | 'distractors'> & { id: string }, seed: number): string[] {
  const ids = [...step.actions, ...step.distractors].map((a) => a.id);
  const right = step.actions.map((a) => a.id);
  const givesAway = (order: string[]) => right.length > 1 && sameList(order.filter((id) => right.includes(id)), right);
  for (let attempt = 0; attempt < 8; attempt++) {
    const order = shuffled(ids, seed, attempt ? `${step.id}:actions:${attempt}` : `${step.id}:actions`);
    if (!givesAway(order)) return order;
  }
  // Eight unlucky draws in a row (about 1 in 1.7 million for three actions): the right ones backwards is still a shuffle.
  const reversed = [...right].reverse();
  return shuffled(ids, seed, `${step.id}:actions`).map((id) => (right.includes(id) ? reversed.shift()! : id));
}

/** After this long from the cue, the drill ends (a `timeout`) whatever was done. */
export const limitMs = (step: Pick<Config, 'withinSeconds'>) => Math.round(step.withinSeconds * 2000);


const wrongTaps = (state: ReactionState) => state.tapped.length - state.progress;

/** How the reaction went, once it is over (null before). */
export function reactionOutcome(step: ReactionStep, state: ReactionState): ReactionOutcome | null {
  if (state.stage !== 'feedback') return null;
  if (wrongTaps(state) > 0) return 'wrong';
  if (state.reactionMs === null) return 'timed-out';
  return state.reactionMs <= step.withinSeconds * 1000 ? 'in-time' : 'late';
}

/** An action of the step (right or distractor) by id. */
export function actionOf(step: ReactionStep, id: string): { kind: 'right' | 'distractor'; index: number; label: LocalizedText; feedback: LocalizedText } | null {
  const right = step.actions.findIndex((a) => a.id === id);
  if (right >= 0) return { kind: 'right', index: right, ...step.actions[right]! };
  const wrong = step.distractors.findIndex((a) => a.id === id);
  if (wrong >= 0) return { kind: 'distractor', index: wrong, ...step.distractors[wrong]! };
  return null;
}

/** Whether another tap on `id` would change anything: a right action already done and a distractor already tapped are spent. */
export function isSpent(step: ReactionStep, state: ReactionState, id: string): boolean {
  const action = actionOf(step, id);
  if (!action) return true;
  return action.kind === 'right' ? action.index < state.progress : state.tapped.includes(id);
}

function score(step: ReactionStep, state: ReactionState): Tally {
  const outcome = reactionOutcome(step, state);
  const points = outcome === 'in-time' ? step.points : outcome === 'late' ? Math.floor(step.points / 2) : 0;
  return tally(outcome === 'in-time' ? 1 : 0, 1, points, step.points);
}

/** A text made of the step's labels and a few words of our own, in the two languages every pack has. */
function phrase(labels: readonly LocalizedText[], zh: (names: string) => string, en: (names: string) => string): LocalizedText {
  return { 'zh-CN': zh(labels.map((l) => l['zh-CN']).join('、')), en: en(labels.map((l) => l.en).join(', ')) };
}

function missed(step: ReactionStep, state: ReactionState): LocalizedText[] {
  const outcome = reactionOutcome(step, state);
  if (outcome === null || outcome === 'in-time') return [];
  const s = step.withinSeconds;
  if (outcome === 'late')
    return [phrase(step.actions.map((a) => a.label), (n) => `${n}：顺序对了，但晚于${s}秒`, (n) => `${n}: right, but later than ${s} s`)];
  const out: LocalizedText[] = [];
  const seen = new Set<string>();
  let progress = 0;
  for (const id of state.tapped) {
    const action = actionOf(step, id)!;
    if (action.kind === 'right' && action.index === progress) progress++;
    else if (!seen.has(id)) {
      seen.add(id);
      out.push(action.kind === 'distractor' ? action.label : phrase([action.label], (n) => `${n}：顺序不对`, (n) => `${n}: out of order`));
    }
  }
  const notDone = step.actions.slice(state.progress).map((a) => a.label);
  if (notDone.length) out.push(phrase(notDone, (n) => `${n}：没有在${2 * s}秒内做完`, (n) => `${n}: not done within ${2 * s} s`));
  return out;
}

function finish(state: ReactionState, reactionMs: number | null, stepId: string): Transition<ReactionState> {
  const done: ReactionState = { ...state, stage: 'feedback', reactionMs };
  const record: ReactionRecord = { type: 'reaction', drill: stepId, actionIds: [...state.tapped], reactionMs, order: [...state.order] };
  return { state: done, records: [record] };
}


export const reaction = {
  name: 'reaction',
  description:
    'A reaction drill: after the visitor says they are ready, a cue comes without warning (the scene shakes) and they tap the right actions in order within a few seconds, among wrong ones.',
  fields,
  knowledgePassAt: null,
  start: (step, env, now): ReactionState => ({
    stage: 'instructions',
    startedAt: now,
    cueDelayMs: cueDelayMs(step, env.seed),
    order: shownOrder(step, env.seed),
    readyAt: null,
    cueAt: null,
    tapped: [],
    progress: 0,
    last: null,
    reactionMs: null,
  }),
  next(step, state, event): Transition<ReactionState> {
    const quiet = (s: ReactionState = state): Transition<ReactionState> => ({ state: s, records: [] });
    switch (event.type) {
      case 'ready':
        return state.stage === 'instructions' ? quiet({ ...state, stage: 'waiting', readyAt: event.now }) : quiet();
      case 'cue':
        // The view's timer may fire early (or a record may claim a cue before its time): only the drawn delay counts.
        if (state.stage !== 'waiting' || event.now - state.readyAt! < state.cueDelayMs) return quiet();
        return quiet({ ...state, stage: 'cue', cueAt: event.now });
      case 'timeout':
        if (state.stage !== 'cue' || event.now - state.cueAt! < limitMs(step)) return quiet();
        return finish(state, null, step.id);
      case 'tap': {
        if (state.stage !== 'cue') return quiet();
        // A tap after the time ran out is the timeout that the view's timer has not sent yet.
        if (event.now - state.cueAt! >= limitMs(step)) return finish(state, null, step.id);
        const action = actionOf(step, event.actionId);
        if (!action || isSpent(step, state, event.actionId) || state.tapped.length >= MAX_TAPS) return quiet();
        const tapped = [...state.tapped, event.actionId];
        if (action.kind === 'right' && action.index === state.progress) {
          const moved: ReactionState = { ...state, tapped, progress: state.progress + 1, last: { actionId: event.actionId, result: 'right' } };
          return moved.progress === step.actions.length ? finish(moved, elapsed(event.now, state.cueAt!), step.id) : quiet(moved);
        }
        return quiet({ ...state, tapped, last: { actionId: event.actionId, result: action.kind === 'right' ? 'wrong-order' : 'distractor' } });
      }
      case 'continue':
        return state.stage === 'feedback' ? { state, records: [], done: true } : quiet();
    }
  },
  score,
  missed,
  records: {
    reaction: {
      fields: {
        drill: Id,
        actionIds: z.array(Id).max(MAX_TAPS),
        reactionMs: z.number().int().min(0).max(MAX_MS).nullable(),
        order: z.array(Id).max(16),
      },
      segment: 'reactions',
      itemField: 'drill',
      activityType: 'reaction-drill',
      verb: 'completed',
      name: (step) => step.cue,
      check(step, r) {
        const ids = [...step.actions, ...step.distractors].map((a) => a.id);
        const issues: { field: string; message: string }[] = [];
        const unknown = r.actionIds.filter((id) => !ids.includes(id));
        if (unknown.length) issues.push({ field: 'actionIds', message: `not actions of step '${step.id}': ${list(unknown)}` });
        if (!sameList([...r.order].sort(), [...ids].sort())) issues.push({ field: 'order', message: `must show each action of step '${step.id}' once: ${list(ids)}` });
        return issues;
      },
      extensions: ['action-ids', 'choice-order', 'reaction-ms'],
      toResult: (r) => ({
        // xAPI's sequencing response: the taps in order.
        response: r.actionIds.join('[,]'),
        extensions: { 'action-ids': r.actionIds, 'choice-order': r.order, ...(r.reactionMs === null ? {} : { 'reaction-ms': r.reactionMs }) },
      }),
      fromResult: (result) => ({
        actionIds: result.extensions?.['action-ids'],
        order: result.extensions?.['choice-order'],
        reactionMs: result.extensions?.['reaction-ms'] ?? null,
      }),
    },
  },
  eventsFor(step, state, record) {
    if (record.type !== 'reaction' || record.drill !== step.id || state.stage === 'feedback') return null;
    if (!sameList(record.order, state.order) || !sameList(record.actionIds.slice(0, state.tapped.length), state.tapped)) return null;
    const events: (ReactionEvent & { now: number })[] = [];
    const readyAt = state.readyAt ?? state.startedAt;
    if (state.stage === 'instructions') events.push({ type: 'ready', now: readyAt });
    const cueAt = state.cueAt ?? readyAt + state.cueDelayMs;
    if (state.stage !== 'cue') events.push({ type: 'cue', now: cueAt });
    // Only the last right tap's time is recorded; the taps before it are put at the same moment, which the rules allow.
    const tapAt = record.reactionMs === null ? cueAt : cueAt + record.reactionMs;
    for (const actionId of record.actionIds.slice(state.tapped.length)) events.push({ type: 'tap', actionId, now: tapAt });
    if (record.reactionMs === null) events.push({ type: 'timeout', now: cueAt + limitMs(step) });
    return events;
  },
  endEvents: (_step, state): ReactionEvent[] => (state.stage === 'feedback' ? [{ type: 'continue' }] : []),
  ids: (step) => [...step.actions, ...step.distractors].map((a) => a.id),
  targets: () => [],
  references(step) {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    for (const [list, items] of [['actions', step.actions], ['distractors', step.distractors]] as const)
      items.forEach((a, i) => {
        if (seen.has(a.id)) issues.push({ path: [list, i, 'id'], ...coded('mechanic.action-twice', { id: a.id }) });
        seen.add(a.id);
      });
    return issues;
  },
  locales,
  autoplay(step, state, _env, skill) {
    switch (state.stage) {
      case 'instructions':
        return { event: { type: 'ready' }, after: 1500 };
      case 'waiting':
        // "after" counts from the last event, which was "ready".
        return { event: { type: 'cue' }, after: state.cueDelayMs };
      case 'cue': {
        // A hurried visitor first goes for the first wrong action on offer, then does the right ones, slowly.
        const distractor = step.distractors[0];
        if (skill === 'poor' && distractor && !state.tapped.includes(distractor.id)) return { event: { type: 'tap', actionId: distractor.id }, after: 900 };
        const nextRight = step.actions[state.progress];
        // A good visitor is done well within the time, however many actions there are.
        const pace = skill === 'good' ? Math.min(700, Math.floor((step.withinSeconds * 1000) / (step.actions.length + 1))) : 2500;
        return nextRight ? { event: { type: 'tap', actionId: nextRight.id }, after: pace } : null;
      }
      case 'feedback':
        return { event: { type: 'continue' }, after: 4000 };
    }
  },
  // The cue comes with a sound as well as the shaking, which reduced motion leaves out.
  cue(_step, before, after) {
    if (before.stage === 'waiting' && after.stage === 'cue') return 'alarm';
    if (after.tapped.length <= before.tapped.length) return null;
    return after.progress > before.progress ? 'find' : 'wrong';
  },
  example: {
    step: {
      instructions: { 'zh-CN': '地震时怎么做？', en: 'What do you do in an earthquake?' },
      cue: { 'zh-CN': '地面开始晃动！', en: 'The floor starts to shake!' },
      cueAfterSeconds: { min: 1, max: 3 },
      actions: [
        { id: 'drop', label: { 'zh-CN': '趴下', en: 'Drop' }, feedback: { 'zh-CN': '趴下不会摔倒。', en: 'Down low you cannot fall.' } },
        { id: 'cover', label: { 'zh-CN': '掩护', en: 'Cover' }, feedback: { 'zh-CN': '躲到桌下。', en: 'Get under the desk.' } },
        { id: 'hold-on', label: { 'zh-CN': '抓牢', en: 'Hold on' }, feedback: { 'zh-CN': '抓住桌腿。', en: 'Hold the desk leg.' } },
      ],
      distractors: [{ id: 'run-out', label: { 'zh-CN': '往外跑', en: 'Run outside' }, feedback: { 'zh-CN': '晃动时跑最危险。', en: 'Running while it shakes is the most dangerous.' } }],
    },
    play: (step, env) => {
      const cueAt = 2000 + cueDelayMs(step, env.seed);
      return [
        { event: { type: 'ready' }, at: 2000 },
        { event: { type: 'cue' }, at: cueAt },
        { event: { type: 'tap', actionId: 'drop' }, at: cueAt + 900 },
        { event: { type: 'tap', actionId: 'cover' }, at: cueAt + 1700 },
        { event: { type: 'tap', actionId: 'hold-on' }, at: cueAt + 2400 },
        { event: { type: 'continue' }, at: cueAt + 6000 },
      ];
    },
    // A second result for a drill already done, claiming it in time with only the first action tapped.
    forged: (step) => ({ type: 'reaction', drill: step.id, actionIds: [step.actions[0]!.id], reactionMs: 1200, order: [...step.actions, ...step.distractors].map((a) => a.id) }),
  },
} satisfies Mechanic<'reaction', Config, ReactionState, ReactionEvent, ReactionRecord>;
