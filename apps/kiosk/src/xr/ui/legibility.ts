// How big text and targets must look in a headset, in angular terms: a panel's size in metres means nothing until its
// distance is known. The unit is the dmm (distance-independent millimetre: 1 mm seen from 1 m, ≈ 0.0573°), from
// Google's Daydream team, since used in other VR UI guidance (Unity's for Magic Leap). Pure, so the constants of every
// panel are checked by a unit test rather than by eye in a headset.

/**
 * Smallest text, as the font size (em) of a line: 20 dmm ≈ 1.15°.
 * - Google's Daydream team, who defined the dmm (Google I/O 2017, "Designing screen interfaces for VR"), give 20 dmm as
 *   the minimum font size and 64 dmm as the minimum hit target (MIN_HIT_DMM).
 * - Meta's Horizon OS typography guidance (developers.meta.com/horizon/design/styles_typography) requires at least
 *   14 px for legibility, and Meta's Spatial SDK lays panels out at 500 dp per metre by default: 14 px there is 28 mm,
 *   which is 20 dmm seen from 1.4 m, the far end of our panels.
 * - On a Quest 3 (≈ 25 px per degree) 1.15° is ≈ 29 headset pixels per character: enough for the strokes of Chinese
 *   characters, which need more pixels than Latin letters.
 */
export const MIN_TEXT_DMM = 20;
/** Smallest hit target: 64 dmm ≈ 3.7° (Daydream's minimum for ray selection). */
export const MIN_HIT_DMM = 64;

const RAD = Math.PI / 180;

/** The angle a size (metres) subtends, face-on, at a distance (metres). */
export function angularSizeDeg(size: number, distance: number): number {
  return (2 * Math.atan(size / 2 / distance)) / RAD;
}

export const MIN_TEXT_DEG = angularSizeDeg(MIN_TEXT_DMM / 1000, 1);
export const MIN_HIT_DEG = angularSizeDeg(MIN_HIT_DMM / 1000, 1);

/** Metres that look as big as `dmm` from `distance` metres away (face-on). */
export function metresFor(dmm: number, distance: number): number {
  return (dmm / 1000) * distance;
}

export type Vec3 = readonly [number, number, number];

/** The angle (degrees) between two points as seen from the eye: what a segment really subtends, obliquity included. */
export function subtendedDeg(eye: Vec3, a: Vec3, b: Vec3): number {
  const u = [a[0] - eye[0], a[1] - eye[1], a[2] - eye[2]];
  const v = [b[0] - eye[0], b[1] - eye[1], b[2] - eye[2]];
  const dot = u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!;
  const len = Math.hypot(u[0]!, u[1]!, u[2]!) * Math.hypot(v[0]!, v[1]!, v[2]!);
  return Math.acos(Math.min(1, Math.max(-1, dot / len))) / RAD;
}
