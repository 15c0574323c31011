// One query source for both dialects: a query is written once against `db` (a compile-only builder on SQLite, the pool
// on PostgreSQL) and run by the matching runner, synchronously inside on SQLite.
import type { Compilable, Kysely } from 'kysely';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase } from '../storage/schema.ts';
import { sqliteAll, sqliteBuilder, sqliteGet, sqliteRun } from './sqlite-sql.ts';

type Row<Q> = Q extends Compilable<infer R> ? R : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Query = Compilable<any> & { execute(): Promise<any[]> };

export interface Runner {
  db: Kysely<RuyiDatabase>;
  all<Q extends Query>(query: Q): Promise<Row<Q>[]>;
  get<Q extends Query>(query: Q): Promise<Row<Q> | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(query: Query): Promise<number>;
}

export function runnerFor(storage: StorageDatabase): Runner {
  if (storage.dialect === 'sqlite') {
    const handle = storage.sqlite!;
    return {
      db: sqliteBuilder,
      all: async (query) => sqliteAll(handle, query),
      get: async (query) => sqliteGet(handle, query),
      run: async (query) => sqliteRun(handle, query),
    };
  }
  return {
    db: storage.db,
    all: async (query) => (await query.execute()) as never,
    get: async (query) => ((await query.execute())[0] ?? undefined) as never,
    async run(query) {
      const [result] = (await query.execute()) as { numUpdatedRows?: bigint; numDeletedRows?: bigint; numInsertedRows?: bigint }[];
      return Number(result?.numUpdatedRows ?? result?.numDeletedRows ?? result?.numInsertedRows ?? 0);
    },
  };
}

/** Whether an error is a unique-key conflict, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
