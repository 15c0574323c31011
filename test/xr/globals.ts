// Page-side globals the harness reads. window.__iwer* are the harness's own (iwer.ts); window.__ruyiXr is the app's
// (apps/kiosk/src/xr/testApi.ts declares it on Window): the harness reads it through RuyiXrWindow, a structural view,
// so this file never clashes with the app's declaration.
import type { XRDevice } from 'iwer';

export interface RuyiXrLike {
  presenting: boolean;
  frames: number;
  info(): { calls: number; triangles: number; eyes: number };
  targets(): unknown[];
  posture?: string;
  /** Optional hook: the XR origin's world matrix (column-major), when the app moves <XROrigin>. */
  origin?: () => unknown;
}

export type RuyiXrWindow = { __ruyiXr?: RuyiXrLike };

export interface IwerState {
  frames: number;
  sessions: number;
  ended: number;
  session: XRSession | null;
}

declare global {
  interface Window {
    __iwer?: XRDevice;
    __iwerState?: IwerState;
    __iwerConfig?: unknown;
  }
}
