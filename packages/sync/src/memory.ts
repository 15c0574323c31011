// In-memory queue and ledger, for tests and tools: the same contracts as the kiosk-server's SQLite ones.
import type { QuarantineEntry, QueuedStatement, StatementQueue, SyncLedger, SyncProgress } from './ports.ts';

export interface MemoryQueue extends StatementQueue {
  /** Stores a statement at the next seq; returns it. */
  add(id: string, body: string): QueuedStatement;
}

export function memoryQueue(): MemoryQueue {
  const statements: QueuedStatement[] = [];
  return {
    add(id, body) {
      const statement = { seq: statements.length + 1, id, body };
      statements.push(statement);
      return statement;
    },
    after: (afterSeq, limit) => statements.filter((s) => s.seq > afterSeq).slice(0, limit),
    countAfter: (afterSeq) => statements.filter((s) => s.seq > afterSeq).length,
    get: (seq) => statements.find((s) => s.seq === seq) ?? null,
  };
}

export interface MemoryLedger extends SyncLedger {
  /** The raw state, for assertions. */
  readonly progress: SyncProgress;
  readonly entries: Map<number, QuarantineEntry>;
}

export function memoryLedger(): MemoryLedger {
  const progress: SyncProgress = { cursor: 0, lastSuccessAt: null, lastError: null, stopped: null };
  const entries = new Map<number, QuarantineEntry>();
  return {
    progress,
    entries,
    read: () => structuredClone(progress),
    delivered(cursor, at) {
      progress.cursor = Math.max(progress.cursor, cursor);
      progress.lastSuccessAt = at;
      progress.lastError = null;
    },
    quarantine(entry) {
      entries.set(entry.seq, { ...entry, attempts: 1, discardedAt: null });
      progress.cursor = Math.max(progress.cursor, entry.seq);
    },
    failed(error) {
      progress.lastError = error;
    },
    setStopped(stop) {
      progress.stopped = stop;
    },
    quarantined: () => [...entries.values()].sort((a, b) => a.seq - b.seq).map((e) => ({ ...e })),
    release(seq) {
      entries.delete(seq);
    },
    refused(seq, status, reason, at) {
      const entry = entries.get(seq);
      if (entry) entries.set(seq, { ...entry, status, reason, at, attempts: entry.attempts + 1 });
    },
    discard(seq, at) {
      const entry = entries.get(seq);
      if (entry) entries.set(seq, { ...entry, discardedAt: at });
    },
  };
}
