// The statements an app's database holds, read over a connection of its own as another process would (the SQLite file
// opened again, or a new PostgreSQL pool): what a 2xx promised is there, on either store.
import type { Selectable } from 'kysely';
import { createDatabase, type StorageDatabase } from '../storage/database.ts';
import type { StatementsTable } from '../storage/schema.ts';

type Where = { dataDir: string; databaseUrl?: string | null };
type Row = Selectable<StatementsTable>;
type Db = StorageDatabase['db'];

const count = async (db: Db): Promise<number> =>
  Number((await db.selectFrom('statements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

// SQLite answers a flag 0/1, PostgreSQL true/false: both read as SQLite's, so one expectation holds on both.
const FLAGS = ['voiding', 'voided', 'passed'] as const;
const flagsAsNumbers = (row: Partial<Row>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...row };
  for (const flag of FLAGS) if (typeof out[flag] === 'boolean') out[flag] = Number(out[flag]);
  return out;
};

async function rows(db: Db, columns?: readonly (keyof Row & string)[]): Promise<Record<string, unknown>[]> {
  const query = db.selectFrom('statements').orderBy('seq');
  const found = columns ? await query.select(columns).execute() : await query.selectAll().execute();
  return found.map((row) => flagsAsNumbers(row as Partial<Row>));
}

export interface StatementReader {
  /** How many statements are stored. */
  count(): Promise<number>;
  /** The statements' rows (these columns, or all), in stored order, flags as 0/1. */
  rows(columns?: readonly (keyof Row & string)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** One connection of its own, held until closed: for a test that reads many times (a new connection costs a PostgreSQL backend). */
export function openStatementReader(where: Where): StatementReader {
  const other = createDatabase({ dataDir: where.dataDir, databaseUrl: where.databaseUrl ?? null, poolSize: 1 });
  return { count: () => count(other.db), rows: (columns) => rows(other.db, columns), close: () => other.close() };
}

async function once<T>(where: Where, read: (reader: StatementReader) => Promise<T>): Promise<T> {
  const reader = openStatementReader(where);
  try {
    return await read(reader);
  } finally {
    await reader.close();
  }
}

/** How many statements are stored, read once over a new connection. */
export const statementCount = (where: Where): Promise<number> => once(where, (r) => r.count());

/** The statements' rows (these columns, or all), in stored order, flags as 0/1, read once over a new connection. */
export const storedStatements = (where: Where, columns?: readonly (keyof Row & string)[]): Promise<Record<string, unknown>[]> =>
  once(where, (r) => r.rows(columns));
