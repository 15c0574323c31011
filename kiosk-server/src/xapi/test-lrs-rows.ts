// What an LRS test's app has on disk, read over a connection of its own (the SQLite file opened again, or a new
// PostgreSQL pool), as another process would: the same reads on both stores.
import { readAsAnotherProcess } from '../test-support/dialect-storage.ts';
import type { StorageDatabase } from '../storage/database.ts';
import type { Lrs } from './test-lrs.ts';

type Db = StorageDatabase['db'];

/** Runs `read` on a second connection to the LRS's database. */
export const readLrs = <T>(lrs: Lrs, read: (db: Db) => Promise<T>): Promise<T> => readAsAnotherProcess(lrs.env.config, read);

/** How many statements are stored. */
export const countStatements = (lrs: Lrs, id?: string): Promise<number> =>
  readLrs(lrs, async (db) => {
    let q = db.selectFrom('statements').select((eb) => eb.fn.countAll<number>().as('n'));
    if (id !== undefined) q = q.where('id', '=', id);
    return Number((await q.executeTakeFirstOrThrow()).n);
  });

/** The stored statements' ids, in seq (stored) order. */
export const statementIds = (lrs: Lrs): Promise<string[]> =>
  readLrs(lrs, async (db) => (await db.selectFrom('statements').select('id').orderBy('seq').execute()).map((r) => r.id));

/** Every stored statement row, in seq order. */
export const statementRows = (lrs: Lrs) => readLrs(lrs, (db) => db.selectFrom('statements').selectAll().orderBy('seq').execute());

/** Whether the statement with this id is stored and voided (false for one not stored). */
export const isVoided = (lrs: Lrs, id: string): Promise<boolean> =>
  readLrs(lrs, async (db) => Boolean((await db.selectFrom('statements').select('voided').where('id', '=', id).executeTakeFirst())?.voided));
