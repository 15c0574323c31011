import { describe, expect, it } from 'vitest';
import { CLICK_THRESHOLD_MS, pickFrameRate, xrStoreOptions } from './storeOptions.ts';

describe('xrStoreOptions', () => {
  const options = xrStoreOptions('http://127.0.0.1:19100');

  it('loads controller and hand profiles from the kiosk-server, never a CDN', () => {
    expect(options.baseAssetPath).toBe('http://127.0.0.1:19100/xr-profiles/');
  });

  it('never emulates a headset nor starts a session by itself', () => {
    expect(options.emulate).toBe(false);
    expect(options.offerSession).toBe(false);
    expect(options.enterGrantedSession).toBe(false);
  });

  it('sets fixed foveation, native framebuffer scaling and hand tracking', () => {
    expect(options.foveation).toBe(1);
    expect(options.frameBufferScaling).toBe(1);
    expect(options.handTracking).toBe(true);
    expect(options.planeDetection).toBe(false);
    expect(options.meshDetection).toBe(false);
  });

  it('gives controllers and hands generous click thresholds', () => {
    expect(options.controller).toMatchObject({ rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } });
    expect(options.hand).toMatchObject({ rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS }, touchPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } });
    expect(CLICK_THRESHOLD_MS).toBeGreaterThanOrEqual(1000);
  });
});

describe('pickFrameRate', () => {
  it('takes the highest rate up to 90 Hz', () => {
    expect(pickFrameRate([72, 80, 90, 120])).toBe(90);
    expect(pickFrameRate(new Float32Array([60, 72]))).toBe(72);
    expect(pickFrameRate([120, 144])).toBe(120);
    expect(pickFrameRate([])).toBe(false);
  });
});
