// Drives the kiosk app in an emulated headset (IWER, see iwer.ts): enter VR with a real click, point a controller ray
// or a tracked hand at an in-world target by its id (window.__ruyiXr.targets()), press the trigger or pinch, leave VR.
// Every wait is a poll on XR frames or app state: software GL draws two eyes at a few frames per second here.
import { expect, type Locator, type Page } from '@playwright/test';
import type { RuyiXrWindow } from './globals.ts';
import { iwerInitScript, type IwerOptions } from './iwer.ts';

export type Hand = 'left' | 'right';
export type Vec3 = [number, number, number];
export type Quat = [number, number, number, number];

/** One entry of window.__ruyiXr.targets() (apps/kiosk/src/xr/targets.ts: XrTargetInfo). */
export interface XrTarget {
  id: string;
  kind: 'prop' | 'button' | 'teleport';
  label: string;
  state?: 'on' | 'off' | 'disabled';
  /** World space, metres. */
  center: Vec3;
  visible: boolean;
}

export interface XrRenderInfo {
  /** renderer.info of the last XR frame, both eyes together. */
  calls: number;
  triangles: number;
  eyes: number;
}

/**
 * The page size for headset tests. IWER draws the session into a canvas the size of the window (both eyes side by
 * side), so this sets the pixels software GL fills per XR frame: at 1920×1080 this machine made ~2 XR frames/s, at
 * 960×540 ~6; on a loaded run 480×270 drew 1.7× the frames of 960×540. Every press waits for a few XR frames, so the
 * headset specs take about as long as their frames. Draw calls and triangles per eye, targets and rays (world space)
 * do not depend on it.
 */
export const XR_VIEWPORT = { width: 480, height: 270 };

/** Generous: software GL in CI draws two eyes at a few frames per second. */
export const XR_TIMEOUT = 30_000;

/** Installs IWER in every document the page loads from now on; call before page.goto. */
export async function installIwer(page: Page, options: IwerOptions = {}): Promise<void> {
  await page.addInitScript({ content: iwerInitScript(options) });
}

// ---------- reading the app ----------

export async function isPresenting(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean((window as unknown as RuyiXrWindow).__ruyiXr?.presenting));
}

/** The app's XR frame counter (frames it rendered in the session). */
export async function appXrFrames(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as RuyiXrWindow).__ruyiXr?.frames ?? 0);
}

/** renderer.info of the last XR frame and the number of eyes it drew. */
export async function xrInfo(page: Page): Promise<XrRenderInfo> {
  return page.evaluate(() => {
    const info = (window as unknown as RuyiXrWindow).__ruyiXr!.info();
    return { calls: info.calls, triangles: info.triangles, eyes: info.eyes };
  });
}

/** Per eye: calls and triangles of the last XR frame divided by its eyes. */
export async function xrInfoPerEye(page: Page): Promise<{ calls: number; triangles: number; eyes: number }> {
  const info = await xrInfo(page);
  const eyes = Math.max(1, info.eyes);
  return { calls: info.calls / eyes, triangles: info.triangles / eyes, eyes: info.eyes };
}

export async function xrTargets(page: Page): Promise<XrTarget[]> {
  return page.evaluate(() => ((window as unknown as RuyiXrWindow).__ruyiXr?.targets() ?? []) as XrTarget[]);
}

/** Records the app has made on this page (window.__ruyiXr.records): one more means a press was taken. */
export async function appRecords(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as RuyiXrWindow).__ruyiXr?.records ?? 0);
}

/**
 * Presses and tells whether the app took the press: it made a record within a few seconds. The record's statement
 * may take much longer to reach the server on a loaded machine, so a test that waits for the server alone cannot tell
 * a lost press from a slow one, and pressing again after a slow one does a second thing.
 */
export async function pressTaken(page: Page, pressIt: () => Promise<unknown>, timeout = 5_000): Promise<boolean> {
  const before = await appRecords(page);
  await pressIt();
  return expect
    .poll(() => appRecords(page), { timeout })
    .toBeGreaterThan(before)
    .then(
      () => true,
      () => false,
    );
}

/** Waits for a target to be registered and visible, and returns it. */
export async function waitForTarget(page: Page, id: string, timeout = XR_TIMEOUT): Promise<XrTarget> {
  let found: XrTarget | undefined;
  await expect
    .poll(
      async () => {
        found = (await xrTargets(page)).find((t) => t.id === id);
        return found ? (found.visible ? 'visible' : 'hidden') : 'absent';
      },
      { message: `XR target ${id} is shown`, timeout },
    )
    .toBe('visible');
  return found!;
}

/** Visible targets whose id starts with prefix, e.g. 'button:quiz.choice.'. */
export async function visibleTargets(page: Page, prefix = ''): Promise<XrTarget[]> {
  return (await xrTargets(page)).filter((t) => t.visible && t.id.startsWith(prefix));
}

// ---------- frames ----------

/** XR frames seen by the harness's own session.requestAnimationFrame loop (independent of the app's counter). */
export async function harnessFrames(page: Page): Promise<number> {
  return page.evaluate(() => window.__iwerState?.frames ?? 0);
}

/** Waits until n more XR frames have run, or the session has ended (no more frames will come: e.g. after exit). */
export async function waitForXrFrames(page: Page, n = 1, timeout = XR_TIMEOUT): Promise<void> {
  const start = await harnessFrames(page);
  await page.waitForFunction(
    ([s, k]) => !window.__iwerState?.session || window.__iwerState.frames >= s + k,
    [start, n] as const,
    { timeout, polling: 'raf' },
  );
}

// ---------- entering and leaving ----------

/**
 * Clicks the DOM "Enter VR" button with a real pointer click (a user activation, as a headset browser requires), then
 * waits until the app says it presents and has drawn XR frames.
 */
export async function enterVr(page: Page, button: Locator): Promise<void> {
  await expect(button).toBeEnabled({ timeout: XR_TIMEOUT });
  await button.click();
  await expect.poll(() => isPresenting(page), { message: 'the app presents in the headset', timeout: XR_TIMEOUT }).toBe(true);
  await expect.poll(() => appXrFrames(page), { message: 'the app renders XR frames', timeout: XR_TIMEOUT }).toBeGreaterThan(0);
  await expect.poll(() => harnessFrames(page), { timeout: XR_TIMEOUT }).toBeGreaterThan(0);
}

/** Leaves VR the way a visitor does: the in-world exit button. */
export async function exitVr(page: Page, hand: Hand = 'right'): Promise<void> {
  await select(page, 'button:exit-vr', { hand });
  await expect.poll(() => isPresenting(page), { message: 'the app stopped presenting', timeout: XR_TIMEOUT }).toBe(false);
  await expect.poll(() => page.evaluate(() => window.__iwer?.activeSession == null), { timeout: XR_TIMEOUT }).toBe(true);
}

/** Ends the session from the headset's side (visitor took it off / pressed the system button). */
export async function endSessionFromDevice(page: Page): Promise<void> {
  await page.evaluate(() => window.__iwer?.activeSession?.end());
  await expect.poll(() => isPresenting(page), { timeout: XR_TIMEOUT }).toBe(false);
}

// ---------- poses: world space ↔ the session's reference space ----------

/**
 * The XR origin's world matrix (column-major, as three.js Matrix4.elements), from the app's window.__ruyiXr.origin().
 * @react-three/xr puts the camera and the controllers under <XROrigin>, so a pose IWER takes (reference space,
 * local-floor) appears in the world at origin × pose; the app moves the origin to the scene's viewpoint, on teleports
 * and snap turns, and raises it for a seated visitor. Null before the view has an origin (then an unmoved one is
 * assumed).
 */
export async function originMatrix(page: Page): Promise<number[] | null> {
  return page.evaluate(() => (window as unknown as RuyiXrWindow).__ruyiXr?.origin() ?? null);
}

export function invertAffine(m: number[]): number[] {
  // General 4×4 inverse (origin may be scaled); column-major like three.js.
  const [a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33] = m as [
    number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number,
  ];
  const b00 = a00 * a11 - a01 * a10, b01 = a00 * a12 - a02 * a10, b02 = a00 * a13 - a03 * a10;
  const b03 = a01 * a12 - a02 * a11, b04 = a01 * a13 - a03 * a11, b05 = a02 * a13 - a03 * a12;
  const b06 = a20 * a31 - a21 * a30, b07 = a20 * a32 - a22 * a30, b08 = a20 * a33 - a23 * a30;
  const b09 = a21 * a32 - a22 * a31, b10 = a21 * a33 - a23 * a31, b11 = a22 * a33 - a23 * a32;
  const det = b00 * b11 - b01 * b10 + b02 * b09 + b03 * b08 - b04 * b07 + b05 * b06;
  if (!det) throw new Error('the XR origin matrix is singular');
  const d = 1 / det;
  return [
    (a11 * b11 - a12 * b10 + a13 * b09) * d, (a02 * b10 - a01 * b11 - a03 * b09) * d, (a31 * b05 - a32 * b04 + a33 * b03) * d, (a22 * b04 - a21 * b05 - a23 * b03) * d,
    (a12 * b08 - a10 * b11 - a13 * b07) * d, (a00 * b11 - a02 * b08 + a03 * b07) * d, (a32 * b02 - a30 * b05 - a33 * b01) * d, (a20 * b05 - a22 * b02 + a23 * b01) * d,
    (a10 * b10 - a11 * b08 + a13 * b06) * d, (a01 * b08 - a00 * b10 - a03 * b06) * d, (a30 * b04 - a31 * b02 + a33 * b00) * d, (a21 * b02 - a20 * b04 - a23 * b00) * d,
    (a11 * b07 - a10 * b09 - a12 * b06) * d, (a00 * b09 - a01 * b07 + a02 * b06) * d, (a31 * b01 - a30 * b03 - a32 * b00) * d, (a20 * b03 - a21 * b01 + a22 * b00) * d,
  ];
}

export function transformPoint(m: number[], p: Vec3): Vec3 {
  const [x, y, z] = p;
  const w = m[3]! * x + m[7]! * y + m[11]! * z + m[15]! || 1;
  return [(m[0]! * x + m[4]! * y + m[8]! * z + m[12]!) / w, (m[1]! * x + m[5]! * y + m[9]! * z + m[13]!) / w, (m[2]! * x + m[6]! * y + m[10]! * z + m[14]!) / w];
}

/** A world-space point in the session's reference space (where IWER poses live). */
export async function worldToReference(page: Page, world: Vec3): Promise<Vec3> {
  const m = await originMatrix(page);
  return m ? transformPoint(invertAffine(m), world) : world;
}

/** A reference-space point in world space. */
export async function referenceToWorld(page: Page, ref: Vec3): Promise<Vec3> {
  const m = await originMatrix(page);
  return m ? transformPoint(m, ref) : ref;
}

/** The quaternion that turns -Z (a WebXR target ray's direction) towards dir, keeping +Y up where it can. */
export function lookRotation(dir: Vec3): Quat {
  const len = Math.hypot(...dir);
  if (!len) return [0, 0, 0, 1];
  // Columns of the rotation: x (right), y (up), z (backwards = -dir).
  const z: Vec3 = [-dir[0] / len, -dir[1] / len, -dir[2] / len];
  let up: Vec3 = [0, 1, 0];
  if (Math.abs(z[1]) > 0.999) up = [0, 0, 1];
  const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  let x = cross(up, z);
  const xl = Math.hypot(...x);
  x = [x[0] / xl, x[1] / xl, x[2] / xl];
  const y = cross(z, x);
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = [x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]];
  const trace = m00 + m11 + m22;
  let q: Quat;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    q = [(m21 - m12) * s, (m02 - m20) * s, (m10 - m01) * s, 0.25 / s];
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    q = [0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    q = [(m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    q = [(m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s];
  }
  return q;
}

// ---------- input ----------

export type InputMode = 'controller' | 'hand';

/** Switches IWER between the two controllers and two tracked hands, and waits for the app to see the change. */
export async function setInputMode(page: Page, mode: InputMode): Promise<void> {
  await page.evaluate((m) => {
    window.__iwer!.primaryInputMode = m;
  }, mode);
  await waitForXrFrames(page, 3);
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const s = window.__iwer!.activeSession;
          return s ? [...s.inputSources].map((i) => (i.hand ? 'hand' : 'controller')) : [];
        }),
      { timeout: XR_TIMEOUT },
    )
    .toEqual([mode, mode]);
}

export interface AimOptions {
  hand?: Hand;
  /** Where the ray starts, in the reference space; next to the headset (a relaxed arm) unless told. */
  from?: Vec3;
  /** Aim this far off the target's centre (world metres), e.g. when its centre is a hole. */
  offset?: Vec3;
  /** XR frames to wait after moving, so the pointer has hovered the target before a press. */
  settleFrames?: number;
}

/**
 * Where the hand is when it points, in the reference space: raised to just under the eyes, a little to its side and
 * forward, so the ray follows the visitor's line of sight. (From a hand held low, in IWER's default place, rays into
 * the room passed through the hunt panel, which sits low and to the right.)
 */
async function restingHand(page: Page, hand: Hand): Promise<Vec3> {
  const head = await page.evaluate(() => {
    const p = window.__iwer!.position;
    return [p.x, p.y, p.z] as [number, number, number];
  });
  return [head[0] + (hand === 'right' ? 0.1 : -0.1), head[1] - 0.05, head[2] - 0.1];
}

/**
 * Points the hand's controller (or tracked hand, whichever IWER has as primary input) from near the headset at a
 * target's world centre: position and a quaternion whose -Z looks at the target, in the reference space. Then waits a
 * few XR frames for the ray to hover it.
 */
export async function aimAt(page: Page, targetId: string, options: AimOptions = {}): Promise<XrTarget> {
  const hand = options.hand ?? 'right';
  const target = await waitForTarget(page, targetId);
  const worldTarget: Vec3 = options.offset
    ? [target.center[0] + options.offset[0], target.center[1] + options.offset[1], target.center[2] + options.offset[2]]
    : target.center;
  const to = await worldToReference(page, worldTarget);
  const from = options.from ?? (await restingHand(page, hand));
  const quaternion = lookRotation([to[0] - from[0], to[1] - from[1], to[2] - from[2]]);
  await page.evaluate(
    ({ hand, from, quaternion }) => {
      const device = window.__iwer!;
      const input = device.primaryInputMode === 'hand' ? device.hands[hand] : device.controllers[hand];
      if (!input) throw new Error(`IWER has no ${device.primaryInputMode} for the ${hand} hand`);
      input.position.set(from[0], from[1], from[2]);
      input.quaternion.set(quaternion[0], quaternion[1], quaternion[2], quaternion[3]);
    },
    { hand, from, quaternion },
  );
  await waitForXrFrames(page, options.settleFrames ?? 3);
  return target;
}

async function press(page: Page, hand: Hand, value: number): Promise<void> {
  await page.evaluate(
    ({ hand, value }) => {
      const device = window.__iwer!;
      if (device.primaryInputMode === 'hand') device.hands[hand]!.updatePinchValue(value);
      else device.controllers[hand]!.updateButtonValue('trigger', value);
    },
    { hand, value },
  );
}

/**
 * Waits until the in-world buttons take presses: after buttons appear or change, the app ignores presses for a moment
 * (ghost presses; apps/kiosk/src/xr/ui/inputGate.ts) and says so in window.__ruyiXr.settled, as the page says it on
 * its root for 2D (test/play/words.ts screenSettled). Polled on a timer: the page's animation frames stop in VR.
 */
export async function xrSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as RuyiXrWindow).__ruyiXr?.settled !== false, null, { polling: 50, timeout: XR_TIMEOUT });
}

/**
 * Aims at a target and clicks it: trigger (or pinch) down, held one XR frame, up, once the buttons have settled. The value is applied at the next
 * XR frame's start (selectstart), so down→up spans two to three frames: well inside the app's raised clickThresholdMs.
 */
export async function select(page: Page, targetId: string, options: AimOptions = {}): Promise<XrTarget> {
  const hand = options.hand ?? 'right';
  const target = await aimAt(page, targetId, options);
  await xrSettled(page);
  // Down at the next frame's start; up at the start of the one after: one frame apart, inside clickThresholdMs even
  // at 1–2 XR frames/s.
  await press(page, hand, 1);
  await waitForXrFrames(page, 1);
  await press(page, hand, 0);
  await waitForXrFrames(page, 2);
  return target;
}

/** The same with a tracked hand: switches IWER to hands if needed, then pinches (thumb to index) at the target. */
export async function pinch(page: Page, targetId: string, options: AimOptions = {}): Promise<XrTarget> {
  const mode = await page.evaluate(() => window.__iwer!.primaryInputMode);
  if (mode !== 'hand') await setInputMode(page, 'hand');
  return select(page, targetId, options);
}

/** Where the headset is (reference space), e.g. to stand nearer something. */
export async function setHeadsetPose(page: Page, position: Vec3, quaternion: Quat = [0, 0, 0, 1]): Promise<void> {
  await page.evaluate(
    ({ position, quaternion }) => {
      window.__iwer!.position.set(...position);
      window.__iwer!.quaternion.set(...quaternion);
    },
    { position, quaternion },
  );
  await waitForXrFrames(page, 2);
}
