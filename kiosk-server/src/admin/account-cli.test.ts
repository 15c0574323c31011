// `npm run admin -- account ...`: the arguments, and the real CLI on the project's store (spawned, password on stdin).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../storage/database.ts';
import { runAdmin } from '../test-support/damage.ts';
import { freshPostgresDatabase, TEST_STORE } from '../test-support/test-app.ts';
import { parseAccountArgs } from './account-cli.ts';
import { accountStoreFor } from './accounts.ts';
import { verifyPassword } from './password.ts';


describe('account arguments', () => {
  it('reads add with role and scope, and the one-name subcommands', () => {
    expect(parseAccountArgs(['add', 'nanguan-analyst', '--role', 'analyst', '--scope', 'district:220102'])).toEqual({
      command: 'add',
      login: 'nanguan-analyst',
      role: 'analyst',
      scope: { kind: 'district', id: '220102' },
    });
    expect(parseAccountArgs(['add', 'hub-admin', '--role=admin', '--scope=city'])).toMatchObject({ scope: { kind: 'city' } });
    expect(parseAccountArgs(['list'])).toEqual({ command: 'list' });
    expect(parseAccountArgs(['disable', 'x1'])).toEqual({ command: 'disable', login: 'x1' });
    expect(parseAccountArgs(['passwd', 'x1'])).toEqual({ command: 'passwd', login: 'x1' });
  });

  it('says what is wrong', () => {
    const error = (args: string[]) => (parseAccountArgs(args) as { error: string }).error;
    expect(error(['add', 'Zhang San', '--role', 'admin', '--scope', 'city'])).toMatch(/login 'Zhang San'/);
    expect(error(['add', 'a1', '--role', 'boss', '--scope', 'city'])).toMatch(/--role, one of admin, operator, analyst, teacher/);
    expect(error(['add', 'a1', '--role', 'admin'])).toMatch(/needs --scope/);
    expect(error(['add', 'a1', '--role', 'admin', '--scope', 'district:22'])).toMatch(/6-digit/);
    expect(error(['add', 'a1', '--role', 'admin', '--scope', 'province:22'])).toMatch(/must be one of/);
    expect(error(['disable'])).toMatch(/one login name/);
    expect(error(['rename', 'a'])).toMatch(/unknown subcommand/);
  });
});

describe(`the account commands on ${TEST_STORE}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruyi-account-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;

  const run = (args: string[], input = '') =>
    runAdmin(['account', ...args], { RUYI_DATA_DIR: dataDir, ...(databaseUrl ? { RUYI_DATABASE_URL: databaseUrl } : {}) }, input);

  it('adds, lists, disables and re-passwords an account; refuses a name taken and a short password', async () => {
    if (TEST_STORE === 'postgres') databaseUrl = await freshPostgresDatabase();
    const added = await run(['add', 'xi-operator', '--role', 'operator', '--scope', 'park:ruyi-xi'], 'operator password 1\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain("Account 'xi-operator' (operator, park ruyi-xi) is added");
    expect((await run(['add', 'xi-operator', '--role', 'analyst', '--scope', 'city'], 'another password 1\n')).stderr).toMatch(/already exists/);
    const short = await run(['add', 'short-one', '--role', 'analyst', '--scope', 'city'], 'short\n');
    expect([short.code, short.stderr]).toEqual([1, expect.stringMatching(/at least 12 characters/)]);
    expect((await run(['disable', 'xi-operator'])).code).toBe(0);
    expect((await run(['passwd', 'xi-operator'], 'a new operator password\n')).code).toBe(0);
    expect((await run(['disable', 'nobody'])).stderr).toMatch(/no account named 'nobody'/);
    const list = await run(['list']);
    expect(list.stdout).toMatch(/^xi-operator\toperator\tpark ruyi-xi\tadded \S+\tdisabled \S+$/m);
    expect(list.stdout).not.toContain('short-one');

    const storage = createDatabase({ dataDir, databaseUrl: databaseUrl ?? null });
    try {
      const found = await accountStoreFor(storage).withCredential('xi-operator');
      expect(found?.account.disabledAt).not.toBeNull();
      expect(await verifyPassword('a new operator password', found!.credential)).toBe(true);
    } finally {
      await storage.close();
    }
  }, 120_000);
});
