// The server-wide gate for password hashes: a fixed number at once, a short queue, refusal past it.
import { describe, expect, it } from 'vitest';
import { Gate, GateFull } from './gate.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Gate', () => {
  it('runs at most `concurrency` jobs at once, queues up to `queueLimit`, refuses the rest at once', async () => {
    const gate = new Gate(2, 3);
    const holds = Array.from({ length: 8 }, deferred);
    let peak = 0;
    let running = 0;
    const results = holds.map((hold, i) =>
      gate
        .run(async () => {
          running++;
          peak = Math.max(peak, running);
          await hold.promise;
          running--;
          return i;
        })
        .catch((error: unknown) => error),
    );
    expect(gate.stats()).toEqual({ running: 2, queued: 3, completed: 0, refused: 3, peak: 2 });
    for (const r of results.slice(5)) expect(await r).toBeInstanceOf(GateFull);
    holds.forEach((h) => h.resolve());
    expect(await Promise.all(results.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(gate.stats()).toEqual({ running: 0, queued: 0, completed: 5, refused: 3, peak: 2 });
  });

  it('frees the slot when a job fails', async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
