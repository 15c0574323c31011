// Where the visitor's origin (their floor) is in the scene, and the moves that change it: start, teleport, snap turn,
// seated raise. These are the ONLY ways the app moves the visitor; each is a discrete jump (no smooth locomotion).
import type { Scene } from '@ruyi/pack-schema';
import { create } from 'zustand';
import type { Posture } from '../state.ts';
import { head } from './head.ts';
import { originForHead, seatedRaise, startOrigin, turnAboutHead, type OriginPose, type TeleportPoint } from './placement.ts';

interface OriginState {
  pose: OriginPose;
  /** The teleport point the visitor last arrived at (`teleport:<n>`): its pad is shown as "you are here". */
  at: string | null;
  /**
   * The visitor's eye height above their real floor (origin space), measured when the session starts and when they
   * change posture; null until the headset reports one. The step panels stand at this height (H2's VrSteps eyeHeight).
   */
  eyeHeight: number | null;
  /** eyeHeight and the seated raise come from a tracked head (else they are the defaults). */
  measured: boolean;
}

export const useOrigin = create<OriginState>(() => ({ pose: { x: 0, y: 0, z: 0, yaw: 0 }, at: null, eyeHeight: null, measured: false }));

/** The floor raise for a posture, and the measured eye height if the headset has reported one. */
function measure(posture: Posture): { y: number; eyeHeight: number | null; measured: boolean } {
  // Before the headset reports a real eye height the defaults stand; they are measured once it does.
  const known = head.tracked && head.y > 0.3;
  const eyeHeight = known ? Math.round(head.y * 100) / 100 : null;
  return { y: posture === 'standing' ? 0 : seatedRaise(eyeHeight), eyeHeight, measured: known };
}

/** At the start of a session (and of a new scene): on the pack camera's viewpoint, facing its target. */
export function placeAtStart(scene: Scene, posture: Posture): void {
  const { y, eyeHeight, measured } = measure(posture);
  useOrigin.setState({ pose: startOrigin(scene, head, y), at: 'teleport:0', eyeHeight, measured });
}

export function teleportTo(point: TeleportPoint): void {
  const { pose } = useOrigin.getState();
  useOrigin.setState({ pose: originForHead(point.x, point.z, point.yaw, head, pose.y), at: point.id });
}

/** Snap turn by `delta` radians (positive: to the left) about the visitor's head. */
export function snapTurn(delta: number): void {
  const { pose } = useOrigin.getState();
  useOrigin.setState({ pose: turnAboutHead(pose, head, delta) });
}

/**
 * Raises the floor for a seated visitor (or lowers it back) and measures their eye height again: they have just sat
 * down or stood up. Also called once the headset first reports a head after the start.
 */
export function applyPosture(posture: Posture): void {
  const { pose, eyeHeight: before } = useOrigin.getState();
  const { y, eyeHeight, measured } = measure(posture);
  useOrigin.setState({ pose: y === pose.y ? pose : { ...pose, y }, eyeHeight: eyeHeight ?? before, measured });
}
