// How the kiosk asks for a VR session: what @react-three/xr's createXRStore gets. Pure, so a unit test pins every
// choice that matters in a park: offline profiles, no emulator in the kiosk bundle, slow-press-friendly clicks.
import type { XRStoreOptions } from '@react-three/xr';

/** Where the kiosk-server serves the controller and hand profiles (kiosk-server/src/routes/xr-profiles). */
export const XR_PROFILES_PATH = '/xr-profiles/';

/**
 * A trigger press or pinch counts as a click if released within this time (on the same target). @pmndrs/pointer-events'
 * default (300 ms) is shorter than a child's deliberate press, and than two XR frames of software GL in CI (STACK.md,
 * IWER fix 3): on a loaded two-core CI machine an emulated stereo frame took ~0.75 s, so 3 s leaves room. Nothing in a
 * scenario is pressed and held, so a long threshold costs nothing.
 */
export const CLICK_THRESHOLD_MS = 3000;

/** The highest display rate up to 90 Hz: smooth enough for comfort, with headroom for the draw-call budget. */
export function pickFrameRate(supported: ArrayLike<number>): number | false {
  const rates = Array.from(supported).filter((r) => Number.isFinite(r) && r > 0);
  if (rates.length === 0) return false;
  const upTo90 = rates.filter((r) => r <= 90);
  return upTo90.length > 0 ? Math.max(...upTo90) : Math.min(...rates);
}

/** `origin` is the page's origin (location.origin): baseAssetPath must be absolute. */
export function xrStoreOptions(origin: string): XRStoreOptions {
  return {
    // Profiles from the kiosk-server, never the jsdelivr CDN @react-three/xr defaults to: a park has no internet, and
    // without a profile no controller input is registered at all (STACK.md trap 8).
    baseAssetPath: new URL(XR_PROFILES_PATH, origin).href,
    // IWER is installed by the tests themselves; the kiosk bundle never emulates (nor imports iwer).
    emulate: false,
    // Sessions start only from the app's own button (a user activation), never offered by the browser or granted.
    offerSession: false,
    enterGrantedSession: false,
    // Fixed foveation: full strength; panels and props sit in the middle of the view where it is sharp.
    foveation: 1,
    // The device's native framebuffer size: no supersampling cost, no blur.
    frameBufferScaling: 1,
    frameRate: pickFrameRate,
    // Only what the app uses: extra features (planes, meshes, anchors) would show a headset permission prompt.
    handTracking: true,
    anchors: false,
    layers: false,
    meshDetection: false,
    planeDetection: false,
    hitTest: false,
    domOverlay: false,
    bodyTracking: false,
    depthSensing: false,
    controller: {
      rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS },
      // Nothing is grabbed in a scenario: a squeeze near a button must not press it.
      grabPointer: false,
      teleportPointer: false,
    },
    hand: {
      // Pinch (thumb to index) is the hand's trigger: its ray clicks like a controller's. Poking a near panel works too.
      rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS },
      touchPointer: { clickThresholdMs: CLICK_THRESHOLD_MS },
      grabPointer: false,
      teleportPointer: false,
    },
    transientPointer: { clickThresholdMs: CLICK_THRESHOLD_MS },
    gaze: false,
    screenInput: false,
  };
}
