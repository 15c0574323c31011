// What the forwarder needs from the world, as interfaces: where the statements are (a queue in store order), where its
// own progress is kept (a ledger), and how a batch reaches the target (a transport). The kiosk-server implements them
// over SQLite and fetch; tests use memory.ts and a scripted transport. Methods may be synchronous or async.

export type Awaitable<T> = T | Promise<T>;

/** A stored statement: its place in store order, its id and its exact stored bytes (JSON text, never re-serialized). */
export interface QueuedStatement {
  seq: number;
  id: string;
  body: string;
}

/** The statements in store order. */
export interface StatementQueue {
  /** Up to `limit` statements with seq > `afterSeq`, by seq ascending. */
  after(afterSeq: number, limit: number): Awaitable<QueuedStatement[]>;
  /** How many statements have seq > `afterSeq`. */
  countAfter(afterSeq: number): Awaitable<number>;
  get(seq: number): Awaitable<QueuedStatement | null>;
}

export interface SyncError {
  at: number;
  message: string;
  /** The target's HTTP status, absent for a network failure. */
  status?: number;
}

export interface SyncStop {
  at: number;
  reason: string;
  /** Which credentials were refused (an opaque fingerprint): a restart with other credentials lifts the stop. */
  credentials: string;
}

/** What the ledger keeps between runs. Times are ms since the epoch, from the forwarder's clock. */
export interface SyncProgress {
  /** Every statement with seq ≤ cursor has been delivered, quarantined or discarded. */
  cursor: number;
  lastSuccessAt: number | null;
  lastError: SyncError | null;
  stopped: SyncStop | null;
}

export interface QuarantineEntry {
  seq: number;
  id: string;
  /** The target's HTTP status that put it here (400 invalid, 409 conflict, 413 too large). */
  status: number;
  /** The target's reason, as it gave it. */
  reason: string;
  at: number;
  attempts: number;
  /** Set once the operator discarded it: it stays in the store but is never sent. */
  discardedAt: number | null;
}

/**
 * The forwarder's durable progress. Each method is committed to disk when it returns (or its promise resolves): the
 * forwarder sends the next batch only after that, so a crash repeats at most the batch in flight, which the target's
 * idempotency (same id, same content → no change) absorbs.
 */
export interface SyncLedger {
  read(): Awaitable<SyncProgress>;
  /** The statements up to `cursor` were delivered at `at`: moves the cursor, records the success, clears the error. */
  delivered(cursor: number, at: number): Awaitable<void>;
  /** One statement the target refuses for good: kept aside, and the cursor moves past it, in one commit. */
  quarantine(entry: Omit<QuarantineEntry, 'attempts' | 'discardedAt'>): Awaitable<void>;
  failed(error: SyncError): Awaitable<void>;
  setStopped(stop: SyncStop | null): Awaitable<void>;
  quarantined(): Awaitable<QuarantineEntry[]>;
  /** A quarantined statement was delivered on retry: it leaves the quarantine. */
  release(seq: number, at: number): Awaitable<void>;
  /** A retry was refused again: the new reason, one more attempt. */
  refused(seq: number, status: number, reason: string, at: number): Awaitable<void>;
  discard(seq: number, at: number): Awaitable<void>;
}

/** How one request ended: an HTTP answer (any status), or no answer at all. */
export type SendResult =
  | { kind: 'response'; status: number; body: string; /** From Retry-After, already in ms. */ retryAfterMs?: number }
  | { kind: 'network'; message: string };

/**
 * Sends one request body (a JSON array of statements) to the target's statements resource with the xAPI version
 * header, Content-Type application/json and the forwarder's credentials. Should not throw: a thrown error counts as a
 * network failure.
 */
export interface Transport {
  send(payload: string, signal?: AbortSignal): Promise<SendResult>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
