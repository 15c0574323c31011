// The database as a plugin: `app.storage`, a Kysely instance over the SQLite file or PostgreSQL (createDatabase),
// migrated for its dialect before anything uses it, with PostgreSQL's month partitions kept ahead, and closed with the
// app. Store plugins depend on it ('ruyi-storage') and build their implementation from it.
//
// On SQLite the file is checked before anything reads or writes it: a damaged file stops the server here, with the
// restore steps, rather than answering 500 to statistics and 200 to inserts into a file that is falling apart. The
// check reads every page, minutes for a file of tens of gigabytes: a file over `startCheckMaxBytes` has only its schema
// read here, and db-health checks it whole in the background as soon as the server is up (`app.checkDeferred`).
import fp from 'fastify-plugin';
import { statSync } from 'node:fs';
import { DatabaseUnusable, describeDamage, isDamage } from '../database/damage.ts';
import { assertSound } from '../plugins/db.ts';
import { createDatabase, type DatabaseSettings, type StorageDatabase } from './database.ts';
import { runMigrations } from './migrations.ts';
import { ensurePartitions } from './partitions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    storage: StorageDatabase;
    /** SQLite: the file was too big to check whole before start; the check is db-health's, right after. */
    checkDeferred: boolean;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StoragePluginOptions extends DatabaseSettings {
  /** Only tests pass another folder of migrations. */
  migrationsDir?: string;
  /** How often the month partitions are topped up (PostgreSQL); daily by default. */
  partitionCheckMs?: number;
  /** SQLite: a file bigger than this is checked after start, not before. Default: every file before. */
  startCheckMaxBytes?: number;
}

export default fp<StoragePluginOptions>(
  async (app, options) => {
    const storage = createDatabase({
      ...options,
      onConnectionError: options.onConnectionError ?? ((error) => app.log.warn({ err: error }, 'database connection lost')),
    });
    const checkDeferred = storage.sqlite !== null && statSync(storage.location).size > (options.startCheckMaxBytes ?? Infinity);
    try {
      if (storage.sqlite && !checkDeferred) assertSound(storage.sqlite, storage.location);
      // Reads the header and the schema's pages: a file that is not a database at all still stops the server here.
      else if (storage.sqlite) storage.sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
      const applied = await runMigrations(storage, options.migrationsDir ? { dir: options.migrationsDir } : {});
      if (applied.length) app.log.info({ migrations: applied, database: storage.location }, 'database migrated');
      if (!options.migrationsDir) {
        const created = await ensurePartitions(storage);
        if (created) app.log.info({ partitions: created }, 'statement partitions created');
      }
    } catch (error) {
      await storage.close();
      // A migration's error carries the driver's as its cause.
      const damage = [error, (error as Error).cause].find(isDamage);
      if (storage.dialect === 'sqlite' && damage) throw new DatabaseUnusable(storage.location, describeDamage(damage));
      throw error;
    }
    // A failure here is logged, not fatal: months already exist ahead, and the next check tries again.
    const timer =
      storage.dialect === 'postgres' && !options.migrationsDir
        ? setInterval(() => {
            ensurePartitions(storage).catch((error: unknown) => app.log.error({ err: error }, 'creating statement partitions failed'));
          }, options.partitionCheckMs ?? DAY_MS).unref()
        : null;
    app.decorate('storage', storage);
    app.decorate('checkDeferred', checkDeferred);
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await storage.close();
    });
  },
  { name: 'ruyi-storage', fastify: '5.x' },
);
