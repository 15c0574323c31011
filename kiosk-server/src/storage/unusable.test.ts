// A PostgreSQL the server cannot use at start (nothing listening, no such database) is the operator's to fix: the real
// server process says so plainly, names the database without its password, and exits 1 without a stack trace.
import { afterEach, describe, expect, it } from 'vitest';
import { runServerToExit } from '../test-support/damage.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

function serverEnv(testEnv: TestEnv, databaseUrl: string): Record<string, string> {
  return { RUYI_DATA_DIR: testEnv.config.dataDir, RUYI_CONTENT_DIR: testEnv.config.contentDir, RUYI_APP_DIR: testEnv.config.appDir, RUYI_DATABASE_URL: databaseUrl };
}

function expectPlainRefusal(result: { code: number | null; stdout: string; stderr: string }, shown: string, reason: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stdout).not.toMatch(/Ruyi kiosk server: http/);
  expect(result.stderr).toContain(`Cannot use the PostgreSQL database ${shown} (RUYI_DATABASE_URL): `);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).toContain('Check that PostgreSQL is running');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('s3cret');
}

describe('starting the server on a PostgreSQL it cannot use', () => {
  it('nothing answers at the address: a plain message and exit 1', { timeout: 60_000 }, async () => {
    env = createTestEnv({ postgres: false });
    // A port of this test's own range where nothing listens.
    const result = await runServerToExit(serverEnv(env, 'postgres://ruyi:s3cret@127.0.0.1:18899/ruyi'));
    expectPlainRefusal(result, 'postgres://ruyi:***@127.0.0.1:18899/ruyi', /ECONNREFUSED/);
  });

  it('the database does not exist: a plain message naming it, and exit 1', { timeout: 60_000 }, async () => {
    env = createTestEnv({ postgres: false });
    const base = new URL(process.env.RUYI_TEST_DATABASE_URL!);
    base.pathname = '/ruyi_no_such_database';
    const result = await runServerToExit(serverEnv(env, base.toString()));
    expectPlainRefusal(result, base.toString(), /database "ruyi_no_such_database" does not exist \(3D000\)/);
  });
});
