// The XR test/operator API on `window.__ruyiXr`, installed while a VR view is mounted: a headset's view cannot be
// queried like a DOM, so tests (test/xr/harness.ts) find in-world things by id here and read the frame budget.
import type { Object3D } from 'three';
import { frameStats } from './session/frameStats.ts';
import { recordsMade } from '../stores/record.ts';
import { useVisit } from '../stores/visit.ts';
import { useXr, type Posture } from './state.ts';
import { listXrTargets, type XrTargetInfo } from './targets.ts';
import { xrMsUntilSettled } from './ui/inputGate.ts';

export interface RuyiXrApi {
  /** An immersive session is running. */
  readonly presenting: boolean;
  /** XR frames rendered since the session started. */
  readonly frames: number;
  /** renderer.info of the last XR frame: totals over all its views (both eyes), and the number of views. */
  info(): { calls: number; triangles: number; eyes: number };
  /** Everything a visitor can point at: `prop:<id>`, `teleport:<n>`, `button:<name>` (xr/targets.ts). */
  targets(): XrTargetInfo[];
  /**
   * Whether in-world buttons take presses now: after buttons appear or change, they ignore presses for a moment
   * (xr/ui/inputGate.ts), as the page does (its root's aria-disabled). Presses wait for this, as a visitor's eyes do.
   */
  readonly settled: boolean;
  readonly posture: Posture;
  /**
   * Records the page has made so far. A press that does something records at once, while its statement may take a
   * while to reach the server on a loaded machine: a test reads this to know a press was taken before pressing again.
   */
  readonly records: number;
  /**
   * The XR origin's world matrix (three.js Matrix4.elements, column-major): a pose in the session's reference space
   * appears in the world at origin × pose. Null before the view has an origin.
   */
  origin(): number[] | null;
}

declare global {
  interface Window {
    __ruyiXr?: RuyiXrApi;
  }
}

/** Installs the API; returns the uninstaller. */
export function installXrTestApi(getOrigin: () => Object3D | null): () => void {
  const api: RuyiXrApi = {
    get presenting() {
      return useXr.getState().presenting;
    },
    get frames() {
      return frameStats.frames;
    },
    info: () => ({ calls: frameStats.calls, triangles: frameStats.triangles, eyes: frameStats.eyes }),
    targets: () => listXrTargets(),
    get settled() {
      return xrMsUntilSettled() === 0;
    },
    get posture() {
      return useVisit.getState().posture;
    },
    get records() {
      return recordsMade();
    },
    origin: () => {
      const o = getOrigin();
      if (!o) return null;
      o.updateWorldMatrix(true, false);
      return [...o.matrixWorld.elements];
    },
  };
  window.__ruyiXr = api;
  return () => {
    if (window.__ruyiXr === api) delete window.__ruyiXr;
  };
}
