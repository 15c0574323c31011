import { defineConfig } from 'vitest/config';

// The server's tests that go through its stores run twice: on SQLite files (the park's default) in the first project,
// and on PostgreSQL (the city's hub) in the second, where createTestEnv() builds every app on a fresh database in the
// run's cluster. Left out of the second: tests about the SQLite file itself (they pin `postgres: false`) and tests that
// already run each case on both stores.
const ON_BOTH_ALREADY = [
  'kiosk-server/src/admin/accounts.test.ts',
  'kiosk-server/src/devices/plugins-dialect.test.ts',
  'kiosk-server/src/devices/registry.test.ts',
  'kiosk-server/src/fleet/store.test.ts',
  'kiosk-server/src/privacy/deletion.test.ts',
  'kiosk-server/src/routes/health/health.test.ts',
  'kiosk-server/src/routes/stats/summary.test.ts',
  'kiosk-server/src/sync/forwarding.test.ts',
  'kiosk-server/src/sync/parks.test.ts',
  'kiosk-server/src/sync/store.test.ts',
  'kiosk-server/src/xapi/documents/store.test.ts',
  'kiosk-server/src/xapi/statement-store.test.ts',
  // Spawns the CLI on both stores itself.
  'kiosk-server/src/xapi/client-cli.test.ts',
];
// Files only: packs are folders on disk whichever store holds the rest (staff sessions are tested in session.test.ts).
const NOT_THE_STORE = ['kiosk-server/src/routes/admin/packs.test.ts'];
const SQLITE_FILE_ONLY = [
  'kiosk-server/src/plugins/db-health.test.ts',
  'kiosk-server/src/privacy/privacy.test.ts',
  'kiosk-server/src/sync/sqlite.test.ts',
  'kiosk-server/src/xapi/store.test.ts',
  'kiosk-server/src/xapi/lean-statements.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Twice the cores of the CI machine: the server's tests mostly wait (a PostgreSQL round trip, an fsync, a spawned
    // process), so two workers leave the cores half idle.
    maxWorkers: 4,
    // A server test starts an app, hashes a staff password, waits for PostgreSQL: on a loaded 2-core machine that can
    // pass 5 s with nothing wrong. Speed is the benchmarks' business, not a unit test's.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The run's temporary files in memory when there is room (TMPDIR), and one throwaway PostgreSQL cluster for the run
    // (RUYI_TEST_DATABASE_URL) with a database migrated once for tests to copy (RUYI_TEST_TEMPLATE_DATABASE).
    globalSetup: ['kiosk-server/src/test-support/vitest-tmpdir.ts', 'kiosk-server/src/storage/vitest-postgres.ts'],
    projects: [
      // Test files share their modules within a worker (a file's own app, database and folders are made per test):
      // importing the server or the app once per worker, not once per file, is a fifth of the server's run and over
      // half of the app's. What the app's files set on the process or in a shared module (the stores, the headless
      // renderers' page, timers, stubbed globals) is undone before each file, and the modules they all need stood in
      // for are routed, in one place: apps/kiosk/src/test-support/reset.ts.
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['packages/*/src/**/*.test.ts', 'kiosk-server/src/**/*.test.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'apps',
          include: ['apps/*/src/**/*.test.ts'],
          setupFiles: ['apps/kiosk/src/test-support/reset.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'kiosk-server/src/{xapi,records,devices,fleet,sync,admin,privacy,classes}/**/*.test.ts',
            'kiosk-server/src/routes/{admin,statements,stats}/*.test.ts',
            'kiosk-server/src/{app,durability,floor/floor}.test.ts',
          ],
          exclude: [...ON_BOTH_ALREADY, ...SQLITE_FILE_ONLY, ...NOT_THE_STORE],
          env: { RUYI_TEST_STORE: 'postgres' },
          isolate: false,
        },
      },
    ],
  },
});
