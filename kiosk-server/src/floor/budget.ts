// Per-client write budgets: statements per minute, bytes per minute and bytes per statement, as two token buckets per
// client key (one counts statements, one bytes), refilled continuously. A bucket holds at most one minute's budget,
// so a client that was quiet may send a minute's worth at once (a kiosk draining its outbox after a night offline),
// and a client that keeps sending is held to the per-minute rate. Pure logic: the clock is passed in.

export interface WriteBudget {
  statementsPerMinute: number;
  bytesPerMinute: number;
  /** The largest one statement may be, in bytes of its JSON text. */
  statementBytes: number;
}

export type Admission =
  | { kind: 'admitted' }
  /** Some statements are larger than `statementBytes`: index and size of each. Retrying cannot help. */
  | { kind: 'statement-too-large'; oversize: { index: number; bytes: number }[] }
  /** The whole batch is more than a minute's budget: it can never fit; send fewer per request. */
  | { kind: 'batch-too-large'; statements: number; bytes: number }
  /** Over budget now; the batch fits after `retryAfterMs`. */
  | { kind: 'over-budget'; retryAfterMs: number; statements: number; bytes: number };

export interface BudgetsOptions {
  /** ms since some epoch; Date.now unless a test passes its own. */
  now?: () => number;
  /** The most client keys remembered; past it, full buckets are forgotten first, then the least recently used. */
  maxKeys?: number;
}

interface Bucket {
  statements: number;
  bytes: number;
  /** When the levels above were last brought up to date. */
  at: number;
}

const MINUTE = 60_000;
/** Enough for every kiosk, headset and hub client a park or city has, at ~100 bytes each. */
export const DEFAULT_MAX_KEYS = 50_000;

export interface Budgets {
  /** Charges `sizes` (bytes of each statement) to `key` if all of it fits; charges nothing otherwise. */
  admit(key: string, sizes: readonly number[]): Admission;
  /** How many client keys are remembered (tests of the pruning). */
  size(): number;
}

export function createBudgets(budget: WriteBudget, options: BudgetsOptions = {}): Budgets {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const statementRate = budget.statementsPerMinute / MINUTE;
  const byteRate = budget.bytesPerMinute / MINUTE;
  // Map order is insertion order; a key is re-inserted on each use, so the first keys are the least recently used.
  const buckets = new Map<string, Bucket>();
  let lastSweep = now();

  function level(bucket: Bucket, t: number): Bucket {
    const elapsed = Math.max(0, t - bucket.at);
    return {
      statements: Math.min(budget.statementsPerMinute, bucket.statements + elapsed * statementRate),
      bytes: Math.min(budget.bytesPerMinute, bucket.bytes + elapsed * byteRate),
      at: t,
    };
  }

  const isFull = (b: Bucket) => b.statements >= budget.statementsPerMinute && b.bytes >= budget.bytesPerMinute;

  function prune(t: number): void {
    // A full bucket is the same as no bucket: forgetting it loses nothing. A sweep is O(keys), so once a minute.
    if (t - lastSweep >= MINUTE) {
      lastSweep = t;
      for (const [key, bucket] of buckets) if (isFull(level(bucket, t))) buckets.delete(key);
    }
    // Too many keys active within the minute (a flood of new addresses): forget the least recently used. One may come
    // back with a fresh budget, which is the price of bounded memory; the disk floor still guards the disk.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    admit(key, sizes) {
      const oversize = sizes.flatMap((bytes, index) => (bytes > budget.statementBytes ? [{ index, bytes }] : []));
      if (oversize.length) return { kind: 'statement-too-large', oversize };
      const statements = sizes.length;
      const bytes = sizes.reduce((sum, b) => sum + b, 0);
      if (statements > budget.statementsPerMinute || bytes > budget.bytesPerMinute) return { kind: 'batch-too-large', statements, bytes };

      const t = now();
      const stored = buckets.get(key);
      const current = stored ? level(stored, t) : { statements: budget.statementsPerMinute, bytes: budget.bytesPerMinute, at: t };
      if (current.statements < statements || current.bytes < bytes) {
        const wait = Math.max((statements - current.statements) / statementRate, (bytes - current.bytes) / byteRate);
        return { kind: 'over-budget', retryAfterMs: Math.ceil(wait), statements, bytes };
      }
      buckets.delete(key);
      buckets.set(key, { statements: current.statements - statements, bytes: current.bytes - bytes, at: t });
      prune(t);
      return { kind: 'admitted' };
    },
    size: () => buckets.size,
  };
}
