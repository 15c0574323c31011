// "A 2xx means it is on disk", tested the hard way: a real kiosk-server process under load is killed with SIGKILL
// (no chance to flush or close anything). After it, every batch the server acknowledged is in the SQLite file, every
// batch is either wholly there or not at all, the file passes SQLite's integrity check, and the restarted server goes on
// serving. Settings that make it so: WAL journal with synchronous = FULL (each commit is fsynced before the 2xx), and
// one transaction per batch (plugins/db.ts, xapi/store.ts). Both ways statements arrive are held to it: the kiosk app's
// own route (POST /api/statements) and the LRS (POST /xapi/statements, HTTP Basic, a client made in the data folder
// before the server starts, as `npm run admin -- client add` does).
import type { Statement } from '@ruyi/xapi';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './plugins/db.ts';
import { newVisit, oneOfEach } from './test-support/fixture-content.ts';
import { startServerProcess, type ServerProcess } from './test-support/server-process.ts';
import { statementSource, toStatements, type StatementSource } from './test-support/statements.ts';
import { createTestEnv, type TestEnv } from './test-support/test-app.ts';
import { basicAuthorization } from './sync/http-transport.ts';
import { createClientRegistry } from './xapi/clients.ts';


let env: TestEnv | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await env?.cleanup();
  env = undefined;
});

/** The real server as its own process on the test's folders. */
async function startServer(testEnv: TestEnv): Promise<ServerProcess> {
  const server = await startServerProcess({
    RUYI_DATA_DIR: testEnv.config.dataDir,
    RUYI_CONTENT_DIR: testEnv.config.contentDir,
    RUYI_APP_DIR: testEnv.config.appDir,
    RUYI_XAPI_BASE: testEnv.config.xapi.base,
    RUYI_PARK_IRI: testEnv.config.xapi.parkIri,
  });
  child = server.process;
  return server;
}

interface Route {
  name: string;
  /** Prepares the data folder before the server starts; returns the headers each POST carries. */
  prepare(testEnv: TestEnv): Record<string, string>;
  path: string;
  /** The 2xx this route answers a stored batch with. */
  ok: number;
}

const ROUTES: Route[] = [
  { name: 'POST /api/statements (the kiosk app)', path: '/api/statements', ok: 200, prepare: () => ({}) },
  {
    name: 'POST /xapi/statements (an xAPI client with HTTP Basic)',
    path: '/xapi/statements',
    ok: 200,
    prepare(testEnv) {
      const db = openDatabase(testEnv.config.dataDir);
      try {
        migrate(db);
        const { key, secret } = createClientRegistry(db).add('park-tool', 'kiosk');
        return { authorization: basicAuthorization(key, secret), 'x-experience-api-version': '1.0.3' };
      } finally {
        db.close();
      }
    },
  },
];

/** Three whole visits as a kiosk app makes them, each a played run: 42 statements (13 records a visit, a scenario end makes two). */
const threeVisits = (source: StatementSource) => toStatements(source, [...oneOfEach(newVisit()), ...oneOfEach(newVisit()), ...oneOfEach(newVisit())]);
const BATCH = 42;

describe.each(ROUTES)('durability of $name', (route) => {
  it('every acknowledged batch survives SIGKILL mid-load, and no batch is half-written', { timeout: 60_000 }, async () => {
    const testEnv = createTestEnv();
    env = testEnv;
    const headers = { ...route.prepare(testEnv), 'content-type': 'application/json' };
    const post = (url: string, statements: Statement[]) => fetch(`${url}${route.path}`, { method: 'POST', headers, body: JSON.stringify(statements) });
    const { process: server, url } = await startServer(testEnv);
    const source = statementSource(testEnv.config);

    const sent: Statement[][] = [];
    const acknowledged: Statement[][] = [];
    const refused: string[] = [];
    let stop = false;
    // Four clients, each posting batches of 42 statements (three whole visits) as fast as the server answers.
    const client = async () => {
      while (!stop) {
        const batch = threeVisits(source);
        sent.push(batch);
        let res: Response;
        try {
          res = await post(url, batch);
        } catch {
          return; // the server is gone
        }
        if (res.status === route.ok) acknowledged.push(batch);
        else return void refused.push(`${res.status} ${await res.text()}`);
      }
    };
    const clients = [client(), client(), client(), client()];
    // Kill it in the middle of the load, once a good number of batches went through.
    while (acknowledged.length < 40 && refused.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(refused).toEqual([]);
    server.kill('SIGKILL');
    await once(server, 'exit');
    stop = true;
    await Promise.all(clients);
    expect(server.signalCode).toBe('SIGKILL');

    const db = testEnv.openDb();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(db.prepare('SELECT id FROM statements').pluck().all() as string[]);
    for (const batch of acknowledged) for (const s of batch) expect(stored.has(s.id!), `acknowledged statement ${s.id}`).toBe(true);
    // Every batch is all or nothing: in flight at the kill, a batch may be missing, never partly stored.
    const partial = sent.filter((b) => {
      const n = b.filter((s) => stored.has(s.id!)).length;
      return n !== 0 && n !== b.length;
    });
    expect(partial).toEqual([]);
    expect(stored.size % BATCH).toBe(0);
    db.close();

    // Restarted on the same file, the server serves, and a kiosk resending what it never heard back about is
    // stored once.
    const restarted = await startServer(testEnv);
    const unanswered = sent.filter((b) => !acknowledged.includes(b));
    for (const batch of [...unanswered, acknowledged[0]!]) expect((await post(restarted.url, batch)).status).toBe(route.ok);
    const after = testEnv.openDb();
    expect(after.prepare('SELECT COUNT(*) FROM statements').pluck().get()).toBe(sent.length * BATCH);
    restarted.process.kill('SIGTERM');
    await once(restarted.process, 'exit');
  });
});
