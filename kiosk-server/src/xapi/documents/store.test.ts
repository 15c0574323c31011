// The SQLite document store on a real database file, migrated as the server migrates it.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../plugins/db.ts';
import { createSqliteDocumentStore, DocumentLimitReached, type DocumentKey, type DocumentScope, type DocumentStore } from './store.ts';

let dir: string;
let db: Database.Database;
let clock: number;
let store: DocumentStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ruyi-documents-'));
  db = openDatabase(dir);
  migrate(db);
  clock = 1_000;
  store = createSqliteDocumentStore(db, { maxPerOwner: 3, now: () => clock });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const scope: DocumentScope = { kind: 'state', activityId: 'http://example.com/a', agent: 'mbox:mailto:a@example.com', registration: '' };
const key = (id: string, over: Partial<DocumentKey> = {}): DocumentKey => ({ ...scope, id, ...over });
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const write = (content: Buffer, contentType = 'application/json') => () => ({ action: 'write' as const, content, contentType });

describe('SQLite document store', () => {
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
    expect(db.prepare('SELECT COUNT(*) FROM xapi_documents').pluck().get()).toBe(4);
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
    expect(db.prepare('SELECT doc_id FROM xapi_documents ORDER BY doc_id').pluck().all()).toEqual(['c', 'q']);
  });

  it('is on disk: another connection to the file sees a stored document', async () => {
    await store.change(key('durable'), 1, write(json({ d: true })));
    const other = openDatabase(dir);
    try {
      expect((other.prepare('SELECT content FROM xapi_documents WHERE doc_id = ?').pluck().get('durable') as Buffer).toString()).toBe('{"d":true}');
    } finally {
      other.close();
    }
  });
});
