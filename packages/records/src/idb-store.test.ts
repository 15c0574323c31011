// The kiosk's outbox on IndexedDB (fake-indexeddb here; real IndexedDB in the browser tests): what a page queued is
// still there for the next page, in order, and leaves exactly once.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { indexedDbStore } from './idb-store.ts';
import { createOutbox } from './outbox.ts';

interface Item {
  id: string;
}
const rec = (n: number): Item => ({ id: `id-${n}` });
let dbCount = 0;
const freshName = () => `test-outbox-${++dbCount}`;

describe('indexedDbStore', () => {
  it('keeps items in order across openings, and removes exactly the keys given', async () => {
    const name = freshName();
    const first = await indexedDbStore<Item>(name);
    for (const n of [1, 2, 3, 4]) await first.append(rec(n));
    const head = await first.head(2);
    expect(head.map((h) => h.item.id)).toEqual(['id-1', 'id-2']);
    await first.remove([head[0]!.key]);
    // A new page (a reload) opens the same database.
    const second = await indexedDbStore<Item>(name);
    expect(await second.count()).toBe(3);
    expect((await second.head(10)).map((h) => h.item.id)).toEqual(['id-2', 'id-3', 'id-4']);
  });
});

describe('outbox on IndexedDB', () => {
  it('what one page could not send, the next page sends once, in order', async () => {
    const name = freshName();
    const down = createOutbox<Item>({
      store: await indexedDbStore(name),
      send: async () => {
        throw new Error('kiosk-server down');
      },
      isPermanent: () => false,
      setTimer: () => undefined, // the page is gone before any retry
    });
    for (const n of [1, 2, 3]) await down.add(rec(n));
    await down.flush();
    expect(await down.pending()).toBe(3);

    const sent: string[] = [];
    const next = createOutbox<Item>({
      store: await indexedDbStore(name),
      send: async (batch) => void sent.push(...batch.map((r) => r.id)),
      isPermanent: () => false,
      batchSize: 2,
    });
    await next.flush();
    await next.add(rec(4));
    await next.flush();
    await expect.poll(() => next.pending()).toBe(0);
    expect(sent).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
  });
});
