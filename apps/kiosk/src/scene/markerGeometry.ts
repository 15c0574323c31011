// Geometry for the found and hint markers: a rounded-rectangle outline (a superellipse band) that faces the fixed
// camera and hugs a prop's silhouette, and the round "found" badge with a check mark.
import { Box3, BufferAttribute, BufferGeometry, Color, Matrix4, Quaternion, Vector3 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { Scene } from '@ruyi/pack-schema';
import { buildModel } from './modelBuilder.ts';

const WORLD_UP = new Vector3(0, 1, 0);

export interface MarkerFrame {
  /** Centre of the outline, on the prop's face nearest the camera. */
  anchor: Vector3;
  /** Turns the marker's xy plane to face the camera. */
  quaternion: Quaternion;
  /** Screen-aligned directions in world space. */
  up: Vector3;
  /** Half extents of the prop across the view (right and up). */
  halfWidth: number;
  halfHeight: number;
  /** From the camera to the anchor, for sizes that read the same near and far. */
  distance: number;
}

/** Where a marker goes for a prop's world box, seen from the scene's fixed camera. */
export function markerFrame(box: Box3, camera: Scene['camera']): MarkerFrame {
  const eye = new Vector3(...camera.position);
  const forward = new Vector3(...camera.target).sub(eye).normalize();
  const right = new Vector3().crossVectors(forward, WORLD_UP);
  if (right.lengthSq() < 1e-6) right.set(1, 0, 0);
  right.normalize();
  const up = new Vector3().crossVectors(right, forward).normalize();
  const centre = box.getCenter(new Vector3());
  let halfWidth = 0;
  let halfHeight = 0;
  let near = Infinity;
  const corner = new Vector3();
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(centre);
    halfWidth = Math.max(halfWidth, Math.abs(corner.dot(right)));
    halfHeight = Math.max(halfHeight, Math.abs(corner.dot(up)));
    near = Math.min(near, corner.dot(forward));
  }
  const anchor = centre.addScaledVector(forward, near);
  const back = forward.clone().negate();
  const quaternion = new Quaternion().setFromRotationMatrix(new Matrix4().makeBasis(right, up, back));
  return { anchor, quaternion, up, halfWidth, halfHeight, distance: Math.max(0.5, anchor.distanceTo(eye)) };
}

/**
 * A closed band around a superellipse |x/a|⁴ + |y/b|⁴ = 1 in the xy plane, `width` wide outwards, with darker edges so
 * it reads on light and dark backgrounds. Vertex-coloured.
 */
export function outlineRingGeometry(a: number, b: number, width: number, color: string, edge: string, segments = 96): BufferGeometry {
  const rows = [0, 0.22, 0.78, 1];
  const main = new Color(color);
  const rim = new Color(edge);
  const positions = new Float32Array(segments * rows.length * 3);
  const colors = new Float32Array(segments * rows.length * 3);
  const point = (t: number): [number, number] => {
    const c = Math.cos(t);
    const s = Math.sin(t);
    return [a * Math.sign(c) * Math.sqrt(Math.abs(c)), b * Math.sign(s) * Math.sqrt(Math.abs(s))];
  };
  for (let i = 0; i < segments; i++) {
    const t = (i / segments) * Math.PI * 2;
    const [x, y] = point(t);
    const [x0, y0] = point(t - 0.01);
    const [x1, y1] = point(t + 0.01);
    let nx = y1 - y0;
    let ny = -(x1 - x0);
    const len = Math.hypot(nx, ny) || 1;
    nx /= len;
    ny /= len;
    rows.forEach((r, j) => {
      const k = (i * rows.length + j) * 3;
      positions[k] = x + nx * width * r;
      positions[k + 1] = y + ny * width * r;
      positions[k + 2] = 0;
      const col = j === 0 || j === rows.length - 1 ? rim : main;
      colors[k] = col.r;
      colors[k + 1] = col.g;
      colors[k + 2] = col.b;
    });
  }
  const index: number[] = [];
  for (let i = 0; i < segments; i++) {
    const n = (i + 1) % segments;
    for (let j = 0; j < rows.length - 1; j++) {
      const p = i * rows.length + j;
      const q = n * rows.length + j;
      index.push(p, q, p + 1, p + 1, q, q + 1);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  geometry.setIndex(index);
  geometry.computeBoundingSphere();
  return geometry;
}

/** The found badge, radius 1, facing +z: a dark-green rim, a white disc and a green check mark (drawn in that order). */
export function foundBadgeGeometry(): BufferGeometry {
  const disc = (r: number, z: number, color: string, b: Parameters<Parameters<typeof buildModel>[0]>[0]): void => {
    b.cylinder(r, r, 0.01, [0, 0, z], color, { rot: [Math.PI / 2, 0, 0], segments: 28 });
  };
  return buildModel((b) => {
    disc(1, 0, '#0d4a26', b);
    disc(0.86, 0.01, '#ffffff', b);
    const stroke = (x0: number, y0: number, x1: number, y1: number): void => {
      const length = Math.hypot(x1 - x0, y1 - y0) + 0.2;
      b.box([length, 0.2, 0.01], [(x0 + x1) / 2, (y0 + y1) / 2, 0.02], '#13a847', { rot: [0, 0, Math.atan2(y1 - y0, x1 - x0)] });
    };
    stroke(-0.46, 0.02, -0.13, -0.33);
    stroke(-0.13, -0.33, 0.48, 0.4);
  }).solid;
}

/** How wide an outline band is for a prop at the frame's distance, so it reads the same near and far. */
export function ringWidth(frame: MarkerFrame): number {
  return Math.max(0.03, frame.distance * 0.0065);
}

/** The hint outline, in the marker's own plane (place it at `frame.anchor`, turned by `frame.quaternion`). */
export function hintRingGeometry(frame: MarkerFrame, color: string, edge: string): BufferGeometry {
  const width = ringWidth(frame) * 1.3;
  return outlineRingGeometry(frame.halfWidth * 1.19 + width * 1.6, frame.halfHeight * 1.19 + width * 1.6, width, color, edge);
}

const ONE = new Vector3(1, 1, 1);
const place = new Matrix4();

/**
 * The found outlines of several props in one geometry, each already placed at its prop and turned to the camera:
 * however many hazards are found, their outlines are one draw call.
 */
export function foundRingsGeometry(frames: readonly MarkerFrame[], color: string, edge: string): BufferGeometry {
  if (frames.length === 0) return new BufferGeometry();
  const rings = frames.map((frame) => {
    const width = ringWidth(frame);
    const ring = outlineRingGeometry(frame.halfWidth * 1.19 + width, frame.halfHeight * 1.19 + width, width, color, edge);
    return ring.applyMatrix4(place.compose(frame.anchor, frame.quaternion, ONE));
  });
  const merged = mergeGeometries(rings, false);
  for (const ring of rings) ring.dispose();
  if (!merged) throw new Error('could not merge the found outlines');
  merged.computeBoundingBox();
  merged.computeBoundingSphere();
  return merged;
}

const badgeAt = new Vector3();
const badgeScale = new Vector3();

/** Where the found badge (radius 1, see foundBadgeGeometry) goes: centred above the prop's outline, facing the camera. */
export function foundBadgeMatrix(frame: MarkerFrame, target: Matrix4): Matrix4 {
  const radius = frame.distance * 0.032;
  badgeAt.copy(frame.anchor).addScaledVector(frame.up, frame.halfHeight * 1.19 + ringWidth(frame) * 1.5 + radius * 0.6);
  return target.compose(badgeAt, frame.quaternion, badgeScale.setScalar(radius));
}
