// The timing of a siren signal: its on/off segments, and the pitch and loudness curves a synthesizer follows to play
// it time-compressed. Pure numbers, so the drawing, the playback and the tests all read the same schedule.

export interface SirenPattern {
  /** Seconds the siren sounds in each cycle (real time). */
  onSeconds: number;
  /** Seconds of silence after each sounding (0: continuous). */
  offSeconds: number;
  cycles: number;
}

/** One stretch of sound or silence, in seconds from the signal's start. */
export interface Segment {
  on: boolean;
  start: number;
  end: number;
}

/** A point of a curve the synthesizer ramps to linearly from the point before. */
export interface CurvePoint {
  at: number;
  value: number;
}

/** A steady pitch, or a wail between two pitches (Hz). */
export type Pitch = number | readonly [low: number, high: number];

export const DEFAULT_PITCH: readonly [number, number] = [500, 900];

/** One rise and fall of the wail, in played seconds: not compressed with the pattern, or a fast signal would shriek. */
export const WAIL_PERIOD_SECONDS = 2;
/** Fade in and out of each sounding, in played seconds: a hard edge clicks. */
export const FADE_SECONDS = 0.03;
/** The loudness of a sounding (the gain of the synthesizer's output). */
export const SIREN_LEVEL = 0.25;

/** Seconds the whole signal lasts in real time: its cycles with the pause after each. */
export const realSeconds = (p: SirenPattern) => p.cycles * (p.onSeconds + p.offSeconds);

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The signal's segments in played time (real time divided by `timeScale`), sounding and silent in turn, the pause
 * after the last sounding included (it is part of the signal's length). A continuous signal is one sounding.
 */
export function segments(p: SirenPattern, timeScale = 1): Segment[] {
  if (!(timeScale > 0)) throw new RangeError(`timeScale must be above 0, got ${timeScale}`);
  const on = p.onSeconds / timeScale;
  const off = p.offSeconds / timeScale;
  const out: Segment[] = [];
  let t = 0;
  for (let i = 0; i < p.cycles; i++) {
    const last = out.at(-1);
    // Two soundings with no pause between them are one sounding.
    if (last?.on) last.end = round(t + on);
    else out.push({ on: true, start: round(t), end: round(t + on) });
    t += on;
    if (off > 0) {
      out.push({ on: false, start: round(t), end: round(t + off) });
      t += off;
    }
  }
  return out;
}

export interface SirenPlan {
  /** Played seconds from the start to the end of the signal. */
  duration: number;
  /** The output's loudness: 0 in silence, SIREN_LEVEL while sounding, with short fades. */
  gain: CurvePoint[];
  /** The oscillator's pitch in Hz. */
  frequency: CurvePoint[];
}

/** The pitch of a wail `t` played seconds into a sounding: from low up to high and back, once per period. */
export function wailAt(t: number, [low, high]: readonly [number, number]): number {
  const phase = (t % WAIL_PERIOD_SECONDS) / WAIL_PERIOD_SECONDS;
  const rising = phase < 0.5 ? phase * 2 : 2 - phase * 2;
  return low + (high - low) * rising;
}

/** The curves that play `p` compressed `timeScale` times: a wail while sounding, silence while not. */
export function sirenPlan(p: SirenPattern, timeScale: number, pitch: Pitch = DEFAULT_PITCH): SirenPlan {
  const segs = segments(p, timeScale);
  const duration = segs.at(-1)?.end ?? 0;
  const gain: CurvePoint[] = [{ at: 0, value: 0 }];
  const wail: readonly [number, number] = typeof pitch === 'number' ? [pitch, pitch] : pitch;
  const frequency: CurvePoint[] = [{ at: 0, value: wail[0] }];
  for (const s of segs) {
    if (!s.on) continue;
    const fade = Math.min(FADE_SECONDS, (s.end - s.start) / 2);
    gain.push({ at: s.start, value: 0 }, { at: round(s.start + fade), value: SIREN_LEVEL }, { at: round(s.end - fade), value: SIREN_LEVEL }, { at: s.end, value: 0 });
    // Each sounding starts low and wails: turning points every half period, and where the sounding ends.
    frequency.push({ at: s.start, value: wail[0] });
    for (let t = WAIL_PERIOD_SECONDS / 2; s.start + t < s.end; t += WAIL_PERIOD_SECONDS / 2) frequency.push({ at: round(s.start + t), value: wailAt(t, wail) });
    frequency.push({ at: s.end, value: round(wailAt(s.end - s.start, wail)) });
  }
  return { duration, gain: dedupe(gain), frequency: dedupe(frequency) };
}

/** The same point twice in a row once (where a sounding starts exactly where the curve already is). */
function dedupe(points: CurvePoint[]): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.at === p.at && last.value === p.value) continue;
    out.push(p);
  }
  return out;
}

/** A length of real time as minutes and seconds (to a tenth), for the drawn pattern's words ("sound 36 s", "3 min"). */
export function minutesAndSeconds(seconds: number): { minutes: number; seconds: number } {
  const tenths = Math.round(seconds * 10);
  return { minutes: Math.floor(tenths / 600), seconds: (tenths % 600) / 10 };
}
