// A vitest globalSetup: one PostgreSQL cluster for a whole run, its URL in RUYI_TEST_DATABASE_URL for every test file
// (set before the workers start, so they inherit it) and as inject('ruyiTestDatabaseUrl'). A URL already set in the
// environment is used as it is, and nothing is started. Wire it in with `globalSetup` in a vitest config; a test
// file that wants a cluster of its own calls startPostgres() instead.
//
// In the cluster it starts, it also migrates one database (RUYI_TEST_TEMPLATE_DATABASE, see migratedTemplate()), which
// tests copy instead of migrating a new database each: the same schema, made once per run.
import { createDatabase } from './database.ts';
import { runMigrations } from './migrations.ts';
import { createTestDatabase, startPostgres } from './test-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ruyiTestDatabaseUrl: string;
  }
}

interface Project {
  provide(key: 'ruyiTestDatabaseUrl', value: string): void;
}

/** Makes the migrated template database in the cluster `baseUrl` names; returns its name. */
async function migrateTemplate(baseUrl: string): Promise<string> {
  const url = await createTestDatabase(baseUrl, 'ruyi_template');
  const storage = createDatabase({ dataDir: '/nonexistent', databaseUrl: url, poolSize: 1 });
  try {
    await runMigrations(storage);
  } finally {
    // A database is copied only while nobody is connected to it.
    await storage.close();
  }
  return new URL(url).pathname.slice(1);
}

export default async function setup(project: Project): Promise<() => Promise<void>> {
  const given = process.env.RUYI_TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('ruyiTestDatabaseUrl', given);
    return async () => undefined;
  }
  const server = await startPostgres();
  process.env.RUYI_TEST_DATABASE_URL = server.url;
  project.provide('ruyiTestDatabaseUrl', server.url);
  const before = process.env.RUYI_TEST_TEMPLATE_DATABASE;
  process.env.RUYI_TEST_TEMPLATE_DATABASE = await migrateTemplate(server.url);
  return async () => {
    delete process.env.RUYI_TEST_DATABASE_URL;
    if (before === undefined) delete process.env.RUYI_TEST_TEMPLATE_DATABASE;
    else process.env.RUYI_TEST_TEMPLATE_DATABASE = before;
    await server.stop();
  };
}
