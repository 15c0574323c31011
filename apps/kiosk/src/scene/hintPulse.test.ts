import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Mesh, MeshBasicMaterial } from 'three';
import { applyHintLook, createHintLook as look, hintPulse, STILL_HINT } from './hintPulse.ts';

describe('hintPulse', () => {
  it('breathes slowly between a faint and a full outline, starting half-way', () => {
    expect(hintPulse(0, look())).toEqual({ ringOpacity: 0.75, overlayOpacity: 0.22, ringScale: 1.015 });
    const peak = hintPulse(Math.PI / 2 / 2.4, look());
    expect(peak.ringOpacity).toBeCloseTo(0.95);
    expect(peak.overlayOpacity).toBeCloseTo(0.34);
    expect(peak.ringScale).toBeCloseTo(1.03);
    const period = (2 * Math.PI) / 2.4;
    expect(period, 'seconds per breath: well under 3 flashes a second').toBeGreaterThan(2);
    expect(hintPulse(period, look()).ringOpacity).toBeCloseTo(0.75);
    for (let t = 0; t < period; t += 0.05) {
      const l = hintPulse(t, look());
      expect(l.ringOpacity).toBeGreaterThanOrEqual(0.55 - 1e-9);
      expect(l.ringOpacity).toBeLessThanOrEqual(0.95 + 1e-9);
    }
  });

  it('writes into the look it is given', () => {
    const out = look();
    expect(hintPulse(1, out)).toBe(out);
  });
});

describe('applyHintLook', () => {
  it('sets both hint materials and the outline’s scale, with or without the outline mounted', () => {
    const ringMaterial = new MeshBasicMaterial();
    const overlay = new MeshBasicMaterial();
    const ring = new Mesh(undefined, ringMaterial);
    applyHintLook({ ringOpacity: 0.6, overlayOpacity: 0.2, ringScale: 1.02 }, ringMaterial, overlay, ring);
    expect([ringMaterial.opacity, overlay.opacity, ring.scale.x, ring.scale.z]).toEqual([0.6, 0.2, 1.02, 1.02]);
    applyHintLook(STILL_HINT, ringMaterial, overlay, null);
    expect([ringMaterial.opacity, overlay.opacity]).toEqual([0.95, 0.28]);
  });
});

describe('the hint frame loop', () => {
  // A frame loop that allocates makes V8's young generation fill up and collect; one that does not never triggers a
  // collection, however many frames run.
  it('allocates nothing: a million frames run without a single minor garbage collection', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const entries: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    const ringMaterial = new MeshBasicMaterial();
    const overlay = new MeshBasicMaterial();
    const ring = new Mesh(undefined, ringMaterial);
    const out = look();
    const frame = (elapsed: number): void => applyHintLook(hintPulse(elapsed, out), ringMaterial, overlay, ring);
    // Warm up until V8 has optimised the loop: unoptimised code boxes every number it passes around.
    for (let i = 0; i < 100_000; i++) frame(i / 72);
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    entries.length = 0;
    const start = performance.now();
    for (let i = 0; i < 1_000_000; i++) frame(i / 72);
    const end = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    const kind = (e: PerformanceEntry): number | undefined => (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    const minor = entries.filter((e) => e.startTime >= start && e.startTime <= end && kind(e) === constants.NODE_PERFORMANCE_GC_MINOR);
    expect(minor).toEqual([]);
  });
});
