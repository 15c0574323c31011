// The visitor's head in origin space (where the headset tracks it), read once per XR frame from the XR camera, which
// three.js poses from the viewer pose before any frame callback runs. Read-only for the app: the camera is XR's.
import { Euler, type Object3D } from 'three';
import type { HeadPose } from './placement.ts';

export interface TrackedHead extends HeadPose {
  /** A pose has been read in this session. */
  tracked: boolean;
}

/** One shared, mutable pose: the frame loop writes it without allocating, handlers read it when the visitor acts. */
export const head: TrackedHead = { x: 0, y: 0, z: 0, yaw: 0, tracked: false };

const euler = new Euler(0, 0, 0, 'YXZ');

export function readHead(camera: Object3D): void {
  head.x = camera.position.x;
  head.y = camera.position.y;
  head.z = camera.position.z;
  head.yaw = euler.setFromQuaternion(camera.quaternion, 'YXZ').y;
  head.tracked = true;
}

export function forgetHead(): void {
  head.x = 0;
  head.y = 0;
  head.z = 0;
  head.yaw = 0;
  head.tracked = false;
}
