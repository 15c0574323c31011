// Deleting statements for good (erase, retention): the row, its rows in the side tables, its quarantine entries, and
// attachment bytes no other statement still names. The connection has secure_delete on (plugins/db.ts), so the bytes
// are overwritten, not left in free pages. The forwarder's ledger stays true: its invariant only speaks of statements
// that exist, and the backlog count subtracts deleted seqs (007_erasure.sql, sync/sqlite.ts).
import type Database from 'better-sqlite3';

export interface Deleted {
  statements: number;
  /** Attachment contents no longer named by any statement, deleted with them. */
  attachments: number;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** The sha2 of each attachment a statement body names. */
export function attachmentHashes(body: string): string[] {
  try {
    const attachments = asRecord(JSON.parse(body))?.attachments;
    return Array.isArray(attachments) ? attachments.map((a) => asRecord(a)?.sha2).filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}

export function statementDeleter(db: Database.Database) {
  const body = db.prepare<[number], string>('SELECT body FROM statements WHERE seq = ?').pluck();
  const agents = db.prepare('DELETE FROM statement_agents WHERE seq = ?');
  const activities = db.prepare('DELETE FROM statement_activities WHERE seq = ?');
  const quarantine = db.prepare('DELETE FROM sync_quarantine WHERE seq = ?');
  const statement = db.prepare('DELETE FROM statements WHERE seq = ?');
  // Its statistics facts go with it (the cubes' counts stay: they name no visit), and, for an erased visit still under
  // way, what the statistics remember of it.
  const facts = db.prepare<[number], string>('DELETE FROM statement_facts WHERE seq = ? RETURNING visit_id').pluck();
  const remembered = db.prepare('DELETE FROM stat_replay_memory WHERE visit_id = ?');
  // Bodies hold the hash as text: a plain search, run only for the few statements that carry attachments.
  const stillNamed = db.prepare<[string], number>('SELECT 1 FROM statements WHERE instr(body, ?) > 0 LIMIT 1').pluck();
  const attachment = db.prepare('DELETE FROM attachments WHERE sha2 = ?');

  /** Deletes these statements; call inside a transaction. Seqs that no longer exist are skipped. */
  return (seqs: Iterable<number>): Deleted => {
    const hashes = new Set<string>();
    const visits = new Set<string>();
    let statements = 0;
    for (const seq of seqs) {
      const text = body.get(seq);
      if (text === undefined) continue;
      for (const h of attachmentHashes(text)) hashes.add(h.toLowerCase());
      agents.run(seq);
      activities.run(seq);
      quarantine.run(seq);
      const visit = facts.get(seq);
      if (visit !== undefined) visits.add(visit);
      statements += statement.run(seq).changes;
    }
    for (const visit of visits) remembered.run(visit);
    let attachments = 0;
    for (const h of hashes) if (stillNamed.get(h) === undefined) attachments += attachment.run(h).changes;
    return { statements, attachments };
  };
}
