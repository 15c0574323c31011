// This device's heartbeat: about every 30 s, and soon after a change (a refusal, an error, new content, another
// screen), the app tells its kiosk-server how the device is (POST /api/fleet/heartbeat); staff see it at /operator.
// Pages for staff (staffPages.ts) send none: the browser showing them is not one of the park's devices.
import { DEVICE_VIEWS, type DeviceHeartbeat } from '@ruyi/api-contract';
import { deviceToken, useEnrollment } from '../enroll/enrollment.ts';
import { isStaffPage } from '../staffPages.ts';
import { useContent } from '../stores/content.ts';
import { deviceId, screenDevice } from '../stores/device.ts';
import { useXr } from '../xr/state.ts';
import { APP_VERSION } from './appVersion.ts';
import { noteError, startPendingCount, useDeviceHealth } from './deviceHealth.ts';

export const HEARTBEAT_URL = '/api/fleet/heartbeat';
export const DEFAULT_INTERVAL_MS = 30_000;
/** Changes that come in a burst (a screen change and a refusal) make one heartbeat, not several. */
export const MIN_GAP_MS = 2_000;

/** `?heartbeatSeconds=N` (1–3600) in the start-up URL: a shorter interval for tests and for watching one station. */
export function heartbeatInterval(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('heartbeatSeconds'));
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : DEFAULT_INTERVAL_MS;
}

type View = (typeof DEVICE_VIEWS)[number];

/** What a path shows: its view, the scenario played, whether it is a staff page, and the VR station. */
export function viewOf(path: string): { view: View; playing: DeviceHeartbeat['playing']; staff: boolean; vr: boolean } {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const staff = isStaffPage(path);
  const id = /^[a-z0-9][a-z0-9-]{0,63}$/;
  const playing = (packId?: string, scenarioId?: string) => (packId && scenarioId && id.test(packId) && id.test(scenarioId) ? { packId, scenarioId } : null);
  if (parts.length === 0) return { view: 'attract', playing: null, staff, vr: false };
  if (parts[0] === 'map') return { view: 'map', playing: null, staff, vr: false };
  if (parts[0] === 'play') return { view: 'play', playing: playing(parts[1], parts[2]), staff, vr: false };
  if (parts[0] === 'vr') return { view: 'vr', playing: playing(parts[1], parts[2]), staff, vr: true };
  return { view: 'other', playing: null, staff, vr: false };
}

/** The heartbeat as it stands now. */
export function currentHeartbeat(pending: number, path = window.location.pathname, now = new Date()): DeviceHeartbeat {
  const { view, playing, vr } = viewOf(path);
  const content = useContent.getState();
  const health = useDeviceHealth.getState();
  return {
    deviceId,
    // A headset session on any page makes the device a VR station for that time.
    surface: vr || useXr.getState().presenting ? 'vr' : screenDevice === 'web' ? 'web' : 'kiosk',
    screen: { width: Math.round(window.screen?.width ?? window.innerWidth), height: Math.round(window.screen?.height ?? window.innerHeight) },
    view,
    playing,
    appVersion: APP_VERSION,
    content: content.status === 'ready' ? content.content.packs.slice(0, 200).map((p) => `${p.id}@${p.version}`.slice(0, 100)) : [],
    pending,
    refused: { count: health.refused, latest: health.latestRefusal },
    lastError: health.lastError,
    sentAt: now.toISOString(),
  };
}

export interface HeartbeatOptions {
  /** Statements waiting in the outbox. */
  pending: () => Promise<number>;
  intervalMs?: number;
}

let started = false;

/** Starts the heartbeat once per page (later calls do nothing). */
export function startHeartbeat({ pending, intervalMs = heartbeatInterval(window.location.search) }: HeartbeatOptions): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const counting = startPendingCount(pending);
  let lastSent = 0;
  let queued: ReturnType<typeof setTimeout> | null = null;

  const send = async () => {
    queued = null;
    if (viewOf(window.location.pathname).staff) return;
    lastSent = Date.now();
    // The same count the staff badge reads (deviceHealth.ts): one look at the outbox for both.
    await counting.first;
    const waiting = useDeviceHealth.getState().pending;
    const token = deviceToken();
    try {
      await fetch(HEARTBEAT_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(currentHeartbeat(waiting)),
        keepalive: true,
      });
    } catch {
      // The server is away: the next beat tries again; staff see the device's silence as "offline".
    }
  };

  /** Soon, but not more often than MIN_GAP_MS. */
  const soon = () => {
    if (queued) return;
    queued = setTimeout(() => void send(), Math.max(0, lastSent + MIN_GAP_MS - Date.now()));
  };

  window.addEventListener('error', (event) => noteError(event.message || String(event.error)));
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    noteError(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  });
  // wouter announces its navigations with these events (it patches history.pushState and replaceState).
  for (const name of ['popstate', 'pushState', 'replaceState']) window.addEventListener(name, soon);
  useDeviceHealth.subscribe((state, previous) => {
    if (state.refused !== previous.refused || state.lastError !== previous.lastError) soon();
  });
  useContent.subscribe((state, previous) => {
    if (state.status !== previous.status || (state.status === 'ready' && previous.status === 'ready' && state.content !== previous.content)) soon();
  });
  useEnrollment.subscribe((state, previous) => {
    if (state.token !== previous.token) soon();
  });
  setInterval(() => void send(), intervalMs);
  soon();
}
