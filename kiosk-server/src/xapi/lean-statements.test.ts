// Migration 010 (leaner statements) on a file that already holds statements in the old shape: every side row is kept
// (read back through the old names), the LRS's agent and activity filters find the same statements, a deletion
// through the old names takes an erased agent's key out of the dictionary, and new files get 8 KiB pages.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DB_FILE, MIGRATIONS_DIR, migrate, openDatabase, PAGE_SIZE } from '../plugins/db.ts';
import { createStatementStore } from './store.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const A = 'account:https://ruyi.localhost/parks/test|visitor-a';
const B = 'mbox:mailto:b@example.com';
const AUTHORITY = 'account:https://ruyi.localhost/parks/test|kiosk-app';
const ACT = 'https://ruyi.localhost/xapi/activities/fire';
const PARENT = 'https://ruyi.localhost/xapi/activities/park';

describe('010_lean_statements.sql', () => {
  it('keeps every side row of an existing file, and the filters find what they found before', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-lean-'));
    const before = join(dir, 'before');
    mkdirSync(before);
    for (const name of readdirSync(MIGRATIONS_DIR)) if (/^00\d_.*\.sql$/.test(name)) copyFileSync(join(MIGRATIONS_DIR, name), join(before, name));
    const db = openDatabase(join(dir, 'data'));
    try {
      migrate(db, before);
      const statement = db.prepare("INSERT INTO statements (id, body, stored, authority, verb_id) VALUES (?, ?, '2026-01-01T00:00:00.000Z', '{}', 'http://example.com/v')");
      const agent = db.prepare('INSERT INTO statement_agents (seq, agent_key, related) VALUES (?, ?, ?)');
      const activity = db.prepare('INSERT INTO statement_activities (seq, activity_id, related) VALUES (?, ?, ?)');
      const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
      ids.forEach((id) => statement.run(id, JSON.stringify({ id })));
      // 1: A acted on ACT (under PARENT); 2: B acted, A is its object's... team (related only); 3: B on PARENT.
      for (const [seq, key, related] of [[1, A, 0], [1, A, 1], [1, AUTHORITY, 1], [2, B, 0], [2, B, 1], [2, A, 1], [2, AUTHORITY, 1], [3, B, 0], [3, B, 1], [3, AUTHORITY, 1]] as const)
        agent.run(seq, key, related);
      for (const [seq, iri, related] of [[1, ACT, 0], [1, ACT, 1], [1, PARENT, 1], [3, PARENT, 0], [3, PARENT, 1]] as const) activity.run(seq, iri, related);
      const oldAgents = db.prepare('SELECT seq, agent_key, related FROM statement_agents ORDER BY seq, agent_key, related').all();
      const oldActivities = db.prepare('SELECT seq, activity_id, related FROM statement_activities ORDER BY seq, activity_id, related').all();

      expect(migrate(db)[0]).toBe('010_lean_statements.sql');
      expect(db.prepare('SELECT seq, agent_key, related FROM statement_agents ORDER BY seq, agent_key, related').all()).toEqual(oldAgents);
      expect(db.prepare('SELECT seq, activity_id, related FROM statement_activities ORDER BY seq, activity_id, related').all()).toEqual(oldActivities);
      // Each key once, each statement's reference once.
      expect(db.prepare('SELECT count(*) FROM statement_agent_keys').pluck().get()).toBe(3);
      expect(db.prepare('SELECT count(*) FROM statement_agent_refs').pluck().get()).toBe(7);

      const store = createStatementStore(db);
      const seqsOf = async (q: Parameters<typeof store.query>[0]) => (await store.query(q)).statements.map((s) => s.seq);
      expect(await seqsOf({ limit: 10, agent: A, ascending: true })).toEqual([1]);
      expect(await seqsOf({ limit: 10, agent: A, relatedAgents: true, ascending: true })).toEqual([1, 2]);
      expect(await seqsOf({ limit: 10, agent: B, ascending: true })).toEqual([2, 3]);
      expect(await seqsOf({ limit: 10, activity: PARENT, ascending: true })).toEqual([3]);
      expect(await seqsOf({ limit: 10, activity: PARENT, relatedActivities: true, ascending: true })).toEqual([1, 3]);
      expect(await seqsOf({ limit: 10, agent: 'mbox:mailto:nobody@example.com' })).toEqual([]);

      // Deleting by the old names (as privacy/delete.ts does): B's last statement gone, B's key goes too.
      db.transaction(() => {
        for (const seq of [2, 3]) {
          db.prepare('DELETE FROM statement_agents WHERE seq = ?').run(seq);
          db.prepare('DELETE FROM statement_activities WHERE seq = ?').run(seq);
          db.prepare('DELETE FROM statements WHERE seq = ?').run(seq);
        }
      })();
      expect(db.prepare('SELECT key FROM statement_agent_keys ORDER BY key').pluck().all()).toEqual([A, AUTHORITY].sort());
      expect(db.prepare('SELECT iri FROM statement_activity_iris ORDER BY iri').pluck().all()).toEqual([ACT, PARENT].sort());
      expect(db.prepare('SELECT count(*) FROM statement_agent_refs').pluck().get()).toBe(2);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('gives a new file 8 KiB pages; an existing file keeps its own', () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-lean-'));
    const db = openDatabase(join(dir, 'data'));
    migrate(db);
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    db.close();
    const old = join(dir, 'old');
    mkdirSync(old);
    const made = new Database(join(old, DB_FILE));
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    made.exec('CREATE TABLE t (x)');
    made.close();
    const reopened = openDatabase(old);
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    reopened.close();
  });
});
