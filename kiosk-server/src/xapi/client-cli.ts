// `npm run admin -- client add|list|revoke`: the xAPI clients of this server's /xapi/statements, in the database of
// RUYI_DATA_DIR (or RUYI_DATABASE_URL's PostgreSQL). `add` prints the new credentials once; the last line is exactly `key:secret`, so a script can take
// it with `tail -n 1`. The running server sees changes at the next request; no restart is needed.
import { openCliStorage, storageWhere } from '../admin/cli-storage.ts';
import type { Config } from '../config.ts';
import { CLIENT_NAME, ClientError, clientRegistryFor, ROLES, type Role } from './clients.ts';

export const CLIENT_USAGE = `  client add <name> --role kiosk|hub|reader
      Makes credentials for an xAPI client of /xapi/statements. reader: GET/HEAD only; kiosk: writes, reads back its
      own statements (a park's kiosk-server forwarding to this hub); hub: writes and reads everything (a trusted
      aggregator). Prints the credentials once; the last line is key:secret (HTTP Basic).
  client list
      Lists the clients (names, roles, keys, dates; never secrets).
  client revoke <name>
      Stops a client's credentials from working.`;

type Parsed = { command: 'add'; name: string; role: Role } | { command: 'list' } | { command: 'revoke'; name: string } | { error: string };

export function parseClientArgs(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (command === 'list') return rest.length === 0 ? { command } : { error: `'client list' takes no arguments (got ${rest.join(' ')})` };
  if (command === 'revoke') return rest.length === 1 ? { command, name: rest[0]! } : { error: "'client revoke' takes one name" };
  if (command === 'add') {
    const positional: string[] = [];
    let role: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      if (arg === '--role') role = rest[++i];
      else if (arg.startsWith('--role=')) role = arg.slice('--role='.length);
      else if (arg.startsWith('-')) return { error: `unknown option '${arg}' (only --role)` };
      else positional.push(arg);
    }
    if (positional.length !== 1) return { error: "'client add' takes one name" };
    if (!CLIENT_NAME.test(positional[0]!)) return { error: `name '${positional[0]}': must be 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit` };
    if (role === undefined) return { error: `'client add' needs --role, one of ${ROLES.join(', ')}` };
    if (!(ROLES as readonly string[]).includes(role)) return { error: `--role '${role}': must be one of ${ROLES.join(', ')}` };
    return { command, name: positional[0]!, role: role as Role };
  }
  return { error: command === undefined ? "'client' needs a subcommand: add, list or revoke" : `unknown subcommand 'client ${command}' (add, list or revoke)` };
}

/** Runs one `client` subcommand; returns the exit code (2: bad arguments, 1: refused). */
export async function clientCommand(args: readonly string[], config: Config, usage: string): Promise<number> {
  const parsed = parseClientArgs(args);
  if ('error' in parsed) {
    console.error(`admin: ${parsed.error}\n\n${usage}`);
    return 2;
  }
  const storage = await openCliStorage(config);
  try {
    const clients = clientRegistryFor(storage);
    if (parsed.command === 'list') {
      const all = await clients.list();
      if (all.length === 0) console.log('No xAPI clients yet. Add one with: npm run admin -- client add <name> --role kiosk|hub|reader');
      for (const c of all) console.log(`${c.name}\t${c.role}\tkey ${c.key}\tadded ${c.createdAt}${c.revokedAt ? `\trevoked ${c.revokedAt}` : ''}`);
      return 0;
    }
    if (parsed.command === 'revoke') {
      if (await clients.revoke(parsed.name)) {
        console.log(`Client '${parsed.name}' is revoked: its credentials no longer work.`);
        return 0;
      }
      console.error(`admin: no active client named '${parsed.name}' (see: npm run admin -- client list)`);
      return 1;
    }
    const client = await clients.add(parsed.name, parsed.role);
    console.log(
      [
        `Client '${client.name}' added with the role ${client.role} (${storageWhere(storage, config)}).`,
        'It calls <this server>/xapi/statements with HTTP Basic auth and the header X-Experience-API-Version: 1.0.3.',
        'The secret is shown only now; keep it. On a kiosk-server that forwards here, set RUYI_SYNC_KEY and RUYI_SYNC_SECRET.',
        `key:secret below (key ${client.key}):`,
        `${client.key}:${client.secret}`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof ClientError) {
      console.error(`admin: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await storage.close();
  }
}
