// The motion of a shaking world (an earthquake pack, later): a few centimetres of slow sway (about 1–2 Hz) made of
// incommensurate sines, so it never repeats visibly, eased in and out so it never starts or stops with a jolt. Only
// the WORLD moves; the visitor's view stays the headset's own, which is what keeps a shake bearable in VR. Zero under
// reduced motion.

export interface ShakeOffset {
  x: number;
  y: number;
  z: number;
  /** Tilt about the z axis, radians. */
  roll: number;
}

export interface ShakeOptions {
  /** 0..1; 1 is the strongest shake the app allows (MAX_SWAY, MAX_ROLL). */
  intensity: number;
  /** Seconds the shake lasts; Infinity for "until stopped". */
  duration: number;
  /** Seconds to ease in and out. */
  ease?: number;
}

/** Metres of horizontal sway at intensity 1. Kept small: large world motion is a known cause of VR sickness. */
export const MAX_SWAY = 0.04;
/** Radians of roll at intensity 1 (~0.6°). */
export const MAX_ROLL = 0.01;

const smooth = (t: number) => t * t * (3 - 2 * t);

/** How strong the shake is `t` seconds after it started: eases 0 → 1 → 0. */
export function shakeEnvelope(t: number, duration: number, ease = 0.8): number {
  if (!(t > 0) || t >= duration) return 0;
  const rampIn = Math.min(1, t / ease);
  const rampOut = Number.isFinite(duration) ? Math.min(1, (duration - t) / ease) : 1;
  return smooth(Math.min(rampIn, rampOut));
}

/** Writes the world's offset `t` seconds into a shake into `out` (no allocation: called every frame). */
export function worldShakeOffset(t: number, options: ShakeOptions, reducedMotion: boolean, out: ShakeOffset): ShakeOffset {
  const k = reducedMotion ? 0 : Math.max(0, Math.min(1, options.intensity)) * shakeEnvelope(t, options.duration, options.ease);
  if (k === 0) {
    out.x = 0;
    out.y = 0;
    out.z = 0;
    out.roll = 0;
    return out;
  }
  const sway = MAX_SWAY * k;
  out.x = sway * (0.6 * Math.sin(2 * Math.PI * 1.1 * t) + 0.4 * Math.sin(2 * Math.PI * 1.9 * t + 1.3));
  out.z = sway * (0.6 * Math.sin(2 * Math.PI * 0.9 * t + 0.7) + 0.4 * Math.sin(2 * Math.PI * 2.1 * t + 2.1));
  out.y = 0.25 * sway * Math.sin(2 * Math.PI * 1.5 * t + 0.4);
  out.roll = MAX_ROLL * k * Math.sin(2 * Math.PI * 0.7 * t + 0.9);
  return out;
}
