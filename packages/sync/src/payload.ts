// The bytes that go out and what is read from the answer. Statements leave exactly as the store keeps them: the
// request body is their stored JSON texts joined into an array, never parsed and re-serialized (re-serializing could
// change number formats or key order, and with them what the target compares a resent statement against).

/** `[s1,s2,…]` from the stored statement texts. */
export function batchPayload(bodies: readonly string[]): string {
  return `[${bodies.join(',')}]`;
}

/** The longest reason kept from a target's answer (a proxy's HTML error page is of no use beyond this). */
export const MAX_REASON = 500;

/** A target's reason for an answer: the `message` (or `error`) of a JSON error body, else its text, shortened. */
export function describeResponse(status: number, body: string): string {
  let reason = body.trim();
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { message, error } = parsed as { message?: unknown; error?: unknown };
      if (typeof message === 'string' && message) reason = message;
      else if (typeof error === 'string' && error) reason = error;
    }
  } catch {
    // Not JSON: the text itself.
  }
  if (reason.length > MAX_REASON) reason = `${reason.slice(0, MAX_REASON)}…`;
  return reason ? `HTTP ${status}: ${reason}` : `HTTP ${status}`;
}

/**
 * Whether a 200 answer to a POST of `ids` is an xAPI one: an array of the stored statements' ids (xAPI 1.0.3,
 * Communication 2.1.2). Returns null if it is, else what is wrong. This guards against a captive portal or a
 * misconfigured proxy answering 200 with a web page, which would otherwise count as delivered and lose the batch.
 * Some LRSs leave out ids they already held (a resend), so a subset of the ids sent is accepted; an id not sent is not.
 */
export function checkAcknowledgement(body: string, ids: readonly string[]): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `the target answered 200 without a JSON body (${JSON.stringify(body.slice(0, 80))}): is the sync URL an xAPI endpoint?`;
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string'))
    return 'the target answered 200 without the array of statement ids an xAPI LRS returns: is the sync URL an xAPI endpoint?';
  const sent = new Set(ids.map((x) => x.toLowerCase()));
  const foreign = parsed.find((x: string) => !sent.has(x.toLowerCase()));
  if (foreign !== undefined || parsed.length > ids.length)
    return `the target answered 200 with statement ids that were not sent (${JSON.stringify(foreign ?? parsed.length)}): is the sync URL an xAPI endpoint?`;
  return null;
}
