// Where a prop stands in the room, as a matrix: the same transform its group in the scene graph gets from position,
// rotationY and scale, computed without a scene graph (instances, markers, bounding boxes).
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { Prop, PropKind } from '@ruyi/pack-schema';

/**
 * Kinds whose `scale` sizes their footprint, not the things on it: a crowd twice the scale covers twice the width and
 * depth with people of the same height. Their model is built for the prop's scale, and the prop is placed unscaled.
 */
export const FOOTPRINT_KINDS: ReadonlySet<PropKind> = new Set<PropKind>(['crowd']);

/** The scale the prop's group and instances get: 1 for footprint kinds, whose model already has the prop's size. */
export function drawnScale(prop: Pick<Prop, 'kind' | 'scale'>): number {
  return FOOTPRINT_KINDS.has(prop.kind) ? 1 : prop.scale;
}

const euler = new Euler();
const rotation = new Quaternion();
const position = new Vector3();
const scale = new Vector3();

/** The prop's placement in the room: position, rotation about y (degrees in the pack) and uniform scale. */
export function propMatrix(prop: Prop, target = new Matrix4()): Matrix4 {
  const [x, y, z] = prop.position;
  rotation.setFromEuler(euler.set(0, (prop.rotationY * Math.PI) / 180, 0));
  return target.compose(position.set(x, y, z), rotation, scale.setScalar(drawnScale(prop)));
}
