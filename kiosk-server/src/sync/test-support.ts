// Two real servers for the forwarder's tests: a hub (hub mode, its own SQLite file or PostgreSQL database, listening on
// a port) and a park's kiosk-server (its SQLite file, as a park's is) forwarding to it; plus a small proxy that can stand in front of the hub (a path prefix like an external
// LRS, or a connection that drops the answer after the hub committed).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { clientRegistryFor, createClientRegistry, type NewClient, type Role } from '../xapi/clients.ts';
import { basicAuthorization } from './http-transport.ts';

export interface Party {
  env: TestEnv;
  app: App;
}

/** A port nothing listens on now (the hub is "down" until it listens there). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A hub on a SQLite file, or on a fresh PostgreSQL database with `postgres: true` (the run's cluster). */
export async function startHub(options: { postgres?: boolean } = {}): Promise<Party> {
  const env = createTestEnv({ config: { mode: 'hub' }, postgres: options.postgres ?? false });
  return { env, app: await env.start() };
}

export async function listen(app: App, port = 0): Promise<string> {
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

const parkName = () => `park-${randomUUID().slice(0, 8)}`;

/** A client on a SQLite server (synchronous); createClient works on either store. */
export function addClient(app: App, role: Role, name = parkName()) {
  return createClientRegistry(app.db).add(name, role);
}

/** A client on the server's store, SQLite or PostgreSQL. */
export function createClient(app: App, role: Role, name = parkName()): Promise<NewClient> {
  return clientRegistryFor(app.storage).add(name, role);
}

export async function revokeClient(app: App, name: string): Promise<void> {
  await clientRegistryFor(app.storage).revoke(name);
}

/** A kiosk-server forwarding to `url` (ending with '/') with these credentials. */
export async function startKiosk(url: string, credentials: { key: string; secret: string }, config: Partial<Config> = {}): Promise<Party & { writer: string }> {
  const env = createTestEnv({ postgres: false, config: { sync: { url, key: credentials.key, secret: credentials.secret, batchSize: 200 }, ...config } });
  const app = await env.start();
  const writer = addClient(app, 'kiosk', 'local-tool');
  return { env, app, writer: basicAuthorization(writer.key, writer.secret) };
}

let counter = 0;
/** A valid xAPI statement with an id; `extra` overrides fields. */
export function statement(extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://ruyi.localhost/parks/test', name: `visit-${counter}` } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `https://ruyi.localhost/xapi/activities/scenario/s-${counter % 7}` },
    ...extra,
  };
}

/** Stores statements on a kiosk-server through its LRS (POST /xapi/statements), as a park's tools would. */
export async function post(party: Party & { writer: string }, statements: unknown[]): Promise<void> {
  const res = await party.app.inject({
    method: 'POST',
    url: '/xapi/statements',
    headers: { authorization: party.writer, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' },
    payload: JSON.stringify(statements),
  });
  if (res.statusCode !== 200) throw new Error(`POST /xapi/statements: ${res.statusCode} ${res.body}`);
}

/** The statements a server holds, in its store order, on either store. */
export const rows = (app: App): Promise<{ seq: number; id: string; body: string }[]> =>
  app.storage.db.selectFrom('statements').select(['seq', 'id', 'body']).orderBy('seq').execute();

/** Removes one statement from a server's store as its operator would (erasure), on either store. */
export async function removeStatement(app: App, id: string): Promise<void> {
  const db = app.storage.db;
  const { seq } = await db.selectFrom('statements').select('seq').where('id', '=', id).executeTakeFirstOrThrow();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('statement_agent_refs').where('seq', '=', seq).execute();
    await tx.deleteFrom('statement_activity_refs').where('seq', '=', seq).execute();
    if (app.storage.dialect === 'postgres') await tx.deleteFrom('statement_ids').where('id', '=', id).execute();
    await tx.deleteFrom('statements').where('seq', '=', seq).execute();
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface Proxy {
  url: string;
  /** Requests seen, by path. */
  requests: string[];
  /** How many of the next requests to forward (the hub commits) and then answer with a dropped connection. */
  dropAnswers: number;
  close(): Promise<void>;
}

/** A proxy: `${url}${from}…` → `${upstream}${to}…`. */
export async function startProxy(upstream: string, from: string, to: string): Promise<Proxy> {
  const proxy: Proxy = { url: '', requests: [], dropAnswers: 0, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    proxy.requests.push(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!req.url?.startsWith(from)) {
      res.writeHead(404).end('not here');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const answer = await fetch(`${upstream}${to}${req.url.slice(from.length)}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (proxy.dropAnswers > 0) {
      proxy.dropAnswers--;
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
