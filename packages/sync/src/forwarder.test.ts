import { describe, expect, it, vi } from 'vitest';
import { createForwarder, type ForwarderOptions } from './forwarder.ts';
import { memoryLedger, memoryQueue } from './memory.ts';
import type { Logger } from './ports.ts';
import { TestLrs } from './test-lrs.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Stored bytes with formatting a re-serializer would change (spaces, 1.0), to prove they travel as stored. */
const body = (n: number, extra = '') => `{"id": "${uuid(n)}", "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"}, "result": {"score": {"scaled": 1.0}}${extra}}`;

function setup(count: number, options: Partial<ForwarderOptions> & { bodyOf?: (n: number) => string } = {}) {
  const queue = memoryQueue();
  for (let n = 1; n <= count; n++) queue.add(uuid(n), (options.bodyOf ?? body)(n));
  const ledger = memoryLedger();
  const lrs = new TestLrs();
  const log: Logger & { errors: string[]; warnings: string[] } = {
    errors: [],
    warnings: [],
    info: () => {},
    warn(m) {
      this.warnings.push(m);
    },
    error(m) {
      this.errors.push(m);
    },
  };
  let clock = 1_000_000;
  const forwarder = createForwarder({
    queue,
    ledger,
    transport: lrs,
    batchSize: 4,
    target: 'https://hub.example/xapi/',
    credentials: 'creds-a',
    now: () => clock,
    random: () => 0.5,
    log,
    ...options,
  });
  const tick = (ms: number) => (clock += ms);
  return { queue, ledger, lrs, log, forwarder, tick };
}
const all = (count: number) => Array.from({ length: count }, (_, i) => uuid(i + 1));

describe('forwarder: delivery', () => {
  it('sends the statements in seq order, in batches, each body exactly the stored bytes joined into an array', async () => {
    const { lrs, forwarder, ledger } = setup(10);
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.requests).toEqual([
      `[${body(1)},${body(2)},${body(3)},${body(4)}]`,
      `[${body(5)},${body(6)},${body(7)},${body(8)}]`,
      `[${body(9)},${body(10)}]`,
    ]);
    expect(lrs.ids()).toEqual(all(10));
    expect(ledger.progress).toMatchObject({ cursor: 10, lastSuccessAt: 1_000_000, lastError: null, stopped: null });
  });

  it('commits the cursor past a batch before sending the next one', async () => {
    const { lrs, forwarder, ledger } = setup(9);
    const cursors: number[] = [];
    lrs.onRequest = () => cursors.push(ledger.progress.cursor);
    await forwarder.pump();
    expect(cursors).toEqual([0, 4, 8]);
  });

  it('sends nothing when caught up, and only the new statements after more are stored', async () => {
    const { lrs, forwarder, queue } = setup(3);
    await forwarder.pump();
    await forwarder.pump();
    expect(lrs.requests).toHaveLength(1);
    queue.add(uuid(4), body(4));
    await forwarder.pump();
    expect(lrs.requests[1]).toBe(`[${body(4)}]`);
    expect(lrs.ids()).toEqual(all(4));
  });

  it('reports progress: backlog, sent in this run, rate, last success', async () => {
    const { forwarder, tick, lrs } = setup(10);
    expect(await forwarder.status()).toMatchObject({ state: 'idle', backlog: 10, sentThisRun: 0, cursor: 0, quarantined: 0 });
    lrs.faults.push({ kind: 'status', status: 200, body: '<html>portal</html>' }); // not an acknowledgement: ends the first pump
    tick(2000);
    await forwarder.pump();
    tick(2000);
    await forwarder.pump();
    const status = await forwarder.status();
    expect(status).toMatchObject({ state: 'idle', backlog: 0, sentThisRun: 10, cursor: 10, lastSuccessAt: 1_004_000, lastError: null });
    // 10 statements in the 4 s since the forwarder was made.
    expect(status.ratePerSecond).toBeCloseTo(2.5);
  });
});

describe('forwarder: the target is down, overloaded or rate limiting', () => {
  it('keeps everything through network failures, backing off exponentially with jitter, then delivers all once', async () => {
    const { lrs, forwarder, ledger } = setup(6);
    lrs.faults.push({ kind: 'down' }, { kind: 'down' }, { kind: 'down' }, { kind: 'down' });
    const delays: number[] = [];
    for (;;) {
      const result = await forwarder.pump();
      if (result.kind !== 'retry') break;
      delays.push(result.delayMs);
      expect(await forwarder.status()).toMatchObject({ state: 'backing-off', backlog: 6, failures: delays.length });
      expect(ledger.progress.lastError?.message).toContain('ECONNREFUSED');
    }
    // random() = 0.5: three quarters of 1 s, 2 s, 4 s, 8 s.
    expect(delays).toEqual([750, 1500, 3000, 6000]);
    expect(lrs.ids()).toEqual(all(6));
    expect(ledger.progress).toMatchObject({ cursor: 6, lastError: null });
    expect((await forwarder.status()).failures).toBe(0);
  });

  it('retries 5xx and 408; honours Retry-After on 429 and 503', async () => {
    const { lrs, forwarder } = setup(2);
    lrs.faults.push(
      { kind: 'status', status: 500, body: 'boom' },
      { kind: 'status', status: 429, retryAfterMs: 30_000 },
      { kind: 'status', status: 503, retryAfterMs: 120_000 },
      { kind: 'status', status: 408 },
    );
    expect(await forwarder.pump()).toEqual({ kind: 'retry', delayMs: 750 });
    expect(await forwarder.pump()).toEqual({ kind: 'retry', delayMs: 30_500 });
    expect(await forwarder.pump()).toEqual({ kind: 'retry', delayMs: 120_500 });
    expect(await forwarder.pump()).toEqual({ kind: 'retry', delayMs: 6000 });
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.ids()).toEqual(all(2));
  });

  it('never gives up: after many failures the delay stays at the cap', async () => {
    const { lrs, forwarder } = setup(1);
    for (let i = 0; i < 40; i++) lrs.faults.push({ kind: 'down' });
    let last = 0;
    for (let i = 0; i < 40; i++) {
      const result = await forwarder.pump();
      expect(result.kind).toBe('retry');
      last = (result as { delayMs: number }).delayMs;
    }
    expect(last).toBe(225_000); // three quarters of the 5-minute cap
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.ids()).toEqual(all(1));
  });

  it('does not count a 200 that is not an xAPI acknowledgement (a captive portal) as delivered', async () => {
    const { lrs, forwarder, ledger } = setup(2);
    lrs.faults.push({ kind: 'status', status: 200, body: '<html>Welcome to Park Wi-Fi</html>' });
    expect((await forwarder.pump()).kind).toBe('retry');
    expect(ledger.progress.cursor).toBe(0);
    expect(ledger.progress.lastError?.message).toContain('without a JSON body');
    await forwarder.pump();
    expect(lrs.ids()).toEqual(all(2));
  });
});

describe('forwarder: exactly once', () => {
  it('ack lost after the target committed: the batch is resent and the target stores each statement once', async () => {
    const { lrs, forwarder, ledger } = setup(8);
    lrs.faults.push({ kind: 'ack-lost' });
    expect((await forwarder.pump()).kind).toBe('retry');
    expect(lrs.ids()).toEqual(all(4)); // committed
    expect(ledger.progress.cursor).toBe(0); // but not known to be
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.requests[0]).toBe(lrs.requests[1]);
    expect(lrs.ids()).toEqual(all(8));
  });

  it('a crash between the target’s answer and the cursor commit: the next run sends the same batch, a no-op', async () => {
    const { lrs, ledger, queue } = setup(6);
    const crashing = { ...ledger, delivered: vi.fn(() => Promise.reject(new Error('power cut'))) };
    const first = createForwarder({ queue, ledger: crashing, transport: lrs, batchSize: 4, target: 't/', credentials: 'c' });
    await expect(first.pump()).rejects.toThrow('power cut');
    expect(lrs.ids()).toEqual(all(4));
    const second = createForwarder({ queue, ledger, transport: lrs, batchSize: 4, target: 't/', credentials: 'c' });
    await second.start();
    expect(await second.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.requests[0]).toBe(lrs.requests[1]); // the same batch, twice
    expect(lrs.ids()).toEqual(all(6));
    expect(ledger.progress.cursor).toBe(6);
  });
});

describe('forwarder: refused statements', () => {
  it('400: splits the batch down to the invalid statements, quarantines them with the target’s reason, delivers the rest in seq order', async () => {
    const invalid = new Set([3, 6]);
    const { lrs, forwarder, ledger, log } = setup(10, { batchSize: 8, bodyOf: (n) => body(n, invalid.has(n) ? ', "invalid": true' : '') });
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.ids()).toEqual(all(10).filter((_, i) => !invalid.has(i + 1)));
    expect([...ledger.entries.values()]).toEqual([
      { seq: 3, id: uuid(3), status: 400, reason: 'HTTP 400: [0].invalid: is not an xAPI property', at: 1_000_000, attempts: 1, discardedAt: null },
      { seq: 6, id: uuid(6), status: 400, reason: 'HTTP 400: [0].invalid: is not an xAPI property', at: 1_000_000, attempts: 1, discardedAt: null },
    ]);
    expect(ledger.progress.cursor).toBe(10);
    expect(log.warnings.filter((w) => w.includes('quarantined'))).toHaveLength(2);
    expect(await forwarder.status()).toMatchObject({ backlog: 0, quarantined: 2, quarantinedThisRun: 2, sentThisRun: 8 });
    // Bisection stays small: 8 → 4+4 → 2+2 each → 1+1 each, then the last batch.
    expect(lrs.requests.length).toBeLessThanOrEqual(12);
  });

  it('409: the target holds an id with other content → that statement is quarantined, no retry loop', async () => {
    const { lrs, forwarder, ledger } = setup(5);
    lrs.stored.push({ id: uuid(2), text: '{"id":"other content"}' });
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(ledger.entries.get(2)).toMatchObject({ status: 409, reason: expect.stringContaining('already stored with other content') });
    const sent = lrs.requests.length;
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.requests).toHaveLength(sent);
    expect(lrs.ids().sort()).toEqual(all(5).sort());
    expect(ledger.progress.cursor).toBe(5);
  });

  it('413: a batch too large is split; a single statement too large is quarantined', async () => {
    const { lrs, forwarder, ledger } = setup(4);
    lrs.onRequest = (payload) => {
      if (payload.length > 2 * body(1).length + 10 || payload.includes(uuid(4))) lrs.faults.unshift({ kind: 'status', status: 413, body: 'too large' });
    };
    await forwarder.pump();
    expect(lrs.ids()).toEqual(all(3));
    expect(ledger.entries.get(4)).toMatchObject({ status: 413, reason: 'HTTP 413: too large' });
  });

  it('a network failure in the middle of a split keeps what was delivered and resumes after it', async () => {
    const { lrs, forwarder, ledger } = setup(4, { bodyOf: (n) => body(n, n === 4 ? ', "invalid": true' : '') });
    lrs.onRequest = (payload) => {
      // The second half ([3,4]) is first sent while the network is down.
      const pair = `[${body(3)},${body(4, ', "invalid": true')}]`;
      if (payload === pair && lrs.requests.filter((r) => r === pair).length === 1) lrs.faults.unshift({ kind: 'down' });
    };
    expect((await forwarder.pump()).kind).toBe('retry');
    expect(ledger.progress.cursor).toBe(2);
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.ids()).toEqual(all(3));
    expect([...ledger.entries.keys()]).toEqual([4]);
  });

  it('the operator retries a quarantined statement: sent alone; delivered → it leaves the quarantine', async () => {
    const { lrs, forwarder, ledger } = setup(3);
    lrs.stored.push({ id: uuid(2), text: 'other' });
    await forwarder.pump();
    expect(await forwarder.retry(2)).toEqual({ kind: 'refused', status: 409, reason: expect.stringContaining('other content') });
    expect(ledger.entries.get(2)?.attempts).toBe(2);
    lrs.stored.splice(lrs.stored.findIndex((s) => s.id === uuid(2)), 1); // the hub's operator removed the clash
    const before = lrs.requests.length;
    expect(await forwarder.retry(2)).toEqual({ kind: 'delivered' });
    expect(lrs.requests[before]).toBe(`[${body(2)}]`);
    expect(await forwarder.quarantined()).toEqual([]);
    expect(await forwarder.retry(2)).toEqual({ kind: 'not-found' });
    expect(lrs.ids().sort()).toEqual(all(3).sort());
  });

  it('a retry while the target is down leaves the statement quarantined', async () => {
    const { lrs, forwarder, ledger } = setup(1, { bodyOf: (n) => body(n, ', "invalid": true') });
    await forwarder.pump();
    lrs.faults.push({ kind: 'down' });
    expect(await forwarder.retry(1)).toEqual({ kind: 'unreachable', reason: expect.stringContaining('ECONNREFUSED') });
    expect(ledger.entries.get(1)).toMatchObject({ attempts: 1, discardedAt: null });
  });

  it('the operator discards a quarantined statement: it stays listed as discarded and is never sent', async () => {
    const { lrs, forwarder, tick } = setup(3, { bodyOf: (n) => body(n, n === 2 ? ', "invalid": true' : '') });
    await forwarder.pump();
    tick(5000);
    const result = await forwarder.discard(2);
    expect(result).toMatchObject({ kind: 'discarded', entry: { seq: 2, discardedAt: 1_005_000 } });
    const sent = lrs.requests.length;
    expect(await forwarder.retry(2)).toEqual({ kind: 'discarded' });
    await forwarder.pump();
    expect(lrs.requests).toHaveLength(sent);
    expect(await forwarder.status()).toMatchObject({ quarantined: 0, discarded: 1 });
    expect(await forwarder.discard(99)).toEqual({ kind: 'not-found' });
  });
});

describe('forwarder: credentials refused', () => {
  it.each([
    [401, 'refused the credentials'],
    [403, 'does not let these credentials write'],
  ])('%i: stops with the reason, alerts, sends nothing more until resumed', async (status, text) => {
    const { lrs, forwarder, ledger, log } = setup(5);
    lrs.faults.push({ kind: 'status', status, body: JSON.stringify({ message: 'client kiosk-7 is not allowed' }) });
    const result = await forwarder.pump();
    expect(result).toEqual({ kind: 'stopped', reason: expect.stringContaining(text) });
    expect(log.errors).toEqual([expect.stringContaining('client kiosk-7 is not allowed')]);
    expect(ledger.progress.stopped).toMatchObject({ credentials: 'creds-a', reason: expect.stringContaining(text) });
    expect(await forwarder.status()).toMatchObject({ state: 'stopped', stoppedReason: expect.stringContaining(text), backlog: 5 });
    expect(await forwarder.pump()).toMatchObject({ kind: 'stopped' });
    expect(lrs.requests).toHaveLength(1);
    await forwarder.resume();
    expect(await forwarder.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.ids()).toEqual(all(5));
    expect(ledger.progress.stopped).toBeNull();
  });

  it('a restart with the same credentials stays stopped; with new credentials it resumes', async () => {
    const { lrs, forwarder, ledger, queue } = setup(2);
    lrs.faults.push({ kind: 'status', status: 401 });
    await forwarder.pump();
    const same = createForwarder({ queue, ledger, transport: lrs, batchSize: 4, target: 't/', credentials: 'creds-a' });
    await same.start();
    expect(await same.pump()).toMatchObject({ kind: 'stopped' });
    const renewed = createForwarder({ queue, ledger, transport: lrs, batchSize: 4, target: 't/', credentials: 'creds-b' });
    await renewed.start();
    expect(await renewed.pump()).toEqual({ kind: 'caught-up' });
    expect(lrs.ids()).toEqual(all(2));
  });

  it.each([[404], [405], [415], [302]])('%i (not an xAPI statements resource) stops with a hint about the URL', async (status) => {
    const { lrs, forwarder } = setup(1);
    lrs.faults.push({ kind: 'status', status, body: 'Not Found' });
    expect(await forwarder.pump()).toEqual({ kind: 'stopped', reason: expect.stringContaining('RUYI_SYNC_URL') });
    expect(lrs.requests).toHaveLength(1);
  });
});

describe('forwarder: clock', () => {
  it('statement timestamps play no part: statements days off are sent as stored, in seq order', async () => {
    const stamps = ['2031-01-01T00:00:00Z', '2001-01-01T00:00:00Z', '2020-06-01T00:00:00Z'];
    const { lrs, forwarder } = setup(3, { bodyOf: (n) => `{"id":"${uuid(n)}","timestamp":"${stamps[n - 1]}"}` });
    await forwarder.pump();
    expect(lrs.requests).toEqual([`[${[1, 2, 3].map((n) => `{"id":"${uuid(n)}","timestamp":"${stamps[n - 1]}"}`).join(',')}]`]);
  });
});
