import { describe, expect, it } from 'vitest';
import { DESIGN_ASPECT, DESIGN_FOV, fovForAspect } from './cameraFit.ts';

const halfWidth = (fov: number, aspect: number) => Math.tan(((fov / 2) * Math.PI) / 180) * aspect;

describe('fovForAspect', () => {
  it('keeps the design field of view at 16:9 and wider', () => {
    expect(fovForAspect(DESIGN_ASPECT)).toBe(DESIGN_FOV);
    expect(fovForAspect(21 / 9)).toBe(DESIGN_FOV);
  });

  it('widens on narrower views so the same width of the room stays visible', () => {
    for (const aspect of [1.45, 1, 9 / 16]) {
      const fov = fovForAspect(aspect);
      expect(fov).toBeGreaterThan(DESIGN_FOV);
      expect(halfWidth(fov, aspect)).toBeCloseTo(halfWidth(DESIGN_FOV, DESIGN_ASPECT), 6);
    }
  });

  it('falls back to the design value for a degenerate size', () => {
    expect(fovForAspect(0)).toBe(DESIGN_FOV);
    expect(fovForAspect(Number.NaN)).toBe(DESIGN_FOV);
  });
});
