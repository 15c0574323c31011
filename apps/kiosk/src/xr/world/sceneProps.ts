// Finds the scene kit's prop groups in a three.js scene (each carries its prop id under PROP_ID_KEY) and measures
// their floor footprints, for prop targets and for teleport points clear of the props.
import { Box3, type Object3D } from 'three';
import { PROP_ID_KEY } from '../../scene/SceneProp.tsx';
import { OBSTACLE_BELOW, type Footprint } from '../comfort/placement.ts';

export function propObjects(root: Object3D): Map<string, Object3D> {
  const out = new Map<string, Object3D>();
  root.traverse((o) => {
    const id = o.userData[PROP_ID_KEY];
    if (typeof id === 'string' && !out.has(id)) out.set(id, o);
  });
  return out;
}

const box = new Box3();

/** Footprints of the props someone standing would walk into (not those overhead), rounded to centimetres. */
export function propFootprints(root: Object3D): Footprint[] {
  root.updateWorldMatrix(true, true);
  const out: Footprint[] = [];
  for (const object of propObjects(root).values()) {
    box.setFromObject(object);
    if (box.isEmpty() || box.min.y >= OBSTACLE_BELOW) continue;
    const cm = (v: number) => Math.round(v * 100) / 100;
    out.push({ minX: cm(box.min.x), maxX: cm(box.max.x), minZ: cm(box.min.z), maxZ: cm(box.max.z) });
  }
  return out;
}
