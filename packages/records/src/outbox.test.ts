import { describe, expect, it } from 'vitest';
import { createOutbox } from './outbox.ts';

interface Item {
  id: string;
}
const rec = (n: number): Item => ({ id: `id-${n}` });

function harness(fail: (batch: Item[], call: number) => Error | null) {
  const sent: string[][] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const rejected: string[] = [];
  let call = 0;
  const outbox = createOutbox<Item>({
    batchSize: 2,
    retryDelays: [100, 200],
    send: async (batch) => {
      const error = fail(batch, call++);
      if (error) throw error;
      sent.push(batch.map((r) => r.id));
    },
    isPermanent: (e) => (e as Error).message === 'permanent',
    onRejected: (batch) => rejected.push(...batch.map((r) => r.id)),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  return { outbox, sent, timers, rejected };
}

describe('outbox', () => {
  it('sends in order, in batches', async () => {
    const { outbox, sent } = harness(() => null);
    [1, 2, 3].forEach((n) => outbox.add(rec(n)));
    await outbox.flush();
    expect(sent.flat()).toEqual(['id-1', 'id-2', 'id-3']);
    expect(await outbox.pending()).toBe(0);
  });

  it('keeps records through failures and retries with growing backoff, without duplicates', async () => {
    const { outbox, sent, timers } = harness((_b, call) => (call < 3 ? new Error('down') : null));
    outbox.add(rec(1));
    await outbox.flush();
    expect(await outbox.pending()).toBe(1);
    expect(timers.map((t) => t.ms)).toEqual([100]);
    timers.shift()!.fn();
    await outbox.flush();
    expect(timers.map((t) => t.ms)).toEqual([200]);
    timers.shift()!.fn();
    await outbox.flush();
    expect(timers.map((t) => t.ms)).toEqual([200]);
    timers.shift()!.fn();
    await outbox.flush();
    expect(sent).toEqual([['id-1']]);
    expect(await outbox.pending()).toBe(0);
  });

  it('isolates a record the server rejects as invalid, reports it, and delivers the rest', async () => {
    const { outbox, sent, rejected } = harness((batch) => (batch.some((r) => r.id === 'id-3') ? new Error('permanent') : null));
    [1, 2, 3, 4, 5].forEach((n) => outbox.add(rec(n)));
    await outbox.flush();
    expect(rejected).toEqual(['id-3']);
    expect(sent.flat()).toEqual(['id-1', 'id-2', 'id-4', 'id-5']);
  });
});
