// The forwarder's transport: one POST per batch to `${url}statements` with Node's fetch, as xAPI 1.0.3 asks
// (X-Experience-API-Version, JSON, HTTP Basic), so it works against our hub and any conformant LRS. A request that
// takes longer than the timeout is abandoned (and retried later: the target's idempotency absorbs a late commit).
// Redirects are not followed: fetch would turn a 301/302 into a GET, and a GET answers 200.
import { parseRetryAfter, type SendResult, type Transport } from '@ruyi/sync';
import { XAPI_VERSION } from '@ruyi/xapi';

export interface HttpTransportOptions {
  /** The xAPI address, ending with '/'. */
  url: string;
  key: string;
  secret: string;
  /** Per request, ms. */
  timeoutMs?: number;
  now?: () => number;
}

export const REQUEST_TIMEOUT_MS = 30_000;
/** Enough for the ids of 1000 statements; an error page beyond this is cut. */
const MAX_ANSWER_BYTES = 256 * 1024;

export const statementsUrl = (url: string) => `${url}statements`;

export function basicAuthorization(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}`;
}

/** Reads at most `limit` bytes of the answer, then drops the connection's rest. */
async function readText(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= limit) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** "connect ECONNREFUSED 127.0.0.1:9" rather than undici's bare "fetch failed". */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within the request timeout`;
  if (error.name === 'AbortError') return 'aborted (the server is shutting down)';
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return `${error.message}: ${cause.message}`;
  return error.message;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const endpoint = statementsUrl(options.url);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const headers = {
    authorization: basicAuthorization(options.key, options.secret),
    'content-type': 'application/json',
    'x-experience-api-version': XAPI_VERSION,
    accept: 'application/json',
  };
  return {
    async send(payload, signal) {
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers,
          body: payload,
          redirect: 'manual',
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        const body = await readText(response, MAX_ANSWER_BYTES);
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        return { kind: 'response', status: response.status, body, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } satisfies SendResult;
      } catch (error) {
        return { kind: 'network', message: describeFailure(error) } satisfies SendResult;
      }
    },
  };
}
