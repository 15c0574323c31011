// The server's database for an admin CLI command: the SQLite file of RUYI_DATA_DIR, or PostgreSQL when
// RUYI_DATABASE_URL is set (the same settings the server reads), migrated like the server migrates it.
import type { Config } from '../config.ts';
import { createDatabase, type StorageDatabase } from '../storage/database.ts';
import { runMigrations } from '../storage/migrations.ts';

export async function openCliStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<StorageDatabase> {
  const storage = createDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl ?? null, poolSize: 2 });
  try {
    await runMigrations(storage);
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}

/** Where a command's change went, for its message: the data folder, or the PostgreSQL URL without its password. */
export function storageWhere(storage: StorageDatabase, config: Pick<Config, 'dataDir'>): string {
  return storage.dialect === 'postgres' ? `database: ${storage.location}` : `data folder: ${config.dataDir}`;
}
