// A thing that follows the visitor lazily (the comfort bar with "Exit VR"): it stays put in the visitor's body frame
// while they look around or lean towards it, and only catches up once they have turned or walked well away. A
// head-locked control could never be looked at or poked: it would move away with every head motion.
import { normalizeYaw, type HeadPose } from './placement.ts';

export interface Anchor {
  x: number;
  y: number;
  z: number;
  yaw: number;
  /** Catching up with the head now. */
  moving: boolean;
  /** Has been placed at least once. */
  placed: boolean;
}

/** Catch up once the head has turned this far from the anchor… */
export const FOLLOW_YAW = (50 * Math.PI) / 180;
/** …or moved this far (m) from it horizontally… */
export const FOLLOW_DISTANCE = 0.4;
/** …or this far up or down (standing up, sitting down). */
export const FOLLOW_HEIGHT = 0.25;
/** Catch-up speed: the remaining gap shrinks by e each 1/RATE seconds. */
const RATE = 5;

export const newAnchor = (): Anchor => ({ x: 0, y: 0, z: 0, yaw: 0, moving: false, placed: false });

/**
 * Moves `anchor` towards `head` by `dt` seconds of following (in place: called every frame). Under reduced motion it
 * jumps instead of gliding.
 */
export function followHead(anchor: Anchor, head: HeadPose, dt: number, reducedMotion: boolean): Anchor {
  const dYaw = normalizeYaw(head.yaw - anchor.yaw);
  const dx = head.x - anchor.x;
  const dz = head.z - anchor.z;
  const dy = head.y - anchor.y;
  if (!anchor.placed || reducedMotion) {
    if (!anchor.placed || Math.abs(dYaw) > FOLLOW_YAW || Math.hypot(dx, dz) > FOLLOW_DISTANCE || Math.abs(dy) > FOLLOW_HEIGHT) {
      anchor.x = head.x;
      anchor.y = head.y;
      anchor.z = head.z;
      anchor.yaw = head.yaw;
      anchor.placed = true;
    }
    anchor.moving = false;
    return anchor;
  }
  if (!anchor.moving && (Math.abs(dYaw) > FOLLOW_YAW || Math.hypot(dx, dz) > FOLLOW_DISTANCE || Math.abs(dy) > FOLLOW_HEIGHT)) anchor.moving = true;
  if (!anchor.moving) return anchor;
  // A long frame (a hitch) catches up more, never overshoots.
  const k = 1 - Math.exp(-RATE * Math.max(0, Math.min(dt, 0.5)));
  anchor.x += dx * k;
  anchor.y += dy * k;
  anchor.z += dz * k;
  anchor.yaw = normalizeYaw(anchor.yaw + dYaw * k);
  if (Math.abs(normalizeYaw(head.yaw - anchor.yaw)) < 0.02 && Math.hypot(head.x - anchor.x, head.z - anchor.z) < 0.01 && Math.abs(head.y - anchor.y) < 0.01)
    anchor.moving = false;
  return anchor;
}
