// Month partitions of the statement tables on PostgreSQL (migrations/postgres/001_xapi.sql). A hub calls
// ensurePartitions at start and then daily, so the coming months exist before their first statement; one that arrives
// anyway waits in the default partition and moves into its month when that is created. SQLite has no partitions.
import { sql, type Kysely } from 'kysely';
import type { StorageDatabase } from './database.ts';

/** How many months from the current one are kept ready by default: a quarter ahead survives a long holiday. */
export const MONTHS_AHEAD = 3;

/** Creates the missing month partitions from `now`'s month (UTC) through `monthsAhead` months later; returns how many. */
export async function ensurePartitions<DB>(
  storage: StorageDatabase<DB>,
  options: { now?: Date; monthsAhead?: number } = {},
): Promise<number> {
  if (storage.dialect !== 'postgres') return 0;
  const now = options.now ?? new Date();
  const firstMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`;
  const months = 1 + (options.monthsAhead ?? MONTHS_AHEAD);
  const { rows } = await sql<{ created: number }>`SELECT ruyi_ensure_partitions(${firstMonth}::date, ${months}) AS created`.execute(
    storage.db as Kysely<unknown>,
  );
  return Number(rows[0]?.created ?? 0);
}

/** The month partitions of a partitioned table, oldest first, with their bounds as PostgreSQL prints them. */
export async function listPartitions<DB>(storage: StorageDatabase<DB>, table: string): Promise<{ name: string; bounds: string }[]> {
  if (storage.dialect !== 'postgres') return [];
  const { rows } = await sql<{ name: string; bounds: string }>`
    SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ${table}::regclass
    ORDER BY c.relname`.execute(storage.db as Kysely<unknown>);
  return rows;
}
