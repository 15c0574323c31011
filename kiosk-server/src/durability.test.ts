// "A 2xx means it is stored", tested the hard way: a real kiosk-server process under load is killed with SIGKILL (no
// chance to flush or close anything). After it, every statement the server acknowledged is stored exactly once and in
// the order of its request, every batch is either wholly there or not at all, and the restarted server goes on serving.
// On both stores (the run's, see test-support/test-app.ts):
//   * SQLite: WAL journal with synchronous = FULL (each commit is fsynced before the 2xx) and whole requests per
//     transaction (group commit, xapi/store.ts); the file also passes SQLite's integrity check;
//   * PostgreSQL: the server process gets RUYI_DATABASE_URL; a request is answered after its COMMIT
//     (xapi/store-postgres.ts), and a transaction cut off by the kill is rolled back by the database.
// What is stored is read over a connection of its own (readAsAnotherProcess), as another process would. Both ways
// statements arrive are held to it: the kiosk app's own route (POST /api/statements) and the LRS (POST
// /xapi/statements, HTTP Basic, a client made in the server's database before it starts, as `npm run admin -- client
// add` does).
import type { Statement } from '@ruyi/xapi';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { openCliStorage } from './admin/cli-storage.ts';
import { basicAuthorization } from './sync/http-transport.ts';
import { readAsAnotherProcess } from './test-support/dialect-storage.ts';
import { newVisit, oneOfEach } from './test-support/fixture-content.ts';
import { startServerProcess, type ServerProcess } from './test-support/server-process.ts';
import { statementSource, toStatements, type StatementSource } from './test-support/statements.ts';
import { createTestEnv, freshPostgresDatabase, type TestEnv } from './test-support/test-app.ts';
import { clientRegistryFor } from './xapi/clients.ts';

let env: TestEnv | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await env?.cleanup();
  env = undefined;
});

/** The real server as its own process on the test's folders and database (RUYI_DATABASE_URL empty: the SQLite file). */
async function startServer(testEnv: TestEnv): Promise<ServerProcess> {
  const server = await startServerProcess({
    RUYI_DATA_DIR: testEnv.config.dataDir,
    RUYI_CONTENT_DIR: testEnv.config.contentDir,
    RUYI_APP_DIR: testEnv.config.appDir,
    RUYI_XAPI_BASE: testEnv.config.xapi.base,
    RUYI_PARK_IRI: testEnv.config.xapi.parkIri,
    RUYI_DATABASE_URL: testEnv.config.databaseUrl ?? '',
  });
  child = server.process;
  return server;
}

interface Route {
  name: string;
  /** Prepares the server's database before the server starts; returns the headers each POST carries. */
  prepare(testEnv: TestEnv): Promise<Record<string, string>>;
  path: string;
  /** The 2xx this route answers a stored batch with. */
  ok: number;
}

const ROUTES: Route[] = [
  { name: 'POST /api/statements (the kiosk app)', path: '/api/statements', ok: 200, prepare: async () => ({}) },
  {
    name: 'POST /xapi/statements (an xAPI client with HTTP Basic)',
    path: '/xapi/statements',
    ok: 200,
    async prepare(testEnv) {
      const storage = await openCliStorage(testEnv.config);
      try {
        const { key, secret } = await clientRegistryFor(storage).add('park-tool', 'kiosk');
        return { authorization: basicAuthorization(key, secret), 'x-experience-api-version': '1.0.3' };
      } finally {
        await storage.close();
      }
    },
  },
];

/** Three whole visits as a kiosk app makes them, each a played run: 42 statements (13 records a visit, a scenario end makes two). */
const threeVisits = (source: StatementSource) => toStatements(source, [...oneOfEach(newVisit()), ...oneOfEach(newVisit()), ...oneOfEach(newVisit())]);
const BATCH = 42;

/** Every stored statement's id with its place in the stored order, as another process reads them. */
const storedOrder = (testEnv: TestEnv) =>
  readAsAnotherProcess(testEnv.config, (db) => db.selectFrom('statements').select(['id', 'seq']).orderBy('seq').execute());

/**
 * Holds what is stored to what the server answered: each statement at most once; each batch wholly there or not at
 * all; each acknowledged batch there, in its own order, and after every batch its client had acknowledged before
 * sending it. Returns the stored ids.
 */
function checkStored(rows: readonly { id: string; seq: number }[], sent: readonly Statement[][], acknowledgedByClient: readonly Statement[][][]) {
  const seqOf = new Map<string, number>();
  const twice: string[] = [];
  for (const { id, seq } of rows) {
    if (seqOf.has(id)) twice.push(id);
    seqOf.set(id, Number(seq));
  }
  expect(twice, 'statements stored more than once').toEqual([]);
  // In flight at the kill, a batch may be missing, never partly stored.
  const partial = sent.filter((b) => {
    const n = b.filter((s) => seqOf.has(s.id!)).length;
    return n !== 0 && n !== b.length;
  });
  expect(partial.map((b) => b[0]!.id)).toEqual([]);
  expect(seqOf.size % BATCH).toBe(0);
  for (const batches of acknowledgedByClient) {
    let previous = -Infinity;
    for (const batch of batches) {
      const seqs = batch.map((s) => seqOf.get(s.id!));
      for (const [i, seq] of seqs.entries()) expect(seq, `acknowledged statement ${batch[i]!.id}`).toBeDefined();
      // In the order of the request, and after the batches this client was answered for before it sent this one.
      const order = seqs as number[];
      expect(order.every((seq, i) => seq > (i === 0 ? previous : order[i - 1]!)), `stored order of the batch starting ${batch[0]!.id}`).toBe(true);
      previous = order[order.length - 1]!;
    }
  }
  return seqOf;
}

describe.each(ROUTES)('durability of $name', (route) => {
  it('every acknowledged statement survives SIGKILL mid-load, once and in order, and no batch is half-written', { timeout: 90_000 }, async () => {
    const testEnv = createTestEnv();
    env = testEnv;
    // The server process makes its own connections: a fresh database of the run's cluster when on PostgreSQL.
    if (testEnv.dialect === 'postgres') testEnv.config.databaseUrl = await freshPostgresDatabase();
    const headers = { ...(await route.prepare(testEnv)), 'content-type': 'application/json' };
    const post = (url: string, statements: Statement[]) => fetch(`${url}${route.path}`, { method: 'POST', headers, body: JSON.stringify(statements) });
    const { process: server, url } = await startServer(testEnv);
    // The process runs on the store this run is about (its health names it).
    expect((await (await fetch(`${url}/api/health`)).json()).store).toMatchObject({ dialect: testEnv.dialect, state: 'ok' });
    const source = statementSource(testEnv.config);

    const sent: Statement[][] = [];
    const acknowledgedByClient: Statement[][][] = [];
    const refused: string[] = [];
    let acknowledged = 0;
    let stop = false;
    // Four clients, each posting batches of 42 statements (three whole visits) as fast as the server answers.
    const client = async () => {
      const mine: Statement[][] = [];
      acknowledgedByClient.push(mine);
      while (!stop) {
        const batch = threeVisits(source);
        sent.push(batch);
        let res: Response;
        try {
          res = await post(url, batch);
        } catch {
          return; // the server is gone
        }
        if (res.status !== route.ok) return void refused.push(`${res.status} ${await res.text()}`);
        mine.push(batch);
        acknowledged++;
      }
    };
    const clients = [client(), client(), client(), client()];
    // Kill it in the middle of the load, once a good number of batches went through.
    while (acknowledged < 40 && refused.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(refused).toEqual([]);
    server.kill('SIGKILL');
    await once(server, 'exit');
    stop = true;
    await Promise.all(clients);
    expect(server.signalCode).toBe('SIGKILL');

    if (testEnv.dialect === 'sqlite') {
      const db = testEnv.openDb();
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    checkStored(await storedOrder(testEnv), sent, acknowledgedByClient);

    // Restarted on the same database, the server serves, and a kiosk resending what it never heard back about is
    // stored once.
    const restarted = await startServer(testEnv);
    const acknowledgedBatches = new Set(acknowledgedByClient.flat());
    const unanswered = sent.filter((b) => !acknowledgedBatches.has(b));
    for (const batch of [...unanswered, [...acknowledgedBatches][0]!]) expect((await post(restarted.url, batch)).status).toBe(route.ok);
    const after = checkStored(await storedOrder(testEnv), sent, acknowledgedByClient);
    expect(after.size).toBe(sent.length * BATCH);
    await restarted.stop();
  });
});
