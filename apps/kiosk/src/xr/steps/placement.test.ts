// Every in-world panel, seated and standing: readable (each text style at the panel's worst point is at least
// MIN_TEXT_DEG), reachable (every button at least MIN_HIT_DEG high) and comfortable (within ±25° of straight ahead,
// below eye level). Text sizes are constants in dmm; the box of a sheet bounds everything a step draws on it.
import { describe, expect, it } from 'vitest';
import { MIN_HIT_DEG, MIN_TEXT_DEG, metresFor, subtendedDeg, type Vec3 } from '../ui/legibility.ts';
import { BUTTON_MIN_HEIGHT_DMM, TEXT_STYLES, TYPE } from '../ui/type.ts';
import { sheetAxes, sheetPoint, sheetPose } from '../ui/sheet.ts';
import { EYE_HEIGHT, SHEETS, type SheetName } from './placement.ts';

const postures = Object.keys(EYE_HEIGHT) as (keyof typeof EYE_HEIGHT)[];
// The posture's typical heights, and the measured ones the shell may pass instead: a child's, a tall adult's.
const eyes: [string, number][] = [...postures.map((p): [string, number] => [p, EYE_HEIGHT[p]]), ['a standing child', 1.1], ['a tall adult', 1.85]];
const sheets = Object.keys(SHEETS) as SheetName[];
const DEG = 180 / Math.PI;

function direction(eye: Vec3, p: Vec3) {
  const d = [p[0] - eye[0], p[1] - eye[1], p[2] - eye[2]] as const;
  const distance = Math.hypot(...d);
  // Angles off the median and horizontal planes through the eye: how far the eyes and head turn to look there (the
  // compass bearing of a low point overstates it).
  return { yaw: Math.asin(-d[0] / distance) * DEG, elevation: Math.asin(d[1] / distance) * DEG, distance };
}

/** The centre, the corners and the middles of the edges of the sheet's box, in its own plane. */
function samplePoints(name: SheetName): [number, number][] {
  const { width: w, height: h } = SHEETS[name];
  const out: [number, number][] = [];
  for (const u of [-w / 2, 0, w / 2]) for (const v of [-h / 2, 0, h / 2]) out.push([u, v]);
  return out;
}

/** The smallest angle a vertical extent of `size` metres on the sheet subtends anywhere on it. */
function worstAngle(name: SheetName, eyeHeight: number, size: number): number {
  const eye: Vec3 = [0, eyeHeight, 0];
  const [, up] = sheetAxes(SHEETS[name]);
  let worst = Infinity;
  for (const [u, v] of samplePoints(name)) {
    const p = sheetPoint(SHEETS[name], eyeHeight, u, v);
    for (const s of [size, -size]) worst = Math.min(worst, subtendedDeg(eye, p, [p[0] + up[0] * s, p[1] + up[1] * s, p[2] + up[2] * s]));
  }
  return worst;
}

describe.each(eyes)('in-world panels, %s (eyes at %f m)', (_, eyeHeight) => {
  const eye: Vec3 = [0, eyeHeight, 0];

  it.each(sheets)('%s: every text style is at least MIN_TEXT_DEG everywhere on the panel', (name) => {
    for (const style of TEXT_STYLES) {
      const angle = worstAngle(name, eyeHeight, metresFor(TYPE[style].dmm, SHEETS[name].distance));
      expect(angle, `${style} on ${name}`).toBeGreaterThanOrEqual(MIN_TEXT_DEG);
    }
  });

  it.each(sheets)('%s: the lowest button is a hit target of at least MIN_HIT_DEG everywhere on the panel', (name) => {
    expect(worstAngle(name, eyeHeight, metresFor(BUTTON_MIN_HEIGHT_DMM, SHEETS[name].distance))).toBeGreaterThanOrEqual(MIN_HIT_DEG);
  });

  it.each(sheets)('%s: within ±25° of straight ahead, below eye level, 1.0–1.4 m away', (name) => {
    const centre = direction(eye, sheetPose(SHEETS[name], eyeHeight).position);
    expect(Math.abs(centre.yaw)).toBeLessThanOrEqual(25);
    expect(centre.elevation).toBeLessThan(0);
    expect(centre.elevation).toBeGreaterThanOrEqual(-25);
    expect(centre.distance).toBeGreaterThanOrEqual(1.0);
    expect(centre.distance).toBeLessThanOrEqual(1.4);
    for (const [u, v] of samplePoints(name)) {
      const d = direction(eye, sheetPoint(SHEETS[name], eyeHeight, u, v));
      expect(Math.abs(d.yaw), `yaw at ${u},${v}`).toBeLessThanOrEqual(25);
      expect(d.elevation, `top at ${u},${v}`).toBeLessThanOrEqual(0);
      expect(d.elevation, `bottom at ${u},${v}`).toBeGreaterThanOrEqual(-45);
    }
  });

  it.each(sheets)('%s: faces the eye', (name) => {
    const { position: c } = sheetPose(SHEETS[name], eyeHeight);
    const [right, up] = sheetAxes(SHEETS[name]);
    const toEye = [eye[0] - c[0], eye[1] - c[1], eye[2] - c[2]];
    const len = Math.hypot(toEye[0]!, toEye[1]!, toEye[2]!);
    for (const axis of [right, up]) expect((axis[0] * toEye[0]! + axis[1] * toEye[1]! + axis[2] * toEye[2]!) / len).toBeCloseTo(0, 9);
  });
});

describe('the hunt panel', () => {
  it('keeps out of the middle of the view: its whole box is low and (within 2°) right of centre', () => {
    for (const [, eyeHeight] of eyes) {
      const eye: Vec3 = [0, eyeHeight, 0];
      for (const [u, v] of samplePoints('hunt')) {
        const d = direction(eye, sheetPoint(SHEETS.hunt, eyeHeight, u, v));
        expect(d.yaw).toBeLessThanOrEqual(2);
        expect(d.elevation).toBeLessThanOrEqual(-7);
      }
    }
  });
});
