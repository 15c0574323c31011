// `npm run admin -- account add|list|disable|enable|passwd`: staff accounts, in the database of RUYI_DATA_DIR (or
// RUYI_DATABASE_URL's PostgreSQL). The server's shell is trusted: any role and scope may be given here (at /admin an
// admin manages accounts within their own scope only). Passwords come from standard input, as for set-password. The
// running server sees changes at the next request; a disabled account's sessions stop at once.
import type { Config } from '../config.ts';
import { AccountError, accountStoreFor } from './accounts.ts';
import { openCliStorage, storageWhere } from './cli-storage.ts';
import { hashPassword } from './password.ts';
import { describeScope, LOGIN_PATTERN, ROLES, scopeProblem, toScope, type Role, type Scope, type ScopeKind } from './scopes.ts';

export const ACCOUNT_USAGE = `  account add <login> --role admin|operator|analyst|teacher --scope city|district:<code>|park:<id>|school:<code>
      Makes a staff account; reads its password from standard input (as set-password does). A login is a name for
      the desk (2–32 of a-z, 0-9, '.', '_', '-'), no one's personal name is needed. A teacher is scoped to a school.
  account list
      Lists the accounts (login, role, scope, dates; never passwords).
  account disable <login> | account enable <login>
      Stops (or allows again) logins to an account; its open sessions end at once.
  account passwd <login>
      Sets an account's password from standard input; its open sessions end.`;

type Parsed =
  | { command: 'add'; login: string; role: Role; scope: Scope }
  | { command: 'list' }
  | { command: 'disable' | 'enable' | 'passwd'; login: string }
  | { error: string };

/** `city`, `district:220102`, `park:ruyi-xi`, `school:2122010201`. */
export function parseScope(text: string): Scope | string {
  const [kind, id, ...more] = text.split(':');
  if (more.length) return `--scope '${text}': one ':' at most`;
  const scope = toScope(kind as ScopeKind, id);
  const problem = scopeProblem({ kind: kind!, id: kind === 'city' ? id : (id ?? '') });
  return problem ? `--scope '${text}': ${problem}` : scope;
}

export function parseAccountArgs(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (command === 'list') return rest.length === 0 ? { command } : { error: `'account list' takes no arguments (got ${rest.join(' ')})` };
  if (command === 'disable' || command === 'enable' || command === 'passwd')
    return rest.length === 1 ? { command, login: rest[0]! } : { error: `'account ${command}' takes one login name` };
  if (command === 'add') {
    const positional: string[] = [];
    const options: Record<string, string | undefined> = {};
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      const match = /^--(role|scope)(?:=(.*))?$/.exec(arg);
      if (match) options[match[1]!] = match[2] ?? rest[++i];
      else if (arg.startsWith('-')) return { error: `unknown option '${arg}' (only --role and --scope)` };
      else positional.push(arg);
    }
    if (positional.length !== 1) return { error: "'account add' takes one login name" };
    const login = positional[0]!;
    if (!LOGIN_PATTERN.test(login)) return { error: `login '${login}': must be 2–32 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit` };
    if (!options.role || !(ROLES as readonly string[]).includes(options.role)) return { error: `'account add' needs --role, one of ${ROLES.join(', ')}` };
    if (!options.scope) return { error: "'account add' needs --scope: city, district:<code>, park:<id> or school:<code>" };
    const scope = parseScope(options.scope);
    if (typeof scope === 'string') return { error: scope };
    return { command, login, role: options.role as Role, scope };
  }
  return { error: command === undefined ? "'account' needs a subcommand: add, list, disable, enable or passwd" : `unknown subcommand 'account ${command}'` };
}

/** Runs one `account` subcommand; returns the exit code (2: bad arguments, 1: refused). */
export async function accountCommand(args: readonly string[], config: Config, usage: string, readPassword: () => Promise<string>): Promise<number> {
  const parsed = parseAccountArgs(args);
  if ('error' in parsed) {
    console.error(`admin: ${parsed.error}\n\n${usage}`);
    return 2;
  }
  // The password is read (and hashed) before the database is opened: a typo costs nothing.
  const credential = parsed.command === 'add' || parsed.command === 'passwd' ? await hashPassword(await readPassword()) : null;
  const storage = await openCliStorage(config);
  try {
    const accounts = accountStoreFor(storage);
    if (parsed.command === 'list') {
      const all = await accounts.list();
      if (all.length === 0) console.log('No staff accounts yet. Make the first admin with: npm run admin -- set-password');
      for (const a of all)
        console.log(`${a.login}\t${a.role}\t${describeScope(a.scope)}\tadded ${a.createdAt}${a.disabledAt ? `\tdisabled ${a.disabledAt}` : ''}`);
      return 0;
    }
    if (parsed.command === 'add') {
      const account = await accounts.create({ login: parsed.login, role: parsed.role, scope: parsed.scope }, credential!);
      console.log(`Account '${account.login}' (${account.role}, ${describeScope(account.scope)}) is added (${storageWhere(storage, config)}).`);
      return 0;
    }
    const found = await accounts.withCredential(parsed.login);
    if (!found) {
      console.error(`admin: no account named '${parsed.login}'`);
      return 1;
    }
    if (parsed.command === 'passwd') {
      await accounts.setPassword(found.account.id, credential!);
      console.log(`The password of '${parsed.login}' is set; its open sessions have ended.`);
    } else {
      await accounts.update(found.account.id, { disabled: parsed.command === 'disable' });
      console.log(parsed.command === 'disable' ? `Account '${parsed.login}' is disabled; its sessions have ended.` : `Account '${parsed.login}' can log in again.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      console.error(`admin: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await storage.close();
  }
}
