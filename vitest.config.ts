import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'kiosk-server/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One throwaway PostgreSQL cluster for the run (RUYI_TEST_DATABASE_URL): the server's stores are tested on it and on
    // SQLite files alike.
    globalSetup: ['kiosk-server/src/storage/vitest-postgres.ts'],
  },
});
