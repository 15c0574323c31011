import { useCallback, useEffect, useRef, useState } from 'react';
import { AdminApiError, getSyncStatus, listQuarantine, type QuarantinedStatement, type SyncStatus } from './api.ts';

/** How often the open sync page asks again: often enough to watch a backlog drain, rare enough to cost the server nothing. */
export const SYNC_POLL_MS = 3000;

export interface SyncSnapshot {
  status: SyncStatus;
  quarantine: QuarantinedStatement[];
  /** When this was read (ms since the epoch), for "updated at" and the countdown to the next attempt. */
  at: number;
}

/**
 * The forwarder's status and quarantine, read now and then every `intervalMs` while the component is mounted. One
 * request pair at a time (the next is scheduled after the answer, so a slow server is never flooded); unmounting
 * cancels the one in flight and the timer. `refresh()` reads at once, after any read in flight, and resolves when done.
 */
export function useSyncStatus(token: string, onUnauthorized: () => void, intervalMs = SYNC_POLL_MS) {
  const [snapshot, setSnapshot] = useState<SyncSnapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const unauthorized = useRef(onUnauthorized);
  const read = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    unauthorized.current = onUnauthorized;
  }, [onUnauthorized]);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: Promise<void> | null = null;

    const load = async () => {
      try {
        const [status, quarantine] = await Promise.all([getSyncStatus(token, signal), listQuarantine(token, signal)]);
        if (signal.aborted) return;
        setSnapshot({ status, quarantine, at: Date.now() });
        setError(null);
      } catch (e) {
        if (signal.aborted) return;
        if (e instanceof AdminApiError && e.status === 401) unauthorized.current();
        else setError(e);
      }
    };

    const tick = (): Promise<void> => {
      // A read already under way may have left before the change the caller waits for: read again after it.
      if (inFlight) return inFlight.then(tick);
      clearTimeout(timer);
      inFlight = load().finally(() => {
        inFlight = null;
        if (!signal.aborted) timer = setTimeout(() => void tick(), intervalMs);
      });
      return inFlight;
    };

    read.current = tick;
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
      read.current = async () => {};
    };
  }, [token, intervalMs]);

  const refresh = useCallback(() => read.current(), []);
  return { snapshot, error, refresh, setStatus: (status: SyncStatus) => setSnapshot((s) => (s ? { ...s, status, at: Date.now() } : s)) };
}
