// Page-side globals the harness reads. window.__iwer* are the harness's own (iwer.ts); window.__ruyiXr is the app's
// (apps/kiosk/src/xr/testApi.ts, whose type is the contract): the harness reads it through RuyiXrWindow.
import type { XRDevice } from 'iwer';
import type { RuyiXrApi } from '../../apps/kiosk/src/xr/testApi.ts';

export type RuyiXrWindow = { __ruyiXr?: RuyiXrApi };

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
