// The outbox's store on a kiosk: IndexedDB, which survives a reload, a browser crash and a power cut. Items are kept
// under an auto-incremented key, so they leave in the order they were made.
import { openDB, type IDBPDatabase } from 'idb';
import { memoryStore, type OutboxStore } from './outbox.ts';

const STORE = 'outbox';

/** Opens (or creates) the outbox database of this browser profile. Tests run it on fake-indexeddb. */
export async function indexedDbStore<T>(name = 'ruyi-outbox'): Promise<OutboxStore<T>> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { autoIncrement: true });
    },
  });
  return {
    async append(item) {
      // A readwrite transaction's `done` resolves after the commit: the record is then on disk.
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.add(item), tx.done]);
    },
    async head(n) {
      const tx = db.transaction(STORE, 'readonly');
      const out: { key: number; item: T }[] = [];
      for (let cursor = await tx.store.openCursor(); cursor && out.length < n; cursor = await cursor.continue())
        out.push({ key: cursor.key as number, item: cursor.value as T });
      await tx.done;
      return out;
    },
    async remove(keys) {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
    },
    count: () => db.count(STORE),
  };
}

/**
 * The device's outbox store, opened on first use: IndexedDB, or — where the browser refuses it (a private window, a
 * locked-down profile) — memory, with a warning: records then still reach a running server, but not across a reload.
 */
export function deviceStore<T>(name = 'ruyi-outbox'): OutboxStore<T> {
  let opened: Promise<OutboxStore<T>> | null = null;
  const store = () =>
    (opened ??= indexedDbStore<T>(name).catch((error: unknown) => {
      console.warn('Ruyi outbox: IndexedDB is not available, records wait in memory only:', error);
      return memoryStore<T>();
    }));
  return {
    append: async (item) => (await store()).append(item),
    head: async (n) => (await store()).head(n),
    remove: async (keys) => (await store()).remove(keys),
    count: async () => (await store()).count(),
  };
}
