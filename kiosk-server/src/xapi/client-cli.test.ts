// `npm run admin -- client ...` run as the operator would (a child process on a temp data folder), and the printed
// credentials used against a real server on that folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
let dataDir: string;
let env: TestEnv | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ruyi-client-cli-'));
});
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

function admin(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, RUYI_DATA_DIR: dataDir, RUYI_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run admin -- client', () => {
  it('adds a client whose last printed line works as Basic credentials; list never shows the secret; revoke stops it', async () => {
    const added = admin('client', 'add', 'city-hub', '--role', 'hub');
    expect(added.code, added.err).toBe(0);
    const last = added.out.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9_-]{43}$/);
    const [key, secret] = last.split(':') as [string, string];

    env = createTestEnv({ config: { dataDir } });
    const app = await env.start();
    const headers = { authorization: `Basic ${Buffer.from(last).toString('base64')}`, 'x-experience-api-version': '1.0.3' };
    expect((await app.inject({ url: '/xapi/statements', headers })).statusCode).toBe(200);

    const list = admin('client', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/city-hub\thub\tkey /);
    expect(list.out).toContain(key);
    expect(list.out).not.toContain(secret);

    expect(admin('client', 'revoke', 'city-hub').code).toBe(0);
    expect((await app.inject({ url: '/xapi/statements', headers })).statusCode).toBe(401);
    expect(admin('client', 'list').out).toMatch(/revoked /);
    expect(admin('client', 'revoke', 'city-hub').code).toBe(1);
  }, 30_000);

  it('exits 2 with usage for bad arguments and 1 for a duplicate name', () => {
    for (const args of [['client'], ['client', 'add', 'x'], ['client', 'add', 'x', '--role', 'admin'], ['client', 'add', '--role', 'hub'], ['client', 'add', 'a b', '--role', 'hub'], ['client', 'list', 'extra'], ['client', 'fly']]) {
      const run = admin(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toContain('client add <name> --role kiosk|hub|reader');
    }
    expect(admin('client', 'add', 'park-1', '--role', 'kiosk').code).toBe(0);
    const again = admin('client', 'add', 'park-1', '--role', 'reader');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/a client named 'park-1' already exists/);
  }, 60_000);

  it('keeps set-password working', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', 'set-password'], {
      cwd: REPO,
      env: { ...process.env, RUYI_DATA_DIR: dataDir },
      input: 'a-long-enough-password\n',
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/admin password is set/);
  }, 30_000);
});
