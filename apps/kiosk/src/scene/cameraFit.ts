// Pure camera maths for the scene kit, kept apart from React so it is unit-tested.
import { Matrix4, Vector3 } from 'three';

export const DESIGN_FOV = 55;
export const DESIGN_ASPECT = 16 / 9;
/** The fitted view never gets narrower (a close-up of two props loses the room) nor wider (fish-eye) than these. */
export const MIN_FOV = 30;
export const MAX_FOV = 100;
/** Room left around the props, as a share of the view's half-size: nothing touches the canvas edge. */
export const FIT_MARGIN = 0.08;

export type Vec3 = readonly [number, number, number];

/** The vertical field of view (degrees) that shows at least the design's horizontal extent at this aspect ratio. */
export function fovForAspect(aspect: number): number {
  if (!(aspect > 0) || aspect >= DESIGN_ASPECT) return DESIGN_FOV;
  const halfWidth = Math.tan(((DESIGN_FOV / 2) * Math.PI) / 180) * DESIGN_ASPECT;
  return (2 * Math.atan(halfWidth / aspect) * 180) / Math.PI;
}

export interface CameraFit {
  /** Where the camera stands: the pack's position, raised for a canvas taller than the design's (see `liftedEye`). */
  eye: Vec3;
  /** Vertical field of view, degrees. */
  fov: number;
  /** Where the camera looks: the middle of what it frames. */
  target: Vec3;
}

/** How much a canvas taller than the design's raises the eye, per unit of its extra height and of the eye's distance. */
export const EYE_LIFT = 0.5;
/** A touch core's depth (scene units): a card facing the camera. */
const CORE_THICKNESS = 0.02;
/** The raised eye stays this far below the room's ceiling. */
const CEILING_CLEARANCE = 0.3;

/**
 * The pack's camera position, raised for a canvas taller than the design's 16:9. Packs compose their rooms for a wide
 * view, where props stand side by side; on a taller canvas (a portrait kiosk) the props still have to fit its width,
 * so the extra height would show only floor and ceiling. Seen from higher up, props in front sit lower on the screen
 * than those behind them instead of covering them, and each keeps a touch area tall enough. Never above the ceiling.
 */
export function liftedEye(position: Vec3, target: Vec3, aspect: number, ceiling = Infinity): Vec3 {
  const [x, y, z] = position;
  if (!(aspect > 0) || !Number.isFinite(aspect) || aspect >= DESIGN_ASPECT) return position;
  const distance = Math.hypot(target[0] - x, target[2] - z);
  // Up to twice the design's height; beyond, the view would look down on the props' tops rather than at their fronts.
  const lifted = y + EYE_LIFT * Math.min(1, DESIGN_ASPECT / aspect - 1) * distance;
  return [x, Math.max(y, Math.min(lifted, ceiling - CEILING_CLEARANCE)), z];
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

const UP = new Vector3(0, 1, 0);
/** Corners nearer than this (in front of the camera) are left out: a prop the camera stands in cannot be framed. */
const NEAR = 0.3;
/** A corner far off to the side would ask for a fish-eye view; its direction counts at most this steep. */
const MAX_SLOPE = Math.tan((MAX_FOV / 2) * (Math.PI / 180));

function basis(position: Vector3, target: Vector3) {
  const forward = target.clone().sub(position).normalize();
  const right = forward.clone().cross(UP);
  if (right.lengthSq() < 1e-9) right.set(1, 0, 0);
  right.normalize();
  const up = right.clone().cross(forward).normalize();
  return { forward, right, up };
}

/**
 * The view from the pack's camera position (raised on a tall canvas) that the scene's props fill, at this canvas aspect ratio: the camera turns
 * to the middle of the props (as seen from where it stands) and the field of view is the smallest that shows them all
 * with a margin. A portrait canvas gets a wider view that still ends at the props, so no third of it is empty floor
 * or ceiling, and a wide one a closer view. Without props in front of the camera, the design's view as before.
 */
export function fitCamera(
  position: Vec3,
  target: Vec3,
  boxes: readonly Bounds[],
  aspect: number,
  { ceiling = Infinity }: { ceiling?: number } = {},
): CameraFit {
  const safeAspect = aspect > 0 && Number.isFinite(aspect) ? aspect : DESIGN_ASPECT;
  const eyeAt = liftedEye(position, target, safeAspect, ceiling);
  const eye = new Vector3(...eyeAt);
  let aim = new Vector3(...target);
  const corners: Vector3[] = [];
  for (const b of boxes)
    for (const x of [b.min[0], b.max[0]]) for (const y of [b.min[1], b.max[1]]) for (const z of [b.min[2], b.max[2]]) corners.push(new Vector3(x, y, z));
  const fallback: CameraFit = { eye: eyeAt, fov: fovForAspect(safeAspect), target: [aim.x, aim.y, aim.z] };
  if (corners.length === 0) return fallback;

  const v = new Vector3();
  const extents = (look: Vector3) => {
    const { forward, right, up } = basis(eye, look);
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const c of corners) {
      v.copy(c).sub(eye);
      const z = v.dot(forward);
      if (z < NEAR) continue;
      const sx = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, v.dot(right) / z));
      const sy = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, v.dot(up) / z));
      minX = Math.min(minX, sx);
      maxX = Math.max(maxX, sx);
      minY = Math.min(minY, sy);
      maxY = Math.max(maxY, sy);
    }
    return { forward, right, up, minX, maxX, minY, maxY, any: minX <= maxX };
  };

  // Turning changes the slopes a little (they are not angles): a few rounds settle the middle.
  let e = extents(aim);
  if (!e.any) return fallback;
  const distance = aim.distanceTo(eye);
  for (let round = 0; round < 8; round++) {
    const cx = (e.minX + e.maxX) / 2;
    const cy = (e.minY + e.maxY) / 2;
    if (Math.abs(cx) < 1e-4 && Math.abs(cy) < 1e-4) break;
    const dir = e.forward.clone().addScaledVector(e.right, cx).addScaledVector(e.up, cy).normalize();
    aim = eye.clone().addScaledVector(dir, distance);
    const next = extents(aim);
    if (!next.any) break;
    e = next;
  }
  const halfX = Math.max(Math.abs(e.minX), Math.abs(e.maxX)) * (1 + FIT_MARGIN);
  const halfY = Math.max(Math.abs(e.minY), Math.abs(e.maxY)) * (1 + FIT_MARGIN);
  const half = Math.max(halfY, halfX / safeAspect);
  const fov = Math.min(MAX_FOV, Math.max(MIN_FOV, (2 * Math.atan(half) * 180) / Math.PI));
  return { eye: eyeAt, fov, target: [aim.x, aim.y, aim.z] };
}

/**
 * Where a prop's undrawn touch boxes go on a screen: each a matrix in the prop's own space (a unit cube transformed by
 * it), both facing the camera within the prop's own depth, so neither reaches towards the camera further than the prop.
 * Null for a prop the camera cannot see.
 * - `core`: `minPx` CSS pixels across and up, centred on the prop's outline as seen (moved inwards as far as needed to
 *   stay whole on a canvas of this `aspect`). It competes with every surface by
 *   its middle depth, so the middle of each prop is a full-size target wherever no prop stands in front of it: a wire in front of
 *   its panel, a small fire at the foot of a cabinet, a door behind a half-open frame. Where two cores meet at about
 *   the same depth, the prop with the smaller outline (`area`, square scene units as seen) takes the tap: the larger
 *   one has room to spare around its core.
 * - `outline`: the prop's whole outline as seen, when it reaches beyond the core: a sparse prop (a conveyor's frame, a
 *   chained door) is touched anywhere within it, but only where no real surface is hit (its outline never takes a tap
 *   on the crate behind its frame).
 */
export function hitBoxMatrix(
  box: Bounds,
  propMatrix: Matrix4,
  camera: { position: Vec3; target: Vec3; fov: number },
  canvasHeightPx: number,
  minPx: number,
  aspect = DESIGN_ASPECT,
): { core: Matrix4; outline: Matrix4 | null; area: number } | null {
  if (!(canvasHeightPx > 0)) return null;
  const eye = new Vector3(...camera.position);
  const view = new Matrix4().lookAt(eye, new Vector3(...camera.target), UP).setPosition(eye);
  const toView = view.clone().invert();
  const min = new Vector3(Infinity, Infinity, Infinity);
  const max = new Vector3(-Infinity, -Infinity, -Infinity);
  const c = new Vector3();
  for (const x of [box.min[0], box.max[0]])
    for (const y of [box.min[1], box.max[1]])
      for (const z of [box.min[2], box.max[2]]) {
        c.set(x, y, z).applyMatrix4(toView);
        min.min(c);
        max.max(c);
      }
  const centre = min.clone().add(max).multiplyScalar(0.5);
  // The camera looks down its -z axis.
  const depth = -centre.z;
  if (!(depth > NEAR)) return null;
  const pxPerUnit = canvasHeightPx / (2 * depth * Math.tan(((camera.fov / 2) * Math.PI) / 180));
  const needed = minPx / pxPerUnit;
  const size = max.clone().sub(min);
  const inProp = propMatrix.clone().invert();
  const place = (at: Vector3, x: number, y: number, z: number) =>
    inProp
      .clone()
      .multiply(view)
      .multiply(new Matrix4().makeTranslation(at.x, at.y, at.z))
      .multiply(new Matrix4().makeScale(x, y, z));
  // A prop near the canvas's edge keeps a whole core on the screen: the core slides inwards.
  const halfH = depth * Math.tan(((camera.fov / 2) * Math.PI) / 180);
  const halfW = halfH * (aspect > 0 && Number.isFinite(aspect) ? aspect : DESIGN_ASPECT);
  const inside = (v: number, half: number) => (half > needed / 2 ? Math.min(half - needed / 2, Math.max(needed / 2 - half, v)) : v);
  const coreAt = new Vector3(inside(centre.x, halfW), inside(centre.y, halfH), centre.z);
  return {
    // Thin, at the prop's middle depth: a tall prop seen from above has an outline reaching far towards the camera at
    // its top, and a core that deep would stand in front of a small prop at its foot.
    core: place(coreAt, needed, needed, CORE_THICKNESS),
    outline: size.x > needed || size.y > needed ? place(centre, Math.max(size.x, needed), Math.max(size.y, needed), Math.max(size.z, CORE_THICKNESS)) : null,
    area: Math.max(size.x, needed) * Math.max(size.y, needed),
  };
}
