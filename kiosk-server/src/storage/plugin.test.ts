// The storage plugin in a real Fastify app, on a real SQLite file and a real PostgreSQL server: migrated before the
// app is ready, usable from a route, closed with the app.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, POSTGRES_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR } from './migrations.ts';
import { listPartitions } from './partitions.ts';
import storagePlugin, { type StoragePluginOptions } from './plugin.ts';
import { startPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ruyi-storage-plugin-'));
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function appWith(options: StoragePluginOptions) {
  const app = Fastify({ logger: false });
  await app.register(storagePlugin, options);
  app.get('/migrations', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY version`.execute(app.storage.db);
    return { dialect: app.storage.dialect, names: rows.map((r) => r.name) };
  });
  await app.ready();
  return app;
}

describe('the storage plugin', () => {
  it('migrates the SQLite file before the app is ready and closes it with the app', async () => {
    const app = await appWith({ dataDir: join(dir, 'data') });
    const response = await app.inject('/migrations');
    expect(response.json()).toEqual({ dialect: 'sqlite', names: listMigrations(SQLITE_MIGRATIONS_DIR).map((m) => m.name) });
    const handle = app.storage.sqlite!;
    await app.close();
    expect(handle.open).toBe(false);
  });

  it('migrates PostgreSQL, creates the month partitions ahead, and ends its pool with the app', async () => {
    const app = await appWith({ dataDir: dir, databaseUrl: server.url });
    const response = await app.inject('/migrations');
    expect(response.json()).toEqual({ dialect: 'postgres', names: listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name) });
    const months = (await listPartitions(app.storage, 'statements')).filter((p) => p.name !== 'statements_default');
    expect(months).toHaveLength(4);
    const storage = app.storage;
    await app.close();
    await expect(sql`SELECT 1`.execute(storage.db)).rejects.toThrow();
    // A second start (another hub process, a restart) finds nothing to do.
    const again = await appWith({ dataDir: dir, databaseUrl: server.url });
    expect((await again.inject('/migrations')).json()).toEqual(response.json());
    await again.close();
  });

  it('fails to start, naming the migration, when one fails', async () => {
    const bad = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(bad, '001_bad.sql'), 'CREATE TABLE;');
    const app = Fastify({ logger: false });
    await expect(
      (async () => {
        await app.register(storagePlugin, { dataDir: join(dir, 'bad-data'), migrationsDir: bad });
        await app.ready();
      })(),
    ).rejects.toThrow(/^migration 001_bad.sql failed: near ";": syntax error/);
    await app.close();
  });
});
