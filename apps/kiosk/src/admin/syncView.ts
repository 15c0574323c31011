// What the sync page makes of the forwarder's status (GET /api/admin/sync): the shape beside each state (colour is never
// the only signal), the time a draining backlog still needs, and which advice fits a stop. Pure, so the rules are tested
// without a browser; the page only turns the results into words.
import type { QuarantinedStatement, SyncStatus } from '@ruyi/api-contract';

export type SyncState = SyncStatus['state'];

/** A shape per state, drawn in CSS: a check when caught up, an arrow while sending, an hourglass while waiting, a
 * stop square when stopped, an empty ring when off. */
export const STATE_SHAPES = {
  off: 'ring',
  idle: 'check',
  sending: 'arrow',
  'backing-off': 'hourglass',
  stopped: 'square',
} as const satisfies Record<SyncState, string>;

/** The progress bar is for a backlog that drains; with nothing waiting there is nothing to show. */
export function showsProgress(status: SyncStatus): boolean {
  return status.state !== 'off' && status.backlog > 0 && status.progress.total > 0;
}

/** Seconds until the backlog is sent at the recent rate; null when nothing is moving — stopped, waiting to retry, or no
 * recent rate (the rate is over the last minute, so it outlives a stop: no estimate is better than a wrong one). */
export function secondsLeft(status: Pick<SyncStatus, 'state' | 'backlog' | 'ratePerSecond'>): number | null {
  if (status.backlog === 0) return 0;
  if (status.state !== 'sending' && status.state !== 'idle') return null;
  if (!(status.ratePerSecond > 0)) return null;
  return Math.ceil(status.backlog / status.ratePerSecond);
}

export type Duration = { unit: 'seconds'; n: number } | { unit: 'minutes'; n: number } | { unit: 'hours'; h: number; m: number };

/** A rough duration for people: seconds under a minute, whole minutes (rounded up) under an hour, then hours and minutes. */
export function durationParts(seconds: number): Duration {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return { unit: 'seconds', n: s };
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** Whole seconds from `now` until an ISO time; 0 once it has passed. */
export function secondsUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

export type StopAdvice = 'credentials' | 'role' | 'redirect' | 'address';

/** What the operator should do about a stop, from the status the target answered (the forwarder records it as the last
 * error when it stops): 401 new credentials, 403 a role that may write, 3xx the final address, else the address. */
export function stopAdvice(status: Pick<SyncStatus, 'lastError'>): StopAdvice {
  const code = status.lastError?.status ?? null;
  if (code === 401) return 'credentials';
  if (code === 403) return 'role';
  if (code !== null && code >= 300 && code < 400) return 'redirect';
  return 'address';
}

export type RefusalKind = 'invalid' | 'conflict' | 'tooLarge' | 'other';

/** What the target's refusal means, for the quarantine table. */
export function refusalKind(status: number): RefusalKind {
  if (status === 400) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 413) return 'tooLarge';
  return 'other';
}

/** The quarantine as the operator works on it: what still waits for a decision, and how many were discarded. */
export function splitQuarantine(statements: readonly QuarantinedStatement[]): { pending: QuarantinedStatement[]; discarded: number } {
  const pending = statements.filter((s) => s.discardedAt === null);
  return { pending, discarded: statements.length - pending.length };
}

/** Whole seconds from an ISO time until `now` (both the server's clock, so the staff browser's clock plays no part);
 * 0 for a time ahead of it. */
export function secondsSince(iso: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(iso)) / 1000));
}
