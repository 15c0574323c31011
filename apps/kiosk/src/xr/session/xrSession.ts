// The page's XR session as the screen's own controls see it (the "Enter VR" button, the "in the headset" notice):
// entering, ending and why it ended, without importing @react-three/xr, so these controls cost the first screen
// nothing. The store itself is made by xrStore.ts, which only the VR view (loaded on demand) imports; a session can
// only exist once it has been made, so until then entering fails and ending does nothing.
import type { XRStore } from '@react-three/xr';

let store: XRStore | null = null;

/** The page's one store, made by `make` on first use (xrStore.ts). */
export function xrStoreOr(make: () => XRStore): XRStore {
  store ??= make();
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

/**
 * Starts an immersive-vr session: call straight from a tap or click handler (requestSession needs its activation).
 * The VR view must be mounted (it makes the store and binds it to its renderer; the button is disabled until then).
 */
export function enterVr(): Promise<XRSession | undefined> {
  if (!store) return Promise.reject(new Error('Ruyi: no VR view is mounted yet'));
  pendingReason = null;
  return store.enterVR();
}
