// The sync store (queue, ledger, parks' deliveries) on both databases: a real migrated SQLite file and a real
// PostgreSQL database in a throwaway cluster. The same cases run on each; statements are written as the statement
// store writes them (on PostgreSQL: its id row first, under the insert lock), only with the columns sync reads.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Dialect, type StorageDatabase } from '../storage/database.ts';
import { runMigrations } from '../storage/migrations.ts';
import { createTestDatabase, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';
import { createPostgresSyncStore } from './postgres.ts';
import { createSqliteSyncStore } from './sqlite.ts';
import { MAX_BATCH_BYTES, type SyncStore } from './store.ts';

const T = 'https://hub.example/xapi/';
const INSERT_LOCK = 7361305;

let cluster: TestPostgres | null = null;
let baseUrl: string | undefined;
beforeAll(async () => {
  baseUrl = process.env.RUYI_TEST_DATABASE_URL?.trim() || undefined;
  if (!baseUrl) {
    cluster = await startPostgres();
    baseUrl = cluster.url;
  }
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

interface Row {
  id?: string;
  clientId?: number | null;
  stored?: string;
  /** Characters of padding in the body. */
  pad?: number;
}

describe.each<Dialect>(['sqlite', 'postgres'])('the sync store on %s', (dialect) => {
  let dir: string;
  let url: string | null;
  let storage: StorageDatabase;
  let store: SyncStore;
  const open = () => (dialect === 'postgres' ? createPostgresSyncStore(storage.db) : createSqliteSyncStore(storage));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruyi-sync-store-'));
    url = dialect === 'postgres' ? await createTestDatabase(baseUrl!) : null;
    storage = createDatabase({ dataDir: dir, databaseUrl: url });
    await runMigrations(storage);
    store = open();
  }, 60_000);
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Stores statements in one transaction, as the LRS would; returns their seqs. `fail` rolls the transaction back. */
  async function insert(rows: Row[], fail = false): Promise<number[]> {
    const values = rows.map((r) => {
      const id = r.id ?? randomUUID();
      return {
        id,
        body: JSON.stringify({ id, n: 1.0, ...(r.pad ? { pad: 'x'.repeat(r.pad) } : {}) }).replace('"n":1', '"n": 1.0'),
        stored: r.stored ?? new Date().toISOString(),
        authority: '{"mbox":"mailto:a@example.com"}',
        client_id: r.clientId ?? null,
        verb_id: 'http://adlnet.gov/expapi/verbs/experienced',
      };
    });
    const seqs: number[] = [];
    const work = storage.db.transaction().execute(async (tx) => {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${INSERT_LOCK})`.execute(tx);
      for (const v of values) {
        const { seq } = await tx.insertInto('statements').values(v).returning('seq').executeTakeFirstOrThrow();
        if (dialect === 'postgres') await tx.insertInto('statement_ids').values({ id: v.id, seq, stored: v.stored }).execute();
        seqs.push(seq);
      }
      if (fail) throw new Error('rolled back');
    });
    if (fail) await expect(work).rejects.toThrow('rolled back');
    else await work;
    return seqs;
  }

  async function remove(seq: number) {
    if (dialect === 'postgres') await storage.db.deleteFrom('statement_ids').where('seq', '=', seq).execute();
    await storage.db.deleteFrom('statements').where('seq', '=', seq).execute();
  }

  async function addClient(name: string, role: 'kiosk' | 'hub' | 'reader', revoked = false): Promise<number> {
    const row = await storage.db
      .insertInto('xapi_clients')
      .values({ name, role, key: randomUUID(), secret_hash: 'x'.repeat(64), created_at: new Date().toISOString(), revoked_at: revoked ? new Date().toISOString() : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  describe('queue', () => {
    it('reads statements after a seq, in seq order, with their stored bytes', async () => {
      const ids = Array.from({ length: 5 }, () => randomUUID());
      const seqs = await insert(ids.map((id) => ({ id })));
      const first = await store.queue.after(0, 2);
      expect(first).toEqual([
        { seq: seqs[0], id: ids[0], body: `{"id":"${ids[0]}","n": 1.0}` },
        { seq: seqs[1], id: ids[1], body: `{"id":"${ids[1]}","n": 1.0}` },
      ]);
      expect((await store.queue.after(seqs[2]!, 10)).map((s) => s.id)).toEqual([ids[3], ids[4]]);
      expect(await store.queue.countAfter(seqs[1]!)).toBe(3);
      expect(await store.queue.get(seqs[3]!)).toMatchObject({ id: ids[3] });
      expect(await store.queue.get(seqs[4]! + 100)).toBeNull();
    });

    it('reads no more statements than fit in one request body the hub takes, and a larger one alone', async () => {
      const third = Math.floor(MAX_BATCH_BYTES / 3);
      const seqs = await insert([{ pad: third }, { pad: third }, { pad: third }, { pad: MAX_BATCH_BYTES }, {}]);
      const first = await store.queue.after(0, 10);
      expect(first.map((s) => s.seq)).toEqual(seqs.slice(0, 2));
      expect(Buffer.byteLength(`[${first.map((s) => s.body).join(',')}]`)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      expect((await store.queue.after(seqs[1]!, 10)).map((s) => s.seq)).toEqual([seqs[2]]);
      expect((await store.queue.after(seqs[2]!, 10)).map((s) => s.seq)).toEqual([seqs[3]]);
      expect((await store.queue.after(seqs[3]!, 10)).map((s) => s.seq)).toEqual([seqs[4]]);
    });

    it('counts the backlog exactly across gaps in seq: a rolled-back write and a deleted statement', async () => {
      const [a] = await insert([{}]);
      await insert([{}, {}], true);
      const [b, c, d] = await insert([{}, {}, {}]);
      // PostgreSQL's sequence keeps the rolled-back numbers; SQLite gives them back. Either way the order holds.
      if (dialect === 'postgres') expect(b! - a!).toBe(3);
      expect((await store.queue.after(0, 10)).map((s) => s.seq)).toEqual([a, b, c, d]);
      expect(await store.queue.countAfter(0)).toBe(4);
      expect(await store.queue.countAfter(a!)).toBe(3);
      await remove(c!);
      expect(await store.queue.countAfter(a!)).toBe(2);
      expect(await store.queue.countAfter(b!)).toBe(1);
      expect((await store.queue.after(b!, 10)).map((s) => s.seq)).toEqual([d]);
      expect(await store.queue.countAfter(d!)).toBe(0);
      expect(await store.queue.countAfter(d! + 50)).toBe(0);
    });
  });

  describe('ledger', () => {
    it('starts at 0, moves the cursor only forward, and keeps its progress across a reopen', async () => {
      const seqs = await insert([{}, {}, {}, {}]);
      const ledger = await store.ledger(T);
      expect(await ledger.read()).toEqual({ cursor: 0, lastSuccessAt: null, lastError: null, stopped: null });
      await ledger.failed({ at: 1000, message: 'network: down' });
      await ledger.delivered(seqs[1]!, 2000);
      expect(await store.queue.countAfter((await ledger.read()).cursor)).toBe(2);
      await ledger.quarantine({ seq: seqs[2]!, id: 'b8e1a1f2-0000-4000-8000-000000000003', status: 400, reason: 'HTTP 400: bad', at: 3000 });
      await ledger.failed({ at: 4000, message: 'HTTP 503', status: 503 });
      await ledger.setStopped({ at: 5000, reason: 'refused', credentials: 'fp' });

      await storage.close();
      storage = createDatabase({ dataDir: dir, databaseUrl: url });
      store = open();
      const again = await store.ledger(T);
      expect(await again.read()).toEqual({
        cursor: seqs[2],
        lastSuccessAt: 2000,
        lastError: { at: 4000, message: 'HTTP 503', status: 503 },
        stopped: { at: 5000, reason: 'refused', credentials: 'fp' },
      });
    });

    it('records errors, stops and successes; a success clears the error; the cursor never moves back', async () => {
      const seqs = await insert([{}, {}, {}, {}]);
      const ledger = await store.ledger(T);
      await ledger.failed({ at: 1000, message: 'network: down' });
      expect(await ledger.read()).toEqual({ cursor: 0, lastSuccessAt: null, lastError: { at: 1000, message: 'network: down' }, stopped: null });
      await ledger.delivered(seqs[1]!, 2000);
      await ledger.quarantine({ seq: seqs[2]!, id: randomUUID(), status: 400, reason: 'HTTP 400: bad', at: 3000 });
      await ledger.failed({ at: 4000, message: 'HTTP 503', status: 503 });
      await ledger.setStopped({ at: 5000, reason: 'refused', credentials: 'fp' });
      // Another handle on the same database (a restart, another hub process) reads what was committed.
      const other = await open().ledger(T);
      expect(await other.read()).toEqual({
        cursor: seqs[2],
        lastSuccessAt: 2000,
        lastError: { at: 4000, message: 'HTTP 503', status: 503 },
        stopped: { at: 5000, reason: 'refused', credentials: 'fp' },
      });
      await other.setStopped(null);
      await other.delivered(seqs[0]!, 6000);
      expect(await ledger.read()).toEqual({ cursor: seqs[2], lastSuccessAt: 6000, lastError: null, stopped: null });
      expect(await store.queue.countAfter(seqs[2]!)).toBe(1);
    });

    it('keeps progress per target: another address starts from the first statement', async () => {
      const [seq] = await insert([{}]);
      await (await store.ledger(T)).delivered(seq!, 1000);
      expect((await (await store.ledger('https://other.example/lrs/')).read()).cursor).toBe(0);
      expect((await (await open().ledger(T)).read()).cursor).toBe(seq);
    });

    it('quarantine: moves the cursor past the statement; refused again counts attempts; release removes; discard marks once', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      const seqs = await insert(ids.map((id) => ({ id })));
      const ledger = await store.ledger(T);
      await ledger.quarantine({ seq: seqs[0]!, id: ids[0]!, status: 409, reason: 'clash', at: 1000 });
      expect((await ledger.read()).cursor).toBe(seqs[0]);
      await ledger.quarantine({ seq: seqs[1]!, id: ids[1]!, status: 400, reason: 'bad', at: 1000 });
      expect((await ledger.read()).cursor).toBe(seqs[1]);
      await ledger.refused(seqs[0]!, 409, 'still a clash', 2000);
      expect((await ledger.quarantined())[0]).toEqual({ seq: seqs[0], id: ids[0], status: 409, reason: 'still a clash', at: 2000, attempts: 2, discardedAt: null });
      // Refused by the forwarder again after a restart with the cursor reset: the same row, one more attempt.
      await ledger.quarantine({ seq: seqs[1]!, id: ids[1]!, status: 400, reason: 'bad again', at: 2500 });
      expect((await ledger.quarantined())[1]).toMatchObject({ seq: seqs[1], reason: 'bad again', attempts: 2 });
      await ledger.release(seqs[0]!, 3000);
      await ledger.discard(seqs[1]!, 4000);
      await ledger.discard(seqs[1]!, 5000);
      expect(await ledger.quarantined()).toEqual([{ seq: seqs[1], id: ids[1], status: 400, reason: 'bad again', at: 2500, attempts: 2, discardedAt: 4000 }]);
      // The statements themselves are untouched.
      expect(await store.queue.countAfter(0)).toBe(3);
    });

    it.runIf(dialect === 'postgres')('drops the quarantine row of a statement that is gone (its month dropped, or erased)', async () => {
      const ids = [randomUUID(), randomUUID()];
      const seqs = await insert(ids.map((id) => ({ id })));
      const ledger = await store.ledger(T);
      await ledger.quarantine({ seq: seqs[0]!, id: ids[0]!, status: 400, reason: 'bad', at: 1000 });
      await ledger.quarantine({ seq: seqs[1]!, id: ids[1]!, status: 400, reason: 'bad', at: 1000 });
      await remove(seqs[0]!);
      expect((await ledger.quarantined()).map((e) => e.seq)).toEqual([seqs[1]]);
      const left = await storage.db.selectFrom('sync_quarantine').select('seq').execute();
      expect(left.map((r) => r.seq)).toEqual([seqs[1]]);
    });
  });

  describe('deliveries', () => {
    it("lists each park's client with its last delivery and count; readers, the kiosk app's own and revoked silent ones are left out", async () => {
      const north = await addClient('north-park', 'kiosk');
      const east = await addClient('east-park', 'kiosk');
      const district = await addClient('district-hub', 'hub');
      const reader = await addClient('analyst', 'reader');
      await addClient('west-park', 'kiosk'); // not heard from yet
      await addClient('old-park', 'kiosk', true); // revoked, never delivered
      const gone = await addClient('closed-park', 'kiosk', true); // revoked after delivering
      const silent = (name: string, role = 'kiosk') => ({ name, role, revokedAt: null, lastDeliveryAt: null, delivered: 0 });
      expect(await store.deliveries()).toEqual([silent('district-hub', 'hub'), silent('east-park'), silent('north-park'), silent('west-park')]);

      await insert([
        { clientId: north, stored: '2026-11-30T23:59:59.000Z' },
        { clientId: north, stored: '2026-12-01T08:00:00.250Z' },
        { clientId: east, stored: '2026-12-02T09:00:00.000Z' },
        { clientId: district, stored: '2026-12-03T10:00:00.000Z' },
        { clientId: reader, stored: '2026-12-03T10:00:00.000Z' },
        { clientId: null, stored: '2026-12-04T10:00:00.000Z' },
        { clientId: gone, stored: '2026-10-01T00:00:00.000Z' },
      ]);
      await insert([{ clientId: north, stored: '2026-12-05T07:30:00.000Z' }]);
      const list = await store.deliveries();
      expect(list.map((d) => d.name)).toEqual(['closed-park', 'district-hub', 'east-park', 'north-park', 'west-park']);
      expect(list).toEqual([
        { name: 'closed-park', role: 'kiosk', revokedAt: expect.any(String), lastDeliveryAt: '2026-10-01T00:00:00.000Z', delivered: 1 },
        { name: 'district-hub', role: 'hub', revokedAt: null, lastDeliveryAt: '2026-12-03T10:00:00.000Z', delivered: 1 },
        { name: 'east-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: '2026-12-02T09:00:00.000Z', delivered: 1 },
        { name: 'north-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: '2026-12-05T07:30:00.000Z', delivered: 3 },
        { name: 'west-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: null, delivered: 0 },
      ]);

      // Later deliveries are added to what was counted; an erased statement is no longer counted.
      const [newest] = await insert([{ clientId: north, stored: '2026-12-06T07:30:00.000Z' }, { clientId: east, stored: '2026-12-06T07:31:00.000Z' }]);
      const north4 = { name: 'north-park', role: 'kiosk', revokedAt: null, lastDeliveryAt: '2026-12-06T07:30:00.000Z', delivered: 4 };
      expect((await store.deliveries()).find((d) => d.name === 'north-park')).toEqual(north4);
      expect((await store.deliveries()).find((d) => d.name === 'east-park')).toMatchObject({ delivered: 2 });
      await remove(newest!);
      expect((await open().deliveries()).find((d) => d.name === 'north-park')).toMatchObject({ lastDeliveryAt: '2026-12-05T07:30:00.000Z', delivered: 3 });
      expect((await store.deliveries()).find((d) => d.name === 'north-park')).toMatchObject({ lastDeliveryAt: '2026-12-05T07:30:00.000Z', delivered: 3 });
    });
  });
});
