// Builds the real app on temp folders (data, content, app) for a test, and removes them afterwards.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type BuildOptions } from '../app.ts';
import type { Config } from '../config.ts';
import { DB_FILE } from '../plugins/db.ts';
import { createTestDatabase, migratedTemplate } from '../storage/test-postgres.ts';
import { writeFixtureContent, type FixtureOptions } from './fixture-content.ts';

export interface TestEnv {
  root: string;
  config: Config;
  /** Builds (another) app on the same folders; the caller closes it (or cleanup() does). */
  start(options?: BuildOptions): Promise<App>;
  /** Opens the database file separately, read-only, as a second process would (SQLite only). */
  openDb(): Database.Database;
  /** Which store the apps of this environment run on. */
  dialect: 'sqlite' | 'postgres';
  cleanup(): Promise<void>;
}

export interface TestEnvOptions extends FixtureOptions {
  /** Write a built-looking kiosk app (index.html and one hashed asset) into the app folder. */
  builtApp?: boolean;
  /** Write no content at all (an empty content folder). */
  noContent?: boolean;
  /** Settings that differ from the test defaults (hub mode, sync target, rate limit). */
  config?: Partial<Config>;
  /**
   * Run on PostgreSQL: a fresh database, made at the first start() in the cluster RUYI_TEST_DATABASE_URL names (the
   * vitest-postgres globalSetup starts one). By default when RUYI_TEST_STORE=postgres, so one suite runs on both.
   */
  postgres?: boolean;
}

/** The store the server tests run on unless a test says otherwise. */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.RUYI_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh PostgreSQL database for a test, in the run's cluster: a copy of the run's migrated one when there is one. */
export async function freshPostgresDatabase(): Promise<string> {
  const base = process.env.RUYI_TEST_DATABASE_URL?.trim();
  if (!base)
    throw new Error('RUYI_TEST_DATABASE_URL is not set: run the test through a vitest config whose globalSetup is kiosk-server/src/storage/vitest-postgres.ts');
  return createTestDatabase(base, undefined, migratedTemplate());
}

export const INDEX_HTML = '<!doctype html><title>Ruyi test app</title><div id="root"></div>';
export const ASSET_FILE = 'index-abc123.js';

export function createTestEnv(options: TestEnvOptions = {}): TestEnv {
  const root = mkdtempSync(join(tmpdir(), 'ruyi-kiosk-server-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: join(root, 'data'),
    contentDir: join(root, 'content'),
    appDir: join(root, 'app'),
    idleSeconds: 90,
    idleCountdownSeconds: 10,
    logLevel: 'silent',
    mode: 'kiosk',
    xapi: { base: 'https://ruyi.localhost/xapi/', parkIri: 'https://ruyi.localhost/parks/test', rateLimit: 100_000 },
    connections: { streamsPerAddress: 8, streamsTotal: 1000, maxConnections: null, requestTimeoutMs: 120_000 },
    sync: null,
    ...options.config,
  };
  mkdirSync(config.contentDir, { recursive: true });
  mkdirSync(config.appDir, { recursive: true });
  if (!options.noContent) writeFixtureContent(config.contentDir, options);
  if (options.builtApp) {
    writeFileSync(join(config.appDir, 'index.html'), INDEX_HTML);
    mkdirSync(join(config.appDir, 'assets'));
    writeFileSync(join(config.appDir, 'assets', ASSET_FILE), 'console.log("ruyi");');
  }
  const apps: App[] = [];
  const dbs: Database.Database[] = [];
  const dialect = (options.postgres ?? TEST_STORE === 'postgres') ? 'postgres' : 'sqlite';
  return {
    root,
    config,
    dialect,
    async start(options?: BuildOptions) {
      if (dialect === 'postgres' && !config.databaseUrl) config.databaseUrl = await freshPostgresDatabase();
      const app = await buildApp(config, options);
      apps.push(app);
      return app;
    },
    openDb() {
      if (dialect === 'postgres') throw new Error('openDb() reads the SQLite file; this environment runs on PostgreSQL');
      const db = new Database(join(config.dataDir, DB_FILE), { readonly: true });
      dbs.push(db);
      return db;
    },
    async cleanup() {
      for (const db of dbs) if (db.open) db.close();
      await Promise.all(apps.map((a) => a.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
