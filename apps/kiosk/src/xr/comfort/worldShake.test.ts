import { describe, expect, it } from 'vitest';
import { MAX_ROLL, MAX_SWAY, shakeEnvelope, worldShakeOffset, type ShakeOffset } from './worldShake.ts';

const out = (): ShakeOffset => ({ x: 0, y: 0, z: 0, roll: 0 });
const options = { intensity: 1, duration: 10 };

describe('worldShakeOffset', () => {
  it('does nothing under reduced motion, at intensity 0, before the start and after the end', () => {
    for (let t = 0; t < 12; t += 0.37) expect(worldShakeOffset(t, options, true, out())).toEqual({ x: 0, y: 0, z: 0, roll: 0 });
    expect(worldShakeOffset(3, { intensity: 0, duration: 10 }, false, out())).toEqual({ x: 0, y: 0, z: 0, roll: 0 });
    expect(worldShakeOffset(-1, options, false, out())).toEqual({ x: 0, y: 0, z: 0, roll: 0 });
    expect(worldShakeOffset(10.5, options, false, out())).toEqual({ x: 0, y: 0, z: 0, roll: 0 });
  });

  it('sways a few centimetres at most, and does sway', () => {
    let moved = 0;
    for (let t = 0; t < 10; t += 0.011) {
      const o = worldShakeOffset(t, { intensity: 3, duration: 10 }, false, out());
      expect(Math.hypot(o.x, o.z)).toBeLessThanOrEqual(MAX_SWAY * Math.SQRT2 + 1e-9);
      expect(Math.abs(o.y)).toBeLessThanOrEqual(MAX_SWAY);
      expect(Math.abs(o.roll)).toBeLessThanOrEqual(MAX_ROLL);
      moved = Math.max(moved, Math.hypot(o.x, o.z));
    }
    expect(moved).toBeGreaterThan(MAX_SWAY / 2);
  });

  it('moves smoothly: no jump between frames at 72 Hz, eased in and out', () => {
    const a = out();
    const b = out();
    for (let t = 0; t < 10; t += 1 / 72) {
      worldShakeOffset(t, options, false, a);
      worldShakeOffset(t + 1 / 72, options, false, b);
      expect(Math.hypot(b.x - a.x, b.z - a.z)).toBeLessThan(0.008);
    }
    expect(shakeEnvelope(0.01, 10)).toBeLessThan(0.01);
    expect(shakeEnvelope(5, 10)).toBe(1);
    expect(shakeEnvelope(9.99, 10)).toBeLessThan(0.01);
    expect(shakeEnvelope(100, Infinity)).toBe(1);
  });

  it('writes into the given object (no allocation in the frame loop)', () => {
    const o = out();
    expect(worldShakeOffset(2, options, false, o)).toBe(o);
  });
});
