// Whether this browser can show immersive VR: a headset browser, a PC with a headset, or a test's emulated headset.
// The answer comes asynchronously and may change when a headset is plugged in (navigator.xr 'devicechange').
import { useSyncExternalStore } from 'react';

let supported = false;
let asked = false;
const listeners = new Set<() => void>();

function ask(): void {
  const xr = typeof navigator === 'undefined' ? undefined : navigator.xr;
  if (!xr) return;
  xr.isSessionSupported('immersive-vr').then(
    (yes) => {
      if (yes === supported) return;
      supported = yes;
      listeners.forEach((l) => l());
    },
    () => undefined,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!asked) {
    asked = true;
    ask();
    navigator.xr?.addEventListener('devicechange', ask);
  }
  return () => listeners.delete(listener);
}

export function useImmersiveVrSupported(): boolean {
  return useSyncExternalStore(subscribe, () => supported, () => false);
}
