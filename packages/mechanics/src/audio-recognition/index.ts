// Telling siren signals apart: each round plays one signal (synthesized from its on/off pattern, time-compressed, and
// drawn for visitors who cannot hear it) and the visitor picks which one it is from all the step's signals.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import { list, shuffled, tally } from '../common.ts';
import type { Mechanic, StepEnv, StepOf } from '../contract.ts';
import { locales } from './locales.ts';

export * from './schedule.ts';

const Seconds = z.number().min(0).max(3600, { error: codedError('mechanic.max-seconds') });

const Pattern = z
  .strictObject({
    onSeconds: Seconds.positive({ error: codedError('mechanic.above-zero') }).describe('Seconds the siren sounds in each cycle (real time, e.g. 36).'),
    offSeconds: Seconds.describe('Seconds of silence after each sounding (e.g. 24); 0 for a continuous signal.'),
    cycles: z.number().int().min(1).max(100).describe('How many times sound and pause repeat (e.g. 3); 1 for a continuous signal.'),
  })
  .describe('The signal in real time: { onSeconds, offSeconds, cycles }. A continuous signal: { onSeconds: 180, offSeconds: 0, cycles: 1 }.');

const Hz = z.number().min(100).max(4000, { error: codedError('mechanic.pitch-range') });

const Pitch = z
  .union([Hz, z.tuple([Hz, Hz]).refine(([low, high]) => low <= high, { error: codedError('mechanic.pitch-order') })])
  .describe('Optional: the pitch in Hz: one number for a steady tone, or [low, high] for a wail between them. Default: a wail between 500 and 900 Hz.');

const Signal = z
  .strictObject({
    id: Id.describe('The signal\'s id, unique in the step: rounds name it, and records name the visitor\'s pick by it.'),
    name: LocalizedText.describe('The signal\'s name, e.g. 预先警报 / pre-attack warning.'),
    meaning: LocalizedText.describe('What to do on hearing it (shown after each round and on the result screen when it was missed).'),
    pattern: Pattern,
    frequencyHz: Pitch.optional(),
    source: SourceRef.optional().describe('Optional: the id of the pack\'s source for the pattern and the meaning.'),
  })
  .describe('A signal the visitor learns to recognise: its name, what to do, and its pattern of sound and silence.');

const Round = z
  .strictObject({
    id: Id.describe('The round\'s id, unique in the scenario (records and reports name it).'),
    signal: Id.describe('The id of the signal this round plays (one of the step\'s signals).'),
  })
  .describe('One round: a signal plays and the visitor picks which one it is.');

const fields = {
  instructions: LocalizedText.describe('What the visitor does, shown above the first round.'),
  timeScale: z
    .number()
    .min(1)
    .max(60)
    .default(6)
    .describe('How many times faster than the real siren the sound plays (the screen says so). Default 6: a 3-minute signal plays in 30 seconds.'),
  pointsPerRound: z.number().int().min(0).max(1000).default(10).describe('Points for each signal recognised. Default 10.'),
  signals: z
    .array(Signal)
    .min(2, { error: codedError('mechanic.two-signals') })
    .max(12)
    .refine((signals) => new Set(signals.map((s) => s.id)).size === signals.length, { error: codedError('mechanic.signal-ids') })
    .describe('The signals: every round offers all of them, in an order shuffled per visit.'),
  rounds: z.array(Round).min(1, { error: codedError('mechanic.one-round') }).max(20).describe('The rounds, played in this order.'),
};

export type AudioRecognitionConfig = z.infer<z.ZodObject<typeof fields>>;
type Config = AudioRecognitionConfig;
export type AudioRecognitionStep = StepOf<Config>;
export type SignalConfig = Config['signals'][number];

export interface AudioRecognitionState {
  startedAt: number;
  /** The round being played (index into `rounds`). */
  round: number;
  /** The signal ids in the order this round shows them. */
  order: string[];
  /** The pick in this round, once made: the feedback shows until `continue`. */
  chosen: string | null;
  answers: { roundId: string; chosenId: string; right: boolean }[];
}

export type AudioRecognitionEvent = { type: 'choose'; signalId: string } | { type: 'continue' };

export type SignalIdentified = {
  type: 'signal-identified';
  roundId: string;
  chosenId: string;
  right: boolean;
  /** The signal ids in the order they were shown. */
  order: string[];
};

/** The order a round shows the signals in: the run's seed salted by the round's id, so a replay shows the same. */
export const orderOf = (step: AudioRecognitionStep, roundIndex: number, seed: number): string[] =>
  shuffled(
    step.signals.map((s) => s.id),
    seed,
    step.rounds[roundIndex]?.id ?? '',
  );

export const signalOf = (step: AudioRecognitionStep, id: string) => step.signals.find((s) => s.id === id);
/** The signal a round plays. */
export const roundSignal = (step: AudioRecognitionStep, roundIndex: number) => signalOf(step, step.rounds[roundIndex]?.signal ?? '');

type Texts = Omit<LocalizedText, 'child'>;

/** "name: meaning" in every language the name has (a child's version where either text has one). */
function nameAndMeaning(name: LocalizedText, meaning: LocalizedText): LocalizedText {
  const join = (a: Texts, b: Texts): Texts => {
    const out: Texts = { 'zh-CN': `${a['zh-CN']}：${b['zh-CN']}`, en: `${a.en}: ${b.en}` };
    for (const locale of ['ja', 'ko', 'ru'] as const) if (a[locale]) out[locale] = `${a[locale]}: ${b[locale] ?? b.en}`;
    return out;
  };
  const { child: nameChild, ...nameText } = name;
  const { child: meaningChild, ...meaningText } = meaning;
  const text: LocalizedText = join(nameText, meaningText);
  if (nameChild || meaningChild) text.child = join(nameChild ?? nameText, meaningChild ?? meaningText);
  return text;
}

function start(step: AudioRecognitionStep, env: StepEnv, now: number): AudioRecognitionState {
  return { startedAt: now, round: 0, order: orderOf(step, 0, env.seed), chosen: null, answers: [] };
}

export const audioRecognition = {
  name: 'audio-recognition',
  description:
    'Telling signals apart by ear (e.g. air-raid sirens): each round plays a signal, time-compressed and drawn as its on/off pattern, and the visitor picks which one it is.',
  fields,
  knowledgePassAt: null,
  start,
  next(step, state, event, env) {
    const unchanged = { state, records: [] };
    if (event.type === 'choose') {
      const round = step.rounds[state.round];
      if (!round || state.chosen !== null || !state.order.includes(event.signalId)) return unchanged;
      const right = event.signalId === round.signal;
      const record: SignalIdentified = { type: 'signal-identified', roundId: round.id, chosenId: event.signalId, right, order: [...state.order] };
      return {
        state: { ...state, chosen: event.signalId, answers: [...state.answers, { roundId: round.id, chosenId: event.signalId, right }] },
        records: [record],
      };
    }
    if (event.type === 'continue') {
      if (state.chosen === null) return unchanged;
      const round = state.round + 1;
      if (round >= step.rounds.length) return { state, records: [], done: true };
      return { state: { ...state, round, order: orderOf(step, round, env.seed), chosen: null }, records: [] };
    }
    return unchanged;
  },
  score(step, state) {
    const right = state.answers.filter((a) => a.right).length;
    const total = step.rounds.length;
    return tally(right, total, right * step.pointsPerRound, total * step.pointsPerRound);
  },
  missed(step, state) {
    return state.answers.flatMap((a) => {
      if (a.right) return [];
      const round = step.rounds.find((r) => r.id === a.roundId);
      const signal = round && signalOf(step, round.signal);
      return signal ? [nameAndMeaning(signal.name, signal.meaning)] : [];
    });
  },
  records: {
    'signal-identified': {
      fields: {
        roundId: Id,
        chosenId: Id,
        right: z.boolean(),
        order: z.array(Id).min(1).max(12),
      },
      segment: 'signals',
      itemField: 'roundId',
      activityType: 'interaction',
      verb: 'answered',
      name: (step, record) => {
        const round = step.rounds.find((r) => r.id === record.roundId);
        return round && signalOf(step, round.signal)?.name;
      },
      interaction(step, record) {
        const round = step.rounds.find((r) => r.id === record.roundId);
        if (!round) return undefined;
        // The choices as this visitor saw them.
        const shown = record.order.flatMap((id) => {
          const signal = signalOf(step, id);
          return signal ? [{ id, label: signal.name }] : [];
        });
        return { prompt: step.instructions, choices: shown, patterns: [round.signal] };
      },
      check(step, record) {
        const round = step.rounds.find((r) => r.id === record.roundId);
        const ids = step.signals.map((s) => s.id);
        if (!round) return [{ field: 'roundId', message: `unknown round '${record.roundId}' in step '${step.id}': its rounds are ${list(step.rounds.map((r) => r.id))}` }];
        if (!ids.includes(record.chosenId)) return [{ field: 'chosenId', message: `unknown signal '${record.chosenId}' in step '${step.id}': its signals are ${list(ids)}` }];
        if (record.right !== (record.chosenId === round.signal))
          return [{ field: 'right', message: `must be ${!record.right}: round '${round.id}' plays signal '${round.signal}' in the pack` }];
        if (record.order.length !== ids.length || [...record.order].sort().join() !== [...ids].sort().join())
          return [{ field: 'order', message: `must list each of the step's signals once: ${list(ids)}` }];
        return [];
      },
      extensions: ['choice-order'],
      toResult: (record) => ({ success: record.right, response: record.chosenId, extensions: { 'choice-order': record.order } }),
      fromResult: (result) => ({ chosenId: result.response, right: result.success, order: result.extensions?.['choice-order'] }),
    },
  },
  eventsFor(step, state, record) {
    if (record.type !== 'signal-identified') return null;
    const events: (AudioRecognitionEvent & { now: number })[] = [];
    let round = state.round;
    // The feedback of the round before is still showing: the visitor went on first.
    if (state.chosen !== null) {
      events.push({ type: 'continue', now: 0 });
      round += 1;
    }
    if (step.rounds[round]?.id !== record.roundId || !signalOf(step, record.chosenId)) return null;
    events.push({ type: 'choose', signalId: record.chosenId, now: 0 });
    return events;
  },
  endEvents: (step, state) => (state.chosen !== null && state.round === step.rounds.length - 1 ? [{ type: 'continue' }] : []),
  ids: (step) => step.rounds.map((r) => r.id),
  targets: () => [],
  references: (step) =>
    step.rounds.flatMap((r, i) =>
      signalOf(step, r.signal)
        ? []
        : [{ path: ['rounds', i, 'signal'], ...coded('mechanic.round-signal', { id: r.id, signal: r.signal, known: list(step.signals.map((s) => s.id)) }) }],
    ),
  locales,
  autoplay(step, state, _env, skill) {
    if (state.chosen !== null) return { event: { type: 'continue' as const }, after: 4000 };
    const round = step.rounds[state.round];
    if (!round) return null;
    // A hurried visitor mixes up every other round.
    const wrong = state.order.find((id) => id !== round.signal);
    const pick = skill === 'poor' && state.round % 2 === 0 && wrong ? wrong : round.signal;
    return { event: { type: 'choose' as const, signalId: pick }, after: 8000 };
  },
  cue: (_step, before, after) => (after.answers.length > before.answers.length ? (after.answers.at(-1)!.right ? 'find' : 'wrong') : null),
  example: {
    step: {
      instructions: { 'zh-CN': '听警报，选出它的名称。', en: 'Listen to the siren and choose its name.' },
      timeScale: 6,
      signals: [
        {
          id: 'pre-warning',
          name: { 'zh-CN': '预先警报', en: 'pre-attack warning' },
          meaning: { 'zh-CN': '带好必需品，前往人防工程。', en: 'Take what you need and go to a shelter.' },
          pattern: { onSeconds: 36, offSeconds: 24, cycles: 3 },
        },
        {
          id: 'air-raid',
          name: { 'zh-CN': '空袭警报', en: 'air-raid warning' },
          meaning: { 'zh-CN': '立即就近进入人防工程或地下室。', en: 'Take shelter at once.' },
          pattern: { onSeconds: 6, offSeconds: 6, cycles: 15 },
        },
        {
          id: 'all-clear',
          name: { 'zh-CN': '解除警报', en: 'all-clear' },
          meaning: { 'zh-CN': '有序离开人防工程。', en: 'Leave the shelter in order.' },
          pattern: { onSeconds: 180, offSeconds: 0, cycles: 1 },
          frequencyHz: 700,
        },
      ],
      rounds: [
        { id: 'round-one', signal: 'air-raid' },
        { id: 'round-two', signal: 'pre-warning' },
        { id: 'round-three', signal: 'all-clear' },
      ],
    },
    play: (step) =>
      step.rounds.flatMap((r, i) => [
        { event: { type: 'choose' as const, signalId: r.signal }, at: 4000 + i * 8000 },
        { event: { type: 'continue' as const }, at: 7000 + i * 8000 },
      ]),
    forged: (step) => {
      const round = step.rounds[0]!;
      const wrong = step.signals.find((s) => s.id !== round.signal)!;
      // A wrong pick claimed as right.
      return { type: 'signal-identified', roundId: round.id, chosenId: wrong.id, right: true, order: step.signals.map((s) => s.id) };
    },
  },
} satisfies Mechanic<'audio-recognition', Config, AudioRecognitionState, AudioRecognitionEvent, SignalIdentified>;
