// A park's kiosk-server tells its hub how it is, next to the statements it forwards: every `intervalMs`, one POST to
// the hub's /api/fleet/servers with the credentials it syncs with. The address is the sync target's, one folder up
// (`https://hub/xapi/` → `https://hub/api/fleet/servers`): a Ruyi hub answers there; any other LRS answers 404, which
// is logged once and changes nothing else.
import { OFFLINE_AFTER_MS, type ServerHeartbeat } from '@ruyi/api-contract';
import type { FastifyBaseLogger } from 'fastify';
import { basicAuthorization } from '../sync/http-transport.ts';

export const serverHeartbeatUrl = (syncUrl: string) => new URL('../api/fleet/servers', syncUrl).toString();

export interface ReporterOptions {
  url: string;
  key: string;
  secret: string;
  intervalMs: number;
  heartbeat: () => Promise<ServerHeartbeat>;
  log: FastifyBaseLogger;
  timeoutMs?: number;
}

export interface Reporter {
  /** Sends one heartbeat now; resolves with the hub's HTTP status, or 0 when it could not be reached. */
  send(): Promise<number>;
  stop(): void;
}

export function createReporter(options: ReporterOptions): Reporter {
  const { url, intervalMs, log } = options;
  const authorization = basicAuthorization(options.key, options.secret);
  let lastProblem = '';
  const problem = (text: string) => {
    // Once per kind of failure, not every interval: a hub that is down for a day must not fill the log.
    if (text === lastProblem) return;
    lastProblem = text;
    log.warn({ target: url }, `server heartbeat to the hub: ${text}`);
  };

  const send = async (): Promise<number> => {
    try {
      const body = JSON.stringify(await options.heartbeat());
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        if (lastProblem) log.info({ target: url }, 'server heartbeat to the hub: delivered again');
        lastProblem = '';
      } else if (response.status === 404) problem('HTTP 404: the sync target is not a Ruyi hub (it has no fleet view); statements are forwarded as before');
      else problem(`HTTP ${response.status}`);
      return response.status;
    } catch (error) {
      problem(error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error));
      return 0;
    }
  };

  const timer = intervalMs > 0 ? setInterval(() => void send(), intervalMs) : null;
  timer?.unref();
  return {
    send,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

/** Offline devices are those not heard from since this time. */
export const offlineBefore = (now: number) => new Date(now - OFFLINE_AFTER_MS).toISOString();
