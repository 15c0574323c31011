// A sheet: a flat board of in-world UI facing the visitor's eye, placed by direction and distance from the eye. Pure
// geometry (no three), shared by the components that draw sheets and the tests that check them.
import type { Vec3 } from './legibility.ts';

export interface SheetPlacement {
  /** Metres from the eye to the sheet's centre. */
  distance: number;
  /** Degrees about the vertical; positive turns left (as three's rotation.y), negative right. */
  yaw: number;
  /** Degrees above (positive) or below (negative) the horizontal through the eye. */
  pitch: number;
  /** The largest the sheet's content may be, metres: layouts fit in this box. */
  width: number;
  height: number;
}

const RAD = Math.PI / 180;

export interface SheetPose {
  position: Vec3;
  /** Euler angles, radians, order 'YXZ': turned to face the eye. */
  rotation: Vec3;
}

export function sheetPose(p: SheetPlacement, eyeHeight: number): SheetPose {
  const yaw = p.yaw * RAD;
  const pitch = p.pitch * RAD;
  const dir: Vec3 = [-Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), -Math.cos(yaw) * Math.cos(pitch)];
  return {
    position: [dir[0] * p.distance, eyeHeight + dir[1] * p.distance, dir[2] * p.distance],
    rotation: [pitch, yaw, 0],
  };
}

/** A point of the sheet given in its own plane (u right, v up, metres from its centre), in origin space. */
export function sheetPoint(p: SheetPlacement, eyeHeight: number, u: number, v: number): Vec3 {
  const { position: c } = sheetPose(p, eyeHeight);
  const [right, up] = sheetAxes(p);
  return [c[0] + right[0] * u + up[0] * v, c[1] + right[1] * u + up[1] * v, c[2] + right[2] * u + up[2] * v];
}

/** The sheet's right and up directions in origin space (rotation 'YXZ' applied to +X and +Y). */
export function sheetAxes(p: SheetPlacement): [Vec3, Vec3] {
  const y = p.yaw * RAD;
  const x = p.pitch * RAD;
  return [
    [Math.cos(y), 0, -Math.sin(y)],
    [Math.sin(x) * Math.sin(y), Math.cos(x), Math.sin(x) * Math.cos(y)],
  ];
}
