// The one @react-three/xr store of the page, made on first use (createXRStore adds a hidden overlay element to the
// page, so a kiosk without a headset never makes one). It is bound to whichever VR view's renderer is mounted: a
// session always lives on one renderer, which is why the VR view is one persistent canvas for the whole scenario.
import { createXRStore, type XRStore } from '@react-three/xr';
import { xrStoreOptions } from './storeOptions.ts';

let store: XRStore | null = null;

export function getXrStore(): XRStore {
  store ??= createXRStore(xrStoreOptions(window.location.origin));
  return store;
}

/** Why a session ended: the visitor's exit button, the headset (system menu, taken off), or the app. */
export type EndReason = 'exit' | 'device' | 'hidden' | 'idle' | 'left';

let pendingReason: EndReason | null = null;

/** Ends the running session, if any, remembering why for the end handler. */
export function endXrSession(reason: EndReason): void {
  const session = store?.getState().session;
  if (!session) return;
  pendingReason ??= reason;
  session.end().catch(() => undefined);
}

/** The reason of the session that just ended ('device' when the app did not end it). */
export function takeEndReason(): EndReason {
  const reason = pendingReason ?? 'device';
  pendingReason = null;
  return reason;
}

/** Starts an immersive-vr session: call straight from a tap or click handler (requestSession needs its activation). */
export function enterVr(): Promise<XRSession | undefined> {
  pendingReason = null;
  return getXrStore().enterVR();
}
