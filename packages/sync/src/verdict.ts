// What an answer from the target means for the forwarder. Retrying is only for conditions time can fix (the target
// down, overloaded or rate limiting); refusals of content are split down to the statement at fault; a refusal of our
// credentials, or an address that is not an xAPI statements resource, needs the operator.
import type { SendResult } from './ports.ts';

export type Verdict =
  /** The batch is stored at the target. */
  | { kind: 'delivered' }
  /** Try the same batch again later. */
  | { kind: 'retry'; retryAfterMs?: number }
  /** Something in the batch is refused: split it; a single statement refused this way is quarantined. */
  | { kind: 'refused'; status: number }
  /** Stop until the operator acts. */
  | { kind: 'stop' };

export function verdictOf(result: SendResult): Verdict {
  if (result.kind === 'network') return { kind: 'retry' };
  const { status } = result;
  if (status === 200 || status === 204) return { kind: 'delivered' };
  // 408 Request Timeout, 429 Too Many Requests and 5xx pass; 425/502/503/504 included.
  if (status === 408 || status === 425 || status === 429 || status >= 500)
    return result.retryAfterMs === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterMs: result.retryAfterMs };
  // 400: invalid statement(s); 409: an id the target holds with other content; 413: the batch (or one statement) too big.
  if (status === 400 || status === 409 || status === 413) return { kind: 'refused', status };
  // 401/403 (credentials refused or not allowed to write), 3xx (a redirect: fetch must not follow a POST into a GET),
  // 404/405/415 and the rest: retrying cannot fix them.
  return { kind: 'stop' };
}

/** What the operator reads for a stop. */
export function stopReason(status: number, description: string, url: string): string {
  if (status === 401) return `the target refused the credentials (${description}): check RUYI_SYNC_KEY and RUYI_SYNC_SECRET, then resume`;
  if (status === 403)
    return `the target does not let these credentials write statements (${description}): give the client a role that may (on a Ruyi hub: kiosk), then resume`;
  if (status >= 300 && status < 400)
    return `the target redirects (${description}): set RUYI_SYNC_URL to the final xAPI address (ending with '/'), then restart`;
  return `the target answered ${description} to POST ${url}statements: check that RUYI_SYNC_URL is an xAPI endpoint (ending with '/'), then resume`;
}
