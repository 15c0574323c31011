// Named staff accounts (table staff_accounts): a login name, a role, a scope, a scrypt hash (password.ts), on SQLite or
// PostgreSQL with the same queries. Who may create or change which account is decided in scopes.ts; this store checks
// only that a row is well formed, so the CLI (the server's shell, trusted) and the routes share it.
import type { StorageDatabase } from '../storage/database.ts';
import type { StaffAccountsTable } from '../storage/schema.ts';
import type { ScryptParams, StoredCredential } from './password.ts';
import { isUniqueViolation, runnerFor, type Runner } from './runner.ts';
import { LOGIN_PATTERN, roleScopeProblem, toScope, type Role, type Scope, type Staff } from './scopes.ts';

/** The account the single staff password of earlier versions became; `set-password` sets its password. */
export const FIRST_ADMIN = 'admin';

export interface StaffAccount extends Staff {
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
}

export class AccountError extends Error {
  constructor(
    readonly statusCode: 400 | 404 | 409,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface AccountStore {
  list(): Promise<StaffAccount[]>;
  byId(id: number): Promise<StaffAccount | null>;
  /** The account and its credential, for a login (disabled ones too: the caller refuses them). */
  withCredential(login: string): Promise<{ account: StaffAccount; credential: StoredCredential } | null>;
  /** Whether any account can log in. */
  anyEnabled(): Promise<boolean>;
  /** A new account; AccountError 400 for a bad login name or role/scope, 409 for a login name taken. */
  create(input: { login: string; role: Role; scope: Scope }, credential: StoredCredential, now?: Date): Promise<StaffAccount>;
  /** Changes role, scope or whether it is disabled; null for no such account. */
  update(id: number, change: { role?: Role; scope?: Scope; disabled?: boolean }, now?: Date): Promise<StaffAccount | null>;
  setPassword(id: number, credential: StoredCredential, now?: Date): Promise<boolean>;
  /**
   * The password of the first admin account (`admin`, role admin, scope city), created if missing and enabled again if
   * disabled: what `set-password` does, the way back in from the server's own shell.
   */
  setFirstAdminPassword(credential: StoredCredential, now?: Date): Promise<StaffAccount>;
}

type Row = Pick<StaffAccountsTable, 'login' | 'role' | 'scope_kind' | 'scope_id' | 'created_at' | 'updated_at' | 'disabled_at'> & { id: number };
const COLUMNS = ['id', 'login', 'role', 'scope_kind', 'scope_id', 'created_at', 'updated_at', 'disabled_at'] as const;

export function toAccount(row: Row): StaffAccount {
  return {
    id: Number(row.id),
    login: row.login,
    role: row.role,
    scope: toScope(row.scope_kind, row.scope_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    disabledAt: row.disabled_at,
  };
}

const scopeColumns = (scope: Scope) => ({ scope_kind: scope.kind, scope_id: scope.kind === 'city' ? '' : scope.id });

const credentialColumns = (credential: StoredCredential) => ({
  algorithm: credential.algorithm,
  params: JSON.stringify(credential.params),
  salt: credential.salt,
  hash: credential.hash,
});

function check(input: { login?: string; role?: Role; scope?: Scope }, current?: StaffAccount): void {
  if (input.login !== undefined && !LOGIN_PATTERN.test(input.login))
    throw new AccountError(400, `login: '${input.login}' must be 2–32 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit`, 'login');
  const role = input.role ?? current?.role;
  const scope = input.scope ?? current?.scope;
  if (role && scope) {
    const problem = roleScopeProblem(role, scope);
    if (problem) throw new AccountError(400, problem, problem.split(':')[0]);
  }
}

function createStore(r: Runner): AccountStore {
  const byId = async (id: number) => {
    const row = await r.get(r.db.selectFrom('staff_accounts').select(COLUMNS).where('id', '=', id));
    return row ? toAccount(row) : null;
  };
  const store: AccountStore = {
    list: async () => (await r.all(r.db.selectFrom('staff_accounts').select(COLUMNS).orderBy('id'))).map(toAccount),
    byId,
    async withCredential(login) {
      const row = await r.get(r.db.selectFrom('staff_accounts').select([...COLUMNS, 'algorithm', 'params', 'salt', 'hash']).where('login', '=', login));
      if (!row || row.algorithm !== 'scrypt') return null;
      return {
        account: toAccount(row),
        credential: { algorithm: 'scrypt', params: JSON.parse(row.params) as ScryptParams, salt: row.salt, hash: row.hash },
      };
    },
    anyEnabled: async () =>
      (await r.get(r.db.selectFrom('staff_accounts').select('id').where('disabled_at', 'is', null).limit(1))) !== undefined,
    async create(input, credential, now = new Date()) {
      check(input);
      const at = now.toISOString();
      try {
        const row = await r.get(
          r.db
            .insertInto('staff_accounts')
            .values({ login: input.login, role: input.role, ...scopeColumns(input.scope), ...credentialColumns(credential), created_at: at, updated_at: at, disabled_at: null })
            .returning(COLUMNS),
        );
        return toAccount(row!);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AccountError(409, `login: an account named '${input.login}' already exists`, 'login');
        throw error;
      }
    },
    async update(id, change, now = new Date()) {
      const current = await byId(id);
      if (!current) return null;
      check(change, current);
      const at = now.toISOString();
      const set = {
        updated_at: at,
        ...(change.role ? { role: change.role } : {}),
        ...(change.scope ? scopeColumns(change.scope) : {}),
        ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? (current.disabledAt ?? at) : null }),
      };
      await r.run(r.db.updateTable('staff_accounts').set(set).where('id', '=', id));
      // A disabled account's sessions are refused by the lookup already; the rows go too.
      if (change.disabled) await r.run(r.db.deleteFrom('staff_sessions').where('account_id', '=', id));
      return byId(id);
    },
    async setPassword(id, credential, now = new Date()) {
      const changed = await r.run(r.db.updateTable('staff_accounts').set({ ...credentialColumns(credential), updated_at: now.toISOString() }).where('id', '=', id));
      // A new password ends the sessions opened with the old one.
      if (changed) await r.run(r.db.deleteFrom('staff_sessions').where('account_id', '=', id));
      return changed > 0;
    },
    async setFirstAdminPassword(credential, now = new Date()) {
      const at = now.toISOString();
      const restored = { role: 'admin' as const, ...scopeColumns({ kind: 'city' }), ...credentialColumns(credential), updated_at: at, disabled_at: null };
      await r.run(
        r.db
          .insertInto('staff_accounts')
          .values({ login: FIRST_ADMIN, ...restored, created_at: at })
          .onConflict((oc) => oc.column('login').doUpdateSet(restored)),
      );
      const row = await r.get(r.db.selectFrom('staff_accounts').select(COLUMNS).where('login', '=', FIRST_ADMIN));
      await r.run(r.db.deleteFrom('staff_sessions').where('account_id', '=', row!.id));
      return toAccount(row!);
    },
  };
  return store;
}

export function accountStoreFor(storage: StorageDatabase): AccountStore {
  return createStore(runnerFor(storage));
}
