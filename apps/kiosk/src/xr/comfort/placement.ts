// Where the visitor stands in the scene, as a pure function of the pack's scene: the XR origin (the visitor's feet and
// floor, under the headset's own tracking) is the only thing the app moves. The headset camera is XR's: the app never
// sets it, so head motion always matches the visitor's own and nothing drifts (the first rule of VR comfort).
//
// Conventions: metres, y up, the floor at y = 0, the room centred on the world origin (as the pack schema says). A yaw
// is a rotation about +y in radians, three.js style: yaw 0 looks down -z, and a point (x, z) turned by yaw lands at
// (x cos + z sin, -x sin + z cos).
import type { Scene } from '@ruyi/pack-schema';

/** The eye height a seated visitor is raised to; pack cameras are composed for roughly this. */
export const STANDING_EYE_HEIGHT = 1.6;
/** Used until the headset has reported a head height (a seated adult's eyes are ~1.15 m above the floor). */
export const DEFAULT_SEATED_RAISE = 0.45;
/** Never raise more than this: a visitor lying down or a lost pose must not end up on the ceiling. */
export const MAX_SEATED_RAISE = 0.9;
/** Snap turn step: 30° keeps the visitor oriented while turning a full room in six steps. */
export const SNAP_TURN_DEGREES = 30;
export const SNAP_TURN = (SNAP_TURN_DEGREES * Math.PI) / 180;

/** How far a standing point keeps from the walls. */
const WALL_MARGIN = 0.6;

export interface OriginPose {
  /** The origin (the visitor's floor) in world space; y is the seated raise, 0 when standing. */
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** The head's position in origin space (what the headset tracks), and where it looks (yaw). */
export interface HeadPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

export interface TeleportPoint {
  /** `teleport:<n>`; n = 0 is the pack camera's viewpoint. */
  id: string;
  x: number;
  z: number;
  /** Where a visitor arriving here looks: at the pack camera's target, or at the nearest prop. */
  yaw: number;
}

/** A prop's extent on the floor (world space, from its bounding box). */
export interface Footprint {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** The yaw that looks along (dx, dz); 0 (down -z) for no direction. */
export function facingYaw(dx: number, dz: number): number {
  if (Math.abs(dx) < 1e-9 && Math.abs(dz) < 1e-9) return 0;
  return Math.atan2(-dx, -dz);
}

/** An angle in (-π, π]. */
export function normalizeYaw(yaw: number): number {
  let a = yaw % (2 * Math.PI);
  if (a <= -Math.PI) a += 2 * Math.PI;
  else if (a > Math.PI) a -= 2 * Math.PI;
  return a;
}

/** The room's floor shrunk by `margin` on every side (never inverted). */
function floorBounds(room: Scene['room'], margin: number) {
  const hx = Math.max(0, room.width / 2 - margin);
  const hz = Math.max(0, room.depth / 2 - margin);
  return { hx, hz };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The pack camera's viewpoint on the floor: its x, z (pulled inside the room, since packs may put the camera outside
 * the open front wall, where there is no floor to stand on) and the yaw that faces the camera's target.
 */
export function cameraViewpoint(scene: Scene): { x: number; z: number; yaw: number } {
  const [cx, , cz] = scene.camera.position;
  const [tx, , tz] = scene.camera.target;
  const { hx, hz } = floorBounds(scene.room, WALL_MARGIN);
  const x = clamp(cx, -hx, hx);
  const z = clamp(cz, -hz, hz);
  return { x, z, yaw: facingYaw(tx - cx, tz - cz) };
}

/** Rotates (x, z) by yaw, writing into out. */
function rotate(x: number, z: number, yaw: number, out: { x: number; z: number }): { x: number; z: number } {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  out.x = x * c + z * s;
  out.z = -x * s + z * c;
  return out;
}

const turned = { x: 0, z: 0 };

/**
 * The origin that puts the head (at `head` in origin space) over the world point (px, pz) and makes it look along
 * `lookYaw`: a teleport arrives where the visitor aimed, facing what is there, whatever step they had taken inside
 * their play area.
 */
export function originForHead(px: number, pz: number, lookYaw: number, head: HeadPose, y: number): OriginPose {
  const yaw = normalizeYaw(lookYaw - head.yaw);
  rotate(head.x, head.z, yaw, turned);
  return { x: px - turned.x, y, z: pz - turned.z, yaw };
}

/** The origin at the start of a session: the head over the camera viewpoint, looking at the camera's target. */
export function startOrigin(scene: Scene, head: HeadPose, y: number): OriginPose {
  const v = cameraViewpoint(scene);
  return originForHead(v.x, v.z, v.yaw, head, y);
}

/**
 * Snap turn: the origin turned by `delta` about the visitor's head (not about the origin, which may be a step away),
 * so the visitor turns on the spot.
 */
export function turnAboutHead(origin: OriginPose, head: HeadPose, delta: number): OriginPose {
  rotate(head.x, head.z, origin.yaw, turned);
  const wx = origin.x + turned.x;
  const wz = origin.z + turned.z;
  const yaw = normalizeYaw(origin.yaw + delta);
  rotate(head.x, head.z, yaw, turned);
  return { x: wx - turned.x, y: origin.y, z: wz - turned.z, yaw };
}

/** Where the head is in world space (x, z). */
export function headInWorld(origin: OriginPose, head: HeadPose): { x: number; z: number } {
  rotate(head.x, head.z, origin.yaw, turned);
  return { x: origin.x + turned.x, z: origin.z + turned.z };
}

/**
 * How much a seated visitor's floor is raised so their eyes are at standing height. `headY` is their eye height above
 * the real floor (null before the headset has tracked it).
 */
export function seatedRaise(headY: number | null): number {
  if (headY === null || !Number.isFinite(headY) || headY <= 0.3) return DEFAULT_SEATED_RAISE;
  return clamp(STANDING_EYE_HEIGHT - headY, 0, MAX_SEATED_RAISE);
}

/** Props that reach below this height are in the way of someone standing; higher ones (ceiling wiring) are not. */
export const OBSTACLE_BELOW = 2;

export interface TeleportOptions {
  /** Points besides the camera viewpoint. */
  extra?: number;
  /** Keep this far from any prop's footprint. */
  clearance?: number;
  /** …but no farther than this from the nearest prop: a point is for looking at something closely. */
  nearProp?: number;
  /** Keep points this far apart. */
  spacing?: number;
  /** Candidate grid step. */
  step?: number;
}

function distanceToFootprint(x: number, z: number, f: Footprint): number {
  const dx = Math.max(f.minX - x, 0, x - f.maxX);
  const dz = Math.max(f.minZ - z, 0, z - f.maxZ);
  return Math.hypot(dx, dz);
}

/**
 * The fixed points a visitor may teleport to: the camera viewpoint (`teleport:0`), then up to `extra` free floor points
 * close to props but clear of them, at least `spacing` apart, by the groups of props. Deterministic for a scene and its
 * footprints. No VR-specific pack field: everything comes from the scene itself.
 */
export function teleportPoints(scene: Scene, footprints: readonly Footprint[], options: TeleportOptions = {}): TeleportPoint[] {
  const { extra = 3, clearance = 0.8, nearProp = 2.5, spacing = 2.2, step = 0.5 } = options;
  const start = cameraViewpoint(scene);
  const points: TeleportPoint[] = [{ id: 'teleport:0', x: start.x, z: start.z, yaw: start.yaw }];
  if (footprints.length === 0) return points;
  const { hx, hz } = floorBounds(scene.room, WALL_MARGIN);

  const candidates: { x: number; z: number; nearest: Footprint }[] = [];
  for (let z = -hz; z <= hz + 1e-9; z += step)
    for (let x = -hx; x <= hx + 1e-9; x += step) {
      let best = Infinity;
      let nearest: Footprint | null = null;
      for (const f of footprints) {
        const d = distanceToFootprint(x, z, f);
        if (d < best) {
          best = d;
          nearest = f;
        }
      }
      if (nearest && best >= clearance && best <= nearProp) candidates.push({ x: round(x), z: round(z), nearest });
    }

  // Greedy coverage: each point is the candidate that brings the props, taken together, nearest to some standing
  // point (the sum over props of the distance to the nearest point shrinks most), so points end up by groups of props,
  // where there is most to look at, rather than in empty corners.
  const centres = footprints.map((f) => ({ x: (f.minX + f.maxX) / 2, z: (f.minZ + f.maxZ) / 2 }));
  const nearest = centres.map((c) => Math.hypot(c.x - start.x, c.z - start.z));
  while (points.length < extra + 1) {
    let pick: (typeof candidates)[number] | null = null;
    let pickGain = 1e-6;
    for (const c of candidates) {
      if (points.some((p) => Math.hypot(c.x - p.x, c.z - p.z) < spacing)) continue;
      let gain = 0;
      for (let i = 0; i < centres.length; i++) gain += Math.max(0, nearest[i]! - Math.hypot(centres[i]!.x - c.x, centres[i]!.z - c.z));
      if (gain > pickGain) {
        pick = c;
        pickGain = gain;
      }
    }
    if (!pick) break;
    for (let i = 0; i < centres.length; i++) nearest[i] = Math.min(nearest[i]!, Math.hypot(centres[i]!.x - pick.x, centres[i]!.z - pick.z));
    const f = pick.nearest;
    const yaw = facingYaw((f.minX + f.maxX) / 2 - pick.x, (f.minZ + f.maxZ) / 2 - pick.z);
    points.push({ id: `teleport:${points.length}`, x: pick.x, z: pick.z, yaw: round(yaw, 1e6) });
  }
  return points;
}

function round(v: number, k = 1000): number {
  return Math.round(v * k) / k;
}
