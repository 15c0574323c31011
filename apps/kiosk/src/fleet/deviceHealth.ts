// How this device is doing, for the heartbeat and the kiosk's staff indicator: statements waiting, statements the
// server refused (kept on the device, see refused.ts) with the latest reason, and the page's last error. A small store,
// so the indicator re-renders when a count changes.
import { create } from 'zustand';

export interface Problem {
  message: string;
  /** ISO 8601. */
  at: string;
}

export interface DeviceHealth {
  /** Statements waiting in the outbox (as of the latest look). */
  pending: number;
  /** Statements the server refused, kept on this device. */
  refused: number;
  latestRefusal: Problem | null;
  /** The last uncaught error or unhandled rejection on this page. */
  lastError: Problem | null;
}

export const useDeviceHealth = create<DeviceHealth>(() => ({ pending: 0, refused: 0, latestRefusal: null, lastError: null }));

/** For the staff indicator: how many statements the server refused (kept here), and why the latest was. */
export const useRefusedStatements = () => {
  const count = useDeviceHealth((s) => s.refused);
  const latest = useDeviceHealth((s) => s.latestRefusal);
  return { count, latest };
};

/** Messages are cut to this length: enough to recognise an error, not a whole stack. */
export const MESSAGE_LIMIT = 300;

export const cut = (text: string, limit = MESSAGE_LIMIT) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

export function noteError(message: string, at = new Date()): void {
  useDeviceHealth.setState({ lastError: { message: cut(message.trim() || 'error'), at: at.toISOString() } });
}
