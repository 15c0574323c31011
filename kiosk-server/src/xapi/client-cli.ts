// `npm run admin -- client add|list|revoke|set-district|set-park`: the xAPI clients of this server's /xapi/statements,
// in the database of RUYI_DATA_DIR (or RUYI_DATABASE_URL's PostgreSQL). `add` prints the new credentials once; the
// last line is exactly `key:secret`, so a script can take it with `tail -n 1`. The running server sees changes at the
// next request (a district or park: the statistics at their next batch, a hub's staff scopes within a few seconds,
// admin/client-places.ts); no restart is needed.
import { openCliStorage, storageWhere } from '../admin/cli-storage.ts';
import type { Config } from '../config.ts';
import { PARK_ID } from '../admin/scopes.ts';
import { CLIENT_NAME, ClientError, clientRegistryFor, DISTRICT_CODE, ROLES, type Role } from './clients.ts';

export const CLIENT_USAGE = `  client add <name> --role kiosk|hub|reader [--district <code>] [--park <id>]
      Makes credentials for an xAPI client of /xapi/statements. reader: GET/HEAD only; kiosk: writes, reads back its
      own statements (a park's kiosk-server forwarding to this hub); hub: writes and reads everything (a trusted
      aggregator). Prints the credentials once; the last line is key:secret (HTTP Basic).
      --district: on a hub, the district (6-digit division code, e.g. 220104) the park's statements count in.
      --park: the park (its id: a-z, 0-9, '-', e.g. ruyi-xi) the client's statements count in, whatever park they
      claim; without it they count in no park. On a hub it also puts that park in the client's district for staff.
  client set-district <name> <code>|none
      Puts a client's statements in a district (none: in no district). The statistics count the statements already
      stored again, from the first, in the background: the dashboards are incomplete until that is done.
  client set-park <name> <id>|none
      Puts a client's statements in a park (none: in no park), and counts the statistics again as set-district does.
  client list
      Lists the clients (names, roles, keys, districts, parks, dates; never secrets).
  client revoke <name>
      Stops a client's credentials from working.`;

type Parsed =
  | { command: 'add'; name: string; role: Role; district: string | null; park: string | null }
  | { command: 'list' }
  | { command: 'revoke'; name: string }
  | { command: 'set-district'; name: string; district: string | null }
  | { command: 'set-park'; name: string; park: string | null }
  | { error: string };

const badName = (name: string) => `name '${name}': must be 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit`;
const badDistrict = (code: string) => `district '${code}': must be a 6-digit administrative division code, e.g. 220104 (or none)`;
const badPark = (id: string) => `park '${id}': must be a park id: 1–63 of a-z, 0-9 and '-', starting with a letter or digit, e.g. ruyi-xi (or none)`;

export function parseClientArgs(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (command === 'list') return rest.length === 0 ? { command } : { error: `'client list' takes no arguments (got ${rest.join(' ')})` };
  if (command === 'revoke') return rest.length === 1 ? { command, name: rest[0]! } : { error: "'client revoke' takes one name" };
  if (command === 'set-district') {
    if (rest.length !== 2) return { error: "'client set-district' takes a name and a district code (or none)" };
    const [name, code] = rest as [string, string];
    if (!CLIENT_NAME.test(name)) return { error: badName(name) };
    if (code !== 'none' && !DISTRICT_CODE.test(code)) return { error: badDistrict(code) };
    return { command, name, district: code === 'none' ? null : code };
  }
  if (command === 'set-park') {
    if (rest.length !== 2) return { error: "'client set-park' takes a name and a park id (or none)" };
    const [name, id] = rest as [string, string];
    if (!CLIENT_NAME.test(name)) return { error: badName(name) };
    if (id !== 'none' && !PARK_ID.test(id)) return { error: badPark(id) };
    return { command, name, park: id === 'none' ? null : id };
  }
  if (command === 'add') {
    const positional: string[] = [];
    let role: string | undefined;
    let district: string | undefined;
    let park: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      if (arg === '--role') role = rest[++i];
      else if (arg.startsWith('--role=')) role = arg.slice('--role='.length);
      else if (arg === '--district') district = rest[++i] ?? '';
      else if (arg.startsWith('--district=')) district = arg.slice('--district='.length);
      else if (arg === '--park') park = rest[++i] ?? '';
      else if (arg.startsWith('--park=')) park = arg.slice('--park='.length);
      else if (arg.startsWith('-')) return { error: `unknown option '${arg}' (only --role, --district and --park)` };
      else positional.push(arg);
    }
    if (positional.length !== 1) return { error: "'client add' takes one name" };
    if (!CLIENT_NAME.test(positional[0]!)) return { error: badName(positional[0]!) };
    if (role === undefined) return { error: `'client add' needs --role, one of ${ROLES.join(', ')}` };
    if (!(ROLES as readonly string[]).includes(role)) return { error: `--role '${role}': must be one of ${ROLES.join(', ')}` };
    if (district !== undefined && !DISTRICT_CODE.test(district)) return { error: `--${badDistrict(district).replace(' (or none)', '')}` };
    if (district !== undefined && role === 'reader') return { error: '--district: a reader writes no statements, so it has no district; only kiosk and hub clients do' };
    if (park !== undefined && !PARK_ID.test(park)) return { error: `--${badPark(park).replace(' (or none)', '')}` };
    // set-park's word for no park, so never a park's id: a client added without --park is in none.
    if (park === 'none') return { error: "--park 'none': leave --park out for a client in no park" };
    if (park !== undefined && role === 'reader') return { error: '--park: a reader writes no statements, so it has no park; only kiosk and hub clients do' };
    return { command, name: positional[0]!, role: role as Role, district: district ?? null, park: park ?? null };
  }
  const subcommands = 'add, list, revoke, set-district or set-park';
  return { error: command === undefined ? `'client' needs a subcommand: ${subcommands}` : `unknown subcommand 'client ${command}' (${subcommands})` };
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
      for (const c of all)
        console.log(
          `${c.name}\t${c.role}\tkey ${c.key}${c.district ? `\tdistrict ${c.district}` : ''}${c.park ? `\tpark ${c.park}` : ''}\tadded ${c.createdAt}${c.revokedAt ? `\trevoked ${c.revokedAt}` : ''}`,
        );
      return 0;
    }
    if (parsed.command === 'set-district' || parsed.command === 'set-park') {
      const [kind, value] = parsed.command === 'set-district' ? (['district', parsed.district] as const) : (['park', parsed.park] as const);
      const { client, before, recount } = kind === 'district' ? await clients.setDistrict(parsed.name, value) : await clients.setPark(parsed.name, value);
      const where = (d: string | null) => (d ? `${kind} ${d}` : `no ${kind}`);
      if (!recount) console.log(`Client '${client.name}' is already in ${where(before)}; nothing changed.`);
      else
        console.log(
          [
            `Client '${client.name}' is now in ${where(value)} (was ${where(before)}) (${storageWhere(storage, config)}).`,
            'The statistics count every stored statement again, from the first, in the background: the dashboards are',
            'incomplete until that is done.',
          ].join('\n'),
        );
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
    const client = await clients.add(parsed.name, parsed.role, undefined, parsed.district, parsed.park);
    const places = [client.district && `district ${client.district}`, client.park && `park ${client.park}`].filter(Boolean).join(', ');
    console.log(
      [
        `Client '${client.name}' added with the role ${client.role}${places ? `, in ${places}` : ''} (${storageWhere(storage, config)}).`,
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
