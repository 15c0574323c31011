// Retention: statements stored more than N days ago are deleted, on a kiosk-server only once the sync target has them
// (seq ≤ the forwarder's cursor and not waiting in quarantine), so retention never loses a statement the city has not
// got. With no sync target nothing is deleted unless the operator says so (RUYI_RETENTION_WITHOUT_SYNC=delete): a
// server that forwards nowhere may be the only copy, and losing it should be a choice, not a default.
import type Database from 'better-sqlite3';
import { statementDeleter } from './delete.ts';
import type { ClassesExpired, StatementDeletionStore } from './store.ts';

export interface RetentionPolicy {
  days: number;
  /** The sync target's address; null: none configured. */
  syncTarget: string | null;
  withoutSync: 'keep' | 'delete';
}

/** Statements deleted per transaction: short enough that requests are not held up between batches. */
export const RETENTION_BATCH = 500;

/** Whether this policy deletes anything at all, and if not, why not (for the log at start). */
export function retentionActive(policy: RetentionPolicy): { active: true } | { active: false; reason: string } {
  if (policy.days <= 0) return { active: false, reason: 'RUYI_RETENTION_DAYS is 0: statements are kept' };
  if (policy.syncTarget === null && policy.withoutSync === 'keep')
    return {
      active: false,
      reason: 'no sync target (RUYI_SYNC_URL) and RUYI_RETENTION_WITHOUT_SYNC=keep: this server holds the only copy, so nothing is deleted',
    };
  return { active: true };
}

export function retention(db: Database.Database, policy: RetentionPolicy) {
  const deleteStatements = statementDeleter(db);
  const cursorOf = db.prepare<[string], number>('SELECT cursor FROM sync_state WHERE target = ?').pluck();
  // By stored time (this server's clock, ISO 8601, index statements_stored); device clocks are not trusted.
  const synced = db
    .prepare<{ cutoff: string; cursor: number; target: string; limit: number }, number>(
      `SELECT seq FROM statements WHERE stored < @cutoff AND seq <= @cursor
         AND seq NOT IN (SELECT seq FROM sync_quarantine WHERE target = @target AND discarded_at IS NULL)
       ORDER BY stored LIMIT @limit`,
    )
    .pluck();
  const any = db.prepare<{ cutoff: string; limit: number }, number>('SELECT seq FROM statements WHERE stored < @cutoff ORDER BY stored LIMIT @limit').pluck();

  const batch = db.transaction((cutoff: string, limit: number): number => {
    let seqs: number[];
    if (policy.syncTarget !== null) {
      const cursor = cursorOf.get(policy.syncTarget) ?? 0;
      seqs = synced.all({ cutoff, cursor, target: policy.syncTarget, limit });
    } else seqs = policy.withoutSync === 'delete' ? any.all({ cutoff, limit }) : [];
    return deleteStatements(seqs).statements;
  });

  const cutoff = (now: number) => cutoffOf(policy, now);
  return {
    /** The stored time before which statements expire, at `now`. */
    cutoff,
    /** Deletes up to `limit` expired statements in one transaction; returns how many. */
    deleteBatch(now: number, limit = RETENTION_BATCH): number {
      if (!retentionActive(policy).active) return 0;
      return batch.immediate(cutoff(now), limit);
    },
    /** The same with the cutoff given (the store interface's `expire`); the policy's days are not looked at. */
    deleteBefore(before: string, limit = RETENTION_BATCH): number {
      if (policy.syncTarget === null && policy.withoutSync === 'keep') return 0;
      return batch.immediate(before, limit);
    },
  };
}

const cutoffOf = (policy: RetentionPolicy, now: number) => new Date(now - policy.days * 86_400_000).toISOString();

/** Retention over either store (store.ts): the policy applied to `StatementDeletionStore.expire`. */
export function expiring(store: StatementDeletionStore, policy: RetentionPolicy) {
  const cutoff = (now: number) => cutoffOf(policy, now);
  return {
    cutoff,
    /** Deletes up to `limit` expired statements in one transaction; resolves to how many. */
    async deleteBatch(now: number, limit = RETENTION_BATCH): Promise<number> {
      if (!retentionActive(policy).active) return 0;
      return store.expire(cutoff(now), policy, limit);
    },
    /** Deletes the class visits closed before the cutoff and the certificates issued before it (store.ts). */
    async expireClasses(now: number): Promise<ClassesExpired> {
      if (!retentionActive(policy).active) return { classes: 0, seats: 0, classVisits: 0, certificates: 0 };
      return store.expireClasses(cutoff(now));
    },
  };
}
