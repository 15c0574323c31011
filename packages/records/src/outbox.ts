// Items (xAPI statements, on a kiosk) leave the device in order, in batches, and are retried with backoff until the
// server has them on disk. Where they wait is a store: in memory for tests and tools, IndexedDB on a kiosk
// (idb-store.ts), so a reload, a crash or a power cut loses nothing. An item is removed from the store only after the
// server's 2xx; a resend after a lost answer is harmless, because the server treats a known id with the same content
// as a duplicate.

/** Where queued items wait, oldest first. Every method is durable when its promise resolves. */
export interface OutboxStore<T> {
  append(item: T): Promise<void>;
  /** The oldest `n` items with their keys, oldest first. */
  head(n: number): Promise<{ key: number; item: T }[]>;
  remove(keys: readonly number[]): Promise<void>;
  count(): Promise<number>;
}

export function memoryStore<T>(): OutboxStore<T> {
  const items: { key: number; item: T }[] = [];
  let next = 1;
  return {
    append: async (item) => void items.push({ key: next++, item }),
    head: async (n) => items.slice(0, n),
    remove: async (keys) => {
      const gone = new Set(keys);
      for (let i = items.length - 1; i >= 0; i--) if (gone.has(items[i]!.key)) items.splice(i, 1);
    },
    count: async () => items.length,
  };
}

export interface OutboxOptions<T> {
  send: (batch: T[]) => Promise<void>;
  /** A failure that retrying cannot fix (the server rejected the items as invalid). */
  isPermanent: (error: unknown) => boolean;
  /** A promise it returns is awaited before the items leave the store: what it keeps of them is kept first. */
  onRejected?: (batch: T[], error: unknown) => unknown;
  /** Where items wait; in memory unless given. */
  store?: OutboxStore<T>;
  batchSize?: number;
  /** Backoff after each consecutive failure, in ms; the last one repeats. */
  retryDelays?: readonly number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface Outbox<T> {
  /** Queues items (in order); resolves once they are in the store (then sending starts). */
  add(...items: T[]): Promise<void>;
  /** Sends until the queue is empty or a send fails; resolves when done trying. Call at start for what a previous page left. */
  flush(): Promise<void>;
  pending(): Promise<number>;
}

export function createOutbox<T>(options: OutboxOptions<T>): Outbox<T> {
  const { send, isPermanent, onRejected, batchSize = 50, retryDelays = [1000, 2000, 5000, 10_000, 30_000] } = options;
  const store = options.store ?? memoryStore<T>();
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  let sending: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retryScheduled = false;
  /** After a rejected batch, its items go one at a time, so one bad item cannot take good ones down with it. */
  let isolate = 0;

  async function drain(): Promise<void> {
    for (;;) {
      const batch = await store.head(isolate > 0 ? 1 : batchSize);
      if (batch.length === 0) return;
      const items = batch.map((b) => b.item);
      try {
        await send(items);
        failures = 0;
      } catch (error) {
        if (!isPermanent(error)) {
          failures++;
          scheduleRetry();
          return;
        }
        if (batch.length > 1) {
          isolate = batch.length;
          continue;
        }
        await onRejected?.(items, error);
      }
      await store.remove(batch.map((b) => b.key));
      isolate = Math.max(0, isolate - batch.length);
    }
  }

  function scheduleRetry() {
    if (retryScheduled) return;
    retryScheduled = true;
    const delay = retryDelays[Math.min(failures, retryDelays.length) - 1] ?? 1000;
    setTimer(() => {
      retryScheduled = false;
      void flush();
    }, delay);
  }

  function flush(): Promise<void> {
    if (sending) {
      // An item added while a drain reads the store may miss that drain: run once more after it.
      again = true;
      return sending;
    }
    sending = drain()
      .catch((error: unknown) => {
        // The store itself failed (storage full, IndexedDB closed): try again later, like a network failure.
        console.warn('Ruyi outbox: the record store failed:', error);
        failures++;
        scheduleRetry();
      })
      .finally(() => {
        sending = null;
        if (again && !retryScheduled) {
          again = false;
          void flush();
        }
        again = false;
      });
    return sending;
  }

  return {
    async add(...items) {
      for (const item of items) await store.append(item);
      void flush();
    },
    flush,
    pending: () => store.count(),
  };
}
