// The forwarder's state in the admin API's shapes (@ruyi/api-contract): ISO times, the target without its secret.
import type { QuarantinedStatement, SyncStatus } from '@ruyi/api-contract';
import type { ForwarderStatus, QuarantineEntry } from '@ruyi/sync';
import type { SyncConfig } from '../config.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const toQuarantined = (e: QuarantineEntry): QuarantinedStatement => ({
  seq: e.seq,
  id: e.id,
  status: e.status,
  reason: e.reason,
  quarantinedAt: new Date(e.at).toISOString(),
  attempts: e.attempts,
  discardedAt: iso(e.discardedAt),
});

export function toStatus(sync: SyncConfig, s: ForwarderStatus): SyncStatus {
  return {
    state: s.state,
    target: sync.url,
    clientKey: sync.key,
    batchSize: sync.batchSize,
    stoppedReason: s.stoppedReason,
    nextAttemptAt: iso(s.nextAttemptAt),
    failures: s.failures,
    cursor: s.cursor,
    backlog: s.backlog,
    progress: { sent: s.sentThisRun, total: s.sentThisRun + s.backlog },
    ratePerSecond: Math.round(s.ratePerSecond * 10) / 10,
    lastSuccessAt: iso(s.lastSuccessAt),
    lastError: s.lastError ? { at: new Date(s.lastError.at).toISOString(), message: s.lastError.message, status: s.lastError.status ?? null } : null,
    quarantined: s.quarantined,
    discarded: s.discarded,
  };
}

export const OFF: SyncStatus = {
  state: 'off',
  target: null,
  clientKey: null,
  batchSize: null,
  stoppedReason: null,
  nextAttemptAt: null,
  failures: 0,
  cursor: 0,
  backlog: 0,
  progress: { sent: 0, total: 0 },
  ratePerSecond: 0,
  lastSuccessAt: null,
  lastError: null,
  quarantined: 0,
  discarded: 0,
};

