// In the headset a compression is a trigger pull wherever the controller points, as on a manikin's chest; only a pull
// aimed at another control (the panel's "stop", a page button, a teleport pad) is that control's and not a press.
import { Matrix4, Quaternion, Raycaster, Vector3, type Intersection, type Object3D } from 'three';

export const PRESS_BUTTON_ID = 'button:rhythm.press';

/** Names of the things the app lets a visitor point at and press (xr/targets.ts ids, the panels' meshes). */
const CONTROL = /^(button|teleport|prop|panel):/;

/** The nearest named control along the ray, by the name of the hit object or of an ancestor; null if none. */
function controlOf(object: Object3D): string | null {
  for (let o: Object3D | null = object; o; o = o.parent) if (CONTROL.test(o.name)) return o.name;
  return null;
}

const visible = (object: Object3D) => {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
};

/**
 * Whether a trigger pull along these hits (nearest first) is a press: yes unless the first visible control hit is a
 * button or teleport pad other than the press button. Things without a name (a ray's own line, a wall) are passed
 * over; a prop (the manikin) or a text panel counts as pressing.
 */
export function isPressAlong(hits: readonly Pick<Intersection, 'object'>[]): boolean {
  for (const hit of hits) {
    if (!visible(hit.object)) continue;
    const name = controlOf(hit.object);
    if (name === null) continue;
    return name === PRESS_BUTTON_ID || name.startsWith('prop:') || name.startsWith('panel:');
  }
  return true;
}

const raycaster = new Raycaster();
const origin = new Vector3();
const direction = new Vector3();
const rotation = new Quaternion();
const toWorld = new Matrix4();

/**
 * Whether a select of an input source is a press: its target ray (a pose in the XR origin's reference space) is
 * carried into the world by `originWorld` (the XR origin's world matrix) and cast into `scene`.
 */
export function isPressSelect(
  pose: { position: { x: number; y: number; z: number }; orientation: { x: number; y: number; z: number; w: number } },
  originWorld: Matrix4,
  scene: Object3D,
): boolean {
  toWorld.copy(originWorld);
  origin.set(pose.position.x, pose.position.y, pose.position.z).applyMatrix4(toWorld);
  rotation.set(pose.orientation.x, pose.orientation.y, pose.orientation.z, pose.orientation.w);
  direction.set(0, 0, -1).applyQuaternion(rotation).transformDirection(toWorld);
  raycaster.set(origin, direction);
  return isPressAlong(raycaster.intersectObject(scene, true));
}
