import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_PIXELS, MIN_RENDER_SCALE, renderScale } from './renderScale.ts';

describe('renderScale', () => {
  it('draws a full-HD kiosk’s view at its own size', () => {
    expect(renderScale(1440, 1000, 1)).toBe(1);
    expect(renderScale(1080, 1100, 1)).toBe(1);
  });

  it('keeps a high-density screen’s finer drawing while it fits, up to 1.5', () => {
    expect(renderScale(800, 600, 2)).toBe(1.5);
    expect(renderScale(800, 600, 1.25)).toBe(1.25);
  });

  it('caps a 4K panel’s view at about a full-HD screen’s pixels', () => {
    const scale = renderScale(2880, 2000, 1);
    expect(scale).toBeLessThan(1);
    const drawn = 2880 * scale * 2000 * scale;
    expect(drawn).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(drawn).toBeGreaterThan(MAX_CANVAS_PIXELS * 0.97);
  });

  it('caps a dense screen’s finer drawing before its own size', () => {
    const scale = renderScale(1600, 1200, 1.5);
    expect(scale).toBeGreaterThanOrEqual(1);
    expect(scale).toBeLessThan(1.5);
  });

  it('never draws coarser than half, and answers sanely before the view is measured', () => {
    expect(renderScale(10_000, 10_000, 1)).toBe(MIN_RENDER_SCALE);
    expect(renderScale(0, 0, 1)).toBe(1);
    expect(renderScale(800, 600, Number.NaN)).toBe(1);
    expect(renderScale(800, 600, 0.5)).toBe(1);
  });
});
