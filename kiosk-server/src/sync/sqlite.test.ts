// The forwarder's SQLite queue and ledger on a real, migrated database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { sqliteLedger, sqliteQueue } from './sqlite.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv({ postgres: false });
  app = await env.start();
});
afterEach(() => env.cleanup());

const T = 'https://hub.example/xapi/';
/** A stored statement, written as the LRS would (only the columns the forwarder reads matter here). */
function store(db: App['db'], n: number): void {
  db.prepare('INSERT INTO statements (id, body, stored, authority, verb_id) VALUES (?, ?, ?, ?, ?)').run(
    `id-${n}`,
    `{"id": "id-${n}", "n": ${n}.0}`,
    new Date().toISOString(),
    '{"mbox":"mailto:a@example.com"}',
    'http://adlnet.gov/expapi/verbs/experienced',
  );
}

describe('sqliteQueue', () => {
  it('reads statements after a seq, in seq order, with their stored bytes', () => {
    for (let n = 1; n <= 5; n++) store(app.db, n);
    const queue = sqliteQueue(app.db);
    expect(queue.after(0, 2)).toEqual([
      { seq: 1, id: 'id-1', body: '{"id": "id-1", "n": 1.0}' },
      { seq: 2, id: 'id-2', body: '{"id": "id-2", "n": 2.0}' },
    ]);
    expect((queue.after(3, 10) as { seq: number }[]).map((s) => s.seq)).toEqual([4, 5]);
    expect(queue.countAfter(2)).toBe(3);
    expect(queue.get(4)).toMatchObject({ id: 'id-4' });
    expect(queue.get(99)).toBeNull();
  });

  it('counts the backlog exactly when a write was rolled back in between (its seq numbers are given back)', () => {
    store(app.db, 1);
    expect(() =>
      app.db.transaction(() => {
        store(app.db, 2);
        store(app.db, 1); // a repeated id: the whole transaction rolls back
      })(),
    ).toThrow(/UNIQUE/);
    store(app.db, 3);
    const queue = sqliteQueue(app.db);
    expect(queue.after(0, 10).map((s) => s.seq)).toEqual([1, 2]);
    expect(queue.countAfter(0)).toBe(2);
    expect(queue.countAfter(2)).toBe(0);
    expect(queue.countAfter(5)).toBe(0);
  });
});

describe('sqliteLedger', () => {
  it('starts at 0 and keeps its progress across a restart', async () => {
    for (let n = 1; n <= 4; n++) store(app.db, n);
    const ledger = sqliteLedger(app.db, T);
    expect(ledger.read()).toEqual({ cursor: 0, lastSuccessAt: null, lastError: null, stopped: null });
    ledger.failed({ at: 1000, message: 'network: down' });
    ledger.delivered(2, 2000);
    ledger.quarantine({ seq: 3, id: 'id-3', status: 400, reason: 'HTTP 400: bad', at: 3000 });
    ledger.failed({ at: 4000, message: 'HTTP 503', status: 503 });
    ledger.setStopped({ at: 5000, reason: 'refused', credentials: 'fp' });
    await app.close();

    app = await env.start();
    const again = sqliteLedger(app.db, T);
    expect(again.read()).toEqual({
      cursor: 3,
      lastSuccessAt: 2000,
      lastError: { at: 4000, message: 'HTTP 503', status: 503 },
      stopped: { at: 5000, reason: 'refused', credentials: 'fp' },
    });
    expect(again.quarantined()).toEqual([{ seq: 3, id: 'id-3', status: 400, reason: 'HTTP 400: bad', at: 3000, attempts: 1, discardedAt: null }]);
    // A success clears the error; the cursor never moves back.
    again.delivered(1, 6000);
    expect(again.read()).toMatchObject({ cursor: 3, lastSuccessAt: 6000, lastError: null });
  });

  it('keeps progress per target: another address starts from the first statement', () => {
    store(app.db, 1);
    sqliteLedger(app.db, T).delivered(1, 1000);
    expect(sqliteLedger(app.db, 'https://other.example/lrs/').read().cursor).toBe(0);
    expect(sqliteLedger(app.db, T).read().cursor).toBe(1);
  });

  it('quarantine: refused again counts attempts; release removes; discard marks once', () => {
    for (let n = 1; n <= 3; n++) store(app.db, n);
    const ledger = sqliteLedger(app.db, T);
    ledger.quarantine({ seq: 1, id: 'id-1', status: 409, reason: 'clash', at: 1000 });
    ledger.quarantine({ seq: 2, id: 'id-2', status: 400, reason: 'bad', at: 1000 });
    ledger.refused(1, 409, 'still a clash', 2000);
    expect(ledger.quarantined()[0]).toMatchObject({ seq: 1, reason: 'still a clash', at: 2000, attempts: 2 });
    ledger.release(1, 3000);
    ledger.discard(2, 4000);
    ledger.discard(2, 5000);
    expect(ledger.quarantined()).toEqual([{ seq: 2, id: 'id-2', status: 400, reason: 'bad', at: 1000, attempts: 1, discardedAt: 4000 }]);
    // The statements themselves are untouched.
    expect(sqliteQueue(app.db).countAfter(0)).toBe(3);
  });
});
