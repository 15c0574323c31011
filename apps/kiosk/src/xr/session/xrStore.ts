// The one @react-three/xr store of the page, made on first use (createXRStore adds a hidden overlay element to the
// page, so a kiosk without a headset never makes one). It is bound to whichever VR view's renderer is mounted: a
// session always lives on one renderer, which is why the VR view is one persistent canvas for the whole scenario.
// Entering and ending live in xrSession.ts, which the screen's controls import without pulling in the XR kit.
import { createXRStore, type XRStore } from '@react-three/xr';
import { xrStoreOptions } from './storeOptions.ts';
import { xrStoreOr } from './xrSession.ts';

export function getXrStore(): XRStore {
  return xrStoreOr(() => createXRStore(xrStoreOptions(window.location.origin)));
}

export { endXrSession, enterVr, takeEndReason, type EndReason } from './xrSession.ts';
