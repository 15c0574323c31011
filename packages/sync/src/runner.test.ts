import { describe, expect, it } from 'vitest';
import { createForwarder } from './forwarder.ts';
import { memoryLedger, memoryQueue } from './memory.ts';
import { createRunner, type Timers } from './runner.ts';
import { TestLrs } from './test-lrs.ts';

/** Timers run by hand: `fire()` runs the due one. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers & { pending: typeof pending; fire(): Promise<void> } = {
    pending,
    set(fn, ms) {
      pending.set(next, { fn, ms });
      return next++;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    async fire() {
      const [handle, timer] = [...pending.entries()][0]!;
      pending.delete(handle);
      timer.fn();
    },
  };
  return timers;
}

function setup(count: number) {
  const queue = memoryQueue();
  const add = (n: number) => queue.add(`id-${n}`, `{"id":"id-${n}"}`);
  for (let n = 1; n <= count; n++) add(n);
  const lrs = new TestLrs();
  const timers = manualTimers();
  const forwarder = createForwarder({ queue, ledger: memoryLedger(), transport: lrs, batchSize: 10, target: 't/', credentials: 'c', random: () => 0 });
  const runner = createRunner({ forwarder, timers, idlePollMs: 30_000 });
  return { queue, add, lrs, timers, runner };
}
const delays = (timers: ReturnType<typeof manualTimers>) => [...timers.pending.values()].map((t) => t.ms);

describe('runner', () => {
  it('sends at start, then on a nudge, and polls slowly while idle', async () => {
    const { add, lrs, timers, runner } = setup(2);
    await runner.start();
    expect(lrs.ids()).toEqual(['id-1', 'id-2']);
    expect(delays(timers)).toEqual([30_000]);
    add(3);
    runner.nudge();
    await runner.settled();
    expect(lrs.ids()).toEqual(['id-1', 'id-2', 'id-3']);
    add(4); // stored without a nudge: the idle poll finds it
    await timers.fire();
    await runner.settled();
    expect(lrs.ids()).toHaveLength(4);
    expect(delays(timers)).toEqual([30_000]);
    await runner.close();
  });

  it('a nudge does not cut a backoff short; the backoff timer retries', async () => {
    const { add, lrs, timers, runner } = setup(1);
    lrs.faults.push({ kind: 'down' });
    await runner.start();
    expect(runner.mode()).toBe('backing-off');
    expect(delays(timers)).toEqual([500]);
    add(2);
    runner.nudge();
    await runner.settled();
    expect(lrs.requests).toHaveLength(1);
    await timers.fire();
    await runner.settled();
    expect(lrs.ids()).toEqual(['id-1', 'id-2']);
    expect(runner.mode()).toBe('idle');
    await runner.close();
  });

  it('a nudge during a pump leads to one more pump, so a statement committed meanwhile is not left waiting', async () => {
    const { add, lrs, runner } = setup(1);
    lrs.onRequest = () => {
      if (lrs.requests.length === 1) {
        add(2);
        runner.nudge();
      }
    };
    await runner.start();
    await runner.settled();
    expect(lrs.ids()).toEqual(['id-1', 'id-2']);
    await runner.close();
  });

  it('stays stopped (no timer) after a refusal of credentials until resumed', async () => {
    const { lrs, timers, runner } = setup(1);
    lrs.faults.push({ kind: 'status', status: 403 });
    await runner.start();
    expect(runner.mode()).toBe('stopped');
    expect(timers.pending.size).toBe(0);
    runner.nudge();
    await runner.settled();
    expect(lrs.requests).toHaveLength(1);
    await runner.resume();
    await runner.settled();
    expect(lrs.ids()).toEqual(['id-1']);
    expect(runner.mode()).toBe('idle');
    await runner.close();
  });

  it('close clears every timer, aborts the request in flight and waits for it', async () => {
    const queue = memoryQueue();
    queue.add('id-1', '{"id":"id-1"}');
    const timers = manualTimers();
    let aborted = false;
    const forwarder = createForwarder({
      queue,
      ledger: memoryLedger(),
      batchSize: 10,
      target: 't/',
      credentials: 'c',
      transport: {
        send: (_payload, signal) =>
          new Promise((resolve) => {
            signal?.addEventListener('abort', () => {
              aborted = true;
              resolve({ kind: 'network', message: 'aborted' });
            });
          }),
      },
    });
    const runner = createRunner({ forwarder, timers });
    void runner.start();
    await new Promise((r) => setTimeout(r, 0));
    await runner.close();
    expect(aborted).toBe(true);
    expect(timers.pending.size).toBe(0);
    expect(runner.mode()).toBe('closed');
    runner.nudge();
    expect(timers.pending.size).toBe(0);
  });
});
