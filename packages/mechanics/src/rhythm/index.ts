// Press in a steady rhythm, a set number of times: CPR chest compressions tapped on a big button, Space or Enter, or
// pulled on a controller trigger. Live feedback after each press says whether the last few came too slow, too fast or
// right; the score is worked out from the press times alone, so a replay of the taps judges a run as the kiosk did.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepOf, Tally } from '../contract.ts';
import { elapsed, tally } from '../common.ts';
import { locales } from './locales.ts';

/** The most presses a step may ask for: a record carries every press time. */
export const MAX_PRESSES = 400;
/** A press later than this after the first is not taken (a visitor long gone; it also bounds the record). */
const MAX_MS = 3600 * 1000;
/** How many of the last intervals the live feedback averages: one uneven tap should not flip it. */
export const PACE_WINDOW = 3;

const fields = {
  instructions: LocalizedText.describe('What to do, shown above the press button (e.g. where to place the hands, how deep to press).'),
  count: z
    .number()
    .int()
    .min(2)
    .max(MAX_PRESSES)
    .default(30)
    .describe(`How many presses the step asks for (default 30, at most ${MAX_PRESSES}); the step moves on to its summary after the last.`),
  minPerMinute: z.number().int().min(20).max(300).default(100).describe('The slowest right rate, presses per minute (default 100).'),
  maxPerMinute: z.number().int().min(20).max(300).default(120).describe('The fastest right rate, presses per minute (default 120); above minPerMinute.'),
  pointsForCount: z.number().int().min(0).max(100).default(10).describe('Points for making all `count` presses (default 10).'),
  pointsForRate: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(10)
    .describe('Points for the rate (default 10), times the share of the count - 1 intervals that fell within the rate band.'),
  tooSlow: LocalizedText.describe('Live feedback while the last few presses came slower than minPerMinute (e.g. "Faster!").'),
  tooFast: LocalizedText.describe('Live feedback while the last few presses came faster than maxPerMinute (e.g. "Slower!").'),
  good: LocalizedText.describe('Live feedback while the last few presses are within the rate band (e.g. "Good rhythm, keep going").'),
  source: SourceRef.describe('Optional: the id of the pack source (pack.yaml sources:) the rate and count come from.').optional(),
};

type Config = z.infer<z.ZodObject<typeof fields>>;
export type RhythmConfig = Config;
export type RhythmStep = StepOf<Config>;

export interface RhythmState {
  /** `summary` once `count` presses were made: what the visitor did, until they go on. */
  stage: 'pressing' | 'summary';
  startedAt: number;
  /** When the first press came (event time), null before it. */
  firstAt: number | null;
  /** Each press, ms from the first (so the first is 0), never decreasing. */
  tapsMs: number[];
}

export type RhythmEvent = { type: 'press' } | { type: 'finish' };
export type CompressionsRecord = { type: 'compressions'; drill: string; tapsMs: number[]; points: number; maxPoints: number };

export type Pace = 'tooSlow' | 'tooFast' | 'good';

/** Whether one interval between presses (ms) is within the band. */
function inBand(step: Pick<Config, 'minPerMinute' | 'maxPerMinute'>, intervalMs: number): boolean {
  // Compared as ms so the boundaries are exact: 100/min is 600 ms, 120/min is 500 ms.
  return intervalMs > 0 && intervalMs * step.minPerMinute <= 60000 && intervalMs * step.maxPerMinute >= 60000;
}

const intervals = (tapsMs: readonly number[]) => tapsMs.slice(1).map((t, i) => t - tapsMs[i]!);

/** How the presses went: in-band, too slow and too fast intervals. */
export function rhythmCounts(step: Pick<Config, 'minPerMinute' | 'maxPerMinute'>, tapsMs: readonly number[]) {
  let good = 0;
  let slow = 0;
  let fast = 0;
  for (const iv of intervals(tapsMs)) {
    if (inBand(step, iv)) good++;
    else if (iv * step.minPerMinute > 60000) slow++;
    else fast++;
  }
  return { good, slow, fast };
}

/** The step's points from its press times alone (the record's and the replay's). */
export function rhythmScore(step: Config, tapsMs: readonly number[]): Tally {
  const possible = step.count - 1;
  // Intervals beyond the count are never made (presses stop there), so a share never goes above 1.
  const good = Math.min(possible, rhythmCounts(step, tapsMs).good);
  const countPoints = tapsMs.length >= step.count ? step.pointsForCount : 0;
  const ratePoints = Math.round((step.pointsForRate * good) / possible);
  return tally(good, possible, countPoints + ratePoints, step.pointsForCount + step.pointsForRate);
}

/**
 * The live rate: presses per minute over the last few intervals, and whether it is too slow, too fast or right.
 * Null before the second press.
 */
export function rhythmPace(step: Pick<Config, 'minPerMinute' | 'maxPerMinute'>, tapsMs: readonly number[]): { perMinute: number; pace: Pace } | null {
  const last = intervals(tapsMs).slice(-PACE_WINDOW);
  if (last.length === 0) return null;
  const mean = last.reduce((a, b) => a + b, 0) / last.length;
  if (mean <= 0) return { perMinute: 0, pace: 'tooFast' };
  const perMinute = Math.round(60000 / mean);
  const pace: Pace = mean * step.minPerMinute > 60000 ? 'tooSlow' : mean * step.maxPerMinute < 60000 ? 'tooFast' : 'good';
  return { perMinute, pace };
}

function record(step: RhythmStep, tapsMs: number[]): CompressionsRecord {
  const { points, maxPoints } = rhythmScore(step, tapsMs);
  return { type: 'compressions', drill: step.id, tapsMs, points, maxPoints };
}

export const rhythm = {
  name: 'rhythm',
  description: 'Press a set number of times at a steady rate (CPR chest compressions), with live feedback on the rate; scored on the count and the rate.',
  fields,
  knowledgePassAt: null,
  start: (_step, _env, now) => ({ stage: 'pressing', startedAt: now, firstAt: null, tapsMs: [] }),
  next(step, state, event) {
    const quiet = { state, records: [] };
    switch (event.type) {
      case 'press': {
        if (state.stage !== 'pressing') return quiet;
        const firstAt = state.firstAt ?? event.now;
        // A clock stepping back never makes a press earlier than the one before it.
        const atMs = Math.max(state.tapsMs.at(-1) ?? 0, elapsed(event.now, firstAt));
        if (atMs > MAX_MS) return quiet;
        const tapsMs = [...state.tapsMs, atMs];
        if (tapsMs.length < step.count) return { state: { ...state, firstAt, tapsMs }, records: [] };
        // The last press: the measurement is complete and recorded; the summary stays until the visitor goes on.
        return { state: { ...state, firstAt, tapsMs, stage: 'summary' }, records: [record(step, tapsMs)] };
      }
      case 'finish':
        if (state.stage === 'summary') return { state, records: [], done: true };
        // Done before the count: what was pressed is recorded (and scored) as it is.
        return { state: { ...state, stage: 'summary' }, records: [record(step, state.tapsMs)], done: true };
    }
  },
  score: (step, state) => rhythmScore(step, state.tapsMs),
  missed(step, state) {
    const out: LocalizedText[] = [];
    const n = state.tapsMs.length;
    if (n < step.count)
      out.push({
        'zh-CN': `只按压了 ${n} 次，应按压 ${step.count} 次`,
        en: `Only ${n} of ${step.count} compressions were made`,
      });
    const { good, slow, fast } = rhythmCounts(step, state.tapsMs);
    // Named only when the rate was off for a good part of the presses, by the way it was off most.
    if (slow + fast > 0 && good < 0.75 * (step.count - 1)) out.push(slow >= fast ? step.tooSlow : step.tooFast);
    return out;
  },
  records: {
    compressions: {
      fields: {
        drill: Id.describe('The step id.'),
        tapsMs: z.array(z.number().int().min(0).max(MAX_MS)).max(MAX_PRESSES),
        points: z.number().int().min(0).max(200),
        maxPoints: z.number().int().min(0).max(200),
      },
      segment: 'compressions',
      itemField: 'drill',
      activityType: 'rhythm-drill',
      verb: 'completed',
      name: () => ({ 'zh-CN': '胸外按压', en: 'Chest compressions' }),
      extensions: ['taps-ms'],
      toResult: (r) => ({ score: { raw: r.points, min: 0, max: r.maxPoints }, extensions: { 'taps-ms': r.tapsMs } }),
      fromResult: (result) => ({ tapsMs: result.extensions?.['taps-ms'], points: result.score?.raw, maxPoints: result.score?.max }),
    },
  },
  eventsFor(step, state, rec) {
    // One record per step, made from the start: every press it claims is replayed, so the reducer (not the record)
    // decides the count, the order of the times and the points.
    if (rec.drill !== step.id || state.stage !== 'pressing' || state.tapsMs.length > 0) return null;
    const presses = rec.tapsMs.map((ms) => ({ type: 'press' as const, now: ms }));
    if (rec.tapsMs.length >= step.count) return presses;
    return [...presses, { type: 'finish' as const, now: rec.tapsMs.at(-1) ?? 0 }];
  },
  endEvents: (_step, state) => (state.stage === 'summary' ? [{ type: 'finish' }] : []),
  ids: () => [],
  targets: () => [],
  references: (step) =>
    step.maxPerMinute > step.minPerMinute
      ? []
      : [{ path: ['maxPerMinute'], ...coded('mechanic.rhythm-range', { max: step.maxPerMinute, min: step.minPerMinute }) }],
  locales,
  autoplay(step, state, _env, skill) {
    if (state.stage === 'summary') return { event: { type: 'finish' as const }, after: 4000 };
    // A good visitor presses at the middle of the band; a poor one too slowly.
    const perMinute = skill === 'good' ? (step.minPerMinute + step.maxPerMinute) / 2 : step.minPerMinute * 0.75;
    return { event: { type: 'press' as const }, after: state.tapsMs.length === 0 ? 3000 : Math.round(60_000 / perMinute) };
  },
  example: {
    step: {
      instructions: { 'zh-CN': '双手交叠，用力快速按压胸部中央。', en: 'Hands stacked, push hard and fast in the centre of the chest.' },
      count: 10,
      tooSlow: { 'zh-CN': '再快一点！', en: 'Faster!' },
      tooFast: { 'zh-CN': '慢一点！', en: 'Slower!' },
      good: { 'zh-CN': '节奏很好，继续！', en: 'Good rhythm, keep going!' },
    },
    // 10 presses 545 ms apart (110 a minute), then go on from the summary.
    play: (step) => [
      ...Array.from({ length: step.count }, (_, i) => ({ event: { type: 'press' as const }, at: 1000 + i * 545 })),
      { event: { type: 'finish' as const }, at: 1000 + step.count * 545 + 2000 },
    ],
    // A perfect rate claimed with times that run backwards: no play makes them, so its replay makes another record.
    forged: (step) => {
      const tapsMs = Array.from({ length: step.count }, (_, i) => i * 545);
      [tapsMs[1], tapsMs[2]] = [tapsMs[2]!, tapsMs[1]!];
      return { type: 'compressions', drill: step.id, tapsMs, points: step.pointsForCount + step.pointsForRate, maxPoints: step.pointsForCount + step.pointsForRate };
    },
  },
} satisfies Mechanic<'rhythm', Config, RhythmState, RhythmEvent, CompressionsRecord>;
