// What kind of device this is, for statistics: a park kiosk (the default) or a web browser (a school computer room,
// a community centre PC). A school opens the park once with `?device=web`; the choice stays with the browser.
// A headset needs no setting: while a VR session runs, records say 'vr' (see recording.ts).
import type { Platform } from '@ruyi/records';

export type ScreenDevice = Extract<Platform, 'kiosk' | 'web'>;
const KEY = 'ruyi.device';

/** The device named in a URL query (`?device=web|kiosk`), the one remembered, or 'kiosk'. */
export function deviceFrom(query: string, remembered: string | null): ScreenDevice {
  const asked = new URLSearchParams(query).get('device');
  if (asked === 'web' || asked === 'kiosk') return asked;
  return remembered === 'web' ? 'web' : 'kiosk';
}

function detect(): ScreenDevice {
  if (typeof window === 'undefined') return 'kiosk';
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(KEY);
  } catch {
    // Storage may be off (private mode, a locked-down kiosk profile): then only the URL counts.
  }
  const device = deviceFrom(window.location.search, remembered);
  try {
    window.localStorage.setItem(KEY, device);
  } catch {
    /* as above */
  }
  return device;
}

/** Decided once, when the app starts. */
export const screenDevice: ScreenDevice = detect();
