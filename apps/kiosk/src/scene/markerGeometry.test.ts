import { describe, expect, it } from 'vitest';
import { Box3, Matrix4, Vector3 } from 'three';
import type { Scene } from '@ruyi/pack-schema';
import { foundBadgeMatrix, foundRingsGeometry, markerFrame, outlineRingGeometry, ringWidth } from './markerGeometry.ts';

const camera: Scene['camera'] = { position: [0, 2, 10], target: [0, 1, 0] };
const boxAt = (x: number, z = 0) => new Box3(new Vector3(x - 0.5, 0, z - 0.5), new Vector3(x + 0.5, 2, z + 0.5));

describe('foundRingsGeometry', () => {
  it('puts every found outline in one geometry, each around its own prop and facing the camera', () => {
    const frames = [markerFrame(boxAt(-4), camera), markerFrame(boxAt(0), camera), markerFrame(boxAt(5, -3), camera)];
    const merged = foundRingsGeometry(frames, '#2fd36b', '#083d1d');
    const one = outlineRingGeometry(1, 1, 0.1, '#2fd36b', '#083d1d');
    expect(merged.getAttribute('position').count).toBe(3 * one.getAttribute('position').count);
    expect(merged.index!.count).toBe(3 * one.index!.count);
    expect(merged.getAttribute('color')).toBeDefined();
    // Each ring's vertices are centred on its prop's anchor.
    const positions = merged.getAttribute('position');
    const perRing = one.getAttribute('position').count;
    frames.forEach((frame, r) => {
      const centre = new Vector3();
      for (let i = 0; i < perRing; i++) centre.add(new Vector3().fromBufferAttribute(positions, r * perRing + i));
      centre.divideScalar(perRing);
      expect(centre.distanceTo(frame.anchor)).toBeLessThan(1e-3);
    });
    expect(merged.boundingSphere!.radius).toBeGreaterThan(4);
  });

  it('is empty with nothing found', () => {
    expect(foundRingsGeometry([], '#2fd36b', '#083d1d').getAttribute('position')).toBeUndefined();
  });
});

describe('foundBadgeMatrix', () => {
  it('puts the badge above the outline, facing the camera, sized for its distance', () => {
    const near = markerFrame(boxAt(0, 4), camera);
    const far = markerFrame(boxAt(0, -20), camera);
    const at = (frame: typeof near) => new Vector3().setFromMatrixPosition(foundBadgeMatrix(frame, new Matrix4()));
    const scale = (frame: typeof near) => new Vector3().setFromMatrixScale(foundBadgeMatrix(frame, new Matrix4())).x;
    expect(at(near).clone().sub(near.anchor).dot(near.up)).toBeGreaterThan(near.halfHeight);
    expect(scale(far) / scale(near)).toBeCloseTo(far.distance / near.distance);
    expect(ringWidth(far)).toBeGreaterThan(ringWidth(near));
    // The badge's face (+z) turns towards the camera.
    const facing = new Vector3(0, 0, 1).applyQuaternion(near.quaternion);
    const toCamera = new Vector3(...camera.position).sub(near.anchor).normalize();
    expect(facing.dot(toCamera)).toBeGreaterThan(0.9);
  });
});
