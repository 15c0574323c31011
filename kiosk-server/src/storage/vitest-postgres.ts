// A vitest globalSetup: one PostgreSQL cluster for a whole run, its URL in RUYI_TEST_DATABASE_URL for every test file
// (set before the workers start, so they inherit it) and as inject('ruyiTestDatabaseUrl'). A URL already set in the
// environment is used as it is, and nothing is started. Wire it in with `globalSetup` in a vitest config; a test
// file that wants a cluster of its own calls startPostgres() instead.
import { startPostgres } from './test-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ruyiTestDatabaseUrl: string;
  }
}

interface Project {
  provide(key: 'ruyiTestDatabaseUrl', value: string): void;
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
  return async () => {
    delete process.env.RUYI_TEST_DATABASE_URL;
    await server.stop();
  };
}
