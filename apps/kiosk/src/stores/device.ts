// What kind of device this is, for statistics: a park kiosk (the default) or a web browser (a school computer room,
// a community centre PC). A school opens the park once with `?device=web`; the choice stays with the browser.
// A headset needs no setting: while a VR session runs, records say 'vr' (see record.ts).
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

const ID_KEY = 'ruyi.device-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id remembered, or a new random one: a device's, never a person's (statements carry it to tell kiosks apart). */
export function deviceIdFrom(remembered: string | null, newId: () => string): string {
  return remembered && UUID.test(remembered) ? remembered : newId();
}

function loadDeviceId(): string {
  if (typeof window === 'undefined') return crypto.randomUUID();
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(ID_KEY);
  } catch {
    /* storage off: a new id each start, which only splits one device's statistics */
  }
  const id = deviceIdFrom(remembered, () => crypto.randomUUID());
  try {
    window.localStorage.setItem(ID_KEY, id);
  } catch {
    /* as above */
  }
  return id;
}

export const deviceId: string = loadDeviceId();
