// Deleting statements for good, as one asynchronous interface over either store: erasure (a visit's or an agent's
// statements and xAPI documents, on request) and retention (statements stored before a time, once the sync target
// has them). SQLite runs today's synchronous code inside (erase.ts, retention.ts, delete.ts); PostgreSQL is
// postgres.ts. The CLI and the retention plugin only see this.
import type Database from 'better-sqlite3';
import type { StorageDatabase } from '../storage/database.ts';
import { expireSqliteClasses, type ClassesExpired } from './classes.ts';
import { erase, planErase, type ErasePlan, type EraseResult, type EraseTarget } from './erase.ts';
import { createPostgresStatementDeletion } from './postgres.ts';
import { retention, type RetentionPolicy } from './retention.ts';

export type { ClassesExpired, ErasePlan, EraseResult, EraseTarget };

/** Which expired statements may go: only those the sync target has, unless there is none and the operator said so. */
export type ExpiryRule = Pick<RetentionPolicy, 'syncTarget' | 'withoutSync'>;

export interface StatementDeletionStore {
  /** What `erase` would delete now, changing nothing. */
  planErase(target: EraseTarget, syncTarget: string | null): Promise<ErasePlan>;
  /** Erases the target's statements (and those referring to them) and xAPI documents, all or nothing. */
  erase(target: EraseTarget, syncTarget: string | null): Promise<EraseResult>;
  /**
   * Retention: deletes up to `limit` statements stored before `cutoff` (ISO 8601) that `rule` lets go, in one
   * transaction; answers how many went.
   */
  expire(cutoff: string, rule: ExpiryRule, limit: number): Promise<number>;
  /**
   * Retention of class visits: deletes the classes closed before `cutoff` with their seats, seat-visit rows and their
   * visits' certificates, and every certificate issued before it, in one transaction. Classes are never forwarded, so
   * no sync rule applies.
   */
  expireClasses(cutoff: string): Promise<ClassesExpired>;
}

export function createSqliteStatementDeletion(db: Database.Database): StatementDeletionStore {
  // One prepared set per rule: the policy's days do not matter here, the cutoff is given.
  const expirers = new Map<string, ReturnType<typeof retention>>();
  const expirer = (rule: ExpiryRule) => {
    const key = `${rule.withoutSync}\n${rule.syncTarget ?? ''}`;
    let found = expirers.get(key);
    if (!found) expirers.set(key, (found = retention(db, { ...rule, days: 1 })));
    return found;
  };
  return {
    async planErase(target, syncTarget) {
      return planErase(db, target, syncTarget);
    },
    async erase(target, syncTarget) {
      return erase(db, target, syncTarget);
    },
    async expire(cutoff, rule, limit) {
      return expirer(rule).deleteBefore(cutoff, limit);
    },
    async expireClasses(cutoff) {
      return db.transaction(() => expireSqliteClasses(db, cutoff)).immediate();
    },
  };
}

/** The implementation for the store in use. */
export function createStatementDeletion(storage: StorageDatabase): StatementDeletionStore {
  if (storage.dialect === 'postgres') return createPostgresStatementDeletion(storage.db);
  if (!storage.sqlite) throw new Error('a SQLite store without its connection');
  return createSqliteStatementDeletion(storage.sqlite);
}
