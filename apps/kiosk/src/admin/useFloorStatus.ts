import { ErrorBody, FloorStatus } from '@ruyi/api-contract';
import { useEffect, useRef, useState } from 'react';
import { AdminApiError } from './api.ts';

export type { FloorStatus } from '@ruyi/api-contract';

/** Often enough that staff see writes resume soon after freeing space; one small request, so it costs nothing. */
export const FLOOR_POLL_MS = 10_000;

export async function getFloorStatus(token: string, signal?: AbortSignal): Promise<FloorStatus> {
  const url = '/api/admin/floor';
  const response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    throw new AdminApiError(response.status, body.success ? body.data.message : `HTTP ${response.status}`);
  }
  const parsed = FloorStatus.safeParse(json);
  if (!parsed.success) throw new AdminApiError(0, `${url}: unexpected response`);
  return parsed.data;
}

/** The write floor's status, read now and every `intervalMs` while mounted; one request at a time. */
export function useFloorStatus(token: string, onUnauthorized: () => void, intervalMs = FLOOR_POLL_MS) {
  const [status, setStatus] = useState<FloorStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const unauthorized = useRef(onUnauthorized);

  useEffect(() => {
    unauthorized.current = onUnauthorized;
  }, [onUnauthorized]);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await getFloorStatus(token, controller.signal);
        if (controller.signal.aborted) return;
        setStatus(next);
        setError(null);
      } catch (e) {
        if (controller.signal.aborted) return;
        if (e instanceof AdminApiError && e.status === 401) return unauthorized.current();
        setError(e);
      }
      timer = setTimeout(() => void load(), intervalMs);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token, intervalMs]);

  return { status, error };
}
