// A fake xAPI LRS for the forwarder's tests: it parses each request as the real one would, stores statements by id
// (same id and same content → no change; other content → 409), refuses invalid ones (400, the whole request), and
// can be told to fail the ways a real target does: down, overloaded, rate limiting, refusing credentials, or
// committing a request and then losing the answer. A statement with `"invalid": true` is refused as invalid.
import type { SendResult, Transport } from './ports.ts';

export interface Stored {
  id: string;
  text: string;
}

export type Fault =
  | { kind: 'down' }
  | { kind: 'status'; status: number; body?: string; retryAfterMs?: number }
  /** Commit the request, then fail as if the connection dropped before the answer arrived. */
  | { kind: 'ack-lost' };

export class TestLrs implements Transport {
  /** In arrival order. */
  readonly stored: Stored[] = [];
  readonly requests: string[] = [];
  /** Faults for the next requests, in order; one is used per request. */
  readonly faults: Fault[] = [];
  /** Called with each request body as it arrives (before any fault). */
  onRequest?: (payload: string) => void;

  async send(payload: string): Promise<SendResult> {
    this.requests.push(payload);
    this.onRequest?.(payload);
    const fault = this.faults.shift();
    if (fault?.kind === 'down') return { kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9' };
    if (fault?.kind === 'status')
      return { kind: 'response', status: fault.status, body: fault.body ?? '{"message":"scripted"}', ...(fault.retryAfterMs !== undefined ? { retryAfterMs: fault.retryAfterMs } : {}) };
    const result = this.store(payload);
    if (fault?.kind === 'ack-lost') return { kind: 'network', message: 'socket hang up' };
    return result;
  }

  private store(payload: string): SendResult {
    const statements = JSON.parse(payload) as Record<string, unknown>[];
    const bad = statements.findIndex((s) => s.invalid === true);
    if (bad >= 0) return { kind: 'response', status: 400, body: JSON.stringify({ message: `[${bad}].invalid: is not an xAPI property` }) };
    const texts = statements.map((s) => ({ id: String(s.id), text: JSON.stringify(s) }));
    for (const [i, s] of texts.entries()) {
      const known = this.stored.find((x) => x.id === s.id);
      if (known && known.text !== s.text)
        return { kind: 'response', status: 409, body: JSON.stringify({ message: `[${i}]: statement ${s.id} is already stored with other content` }) };
    }
    for (const s of texts) if (!this.stored.some((x) => x.id === s.id)) this.stored.push(s);
    return { kind: 'response', status: 200, body: JSON.stringify(texts.map((s) => s.id)) };
  }

  ids(): string[] {
    return this.stored.map((s) => s.id);
  }
}
