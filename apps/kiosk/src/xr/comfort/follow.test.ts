import { describe, expect, it } from 'vitest';
import { FOLLOW_YAW, followHead, newAnchor } from './follow.ts';
import type { HeadPose } from './placement.ts';

const head = (yaw = 0, x = 0, z = 0, y = 1.6): HeadPose => ({ x, y, z, yaw });
const run = (anchor = newAnchor(), h: HeadPose, seconds: number, reduced = false) => {
  for (let t = 0; t < seconds; t += 1 / 72) followHead(anchor, h, 1 / 72, reduced);
  return anchor;
};

describe('followHead', () => {
  it('starts where the head is', () => {
    expect(followHead(newAnchor(), head(0.3, 1, 2), 1 / 72, false)).toMatchObject({ x: 1, y: 1.6, z: 2, yaw: 0.3, placed: true });
  });

  it('stays put while the visitor looks around or leans towards it', () => {
    const a = run(undefined, head(), 0.1);
    run(a, head(FOLLOW_YAW * 0.9), 2);
    expect(a.yaw).toBe(0);
    run(a, head(-0.4, 0.2, -0.25, 1.5), 2);
    expect(a).toMatchObject({ x: 0, z: 0, y: 1.6, yaw: 0 });
  });

  it('glides after a visitor who turned or walked away, then stops', () => {
    const a = run(undefined, head(), 0.1);
    followHead(a, head(Math.PI / 2), 1 / 72, false);
    expect(a.moving).toBe(true);
    expect(a.yaw).toBeGreaterThan(0);
    expect(a.yaw).toBeLessThan(0.2);
    run(a, head(Math.PI / 2), 3);
    expect(a.yaw).toBeCloseTo(Math.PI / 2, 1);
    expect(a.moving).toBe(false);
    run(a, head(Math.PI / 2, 0.6, 0), 3);
    expect(a.x).toBeCloseTo(0.6, 1);
  });

  it('jumps instead of gliding under reduced motion', () => {
    const a = run(undefined, head(), 0.1, true);
    followHead(a, head(Math.PI / 2), 1 / 72, true);
    expect(a.yaw).toBeCloseTo(Math.PI / 2);
    expect(a.moving).toBe(false);
  });

  it('turns the short way round', () => {
    const a = run(undefined, head(Math.PI - 0.1), 0.1);
    run(a, head(-Math.PI + 0.1 - FOLLOW_YAW - 0.1), 3);
    expect(Math.abs(a.yaw)).toBeGreaterThan(2);
  });
});
