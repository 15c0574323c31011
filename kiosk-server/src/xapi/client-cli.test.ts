// `npm run admin -- client ...` run as the operator would (a child process on a temp data folder), and the printed
// credentials used against a real server on that folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialStoreFor } from '../admin/credentials.ts';
import { verifyPassword } from '../admin/password.ts';
import { createDatabase } from '../storage/database.ts';
import { createTestDatabase, startPostgres, type TestPostgres } from '../storage/test-postgres.ts';
import { runSetPassword } from '../test-support/admin.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { parseClientArgs } from './client-cli.ts';
import { clientRegistryFor } from './clients.ts';

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

// Each call is a new Node process loading the database layer (kysely, pg, the migrations): a second or two, and far
// more on a loaded machine, hence the long timeouts.
function admin(...args: string[]) {
  return adminOn({}, ...args);
}

function adminOn(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, RUYI_DATA_DIR: dataDir, RUYI_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run admin -- client', () => {
  it('adds a client whose last printed line works as Basic credentials; list never shows the secret; revoke stops it', async () => {
    // The server first: the CLI changes what a running server accepts, on whichever database the suite runs.
    env = createTestEnv({ config: { dataDir } });
    const app = await env.start();
    const on: Record<string, string> = env.config.databaseUrl ? { RUYI_DATABASE_URL: env.config.databaseUrl } : {};
    const added = adminOn(on, 'client', 'add', 'city-hub', '--role', 'hub');
    expect(added.code, added.err).toBe(0);
    const last = added.out.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9_-]{43}$/);
    const [key, secret] = last.split(':') as [string, string];

    const headers = { authorization: `Basic ${Buffer.from(last).toString('base64')}`, 'x-experience-api-version': '1.0.3' };
    expect((await app.inject({ url: '/xapi/statements', headers })).statusCode).toBe(200);

    const list = adminOn(on, 'client', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/city-hub\thub\tkey /);
    expect(list.out).toContain(key);
    expect(list.out).not.toContain(secret);

    expect(adminOn(on, 'client', 'revoke', 'city-hub').code).toBe(0);
    expect((await app.inject({ url: '/xapi/statements', headers })).statusCode).toBe(401);
    expect(adminOn(on, 'client', 'list').out).toMatch(/revoked /);
    expect(adminOn(on, 'client', 'revoke', 'city-hub').code).toBe(1);
  }, 90_000);

  it('exits 2 with usage for bad arguments and 1 for a duplicate name', () => {
    // Each bad argument list is refused by the parser; the process's exit code and usage are checked once (a process
    // costs seconds).
    for (const args of [[], ['add', 'x'], ['add', 'x', '--role', 'admin'], ['add', '--role', 'hub'], ['add', 'a b', '--role', 'hub'], ['list', 'extra'], ['fly']])
      expect(parseClientArgs(args), args.join(' ')).toMatchObject({ error: expect.any(String) });
    const run = admin('client', 'add', 'x', '--role', 'admin');
    expect(run.code).toBe(2);
    expect(run.err).toContain("--role 'admin': must be one of");
    expect(run.err).toContain('client add <name> --role kiosk|hub|reader');
    expect(admin('client', 'add', 'park-1', '--role', 'kiosk').code).toBe(0);
    const again = admin('client', 'add', 'park-1', '--role', 'reader');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/a client named 'park-1' already exists/);
  }, 180_000);

  it('puts a park\'s client in a district, shows it, moves it and takes it out, and names a client it does not know', () => {
    const added = admin('client', 'add', 'park-a', '--role', 'kiosk', '--district', '220104', '--park', 'park-a');
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain("Client 'park-a' added with the role kiosk, in district 220104, park park-a");
    expect(admin('client', 'list').out).toMatch(/park-a\tkiosk\tkey \S+\tdistrict 220104\tpark park-a\tadded /);
    const moved = admin('client', 'set-district', 'park-a', '220102');
    expect(moved.code, moved.err).toBe(0);
    expect(moved.out).toContain("Client 'park-a' is now in district 220102 (was district 220104)");
    expect(moved.out).toMatch(/count every stored statement again/);
    expect(admin('client', 'set-district', 'park-a', '220102').out).toMatch(/already in district 220102; nothing changed/);
    expect(admin('client', 'set-district', 'park-a', 'none').out).toMatch(/is now in no district \(was district 220102\)/);
    const nobody = admin('client', 'set-district', 'nobody', '220104');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toMatch(/no client named 'nobody'/);
    expect(admin('client', 'list').out).not.toMatch(/district/);
  }, 180_000);

  it('parses the district options, naming what is wrong', () => {
    expect(parseClientArgs(['add', 'park-a', '--role', 'kiosk', '--district', '220104'])).toEqual({ command: 'add', name: 'park-a', role: 'kiosk', district: '220104', park: null });
    expect(parseClientArgs(['add', 'park-a', '--district=220104', '--role=hub'])).toEqual({ command: 'add', name: 'park-a', role: 'hub', district: '220104', park: null });
    expect(parseClientArgs(['add', 'park-a', '--role', 'kiosk'])).toEqual({ command: 'add', name: 'park-a', role: 'kiosk', district: null, park: null });
    expect(parseClientArgs(['set-district', 'park-a', '220104'])).toEqual({ command: 'set-district', name: 'park-a', district: '220104' });
    expect(parseClientArgs(['set-district', 'park-a', 'none'])).toEqual({ command: 'set-district', name: 'park-a', district: null });
    for (const [args, error] of [
      [['add', 'park-a', '--role', 'kiosk', '--district', '2201'], /--district '2201': must be a 6-digit administrative division code/],
      [['add', 'park-a', '--role', 'kiosk', '--district'], /--district '': must be a 6-digit/],
      [['add', 'r', '--role', 'reader', '--district', '220104'], /--district: a reader writes no statements/],
      [['set-district', 'park-a', '22010a'], /district '22010a': must be a 6-digit administrative division code, e.g. 220104 \(or none\)/],
      [['set-district', 'park-a'], /takes a name and a district code \(or none\)/],
      [['set-district', 'a b', '220104'], /name 'a b'/],
      [['fly'], /add, list, revoke, set-district or set-park/],
    ] as const)
      expect((parseClientArgs(args) as { error: string }).error, args.join(' ')).toMatch(error);
  });

  it('parses the park options, naming what is wrong', () => {
    expect(parseClientArgs(['add', 'srv-a', '--role', 'kiosk', '--district', '220104', '--park', 'ruyi-xi'])).toEqual({
      command: 'add',
      name: 'srv-a',
      role: 'kiosk',
      district: '220104',
      park: 'ruyi-xi',
    });
    expect(parseClientArgs(['add', 'srv-a', '--park=220104-p1', '--role=hub'])).toEqual({ command: 'add', name: 'srv-a', role: 'hub', district: null, park: '220104-p1' });
    expect(parseClientArgs(['set-park', 'srv-a', 'ruyi-xi'])).toEqual({ command: 'set-park', name: 'srv-a', park: 'ruyi-xi' });
    expect(parseClientArgs(['set-park', 'srv-a', 'none'])).toEqual({ command: 'set-park', name: 'srv-a', park: null });
    for (const [args, error] of [
      [['add', 'srv-a', '--role', 'kiosk', '--park', 'Ruyi-Xi'], /^--park 'Ruyi-Xi': must be a park id: 1–63 of a-z, 0-9 and '-', starting with a letter or digit, e.g. ruyi-xi$/],
      [['add', 'srv-a', '--role', 'kiosk', '--park'], /--park '': must be a park id/],
      [['add', 'srv-a', '--role', 'kiosk', '--park', 'none'], /--park 'none': leave --park out for a client in no park/],
      [['add', 'r', '--role', 'reader', '--park', 'ruyi-xi'], /--park: a reader writes no statements, so it has no park/],
      [['add', 'srv-a', '--role', 'kiosk', '--parks', 'ruyi-xi'], /unknown option '--parks' \(only --role, --district and --park\)/],
      [['set-park', 'srv-a', '-ruyi'], /park '-ruyi': must be a park id: .* \(or none\)/],
      [['set-park', 'srv-a', 'a'.repeat(64)], /must be a park id/],
      [['set-park', 'srv-a'], /'client set-park' takes a name and a park id \(or none\)/],
      [['set-park', 'srv-a', 'ruyi-xi', 'extra'], /takes a name and a park id/],
      [['set-park', 'a b', 'ruyi-xi'], /name 'a b'/],
    ] as const)
      expect((parseClientArgs(args) as { error: string }).error, args.join(' ')).toMatch(error);
  });

  it('keeps set-password working', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', 'set-password'], {
      cwd: REPO,
      env: { ...process.env, RUYI_DATA_DIR: dataDir },
      input: 'a-long-enough-password\n',
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/admin password is set/);
  }, 60_000);
});

describe('npm run admin -- client and set-password with RUYI_DATABASE_URL', () => {
  let server: TestPostgres | undefined;
  afterAll(() => server?.stop(), 60_000);

  it('manage the clients and the password in PostgreSQL, and leave the data folder alone', async () => {
    let base = process.env.RUYI_TEST_DATABASE_URL;
    if (!base) {
      server = await startPostgres();
      base = server.url;
    }
    const databaseUrl = await createTestDatabase(base, 'ruyi_cli');
    const on = { RUYI_DATABASE_URL: databaseUrl };

    const added = adminOn(on, 'client', 'add', 'park-9', '--role', 'kiosk');
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain(`(database: ${databaseUrl})`);
    const [key, secret] = added.out.trim().split('\n').at(-1)!.split(':') as [string, string];
    expect(adminOn(on, 'client', 'add', 'park-9', '--role', 'hub').code).toBe(1);
    expect(adminOn(on, 'client', 'revoke', 'park-9').code).toBe(0);
    expect(adminOn(on, 'client', 'list').out).toMatch(/park-9\tkiosk\tkey .*\trevoked /);
    // A revoked client's statements stay stored: they can still be put in a district.
    expect(adminOn(on, 'client', 'set-district', 'park-9', '220104').code).toBe(0);

    const password = await runSetPassword(dataDir, 'a-long-enough-password\n', databaseUrl);
    expect(password.code, password.stderr).toBe(0);

    const storage = createDatabase({ dataDir, databaseUrl });
    try {
      const clients = await clientRegistryFor(storage).list();
      expect(clients).toMatchObject([{ name: 'park-9', role: 'kiosk', key, district: '220104' }]);
      expect(clients[0]!.revokedAt).not.toBeNull();
      expect(await clientRegistryFor(storage).authenticate(key, secret)).toBeNull();
      const stored = await credentialStoreFor(storage).read();
      expect(stored && (await verifyPassword('a-long-enough-password', stored))).toBe(true);
    } finally {
      await storage.close();
    }
    // Nothing went to a SQLite file.
    expect(admin('client', 'list').out).toMatch(/No xAPI clients yet/);
  }, 180_000);
});
