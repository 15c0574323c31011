// The short sounds of a visit, as notes for Web Audio (no files to ship or cache), and which change of the run makes
// which: a step's own sounds come from its mechanic (`cue`, `countdown`: runCues.ts), the result's from whether the run
// passed.
import type { StepCue } from '@ruyi/mechanics';

export type Cue = StepCue | 'tick' | 'result-good' | 'result-could-be-better';

/** One tone: an oscillator with a quick attack and an exponential fade, `at` seconds after the cue starts. */
export interface Note {
  at: number;
  hz: number;
  seconds: number;
  wave: OscillatorType;
  /** Peak loudness at full station volume, 0–1 (kept low: a kiosk stands in a hall with others). */
  peak: number;
}

const note = (at: number, hz: number, seconds: number, wave: OscillatorType = 'sine', peak = 0.25): Note => ({ at, hz, seconds, wave, peak });

/**
 * The notes of each cue. Rising for good things, a low falling buzz for a miss, a short click for time: told apart by
 * pitch and shape, never by loudness alone. Each starts on its own pitch, so a recording of a play can tell them apart.
 */
export const CUE_NOTES: { [C in Cue]: readonly Note[] } = {
  find: [note(0, 880, 0.12), note(0.09, 1318.5, 0.22)],
  wrong: [note(0, 220, 0.16, 'triangle', 0.3), note(0.12, 185, 0.22, 'triangle', 0.3)],
  alarm: [note(0, 740, 0.18, 'square', 0.12), note(0.2, 988, 0.18, 'square', 0.12), note(0.4, 740, 0.18, 'square', 0.12)],
  tick: [note(0, 1500, 0.05, 'sine', 0.15)],
  'result-good': [note(0, 523.25, 0.18), note(0.14, 659.25, 0.18), note(0.28, 783.99, 0.18), note(0.42, 1046.5, 0.45)],
  'result-could-be-better': [note(0, 392, 0.22), note(0.2, 349.23, 0.22), note(0.4, 392, 0.4)],
};

/** The result's sound: a fanfare for a pass, a gentle "try again" otherwise (never a failure buzz at the end). */
export const resultCue = (passed: boolean): Cue => (passed ? 'result-good' : 'result-could-be-better');

/** A tick sounds as each whole second of a countdown goes (not for the first shown, nor at zero, which is its end). */
export const tickDue = (last: number | null, seconds: number | null): boolean => last !== null && seconds !== null && seconds < last && seconds > 0;
