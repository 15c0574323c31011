import { describe, expect, it } from 'vitest';
import { angularSizeDeg, metresFor, MIN_HIT_DEG, MIN_TEXT_DEG, subtendedDeg } from './legibility.ts';

describe('legibility units', () => {
  it('makes 20 dmm about 1.15° and 64 dmm about 3.7°', () => {
    expect(MIN_TEXT_DEG).toBeCloseTo(1.146, 3);
    expect(MIN_HIT_DEG).toBeCloseTo(3.666, 3);
  });

  it('keeps the angle of a dmm size the same at any distance', () => {
    for (const d of [0.5, 1.2, 3]) expect(angularSizeDeg(metresFor(20, d), d)).toBeCloseTo(MIN_TEXT_DEG, 6);
  });

  it('measures a segment seen face-on like angularSizeDeg, and smaller seen at a slant', () => {
    const faceOn = subtendedDeg([0, 0, 0], [0, -0.01, -1], [0, 0.01, -1]);
    expect(faceOn).toBeCloseTo(angularSizeDeg(0.02, 1), 6);
    // The same 2 cm, lying along the line of sight half-way, looks smaller.
    expect(subtendedDeg([0, 0, 0], [0, -0.01, -1], [0, 0.0, -1.01])).toBeLessThan(faceOn / 2 + 1e-9);
  });
});
