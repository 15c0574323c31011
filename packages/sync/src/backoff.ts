// When to try again after a failure. The target may be down for days: attempts never end, but they thin out to one
// every few minutes, and jitter keeps a park's kiosk-servers from all knocking at the same second when a hub returns.

export interface BackoffOptions {
  /** The first delay, ms. */
  baseMs: number;
  /** The longest delay, ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 5 * 60_000 };

/** The longest Retry-After honoured, ms: a target asking for more is asked again after this. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * The delay before attempt `failures + 1` (failures ≥ 1): exponential, capped, with "equal jitter" (between half and
 * all of the step). `random` is in [0, 1). A Retry-After from the target replaces the exponential step (plus up to a
 * second of jitter), so a rate-limited forwarder comes back when asked, not later.
 */
export function retryDelay(failures: number, random: number, retryAfterMs?: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), MAX_RETRY_AFTER_MS) + Math.floor(random * 1000);
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(Math.max(0, failures - 1), 30));
  return Math.floor(step / 2 + (random * step) / 2);
}

/** A Retry-After header (seconds, or an HTTP date) in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month; Date.parse alone would read '-5' as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
