// npm run bench -- statements: durable statements per second into a kiosk-server, next to what SQLite alone does on
// the same kind of file. Three layers, each measured with 1, 100 and 500 statements per request/transaction:
//   http   POST /xapi/statements to a real server process (HTTP Basic, xAPI validation, the store, one transaction per
//          request, fsync before the answer), from CONNECTIONS keep-alive connections;
//   store  the LRS's store module called directly (its side tables and indexes; no HTTP, no validation);
//   raw    better-sqlite3 inserting the same JSON texts into a bare (seq, id, body) table.
// Then the same on PostgreSQL (a durable throwaway cluster: fsync on, synchronous_commit on), as the city's hub runs:
//   http pg   the server process with RUYI_DATABASE_URL;
//   store pg  the PostgreSQL statement store called directly by CONNECTIONS concurrent writers (its group commit);
//   raw pg    one connection inserting the texts into a bare (seq, id, body) table, a transaction per batch.
// "vs raw" is always against SQLite's raw rate: the issue's yardstick for every layer.
// All on files in the system temp folder with WAL and synchronous = FULL, so every commit is fsynced, and the server's
// page size. "vs raw" is the share of SQLite's own durable rate the layer keeps at that batch size (the server's group
// commit lets concurrent requests share one fsync, so http can pass raw's one-row-per-transaction rate). Then: the
// bytes on disk per statement against its body's, and the latency of single-statement requests sent at a fixed rate
// (PACED_RATE a second, open loop: timed from when each was due, so a stall delays every request behind it too).
import Database from 'better-sqlite3';
import { Agent, request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, migrate, openDatabase, PAGE_SIZE } from '../kiosk-server/src/plugins/db.ts';
import { basicAuthorization } from '../kiosk-server/src/sync/http-transport.ts';
import { createTestEnv } from '../kiosk-server/src/test-support/test-app.ts';
import type { TestPostgres } from '../kiosk-server/src/storage/test-postgres.ts';
import { clientRegistryFor, createClientRegistry } from '../kiosk-server/src/xapi/clients.ts';
import { createPostgresStatementStore } from '../kiosk-server/src/xapi/store-postgres.ts';
import { createStatementStore, type StatementItem } from '../kiosk-server/src/xapi/store.ts';
import { sql } from 'kysely';
import { postgresDatabase, startBenchPostgres } from './postgres-bench.ts';
import { percentile, startServerProcess, statementTexts, thousands } from './server-bench.ts';

const SECONDS = Number(process.env.RUYI_BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.RUYI_BENCH_CONNECTIONS ?? 10);
/** Statements per request or transaction; RUYI_BENCH_BATCHES (e.g. `1` or `1,500`) picks some. */
const BATCHES = (process.env.RUYI_BENCH_BATCHES ?? '1,100,500').split(',').map(Number);
const PACED_RATE = Number(process.env.RUYI_BENCH_PACED_RATE ?? 1000);
/** Which parts run (comma-separated: http, paced, store, raw, space, pg); all by default. For profiling one part. */
const PARTS = new Set((process.env.RUYI_BENCH_PARTS ?? 'http,paced,store,raw,space,pg').split(',').map((p) => p.trim()));
/** Node options for the server process only (Node 20 refuses `--cpu-prof` there: use RUYI_BENCH_SERVER_PROFILE). */
const SERVER_NODE_OPTIONS = process.env.RUYI_BENCH_SERVER_NODE_OPTIONS;
/**
 * A folder: the server process writes a CPU profile of the measured cases there (`server-<pid>.cpuprofile`, from the
 * end of the warm-up to its exit; open it in Chrome's DevTools), through the inspector: a preload starts the profiler
 * on SIGUSR2 and writes the profile as the process exits.
 */
const SERVER_PROFILE = process.env.RUYI_BENCH_SERVER_PROFILE;
const PROFILER = `import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
process.on('SIGUSR2', () => session.post('Profiler.enable', () => session.post('Profiler.start')));
process.on('exit', () => session.post('Profiler.stop', (error, answer) => {
  if (!error) writeFileSync(${JSON.stringify(`${SERVER_PROFILE}/server-`)} + process.pid + '.cpuprofile', JSON.stringify(answer.profile));
}));`;
const serverEnv = (env: Record<string, string>) => {
  const options = [SERVER_NODE_OPTIONS, SERVER_PROFILE && `--import=data:text/javascript,${encodeURIComponent(PROFILER)}`].filter(Boolean).join(' ');
  return options ? { ...env, NODE_OPTIONS: options } : env;
};
/** After the warm-up: the profile (if asked for) covers only what is measured. */
const startProfile = (server: { process: { kill(signal: NodeJS.Signals): boolean } }) => {
  if (SERVER_PROFILE) server.process.kill('SIGUSR2');
};
/** Statements stored to measure the bytes on disk per statement. */
const SPACE_STATEMENTS = 5000;

interface Result {
  layer: 'http' | 'store' | 'raw' | 'http pg' | 'store pg' | 'raw pg';
  batch: number;
  statements: number;
  /** Requests or transactions. */
  operations: number;
  ms: number;
  /** Per request (http) or transaction, ms, sorted. */
  latencies: number[];
  /** http: CPU time the server process used (all its threads), ms; undefined where /proc is not there. */
  serverCpuMs?: number;
}

/** CPU time a process has used so far (user + system, all threads), ms, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * CONNECTIONS senders, each posting its next batch as soon as the previous one is answered, for `seconds`. Each sender
 * has its own stream of whole visits, sent in order, as a kiosk's outbox sends them: the server judges every scenario
 * end by its run's statements, which must come first.
 */
async function httpCase(
  url: string,
  authorization: string,
  batch: number,
  stream: () => () => string,
  seconds = SECONDS,
  layer: Result['layer'] = 'http',
  serverPid?: number,
): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL('/xapi/statements', url);
  const headers = { authorization, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' };
  const latencies: number[] = [];
  let statements = 0;
  const refused = new Map<number, number>();
  const senders = Array.from({ length: CONNECTIONS }, () => {
    const next = stream();
    const body = () => (batch === 1 ? next() : `[${Array.from({ length: batch }, next).join(',')}]`);
    // Bodies are made ahead: the sender shares the machine with the server, and its JSON work is not what is measured.
    return { body, ready: Array.from({ length: 4 }, body) };
  });
  const cpuBefore = cpuMs(serverPid);
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    senders.map(async ({ body, ready }) => {
      while (performance.now() < end) {
        const text = ready.shift() ?? body();
        const t = performance.now();
        const status = await post(agent, target, headers, text);
        latencies.push(performance.now() - t);
        if (status === 200) statements += batch;
        else refused.set(status, (refused.get(status) ?? 0) + 1);
        if (ready.length < 2) ready.push(body());
      }
    }),
  );
  const ms = performance.now() - start;
  const cpuAfter = cpuMs(serverPid);
  agent.destroy();
  if (refused.size) throw new Error(`POST /xapi/statements refused requests: ${JSON.stringify(Object.fromEntries(refused))}`);
  const serverCpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { layer, batch, statements, operations: latencies.length, ms, latencies: latencies.sort((a, b) => a - b), serverCpuMs };
}

/** Transactions of `batch` statements, back to back, for SECONDS / 2 (SQLite is synchronous: one at a time). */
function loop(layer: Result['layer'], batch: number, commit: (texts: string[]) => void, next: () => string): Result {
  const latencies: number[] = [];
  let statements = 0;
  const start = performance.now();
  const end = start + (SECONDS / 2) * 1000;
  while (performance.now() < end) {
    const texts = Array.from({ length: batch }, next);
    const t = performance.now();
    commit(texts);
    latencies.push(performance.now() - t);
    statements += batch;
  }
  return { layer, batch, statements, operations: latencies.length, ms: performance.now() - start, latencies: latencies.sort((a, b) => a - b) };
}

/** A durable SQLite file like the server's (WAL, synchronous = FULL) in a fresh folder. */
function durableFile(dir: string): Database.Database {
  const db = new Database(join(dir, 'bench.sqlite'));
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function rawCase(batch: number, next: () => string): Result {
  const dir = mkdtempSync(join(tmpdir(), 'ruyi-bench-raw-'));
  const db = durableFile(dir);
  try {
    db.exec('CREATE TABLE statements (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO statements (id, body) VALUES (?, ?)');
    // The id is the first 36 characters after `{"id":"` in every text (statementTexts makes them so).
    const commit = db.transaction((texts: string[]) => {
      for (const text of texts) insert.run(text.slice(7, 43), text);
    });
    return loop('raw', batch, commit, next);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function storeCase(batch: number, next: () => string, base: string, parkIri: string): Result {
  const dir = mkdtempSync(join(tmpdir(), 'ruyi-bench-store-'));
  const db = openDatabase(dir);
  try {
    migrate(db);
    const store = createStatementStore(db);
    const writer = { authority: { objectType: 'Agent' as const, account: { homePage: parkIri, name: 'bench' } }, clientId: null };
    const commit = (texts: string[]) => {
      const items: StatementItem[] = texts.map((body) => ({ statement: JSON.parse(body), body }));
      store.insertNow(items, writer);
    };
    return loop('store', batch, commit, next);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CONNECTIONS writers calling the PostgreSQL store at once, each its next batch when the last is stored. */
async function postgresStoreCase(cluster: TestPostgres, batch: number, stream: () => () => string, parkIri: string): Promise<Result> {
  const storage = await postgresDatabase(cluster, `bench_store_${batch}`);
  const store = createPostgresStatementStore(storage.db);
  const writer = { authority: { objectType: 'Agent' as const, account: { homePage: parkIri, name: 'bench' } }, clientId: null };
  const latencies: number[] = [];
  let statements = 0;
  try {
    const start = performance.now();
    const end = start + (SECONDS / 2) * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        const next = stream();
        while (performance.now() < end) {
          const items: StatementItem[] = Array.from({ length: batch }, () => {
            const body = next();
            return { statement: JSON.parse(body), body };
          });
          const t = performance.now();
          await store.insert(items, writer);
          latencies.push(performance.now() - t);
          statements += batch;
        }
      }),
    );
    return { layer: 'store pg', batch, statements, operations: latencies.length, ms: performance.now() - start, latencies: latencies.sort((a, b) => a - b) };
  } finally {
    await store.close();
    await storage.close();
  }
}

/** One connection, a bare (seq, id, body) table, a transaction per batch: PostgreSQL's own durable rate here. */
async function postgresRawCase(cluster: TestPostgres, batch: number, next: () => string): Promise<Result> {
  const storage = await postgresDatabase(cluster, `bench_raw_${batch}`);
  const db = storage.db;
  const latencies: number[] = [];
  let statements = 0;
  try {
    await sql`CREATE TABLE bench_raw (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, body text NOT NULL)`.execute(db);
    const start = performance.now();
    const end = start + (SECONDS / 2) * 1000;
    while (performance.now() < end) {
      const texts = Array.from({ length: batch }, next);
      const t = performance.now();
      await sql`INSERT INTO bench_raw (id, body) SELECT * FROM unnest(${texts.map((x) => x.slice(7, 43))}::uuid[], ${texts}::text[])`.execute(db);
      latencies.push(performance.now() - t);
      statements += batch;
    }
    return { layer: 'raw pg', batch, statements, operations: latencies.length, ms: performance.now() - start, latencies: latencies.sort((a, b) => a - b) };
  } finally {
    await storage.close();
  }
}

/** The server process on PostgreSQL: the HTTP cases again, against a hub's store. */
async function postgresHttpCases(cluster: TestPostgres, env: ReturnType<typeof createTestEnv>, stream: () => () => string): Promise<Result[]> {
  const storage = await postgresDatabase(cluster, 'bench_http');
  const client = await clientRegistryFor(storage).add('bench', 'kiosk');
  await storage.close();
  const server = await startServerProcess(
    serverEnv({
      RUYI_DATA_DIR: env.config.dataDir,
      RUYI_CONTENT_DIR: env.config.contentDir,
      RUYI_APP_DIR: env.config.appDir,
      RUYI_DATABASE_URL: storage.url,
      RUYI_XAPI_RATE_LIMIT: '1000000',
      RUYI_XAPI_STATEMENTS_PER_MINUTE: '100000000',
      RUYI_XAPI_BYTES_PER_MINUTE: String(2 ** 40),
    }),
  );
  try {
    const authorization = basicAuthorization(client.key, client.secret);
    await httpCase(server.url, authorization, 10, stream, 2, 'http pg');
    startProfile(server);
    const results: Result[] = [];
    for (const batch of BATCHES) results.push(await httpCase(server.url, authorization, batch, stream, SECONDS, 'http pg', server.process.pid));
    return results;
  } finally {
    await server.stop();
  }
}

interface Paced {
  requests: number;
  ms: number;
  /** From when each request was due to its answer, ms, sorted. */
  latencies: number[];
}

/**
 * Single-statement requests at `rate` a second for `seconds`, open loop: each is due at its time whether or not earlier
 * ones were answered. Statements come from STREAMS visit streams, each sending its next only after the previous was
 * answered (the server judges a scenario end by its run's statements, which must be stored first); a request due
 * while every stream waits is sent when one is free, and its latency still counts from when it was due.
 */
async function pacedCase(url: string, authorization: string, rate: number, seconds: number, stream: () => () => string): Promise<Paced> {
  const STREAMS = 64;
  const agent = new Agent({ keepAlive: true, maxSockets: STREAMS });
  const target = new URL('/xapi/statements', url);
  const headers = { authorization, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' };
  const free = Array.from({ length: STREAMS }, stream);
  const waiting: number[] = [];
  const latencies: number[] = [];
  const refused = new Map<number, number>();
  const total = Math.round(rate * seconds);
  let answered = 0;
  let allAnswered!: () => void;
  const done = new Promise<void>((resolve) => (allAnswered = resolve));
  const launch = (due: number, next: () => string) => {
    post(agent, target, headers, next()).then(
      (status) => {
        latencies.push(performance.now() - due);
        if (status !== 200) refused.set(status, (refused.get(status) ?? 0) + 1);
        const queued = waiting.shift();
        if (queued === undefined) free.push(next);
        else launch(queued, next);
        if (++answered === total) allAnswered();
      },
      (error: unknown) => {
        refused.set(0, (refused.get(0) ?? 0) + 1);
        console.error(error);
        if (++answered === total) allAnswered();
      },
    );
  };
  const start = performance.now();
  for (let i = 0; i < total; ) {
    const now = performance.now();
    for (; i < total && start + (i * 1000) / rate <= now; i++) {
      const due = start + (i * 1000) / rate;
      const next = free.pop();
      if (next) launch(due, next);
      else waiting.push(due);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await done;
  const ms = performance.now() - start;
  agent.destroy();
  if (refused.size) throw new Error(`POST /xapi/statements refused paced requests: ${JSON.stringify(Object.fromEntries(refused))}`);
  return { requests: total, ms, latencies: latencies.sort((a, b) => a - b) };
}

interface Space {
  /** Mean body length, bytes. */
  body: number;
  /** The server's file (its migrations, the store): bytes per statement. */
  store: number;
  /** The bare (seq, id, body) table: bytes per statement. */
  raw: number;
}

/** Bytes on disk per statement after SPACE_STATEMENTS are stored (checkpointed: the WAL folded into the file). */
function spaceCase(next: () => string, parkIri: string): Space {
  const texts = Array.from({ length: SPACE_STATEMENTS }, next);
  const body = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / texts.length;
  const measure = (fill: (db: Database.Database) => void, open: (dir: string) => Database.Database, file: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ruyi-bench-space-'));
    const db = open(dir);
    try {
      fill(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(join(dir, file)).size / texts.length;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const writer = { authority: { objectType: 'Agent' as const, account: { homePage: parkIri, name: 'bench' } }, clientId: null };
  const store = measure(
    (db) => {
      migrate(db);
      const s = createStatementStore(db);
      for (let i = 0; i < texts.length; i += 500) s.insertNow(texts.slice(i, i + 500).map((body) => ({ statement: JSON.parse(body), body })), writer);
    },
    openDatabase,
    DB_FILE,
  );
  const raw = measure(
    (db) => {
      db.exec('CREATE TABLE statements (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL) STRICT');
      const insert = db.prepare('INSERT INTO statements (id, body) VALUES (?, ?)');
      db.transaction(() => texts.forEach((t) => insert.run(t.slice(7, 43), t)))();
    },
    durableFile,
    'bench.sqlite',
  );
  return { body, store, raw };
}

function table(results: Result[]): string {
  const raw = new Map(results.filter((r) => r.layer === 'raw').map((r) => [r.batch, r.statements / r.ms]));
  const header = `${'layer'.padEnd(9)}${'batch'.padStart(6)}${'statements/s'.padStart(14)}${'requests/s'.padStart(12)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'vs raw'.padStart(9)}${'server CPU µs/st'.padStart(18)}`;
  const rows = results.map((r) => {
    const rate = r.statements / (r.ms / 1000);
    const share = raw.has(r.batch) ? `${((r.statements / r.ms / raw.get(r.batch)!) * 100).toFixed(0)}%` : '';
    const cpu = r.serverCpuMs === undefined ? '' : ((r.serverCpuMs * 1000) / r.statements).toFixed(0);
    return `${r.layer.padEnd(9)}${String(r.batch).padStart(6)}${thousands(rate).padStart(14)}${thousands(r.operations / (r.ms / 1000)).padStart(12)}${percentile(r.latencies, 0.5).toFixed(2).padStart(9)}${percentile(r.latencies, 0.99).toFixed(2).padStart(9)}${share.padStart(9)}${cpu.padStart(18)}`;
  });
  return [header, ...rows].join('\n');
}

async function main(): Promise<number> {
  const env = createTestEnv();
  const { base, parkIri } = env.config.xapi;
  const settings = { contentDir: env.config.contentDir, base, parkIri };
  const next = statementTexts(settings);
  const stream = () => statementTexts(settings);
  const results: Result[] = [];
  let paced: Paced | undefined;
  let space: Space | undefined;
  try {
    // The server's own data folder with an xAPI client, made as `npm run admin -- client add` does. The rate limit is
    // raised: the default (1200 requests/min per client) would cap the single-statement case, not measure it.
    const db = openDatabase(env.config.dataDir);
    migrate(db);
    const client = createClientRegistry(db).add('bench', 'kiosk');
    db.close();
    if (PARTS.has('http') || PARTS.has('paced')) {
      const server = await startServerProcess(
        serverEnv({
          RUYI_DATA_DIR: env.config.dataDir,
          RUYI_CONTENT_DIR: env.config.contentDir,
          RUYI_APP_DIR: env.config.appDir,
          RUYI_XAPI_RATE_LIMIT: '1000000',
          // The server's own rate is measured here, not the per-client write budget (src/floor/).
          RUYI_XAPI_STATEMENTS_PER_MINUTE: '100000000',
          RUYI_XAPI_BYTES_PER_MINUTE: String(2 ** 40),
        }),
      );
      try {
        const authorization = basicAuthorization(client.key, client.secret);
        await httpCase(server.url, authorization, 10, stream, 2); // warm-up: JIT, SQLite page cache
        startProfile(server);
        if (PARTS.has('http')) for (const batch of BATCHES) results.push(await httpCase(server.url, authorization, batch, stream, SECONDS, 'http', server.process.pid));
        if (PARTS.has('paced')) paced = await pacedCase(server.url, authorization, PACED_RATE, SECONDS, stream);
      } finally {
        await server.stop();
      }
    }
    if (PARTS.has('store')) for (const batch of BATCHES) results.push(storeCase(batch, next, base, parkIri));
    if (PARTS.has('raw')) for (const batch of BATCHES) results.push(rawCase(batch, next));
    if (PARTS.has('space')) space = spaceCase(next, parkIri);
    if (PARTS.has('pg')) {
      const cluster = await startBenchPostgres();
      try {
        results.push(...(await postgresHttpCases(cluster, env, stream)));
        for (const batch of BATCHES) results.push(await postgresStoreCase(cluster, batch, stream, parkIri));
        for (const batch of BATCHES) results.push(await postgresRawCase(cluster, batch, next));
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    await env.cleanup();
  }
  console.log(
    `durable statements (SQLite: WAL, synchronous = FULL; PostgreSQL: fsync on; http: ${CONNECTIONS} keep-alive connections, ${SECONDS} s a case; store and raw: one thread (store pg: ${CONNECTIONS} writers), ${SECONDS / 2} s)`,
  );
  console.log(table(results));
  const n = (x: number) => thousands(x);
  if (space)
    console.log(
      `on disk (${PAGE_SIZE} B pages, ${n(SPACE_STATEMENTS)} statements): ${n(space.store)} bytes a statement, ${(space.store / space.body).toFixed(2)}× its body of ${n(space.body)} bytes (raw table: ${n(space.raw)} bytes, ${(space.raw / space.body).toFixed(2)}×)`,
    );
  const p = paced;
  if (p)
    console.log(
      `single-statement requests at ${n(PACED_RATE)}/s (open loop, ${n(p.requests)} in ${(p.ms / 1000).toFixed(1)} s): p50 ${percentile(p.latencies, 0.5).toFixed(2)} ms, p99 ${percentile(p.latencies, 0.99).toFixed(2)} ms, max ${p.latencies.at(-1)!.toFixed(2)} ms`,
    );
  return 0;
}

process.exitCode = await main();
