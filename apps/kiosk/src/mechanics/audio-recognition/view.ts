// What the audio-recognition views show, from the step and its state: one place for the touch and the headset views.
import type { StepConfigOf, StepStateOf } from '@ruyi/mechanics';
import { minutesAndSeconds, realSeconds, roundSignal, signalOf, type SirenPattern } from '@ruyi/mechanics/audio-recognition';
import type { TFunction } from 'i18next';

type Step = StepConfigOf<'audio-recognition'>;
type State = StepStateOf<'audio-recognition'>;
export type Signal = Step['signals'][number];

export const K = 'mechanics.audio-recognition';

export interface RoundView {
  /** The signal this round plays. */
  signal: Signal;
  n: number;
  total: number;
  /** Every signal, in the order this round shows them. */
  options: Signal[];
  /** The pick, once made, and whether it was right. */
  chosen: Signal | null;
  right: boolean;
  last: boolean;
}

export function roundView(step: Step, state: State): RoundView | null {
  const signal = roundSignal(step, state.round);
  if (!signal) return null;
  const chosen = state.chosen === null ? null : (signalOf(step, state.chosen) ?? null);
  return {
    signal,
    n: state.round + 1,
    total: step.rounds.length,
    options: state.order.flatMap((id) => signalOf(step, id) ?? []),
    chosen,
    right: chosen?.id === signal.id,
    last: state.round === step.rounds.length - 1,
  };
}

/** A length of real time in words: "36 s", "3 min", "1 min 30 s". */
export function duration(t: TFunction, seconds: number): string {
  const { minutes, seconds: s } = minutesAndSeconds(seconds);
  if (minutes === 0) return t(`${K}.seconds`, { s });
  if (s === 0) return t(`${K}.minutes`, { m: minutes });
  return t(`${K}.minutesSeconds`, { m: minutes, s });
}

/** The pattern in words, the drawn pattern's text alternative: "sound 36 s, pause 24 s, 3 times, 3 min in all". */
export function patternWords(t: TFunction, pattern: SirenPattern): string {
  if (pattern.offSeconds === 0) return t(`${K}.patternContinuous`, { on: duration(t, realSeconds(pattern)) });
  return t(`${K}.patternCycles`, {
    on: duration(t, pattern.onSeconds),
    off: duration(t, pattern.offSeconds),
    cycles: pattern.cycles,
    total: duration(t, realSeconds(pattern)),
  });
}
