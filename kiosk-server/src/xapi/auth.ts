// HTTP Basic credentials of xAPI clients, and what each role may do. Every answer names the problem; none says
// whether a key exists (a wrong key and a wrong secret read the same).
import { ApiError } from '../errors.ts';
import type { Client, ClientRegistry, ClientRegistrySync, Role } from './clients.ts';

export interface BasicCredentials {
  key: string;
  secret: string;
}

/** `Basic base64(key:secret)` → credentials; null when the header is absent or not Basic. */
export function parseBasic(header: string | undefined): BasicCredentials | null {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export const UNAUTHORIZED_HEADERS = { 'www-authenticate': 'Basic realm="xAPI"' } as const;

export class Unauthorized extends ApiError {
  constructor(message: string) {
    super(401, message);
  }
}

function credentialsFrom(header: string | undefined): BasicCredentials {
  if (!header) throw new Unauthorized('Authorization: required; send HTTP Basic credentials (key:secret from `npm run admin -- client add`)');
  const credentials = parseBasic(header);
  if (!credentials) throw new Unauthorized('Authorization: must be HTTP Basic, i.e. "Basic " + base64 of key:secret');
  return credentials;
}

function known(client: Client | null): Client {
  if (!client) throw new Unauthorized('Authorization: unknown or revoked key, or wrong secret');
  return client;
}

/** The client behind an Authorization header, or Unauthorized (rejected). */
export function authenticate(clients: ClientRegistry, header: string | undefined): Promise<Client>;
/** The same on the synchronous SQLite registry (code still on `app.db`): the client, or Unauthorized (thrown). */
export function authenticate(clients: ClientRegistrySync, header: string | undefined): Client;
export function authenticate(clients: ClientRegistry | ClientRegistrySync, header: string | undefined): Client | Promise<Client> {
  if ('synchronous' in clients) {
    const { key, secret } = credentialsFrom(header);
    return known(clients.authenticate(key, secret));
  }
  return (async () => {
    const { key, secret } = credentialsFrom(header);
    return known(await clients.authenticate(key, secret));
  })();
}

const WRITERS: readonly Role[] = ['kiosk', 'hub'];

/** Throws 403 when the client's role may not write. Every role may read. */
export function requireWriter(client: Client): void {
  if (!WRITERS.includes(client.role))
    throw new ApiError(403, `client '${client.name}' has the role '${client.role}', which may only read (GET/HEAD); writing needs the role kiosk or hub`);
}
