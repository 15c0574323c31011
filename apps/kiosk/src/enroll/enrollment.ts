// Whether this device may post statements, and its device token. The token belongs to the device, not to a visit: it
// stays in localStorage across visits and restarts until staff enroll the device again. Statements made while the
// device is not enrolled wait in the outbox (see api/client.ts) and go once it is.
import { create } from 'zustand';

/**
 * unknown: not asked yet; enrolled: holds a token the server took; exempt: the server's own machine (or another
 * address the server exempts); open: the server takes anyone; not-enrolled: the server refused this device.
 */
export type EnrollmentStatus = 'unknown' | 'enrolled' | 'exempt' | 'open' | 'not-enrolled';

export interface EnrollmentState {
  token: string | null;
  label: string | null;
  status: EnrollmentStatus;
}

const TOKEN_KEY = 'ruyi.device-token';
const LABEL_KEY = 'ruyi.device-label';

function read(key: string): string | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage.getItem(key);
  } catch {
    // Storage off (a locked-down profile): the device must be enrolled again after each start.
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* as above */
  }
}

export const useEnrollment = create<EnrollmentState>(() => ({ token: read(TOKEN_KEY), label: read(LABEL_KEY), status: 'unknown' }));

/** The token to send with statements, if this device has one. */
export const deviceToken = () => useEnrollment.getState().token;

/** Staff enrolled this device: keep its token for good. */
export function saveEnrollment(token: string, label: string): void {
  write(TOKEN_KEY, token);
  write(LABEL_KEY, label);
  useEnrollment.setState({ token, label, status: 'enrolled' });
}

/** The server refused this device (no token, an unknown or a revoked one). */
export function markNotEnrolled(): void {
  if (useEnrollment.getState().status !== 'not-enrolled') useEnrollment.setState({ status: 'not-enrolled' });
}

/** The server took this device's statements or answered who it is. */
export function markAccepted(status: Exclude<EnrollmentStatus, 'unknown' | 'not-enrolled'>, label?: string | null): void {
  const state = useEnrollment.getState();
  const next = label === undefined ? state.label : label;
  if (state.status !== status || state.label !== next) useEnrollment.setState({ status, label: next });
}
