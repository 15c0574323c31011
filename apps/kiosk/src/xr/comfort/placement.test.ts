import type { Scene } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import {
  cameraViewpoint,
  DEFAULT_SEATED_RAISE,
  facingYaw,
  headInWorld,
  normalizeYaw,
  originForHead,
  seatedRaise,
  SNAP_TURN,
  startOrigin,
  teleportPoints,
  turnAboutHead,
  type Footprint,
  type HeadPose,
} from './placement.ts';

const label = { 'zh-CN': '物', en: 'Thing' };
function scene(camera: Scene['camera'], room = { width: 12, depth: 8, height: 4 }): Scene {
  return {
    room,
    camera,
    props: [{ id: 'bench', kind: 'workbench', position: [0, 0, -2], rotationY: 0, scale: 1, label }],
  } as Scene;
}

/** Where -z of an object turned by yaw points, in world x, z. */
const forward = (yaw: number) => ({ x: -Math.sin(yaw), z: -Math.cos(yaw) });
const head = (x = 0, z = 0, yaw = 0, y = 1.6): HeadPose => ({ x, y, z, yaw });

describe('facingYaw', () => {
  it('turns -z (the default view direction) onto the given direction', () => {
    for (const [dx, dz] of [[0, -1], [1, 0], [0, 1], [-1, 0], [3, -4]] as const) {
      const f = forward(facingYaw(dx, dz));
      const len = Math.hypot(dx, dz);
      expect(f.x).toBeCloseTo(dx / len);
      expect(f.z).toBeCloseTo(dz / len);
    }
    expect(facingYaw(0, 0)).toBe(0);
  });

  it('keeps angles in (-π, π]', () => {
    expect(normalizeYaw(3 * Math.PI)).toBeCloseTo(Math.PI);
    expect(normalizeYaw(-Math.PI)).toBeCloseTo(Math.PI);
    expect(normalizeYaw(-0.5)).toBeCloseTo(-0.5);
    expect(normalizeYaw(2 * Math.PI + 0.25)).toBeCloseTo(0.25);
  });
});

describe('the start of a session', () => {
  it('stands the visitor on the floor under the pack camera, facing its target', () => {
    const s = scene({ position: [1, 1.7, 2], target: [1, 1, -2] });
    const o = startOrigin(s, head(), 0);
    expect(o).toMatchObject({ x: 1, y: 0, z: 2 });
    expect(o.yaw).toBeCloseTo(0);
    const side = startOrigin(scene({ position: [0, 1.7, 0], target: [4, 1, 0] }), head(), 0);
    expect(forward(side.yaw).x).toBeCloseTo(1);
  });

  it('pulls a camera outside the open front wall onto the floor', () => {
    // The fire pack's camera: z = 7 in a room 12 m deep (the floor ends at z = 6).
    const v = cameraViewpoint(scene({ position: [0, 2.2, 7], target: [0, 1, -2] }, { width: 20, depth: 12, height: 5 }));
    expect(v.x).toBe(0);
    expect(v.z).toBeCloseTo(5.4);
  });

  it('puts the head, not the origin, over the viewpoint when the visitor stands off-centre in their play area', () => {
    const s = scene({ position: [2, 1.7, 1], target: [2, 1, -3] });
    const h = head(0.5, -0.3, 0.4);
    const o = startOrigin(s, h, 0.2);
    const w = headInWorld(o, h);
    expect(w.x).toBeCloseTo(2);
    expect(w.z).toBeCloseTo(1);
    expect(o.y).toBe(0.2);
    // The head looks at the target: origin yaw + head yaw = facing yaw.
    expect(normalizeYaw(o.yaw + h.yaw)).toBeCloseTo(0);
  });
});

describe('snap turn', () => {
  it('turns about the head: the head stays where it is and looks 30° further', () => {
    const o = originForHead(3, -1, 0.2, head(0.4, 0.6, 0.1), 0);
    const h = head(0.4, 0.6, 0.1);
    const before = headInWorld(o, h);
    const left = turnAboutHead(o, h, SNAP_TURN);
    const after = headInWorld(left, h);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.z).toBeCloseTo(before.z);
    expect(normalizeYaw(left.yaw - o.yaw)).toBeCloseTo(Math.PI / 6);
    // Twelve steps make a full turn back to the start.
    let t = o;
    for (let i = 0; i < 12; i++) t = turnAboutHead(t, h, -SNAP_TURN);
    expect(t.x).toBeCloseTo(o.x);
    expect(t.z).toBeCloseTo(o.z);
    expect(normalizeYaw(t.yaw - o.yaw)).toBeCloseTo(0);
  });

  it('keeps the seated raise', () => {
    expect(turnAboutHead({ x: 0, y: 0.45, z: 0, yaw: 0 }, head(), SNAP_TURN).y).toBe(0.45);
  });
});

describe('seated raise', () => {
  it('lifts a seated visitor to standing eye height, within limits', () => {
    expect(seatedRaise(1.15)).toBeCloseTo(0.45);
    expect(seatedRaise(1.0)).toBeCloseTo(0.6);
    expect(seatedRaise(1.7)).toBe(0);
    expect(seatedRaise(0.5)).toBeCloseTo(0.9);
    expect(seatedRaise(null)).toBe(DEFAULT_SEATED_RAISE);
    expect(seatedRaise(0)).toBe(DEFAULT_SEATED_RAISE);
    expect(seatedRaise(Number.NaN)).toBe(DEFAULT_SEATED_RAISE);
  });
});

describe('teleport points', () => {
  const room = { width: 12, depth: 8, height: 4 };
  const s = scene({ position: [0, 1.7, 3.5], target: [0, 1, -2] }, room);
  const bench: Footprint = { minX: -1, maxX: 1, minZ: -2.5, maxZ: -1.5 };
  const shelf: Footprint = { minX: -5.8, maxX: -4.2, minZ: -3.9, maxZ: -3.2 };
  const tank: Footprint = { minX: 3.5, maxX: 5.5, minZ: 1, maxZ: 3 };

  it('starts with the camera viewpoint, then free floor points near props, spread out', () => {
    const points = teleportPoints(s, [bench, shelf, tank]);
    expect(points.map((p) => p.id)).toEqual(['teleport:0', 'teleport:1', 'teleport:2', 'teleport:3']);
    expect(points[0]).toMatchObject({ x: 0, z: 3.4 });
    for (const p of points.slice(1)) {
      // On the floor, off the walls.
      expect(Math.abs(p.x)).toBeLessThanOrEqual(6 - 0.6 + 1e-9);
      expect(Math.abs(p.z)).toBeLessThanOrEqual(4 - 0.6 + 1e-9);
      // Clear of every prop, but near one.
      const d = [bench, shelf, tank].map((f) => Math.hypot(Math.max(f.minX - p.x, 0, p.x - f.maxX), Math.max(f.minZ - p.z, 0, p.z - f.maxZ)));
      expect(Math.min(...d)).toBeGreaterThanOrEqual(0.8);
      expect(Math.min(...d)).toBeLessThanOrEqual(2.5);
    }
    for (const a of points) for (const b of points) if (a !== b) expect(Math.hypot(a.x - b.x, a.z - b.z)).toBeGreaterThanOrEqual(2.2);
  });

  it('stands by the groups of props, not in empty corners', () => {
    // Two groups, one on each side of a 20 × 12 room; the far corners are empty.
    const big = scene({ position: [0, 1.7, 5], target: [0, 1, -2] }, { width: 20, depth: 12, height: 5 });
    const box = (x: number, z: number): Footprint => ({ minX: x - 0.4, maxX: x + 0.4, minZ: z - 0.4, maxZ: z + 0.4 });
    const left = [box(-6, -2), box(-7, -3), box(-5.5, -3.5)];
    const right = [box(6, -1), box(7, -2)];
    const points = teleportPoints(big, [...left, ...right], { extra: 2 });
    const near = (p: { x: number; z: number }, group: Footprint[]) =>
      Math.min(...group.map((f) => Math.hypot((f.minX + f.maxX) / 2 - p.x, (f.minZ + f.maxZ) / 2 - p.z)));
    expect(points).toHaveLength(3);
    expect(points.slice(1).some((p) => near(p, left) < 2.5)).toBe(true);
    expect(points.slice(1).some((p) => near(p, right) < 2.5)).toBe(true);
  });

  it('faces each extra point at its nearest prop', () => {
    const [, p] = teleportPoints(s, [tank], { extra: 1 });
    const f = forward(p!.yaw);
    const toward = { x: 4.5 - p!.x, z: 2 - p!.z };
    expect(f.x * toward.x + f.z * toward.z).toBeGreaterThan(0.99 * Math.hypot(toward.x, toward.z));
  });

  it('is deterministic, and gives only the viewpoint when nothing is known of the props', () => {
    expect(teleportPoints(s, [bench, shelf, tank])).toEqual(teleportPoints(s, [bench, shelf, tank]));
    expect(teleportPoints(s, [])).toHaveLength(1);
  });

  it('gives fewer points when the room is full', () => {
    const everywhere: Footprint = { minX: -6, maxX: 6, minZ: -4, maxZ: 2.9 };
    const points = teleportPoints(s, [everywhere]);
    for (const p of points.slice(1)) expect(p.z).toBeGreaterThanOrEqual(2.9 + 0.8 - 1e-9);
    expect(points.length).toBeLessThanOrEqual(4);
  });
});
