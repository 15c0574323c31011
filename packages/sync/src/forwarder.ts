// The forwarder: the store's statements go to the target in store order, in batches, each exactly once as far as the
// target can tell. The cursor moves (durably) only after the target's 2xx, so nothing is skipped; a batch whose answer
// was lost is sent again, and the target's idempotency (same id, same content → no change) makes that a no-op.
// A refused batch is split in halves down to the statement at fault, which is quarantined; the rest is delivered,
// still in seq order. Time and randomness come in as arguments; timers are the runner's business (runner.ts).
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.ts';
import { batchPayload, checkAcknowledgement, describeResponse } from './payload.ts';
import type { Logger, QuarantineEntry, QueuedStatement, SendResult, StatementQueue, SyncError, SyncLedger, Transport } from './ports.ts';
import { RateMeter } from './rate.ts';
import { stopReason, verdictOf, type Verdict } from './verdict.ts';

export interface ForwarderOptions {
  queue: StatementQueue;
  ledger: SyncLedger;
  transport: Transport;
  /** Statements per request. */
  batchSize: number;
  /** The target's xAPI address (ending with '/'), for messages. */
  target: string;
  /** An opaque fingerprint of the credentials in use: a stop recorded under other credentials is lifted by start(). */
  credentials: string;
  now?: () => number;
  random?: () => number;
  log?: Logger;
  backoff?: BackoffOptions;
}

export type ForwarderState = 'idle' | 'sending' | 'backing-off' | 'stopped';

/** How a pump ended. */
export type PumpResult =
  | { kind: 'caught-up' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'stopped'; reason: string }
  | { kind: 'aborted' };

export type RetryResult =
  | { kind: 'delivered' }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'stopped'; reason: string }
  | { kind: 'not-found' }
  | { kind: 'discarded' };

export type DiscardResult = { kind: 'discarded'; entry: QuarantineEntry } | { kind: 'not-found' };

export interface ForwarderStatus {
  state: ForwarderState;
  stoppedReason: string | null;
  /** When the next attempt is due while backing off (ms since the epoch). */
  nextAttemptAt: number | null;
  /** Failed attempts in a row. */
  failures: number;
  cursor: number;
  /** Statements after the cursor: not yet delivered (quarantined ones are behind the cursor, so not counted). */
  backlog: number;
  /** Delivered since this forwarder was created. */
  sentThisRun: number;
  quarantinedThisRun: number;
  /** Delivered per second over the last minute. */
  ratePerSecond: number;
  lastSuccessAt: number | null;
  lastError: SyncError | null;
  /** Waiting in quarantine (not discarded). */
  quarantined: number;
  discarded: number;
}

export interface Forwarder {
  /** Reads the ledger; lifts a stop recorded under other credentials (the operator changed them and restarted). */
  start(): Promise<void>;
  /** Sends until caught up, a failure to retry later, a stop, or `signal` aborts. */
  pump(signal?: AbortSignal): Promise<PumpResult>;
  status(): Promise<ForwarderStatus>;
  quarantined(): Promise<QuarantineEntry[]>;
  /** Sends one quarantined statement alone; delivered → it leaves the quarantine. */
  retry(seq: number): Promise<RetryResult>;
  /** Marks one quarantined statement never to be sent (it stays in the store). */
  discard(seq: number): Promise<DiscardResult>;
  /** Lifts a stop (the operator fixed the credentials or the target's role) and forgets the backoff. */
  resume(): Promise<void>;
}

type Outcome = { kind: 'ok' } | { kind: 'retry'; retryAfterMs?: number } | { kind: 'stop'; reason: string } | { kind: 'aborted' };

export function createForwarder(options: ForwarderOptions): Forwarder {
  const { queue, ledger, transport, batchSize, target, credentials } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log = options.log;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number ≥ 1 (got ${batchSize})`);

  const meter = new RateMeter(now());
  let state: ForwarderState = 'idle';
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let sentThisRun = 0;
  let quarantinedThisRun = 0;

  // One request at a time: the pump takes the lock per batch, so an operator's retry waits at most one batch.
  let lock: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = lock.then(fn, fn);
    lock = run.catch(() => undefined);
    return run;
  }

  async function send(payload: string, signal?: AbortSignal): Promise<SendResult> {
    try {
      return await transport.send(payload, signal);
    } catch (error) {
      return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The answer, with a 200 that is not an xAPI acknowledgement of these ids turned into a failure to retry. */
  async function exchange(items: readonly QueuedStatement[], signal?: AbortSignal): Promise<{ result: SendResult; verdict: Verdict; problem: string | null }> {
    const result = await send(batchPayload(items.map((s) => s.body)), signal);
    const verdict = verdictOf(result);
    if (result.kind === 'response' && result.status === 200) {
      const problem = checkAcknowledgement(result.body, items.map((s) => s.id));
      if (problem) return { result, verdict: { kind: 'retry' }, problem };
    }
    return { result, verdict, problem: null };
  }

  function errorOf(result: SendResult, problem: string | null, at: number): SyncError {
    if (result.kind === 'network') return { at, message: `network: ${result.message}` };
    return { at, message: problem ?? describeResponse(result.status, result.body), status: result.status };
  }

  async function stop(result: SendResult & { kind: 'response' }, at: number): Promise<string> {
    const reason = stopReason(result.status, describeResponse(result.status, result.body), target);
    await ledger.failed({ at, message: reason, status: result.status });
    await ledger.setStopped({ at, reason, credentials });
    state = 'stopped';
    log?.error(`statement sync stopped: ${reason}`, { target, status: result.status });
    return reason;
  }

  /** Delivers `items` (consecutive, by seq, all after the cursor), splitting refused batches. */
  async function deliver(items: readonly QueuedStatement[], signal?: AbortSignal): Promise<Outcome> {
    if (signal?.aborted) return { kind: 'aborted' };
    const { result, verdict, problem } = await exchange(items, signal);
    const at = now();
    switch (verdict.kind) {
      case 'delivered': {
        const last = items[items.length - 1]!.seq;
        await ledger.delivered(last, at);
        sentThisRun += items.length;
        meter.record(items.length, at);
        return { kind: 'ok' };
      }
      case 'retry': {
        if (signal?.aborted) return { kind: 'aborted' };
        const error = errorOf(result, problem, at);
        await ledger.failed(error);
        log?.warn(`statement sync will retry: ${error.message}`, { target, statements: items.length });
        return verdict.retryAfterMs === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterMs: verdict.retryAfterMs };
      }
      case 'refused': {
        if (items.length > 1) {
          const half = Math.ceil(items.length / 2);
          const first = await deliver(items.slice(0, half), signal);
          return first.kind === 'ok' ? deliver(items.slice(half), signal) : first;
        }
        const statement = items[0]!;
        const reason = errorOf(result, problem, at).message;
        await ledger.quarantine({ seq: statement.seq, id: statement.id, status: verdict.status, reason, at });
        quarantinedThisRun++;
        log?.warn(`statement ${statement.id} (seq ${statement.seq}) quarantined: ${reason}`, { target, seq: statement.seq, status: verdict.status });
        return { kind: 'ok' };
      }
      case 'stop':
        return { kind: 'stop', reason: await stop(result as SendResult & { kind: 'response' }, at) };
    }
  }

  /** One batch: its outcome, or null when there is nothing to send. */
  function step(signal?: AbortSignal): Promise<Outcome | null> {
    return exclusive(async () => {
      const progress = await ledger.read();
      if (progress.stopped) {
        state = 'stopped';
        return { kind: 'stop', reason: progress.stopped.reason };
      }
      const batch = await queue.after(progress.cursor, batchSize);
      if (batch.length === 0) return null;
      state = 'sending';
      return deliver(batch, signal);
    });
  }

  return {
    async start() {
      const progress = await ledger.read();
      if (progress.stopped && progress.stopped.credentials !== credentials) {
        await ledger.setStopped(null);
        log?.info('statement sync resumes: the credentials changed since it stopped', { target, stoppedReason: progress.stopped.reason });
      } else if (progress.stopped) {
        state = 'stopped';
        log?.error(`statement sync is stopped: ${progress.stopped.reason}`, { target });
      }
    },

    async pump(signal) {
      for (;;) {
        if (signal?.aborted) return { kind: 'aborted' };
        const outcome = await step(signal);
        if (outcome === null) {
          failures = 0;
          nextAttemptAt = null;
          state = 'idle';
          return { kind: 'caught-up' };
        }
        switch (outcome.kind) {
          case 'ok':
            failures = 0;
            nextAttemptAt = null;
            continue;
          case 'retry': {
            failures++;
            const delayMs = retryDelay(failures, random(), outcome.retryAfterMs, backoff);
            nextAttemptAt = now() + delayMs;
            state = 'backing-off';
            return { kind: 'retry', delayMs };
          }
          case 'stop':
            state = 'stopped';
            nextAttemptAt = null;
            return { kind: 'stopped', reason: outcome.reason };
          case 'aborted':
            return { kind: 'aborted' };
        }
      }
    },

    async status() {
      const progress = await ledger.read();
      const entries = await ledger.quarantined();
      const discarded = entries.filter((e) => e.discardedAt !== null).length;
      return {
        state: progress.stopped ? 'stopped' : state === 'stopped' ? 'idle' : state,
        stoppedReason: progress.stopped?.reason ?? null,
        nextAttemptAt: state === 'backing-off' ? nextAttemptAt : null,
        failures,
        cursor: progress.cursor,
        backlog: await queue.countAfter(progress.cursor),
        sentThisRun,
        quarantinedThisRun,
        ratePerSecond: meter.perSecond(now()),
        lastSuccessAt: progress.lastSuccessAt,
        lastError: progress.lastError,
        quarantined: entries.length - discarded,
        discarded,
      };
    },

    async quarantined() {
      return [...(await ledger.quarantined())];
    },

    retry(seq) {
      return exclusive(async (): Promise<RetryResult> => {
        const entry = (await ledger.quarantined()).find((e) => e.seq === seq);
        if (!entry) return { kind: 'not-found' };
        if (entry.discardedAt !== null) return { kind: 'discarded' };
        const statement = await queue.get(seq);
        if (!statement) return { kind: 'not-found' };
        const { result, verdict, problem } = await exchange([statement]);
        const at = now();
        switch (verdict.kind) {
          case 'delivered':
            await ledger.release(seq, at);
            log?.info(`quarantined statement ${statement.id} (seq ${seq}) delivered on retry`, { target, seq });
            return { kind: 'delivered' };
          case 'refused': {
            const reason = errorOf(result, problem, at).message;
            await ledger.refused(seq, verdict.status, reason, at);
            return { kind: 'refused', status: verdict.status, reason };
          }
          case 'retry':
            return { kind: 'unreachable', reason: errorOf(result, problem, at).message };
          case 'stop':
            return { kind: 'stopped', reason: await stop(result as SendResult & { kind: 'response' }, at) };
        }
      });
    },

    discard(seq) {
      return exclusive(async (): Promise<DiscardResult> => {
        const entry = (await ledger.quarantined()).find((e) => e.seq === seq);
        if (!entry) return { kind: 'not-found' };
        const at = now();
        if (entry.discardedAt === null) {
          await ledger.discard(seq, at);
          log?.info(`quarantined statement ${entry.id} (seq ${seq}) discarded: it will not be sent`, { target, seq });
        }
        return { kind: 'discarded', entry: { ...entry, discardedAt: entry.discardedAt ?? at } };
      });
    },

    resume() {
      return exclusive(async () => {
        const progress = await ledger.read();
        if (progress.stopped) {
          await ledger.setStopped(null);
          log?.info('statement sync resumed by the operator', { target, stoppedReason: progress.stopped.reason });
        }
        failures = 0;
        nextAttemptAt = null;
        state = 'idle';
      });
    },
  };
}
