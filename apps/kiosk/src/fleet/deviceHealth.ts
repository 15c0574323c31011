// How this device is doing, for the heartbeat and the kiosk's staff indicator: statements waiting, statements the
// server refused (kept on the device, see refused.ts) with the latest reason, and the page's last error. A small store,
// so the indicator re-renders when a count changes. The outbox is counted here, every few seconds, for both.
import type { RefusalKind } from '@ruyi/api-contract';
import { create } from 'zustand';
import { waitingStatements } from '../offline/attention.ts';

export interface Problem {
  message: string;
  /** ISO 8601. */
  at: string;
}

export interface DeviceHealth {
  /** Statements waiting in the outbox (as of the latest look): what the heartbeat reports. */
  pending: number;
  /**
   * Statements that were still waiting a count later (null until counted twice): what the staff badge shows, so a
   * statement passing through the outbox for a moment never flashes it.
   */
  waiting: number | null;
  /** Statements the server refused, kept on this device. */
  refused: number;
  latestRefusal: (Problem & { code?: RefusalKind }) | null;
  /** The last uncaught error or unhandled rejection on this page. */
  lastError: Problem | null;
}

export const useDeviceHealth = create<DeviceHealth>(() => ({ pending: 0, waiting: null, refused: 0, latestRefusal: null, lastError: null }));

/** How often the outbox is counted (an IndexedDB count: cheap). */
export const PENDING_COUNT_EVERY_MS = 2_000;

let counted = false;

/** A count of the outbox: the latest count, and what was still there since the count before. */
export function notePending(count: number): void {
  useDeviceHealth.setState((s) => ({ pending: count, waiting: waitingStatements(counted ? s.pending : null, count) }));
  counted = true;
}

/** Forgets the counts (for tests, and a page that starts counting again). */
export function resetPendingCount(): void {
  counted = false;
  useDeviceHealth.setState({ pending: 0, waiting: null });
}

/**
 * Counts the outbox now and then every `everyMs`, into the store; resolves after the first count. A count that fails
 * (the store is busy or gone) leaves the last one standing.
 */
export function startPendingCount(count: () => Promise<number>, everyMs = PENDING_COUNT_EVERY_MS): { first: Promise<void>; stop: () => void } {
  const once = () => count().then(notePending, () => undefined);
  const timer = setInterval(() => void once(), everyMs);
  return { first: once(), stop: () => clearInterval(timer) };
}

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
