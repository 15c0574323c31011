// Situations that will not wait: each shows with its choices and a countdown, and the visitor chooses before time
// runs out (a crowd surging, a road to cross). Running out of time counts as unsafe, but the safe choice is still
// explained: a visitor who needs more time is not shut out of the lesson.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, RecordPayload, StepOf, Tally, Transition } from '../contract.ts';
import { duplicates, elapsed, pointsEach, shuffled, shuffleField, tally } from '../common.ts';
import { locales } from './locales.ts';

const MAX_CHOICES = 8;
/** Records bound their times: a day is far beyond any visit. */
const MAX_MS = 24 * 3600 * 1000;

const Choice = z.strictObject({
  id: Id.describe('The choice\'s id, unique in its situation.'),
  label: LocalizedText.describe('What the visitor would do, as the button says it.'),
  safe: z.boolean().describe('true for a safe choice; a visitor scores for safe choices. A situation needs at least one.'),
  feedback: LocalizedText.describe('Shown after the choice: why it is safe or what goes wrong. After a wrong choice or no choice, the safe choices\' feedback is shown too.'),
  source: SourceRef.describe('Optional: the id of the pack source (pack.yaml sources:) this comes from.').optional(),
});

const Situation = z.strictObject({
  id: Id.describe('The situation\'s id, unique in the scenario.'),
  prompt: LocalizedText.describe('What is happening, in a sentence or two: the visitor reads it while the time runs.'),
  seconds: z
    .number()
    .min(2)
    .max(120)
    .describe('Seconds the visitor has to choose, counted from when the situation shows (e.g. 8); no choice in time counts as unsafe.'),
  choices: z
    .array(Choice)
    .min(2, { error: codedError('mechanic.situation-two-choices') })
    .max(MAX_CHOICES, { error: codedError('mechanic.situation-max-choices', { max: MAX_CHOICES }) })
    .describe(`What the visitor could do: 2 to ${MAX_CHOICES} choices, at least one safe, shown shuffled.`),
  timeoutFeedback: LocalizedText.describe('Shown when time ran out: what waiting costs here. The safe choices are explained after it.'),
  source: SourceRef.describe('Optional: the id of the pack source (pack.yaml sources:) this comes from.').optional(),
});

const fields = {
  intro: LocalizedText.describe('Shown before the first situation, with no clock running: what the visitor is about to face.'),
  pointsPerSafeChoice: pointsEach('situation answered safely in time'),
  shuffle: shuffleField('the choices'),
  situations: z
    .array(Situation)
    .min(1, { error: codedError('mechanic.timed-one-situation') })
    .describe('The situations, played in this order, each with its own countdown.'),
};

type Config = z.infer<z.ZodObject<typeof fields>>;
export type TimedChoiceStep = StepOf<Config>;
export type TimedSituation = z.infer<typeof Situation>;
export type TimedChoice = z.infer<typeof Choice>;

export interface TimedAnswer {
  situationId: string;
  /** Null when time ran out. */
  choiceId: string | null;
  safe: boolean;
  ms: number;
}

export interface TimedChoiceState {
  /** `intro` until the visitor starts (no clock yet); then each situation is `choosing`, then `feedback`. */
  phase: 'intro' | 'choosing' | 'feedback' | 'done';
  startedAt: number;
  /** The situation on screen (an index into `situations`). */
  index: number;
  /** When the situation on screen appeared (the run's clock): its countdown runs from here. */
  shownAt: number;
  /** The time of the last event the step took, from which replay makes its silent events. */
  lastAt: number;
  /** The shown order of the situation's choice ids. */
  order: string[];
  answers: TimedAnswer[];
}

export type TimedChoiceEvent = { type: 'begin' } | { type: 'choose'; choiceId: string } | { type: 'timeout' } | { type: 'continue' };
type TimedChoiceRecord = { type: 'timed-choice'; situationId: string; choiceId: string | null; safe: boolean; ms: number; order: string[] };

/** The choice ids of a situation in the order this run shows them. */
export function choiceOrder(step: Pick<Config, 'shuffle'>, situation: TimedSituation, seed: number): string[] {
  const ids = situation.choices.map((c) => c.id);
  return step.shuffle ? shuffled(ids, seed, situation.id) : ids;
}

/** Ms a situation allows. */
export const limitMs = (situation: Pick<TimedSituation, 'seconds'>) => Math.round(situation.seconds * 1000);

/** Ms left to choose at `now` (never negative). */
export const msLeft = (step: TimedChoiceStep, state: TimedChoiceState, now: number) => {
  const situation = step.situations[state.index];
  return situation ? Math.max(0, limitMs(situation) - elapsed(now, state.shownAt)) : 0;
};

function score(step: TimedChoiceStep, state: TimedChoiceState): Tally {
  const safe = state.answers.filter((a) => a.safe).length;
  const total = step.situations.length;
  return tally(safe, total, safe * step.pointsPerSafeChoice, total * step.pointsPerSafeChoice);
}

const situationOf = (step: TimedChoiceStep, id: string) => step.situations.find((s) => s.id === id);

export const timedChoice = {
  name: 'timed-choice',
  description:
    'Situations that will not wait: each shows its choices with a countdown, and the visitor chooses in time; no choice in time counts as unsafe, and the safe choice is explained either way.',
  fields,
  knowledgePassAt: null,
  start: (_step, _env, now): TimedChoiceState => ({ phase: 'intro', startedAt: now, index: 0, shownAt: now, lastAt: now, order: [], answers: [] }),
  next(step, state, event, env): Transition<TimedChoiceState> {
    const quiet = { state, records: [] };
    const show = (index: number) => ({
      ...state,
      phase: 'choosing' as const,
      index,
      shownAt: event.now,
      lastAt: event.now,
      order: choiceOrder(step, step.situations[index]!, env.seed),
    });
    switch (event.type) {
      case 'begin':
        return state.phase === 'intro' ? { state: show(0), records: [] } : quiet;
      case 'continue':
        if (state.phase !== 'feedback') return quiet;
        if (state.index + 1 < step.situations.length) return { state: show(state.index + 1), records: [] };
        return { state: { ...state, phase: 'done', lastAt: event.now }, records: [], done: true };
      case 'choose':
      case 'timeout': {
        if (state.phase !== 'choosing') return quiet;
        const situation = step.situations[state.index]!;
        const ms = elapsed(event.now, state.shownAt);
        const late = ms >= limitMs(situation);
        let choice: TimedChoice | null = null;
        if (event.type === 'timeout') {
          // The view's timer may fire early on a skewed clock: only time that has really passed ends the wait.
          if (!late) return quiet;
        } else {
          const chosen = situation.choices.find((c) => c.id === event.choiceId);
          if (!chosen) return quiet;
          // A choice after the time is up was not made in time: the same as no choice.
          if (!late) choice = chosen;
        }
        const answer: TimedAnswer = { situationId: situation.id, choiceId: choice?.id ?? null, safe: choice?.safe ?? false, ms };
        return {
          state: { ...state, phase: 'feedback', lastAt: event.now, answers: [...state.answers, answer] },
          records: [{ type: 'timed-choice', ...answer, order: state.order }],
        };
      }
    }
  },
  score,
  // What to do where the visitor did not do it in time: the safe choices of those situations.
  missed: (step, state) =>
    step.situations
      .filter((s) => !state.answers.some((a) => a.situationId === s.id && a.safe))
      .flatMap((s) => s.choices.filter((c) => c.safe).map((c) => c.label)),
  records: {
    'timed-choice': {
      fields: {
        situationId: Id,
        choiceId: Id.nullable(),
        safe: z.boolean(),
        ms: z.number().int().min(0).max(MAX_MS),
        order: z.array(Id).max(MAX_CHOICES),
      },
      segment: 'situations',
      itemField: 'situationId',
      activityType: 'interaction',
      verb: 'answered',
      extensions: ['taken-ms', 'choice-order', 'timed-out'],
      name: (step, r) => situationOf(step, r.situationId)?.prompt,
      interaction: (step, r) => {
        const situation = situationOf(step, r.situationId);
        // Every safe choice is a right response; no response (time ran out) matches none.
        return situation && { prompt: situation.prompt, choices: situation.choices, patterns: situation.choices.filter((c) => c.safe).map((c) => c.id) };
      },
      toResult: (r) => ({
        ...(r.choiceId !== null ? { response: r.choiceId } : {}),
        success: r.safe,
        extensions: { 'taken-ms': r.ms, 'choice-order': r.order, 'timed-out': r.choiceId === null },
      }),
      fromResult: (result) => ({
        choiceId: typeof result.response === 'string' && result.response !== '' ? result.response : null,
        safe: result.success,
        ms: result.extensions?.['taken-ms'],
        order: result.extensions?.['choice-order'],
      }),
    },
  },
  eventsFor(step, state, record) {
    const situation = situationOf(step, record.situationId);
    if (!situation) return null;
    if (record.choiceId !== null && !situation.choices.some((c) => c.id === record.choiceId)) return null;
    // Times here are the state's own (a replay starts its step at 0, so they are step time). The visitor's "start" and
    // "continue" are silent: made again, at the time of the step's last event, before the answer.
    const silent: (TimedChoiceEvent & { now: number })[] =
      state.phase === 'intro' ? [{ type: 'begin', now: state.lastAt }] : state.phase === 'feedback' ? [{ type: 'continue', now: state.lastAt }] : [];
    const shownAt = silent.length ? state.lastAt : state.shownAt;
    const now = shownAt + record.ms;
    const answer: TimedChoiceEvent & { now: number } = record.choiceId === null ? { type: 'timeout', now } : { type: 'choose', choiceId: record.choiceId, now };
    return [...silent, answer];
  },
  endEvents: (step, state) => (state.phase === 'feedback' && state.index === step.situations.length - 1 ? [{ type: 'continue' }] : []),
  ids: (step) => step.situations.map((s) => s.id),
  targets: () => [],
  references(step, _env) {
    const issues = duplicates(step.situations, (x) => x.id, (i) => ['situations', i, 'id'], 'situation');
    step.situations.forEach((situation, s) => {
      issues.push(...duplicates(situation.choices, (c) => c.id, (i) => ['situations', s, 'choices', i, 'id'], 'choice'));
      if (!situation.choices.some((c) => c.safe)) issues.push({ path: ['situations', s, 'choices'], ...coded('mechanic.situation-safe') });
    });
    return issues;
  },
  locales,
  // A good visitor reads for a moment and picks a safe choice in time; a poor one grabs an unsafe choice on even
  // situations and freezes until the time runs out on odd ones.
  autoplay(step, state, _env, skill) {
    if (state.phase === 'intro') return { event: { type: 'begin' }, after: 4000 };
    if (state.phase === 'feedback') return { event: { type: 'continue' }, after: 5000 };
    const situation = step.situations[state.index];
    if (state.phase !== 'choosing' || !situation) return null;
    const limit = limitMs(situation);
    if (skill === 'good') {
      const safe = situation.choices.find((c) => c.safe) ?? situation.choices[0]!;
      return { event: { type: 'choose', choiceId: safe.id }, after: Math.min(3000, Math.floor(limit / 2)) };
    }
    const unsafe = situation.choices.find((c) => !c.safe);
    if (state.index % 2 === 0 && unsafe) return { event: { type: 'choose', choiceId: unsafe.id }, after: Math.min(1500, Math.floor(limit / 2)) };
    return { event: { type: 'timeout' }, after: limit };
  },
  // Running out of time sounds like a wrong choice: it counts as one.
  cue: (_step, before, after) => (after.answers.length > before.answers.length ? (after.answers.at(-1)!.safe ? 'find' : 'wrong') : null),
  countdown: (step, state, now) => (state.phase === 'choosing' ? Math.ceil(msLeft(step, state, now) / 1000) : null),
  example: {
    step: {
      intro: { 'zh-CN': '人群越来越挤。', en: 'The crowd is getting tighter.' },
      situations: [
        {
          id: 'surge',
          prompt: { 'zh-CN': '人群突然向前涌。', en: 'The crowd surges forward.' },
          seconds: 8,
          choices: [
            { id: 'boxer', label: { 'zh-CN': '双臂护胸', en: 'Arms in front of your chest' }, safe: true, feedback: { 'zh-CN': '给呼吸留出空间。', en: 'It keeps room to breathe.' } },
            { id: 'push', label: { 'zh-CN': '往前挤', en: 'Push forward' }, safe: false, feedback: { 'zh-CN': '压力更大了。', en: 'The pressure grows.' } },
          ],
          timeoutFeedback: { 'zh-CN': '人群把你推倒了。', en: 'The crowd pushed you over.' },
        },
        {
          id: 'fallen',
          prompt: { 'zh-CN': '你被推倒了。', en: 'You are knocked down.' },
          seconds: 5,
          choices: [
            { id: 'curl', label: { 'zh-CN': '侧身蜷缩', en: 'Curl up on your side' }, safe: true, feedback: { 'zh-CN': '保护头颈和胸腹。', en: 'It protects your head, neck and chest.' } },
            { id: 'flat', label: { 'zh-CN': '平躺', en: 'Lie flat' }, safe: false, feedback: { 'zh-CN': '胸口会被压住。', en: 'Your chest gets crushed.' } },
          ],
          timeoutFeedback: { 'zh-CN': '要立刻保护自己。', en: 'Protect yourself at once.' },
        },
      ],
    },
    play: () => [
      { event: { type: 'begin' }, at: 3000 },
      { event: { type: 'choose', choiceId: 'boxer' }, at: 6000 },
      { event: { type: 'continue' }, at: 9000 },
      // The second situation runs out: its 5 s pass with no choice.
      { event: { type: 'timeout' }, at: 14000 },
      { event: { type: 'continue' }, at: 16000 },
    ],
    // The safe choice claimed 0.5 s after its 8 s ran out: replayed, that is no choice in time.
    forged: (step): RecordPayload => {
      const situation = step.situations[0]!;
      const safe = situation.choices.find((c) => c.safe)!;
      return { type: 'timed-choice', situationId: situation.id, choiceId: safe.id, safe: true, ms: limitMs(situation) + 500, order: situation.choices.map((c) => c.id) };
    },
  },
} satisfies Mechanic<'timed-choice', Config, TimedChoiceState, TimedChoiceEvent, TimedChoiceRecord>;
