// Records leave the device in order, in batches, and are retried with backoff until the server has them on disk.
// In memory for now: a reload loses what is still queued (the IndexedDB outbox of the xAPI work replaces this store).
import type { VisitRecord } from './schema.ts';

export interface OutboxOptions {
  send: (batch: VisitRecord[]) => Promise<void>;
  /** A failure that retrying cannot fix (the server rejected the records as invalid). */
  isPermanent: (error: unknown) => boolean;
  onRejected?: (batch: VisitRecord[], error: unknown) => void;
  batchSize?: number;
  /** Backoff after each consecutive failure, in ms; the last one repeats. */
  retryDelays?: readonly number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface Outbox {
  add(record: VisitRecord): void;
  /** Sends until the queue is empty or a send fails; resolves when done trying. */
  flush(): Promise<void>;
  pending(): number;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const { send, isPermanent, onRejected, batchSize = 50, retryDelays = [1000, 2000, 5000, 10_000, 30_000] } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const queue: VisitRecord[] = [];
  let sending: Promise<void> | null = null;
  let failures = 0;
  let retryScheduled = false;
  /** After a rejected batch, its records go one at a time, so one bad record cannot take good ones down with it. */
  let isolate = 0;

  async function drain(): Promise<void> {
    while (queue.length) {
      const batch = queue.slice(0, isolate > 0 ? 1 : batchSize);
      try {
        await send(batch);
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
        onRejected?.(batch, error);
      }
      queue.splice(0, batch.length);
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
    sending ??= drain().finally(() => {
      sending = null;
    });
    return sending;
  }

  return {
    add(record) {
      queue.push(record);
      void flush();
    },
    flush,
    pending: () => queue.length,
  };
}
