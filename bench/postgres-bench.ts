// The PostgreSQL side of the benchmarks (statements' pg rows, the hub sync into a PostgreSQL hub): a durable throwaway
// cluster and fresh, migrated databases in it.
import { tmpdir } from 'node:os';
import { createDatabase, type StorageDatabase } from '../kiosk-server/src/storage/database.ts';
import { runMigrations } from '../kiosk-server/src/storage/migrations.ts';
import { ensurePartitions } from '../kiosk-server/src/storage/partitions.ts';
import { startPostgres, type TestPostgres } from '../kiosk-server/src/storage/test-postgres.ts';

/**
 * A throwaway cluster with fsync and synchronous_commit on, in the system temp folder (RUYI_PG_TMP to choose another):
 * the test clusters' default, /dev/shm, is memory, where an fsync costs nothing, and the SQLite files it is compared
 * with are on disk in the temp folder.
 */
export function startBenchPostgres(): Promise<TestPostgres> {
  process.env.RUYI_PG_TMP ??= tmpdir();
  return startPostgres({ durable: true });
}

/** A fresh, migrated database in the bench's cluster, with this month's partitions. */
export async function postgresDatabase(cluster: TestPostgres, name: string): Promise<StorageDatabase & { url: string }> {
  const url = await cluster.createDatabase(name);
  const storage = createDatabase({ dataDir: tmpdir(), databaseUrl: url });
  await runMigrations(storage);
  await ensurePartitions(storage);
  return { ...storage, url };
}
