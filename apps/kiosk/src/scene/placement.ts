// Where a prop stands in the room, as a matrix: the same transform its group in the scene graph gets from position,
// rotationY and scale, computed without a scene graph (instances, markers, bounding boxes).
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { Prop } from '@ruyi/pack-schema';

const euler = new Euler();
const rotation = new Quaternion();
const position = new Vector3();
const scale = new Vector3();

/** The prop's placement in the room: position, rotation about y (degrees in the pack) and uniform scale. */
export function propMatrix(prop: Prop, target = new Matrix4()): Matrix4 {
  const [x, y, z] = prop.position;
  rotation.setFromEuler(euler.set(0, (prop.rotationY * Math.PI) / 180, 0));
  return target.compose(position.set(x, y, z), rotation, scale.setScalar(prop.scale));
}
