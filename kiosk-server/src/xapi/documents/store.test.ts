// The document store on both databases (a real SQLite file, a real PostgreSQL server), migrated as the server
// migrates them: the same tests, and on PostgreSQL concurrent writers through several connections.
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDatabase, type StorageDatabase } from '../../storage/database.ts';
import { runMigrations } from '../../storage/migrations.ts';
import { DIALECTS, useTestStorage } from '../../test-support/dialect-storage.ts';
import { createPostgresDocumentStore } from './postgres.ts';
import {
  createSqliteDocumentStore,
  DocumentLimitReached,
  type DocumentKey,
  type DocumentScope,
  type DocumentStore,
  type DocumentStoreOptions,
} from './store.ts';

const storeOn = (storage: StorageDatabase, options: DocumentStoreOptions): DocumentStore =>
  storage.dialect === 'postgres' ? createPostgresDocumentStore(storage.db, options) : createSqliteDocumentStore(storage.sqlite!, options);

const scope: DocumentScope = { kind: 'state', activityId: 'http://example.com/a', agent: 'mbox:mailto:a@example.com', registration: '' };
const key = (id: string, over: Partial<DocumentKey> = {}): DocumentKey => ({ ...scope, id, ...over });
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const write = (content: Buffer, contentType = 'application/json') => () => ({ action: 'write' as const, content, contentType });

describe.each(DIALECTS)('%s document store', (dialect) => {
  const t = useTestStorage(dialect);
  let clock: number;
  let store: DocumentStore;
  beforeEach(async () => {
    clock = 1_000;
    store = storeOn(t.storage, { maxPerOwner: 3, now: () => clock });
    // Connections opened ahead, so concurrent writers below really overlap rather than queue behind a connect.
    if (dialect === 'postgres') await Promise.all(Array.from({ length: 8 }, () => sql`SELECT pg_sleep(0.05)`.execute(t.storage.db)));
  });
  const docIds = async () => (await t.storage.db.selectFrom('xapi_documents').select('doc_id').orderBy('doc_id').execute()).map((r) => r.doc_id);

  it('stores, reads back (bytes, type, SHA-1 ETag, time) and replaces keeping the owner', async () => {
    expect(await store.change(key('s1'), 7, write(json({ a: 1 })))).toBe('write');
    const doc = await store.get(key('s1'));
    expect(doc?.content.toString()).toBe('{"a":1}');
    expect(doc).toMatchObject({ owner: 7, contentType: 'application/json', updated: 1_000 });
    expect(doc?.etag).toBe(createHash('sha1').update('{"a":1}').digest('hex'));
    clock = 2_000;
    await store.change(key('s1'), 9, write(Buffer.from('plain'), 'text/plain'));
    expect(await store.get(key('s1'))).toMatchObject({ owner: 7, contentType: 'text/plain', updated: 2_000 });
  });

  it('the decision sees the current row, and a throw changes nothing', async () => {
    await store.change(key('s1'), 7, write(json({ a: 1 })));
    await expect(
      store.change(key('s1'), 7, (current) => {
        expect(current?.content.toString()).toBe('{"a":1}');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await store.get(key('s1')))?.content.toString()).toBe('{"a":1}');
    expect(await store.change(key('s1'), 7, () => ({ action: 'keep' }))).toBe('keep');
    expect(await store.change(key('s1'), 7, () => ({ action: 'delete' }))).toBe('delete');
    expect(await store.get(key('s1'))).toBeUndefined();
  });

  it('keeps scopes apart: kind, activity, agent and registration are all part of the key', async () => {
    await store.change(key('same'), 1, write(json(1)));
    await store.change(key('same', { registration: '6f1e9c3a-0000-4000-8000-000000000001' }), 2, write(json(2)));
    await store.change(key('same', { agent: 'mbox:mailto:b@example.com' }), 3, write(json(3)));
    await store.change(key('same', { kind: 'activity-profile', agent: '' }), 4, write(json(4)));
    expect((await store.get(key('same')))?.content.toString()).toBe('1');
    expect((await store.get(key('same', { registration: '6f1e9c3a-0000-4000-8000-000000000001' })))?.content.toString()).toBe('2');
    expect(await docIds()).toHaveLength(4);
  });

  it('lists ids by scope, since (exclusive), owner and registration, with the newest time', async () => {
    const reg = '6f1e9c3a-0000-4000-8000-000000000001';
    clock = 100;
    await store.change(key('b'), 1, write(json(1)));
    clock = 200;
    await store.change(key('a', { registration: reg }), 2, write(json(1)));
    clock = 300;
    await store.change(key('c'), 2, write(json(1)));
    expect(await store.list(scope)).toEqual({ ids: ['a', 'b', 'c'], updated: 300 });
    expect((await store.list(scope, { since: 200 })).ids).toEqual(['c']);
    expect((await store.list(scope, { since: 99 })).ids).toEqual(['a', 'b', 'c']);
    expect((await store.list(scope, { owner: 2 })).ids).toEqual(['a', 'c']);
    expect((await store.list(scope, { registration: reg })).ids).toEqual(['a']);
    expect((await store.list(scope, { registration: '' })).ids).toEqual(['b', 'c']);
    expect(await store.list({ ...scope, activityId: 'http://example.com/other' })).toEqual({ ids: [], updated: null });
  });

  it('removes a whole scope, only an owner\'s when asked', async () => {
    await store.change(key('a'), 1, write(json(1)));
    await store.change(key('b'), 2, write(json(1)));
    await store.change(key('c', { activityId: 'http://example.com/other' }), 1, write(json(1)));
    expect(await store.removeAll(scope, { owner: 1 })).toBe(1);
    expect((await store.list(scope)).ids).toEqual(['b']);
    expect(await store.removeAll(scope)).toBe(1);
    expect(await store.countOf(1)).toBe(1);
  });

  it('refuses a new document past the owner\'s bound, not a replacement', async () => {
    for (const id of ['1', '2', '3']) await store.change(key(id), 5, write(json(id)));
    await expect(store.change(key('4'), 5, write(json(4)))).rejects.toBeInstanceOf(DocumentLimitReached);
    expect(await store.change(key('3'), 5, write(json('again')))).toBe('write');
    expect(await store.change(key('4'), 6, write(json(4)))).toBe('write');
    expect(await store.countOf(5)).toBe(3);
  });

  it('erases an Agent\'s documents, or a registration\'s, across clients and resources', async () => {
    const reg = '6f1e9c3a-0000-4000-8000-000000000001';
    await store.change(key('a'), 1, write(json(1)));
    await store.change(key('b', { registration: reg }), 2, write(json(1)));
    await store.change(key('p', { kind: 'agent-profile', activityId: '' }), 2, write(json(1)));
    await store.change(key('q', { kind: 'activity-profile', agent: '' }), 2, write(json(1)));
    await store.change(key('c', { agent: 'mbox:mailto:other@example.com' }), 1, write(json(1)));
    expect(await store.eraseFor({ registration: reg })).toBe(1);
    expect(await store.eraseFor({ agent: scope.agent })).toBe(2);
    expect(await store.eraseFor({ agent: '' })).toBe(0);
    expect(await docIds()).toEqual(['c', 'q']);
  });

  it('counts what erasure would delete, as eraseFor deletes it', async () => {
    const reg = '6f1e9c3a-0000-4000-8000-000000000001';
    await store.change(key('a'), 1, write(json(1)));
    await store.change(key('b', { registration: reg }), 2, write(json(1)));
    await store.change(key('q', { kind: 'activity-profile', agent: '' }), 2, write(json(1)));
    expect(await store.countFor({ agent: scope.agent })).toBe(2);
    expect(await store.countFor({ registration: reg })).toBe(1);
    expect(await store.countFor({ registration: '' })).toBe(0);
    expect(await store.countFor({ agent: '' })).toBe(0);
    expect(await docIds()).toHaveLength(3);
  });

  it('lists ids in byte order, whatever the database\'s locale', async () => {
    for (const [i, id] of ['b', 'B', 'a', '_', 'Ä', '1'].entries()) await store.change(key(id), 100 + i, write(json(id)));
    expect((await store.list(scope)).ids).toEqual(['1', 'B', '_', 'a', 'b', 'Ä']);
  });

  it('keeps the bytes exactly, binary included', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0x7b, 0]);
    await store.change(key('bin'), 1, write(bytes, 'application/octet-stream'));
    const doc = await store.get(key('bin'));
    expect(Buffer.compare(doc!.content, bytes)).toBe(0);
    expect(doc!.etag).toBe(createHash('sha1').update(bytes).digest('hex'));
  });

  it('concurrent first writes under If-None-Match: * — exactly one creates the document', async () => {
    const attempts = Array.from({ length: 8 }, (_, i) =>
      store.change(key('race'), 1, (current) => {
        if (current) throw new Error('precondition failed');
        return { action: 'write', content: json(i), contentType: 'application/json' };
      }),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(Array(7).fill('precondition failed'));
  });

  it('concurrent merges each see the one before: no update is lost', async () => {
    await store.change(key('merged'), 1, write(json({})));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.change(key('merged'), 1, (current) => ({
          action: 'write',
          content: json({ ...(JSON.parse(current!.content.toString()) as object), [`k${i}`]: i }),
          contentType: 'application/json',
        })),
      ),
    );
    expect(Object.keys(JSON.parse((await store.get(key('merged')))!.content.toString()) as object)).toHaveLength(10);
  });

  it('concurrent new documents of one client stay within its bound', async () => {
    const results = await Promise.allSettled(['1', '2', '3', '4', '5', '6'].map((id) => store.change(key(id), 9, write(json(id)))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof DocumentLimitReached)).toBe(true);
    expect(await store.countOf(9)).toBe(3);
  });

  it('is on disk: another connection to the database sees a stored document', async () => {
    await store.change(key('durable'), 1, write(json({ d: true })));
    const other = t.reopen();
    const row = await other.db.selectFrom('xapi_documents').select('content').where('doc_id', '=', 'durable').executeTakeFirstOrThrow();
    expect(row.content.toString()).toBe('{"d":true}');
  });
});

describe('postgres document store on a database whose locale sorts otherwise', () => {
  it('still lists ids in byte order, as SQLite does (the key columns are COLLATE "C")', async () => {
    const base = process.env.RUYI_TEST_DATABASE_URL;
    if (!base) throw new Error('RUYI_TEST_DATABASE_URL is not set: run through the vitest config (its globalSetup starts PostgreSQL)');
    const name = `ruyi_icu_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client(base);
    await admin.connect();
    try {
      // en-US sorts '_' first and letters case-blind ('_', '1', 'a', 'Ä', 'b', 'B'): what a hub's database may well do.
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.utf8'`);
    } finally {
      await admin.end();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    const storage = createDatabase({ dataDir: '/nonexistent', databaseUrl: url.toString() });
    try {
      await runMigrations(storage);
      const store = createPostgresDocumentStore(storage.db);
      for (const id of ['b', 'B', 'a', '_', 'Ä', '1']) await store.change(key(id), 1, write(json(id)));
      expect((await store.list(scope)).ids).toEqual(['1', 'B', '_', 'a', 'b', 'Ä']);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
