// Staff in tests: the first admin's password through the real CLI (spawned, password piped on stdin) or directly;
// accounts of any role and scope straight into the store; logging in as any of them.
import type { App } from '../app.ts';
import type { StaffAccount } from '../admin/accounts.ts';
import { hashPassword } from '../admin/password.ts';
import type { Role, Scope } from '../admin/scopes.ts';
import { runAdmin, type Finished } from './damage.ts';

export const PASSWORD = 'correct horse battery staple';

/** Runs `admin-cli.ts set-password` with `input` piped to it, RUYI_DATA_DIR = dataDir and RUYI_DATABASE_URL = databaseUrl. */
export function runSetPassword(dataDir: string, input: string, databaseUrl?: string): Promise<Finished> {
  return runAdmin(['set-password'], { RUYI_DATA_DIR: dataDir, ...(databaseUrl ? { RUYI_DATABASE_URL: databaseUrl } : {}) }, input);
}

/** Cheaper than the server's parameters: tests hash many passwords. */
const TEST_PARAMS = { N: 2 ** 14, r: 8, p: 1, keyLength: 64 };

/** Stores the first admin's (`admin`, city) password straight into the app's database, SQLite or PostgreSQL. */
export async function setPasswordDirectly(app: Pick<App, 'admin'>, password = PASSWORD): Promise<void> {
  await app.admin.credentials.write(await hashPassword(password, TEST_PARAMS));
}

/** Adds an account of any role and scope straight into the store (its password is PASSWORD unless given). */
export async function addStaff(
  app: Pick<App, 'admin'>,
  account: { login: string; role: Role; scope: Scope },
  password = PASSWORD,
): Promise<StaffAccount> {
  return app.admin.accounts.create(account, await hashPassword(password, TEST_PARAMS));
}

/** Logs in (as `admin` unless another login name is given) and returns the Authorization header. */
export async function login(app: Pick<App, 'inject'>, password = PASSWORD, name = 'admin'): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { login: name, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}

/** Adds an account and logs in as it: the Authorization header of a staff member of that role and scope. */
export async function loginAs(app: Pick<App, 'admin' | 'inject'>, role: Role, scope: Scope, name = `${role}-${scope.kind}${'id' in scope ? `-${scope.id}` : ''}`) {
  await addStaff(app, { login: name.toLowerCase().slice(0, 32), role, scope });
  return login(app, PASSWORD, name.toLowerCase().slice(0, 32));
}

const readers = new WeakMap<object, Promise<{ authorization: string }>>();

/** The Authorization header of a city analyst of this app, made at the first call: for tests that read the statistics. */
export function analystHeaders(app: Pick<App, 'admin' | 'inject'>): Promise<{ authorization: string }> {
  let headers = readers.get(app);
  if (!headers) readers.set(app, (headers = loginAs(app, 'analyst', { kind: 'city' }, 'test-analyst')));
  return headers;
}
