import { describe, expect, it } from 'vitest';
import { adoptQueued } from './adopt.ts';
import { createOutbox, memoryStore } from './outbox.ts';

describe('adoptQueued', () => {
  it('moves every old item, converted and in order, and empties the old store', async () => {
    const old = memoryStore<number>();
    for (const n of [1, 2, 3, 4, 5]) await old.append(n);
    const sent: string[][] = [];
    const store = memoryStore<string>();
    const outbox = createOutbox<string>({ store, send: async (batch) => void sent.push(batch), isPermanent: () => false, setTimer: () => undefined });
    // A record that becomes two statements, and one that becomes none (no longer valid).
    const moved = await adoptQueued(old, (n) => (n === 3 ? [] : n === 5 ? ['5a', '5b'] : [String(n)]), outbox, 2);
    expect(moved).toBe(5);
    expect(await old.count()).toBe(0);
    await outbox.flush();
    expect(sent.flat()).toEqual(['1', '2', '4', '5a', '5b']);
  });

  it('leaves an item in the old store until its conversion is stored in the new one', async () => {
    const old = memoryStore<number>();
    await old.append(1);
    await old.append(2);
    const failing = { ...memoryStore<string>(), append: async () => Promise.reject(new Error('disk full')) };
    const outbox = createOutbox<string>({ store: failing, send: async () => undefined, isPermanent: () => false, setTimer: () => undefined });
    await expect(adoptQueued(old, (n) => [String(n)], outbox)).rejects.toThrow('disk full');
    expect(await old.count()).toBe(2);
  });
});
