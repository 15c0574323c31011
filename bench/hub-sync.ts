// npm run bench -- sync: a park's kiosk-server forwards a large backlog (1,000,000 statements by default,
// RUYI_BENCH_SYNC_COUNT to change) to a city hub, both real, once into a hub on a SQLite file and once into a hub on
// PostgreSQL (RUYI_BENCH_SYNC_HUBS=sqlite or =postgres for one). The kiosk-server is built in this process on its own
// SQLite file (filled once through the LRS's store module, so the forwarder reads real stored rows); each hub is a
// separate server process in hub mode (its own core) with a kiosk client made for the park. Measured from the
// forwarder's start until the hub holds everything; then checked through the stores' own database layer, the same
// reads on either hub: the hub's count, no id lost, none stored twice, the hub's seq order equal to the kiosk's, and
// every body byte for byte what the kiosk stored. Exits 1 when a check fails.
import type { Statement } from '@ruyi/xapi';
import { sql } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../kiosk-server/src/app.ts';
import { migrate, openDatabase } from '../kiosk-server/src/plugins/db.ts';
import { createDatabase, type StorageDatabase } from '../kiosk-server/src/storage/database.ts';
import { runMigrations } from '../kiosk-server/src/storage/migrations.ts';
import type { TestPostgres } from '../kiosk-server/src/storage/test-postgres.ts';
import { createTestEnv } from '../kiosk-server/src/test-support/test-app.ts';
import { clientRegistryFor } from '../kiosk-server/src/xapi/clients.ts';
import { createStatementStore, type StatementItem } from '../kiosk-server/src/xapi/store.ts';
import { postgresDatabase, startBenchPostgres } from './postgres-bench.ts';
import { dbBytes, folderBytes, mib as mb, ruyiStatements, seconds, startServerProcess, thousands, type ServerProcess } from './server-bench.ts';

const COUNT = Number(process.env.RUYI_BENCH_SYNC_COUNT ?? 1_000_000);
const BATCH = Number(process.env.RUYI_BENCH_SYNC_BATCH ?? 1000);
const HUBS = (process.env.RUYI_BENCH_SYNC_HUBS ?? 'sqlite,postgres').split(',').map((h) => h.trim()) as ('sqlite' | 'postgres')[];
const FILL_TRANSACTION = 10_000;
/** Rows compared per read, on each side. */
const CHECK_PAGE = 5000;

/**
 * Counts what the forwarder puts on the wire. Bench-only instrument: the forwarder's transport uses the global fetch,
 * and nothing else in this process calls the hub. An acknowledged statement is one id in a 200 answer.
 */
function meterFetch() {
  const meter = { requests: 0, bytes: 0, acknowledged: 0, refused: 0, failed: 0 };
  const real = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    meter.requests++;
    if (typeof init?.body === 'string') meter.bytes += Buffer.byteLength(init.body);
    try {
      const response = await real(input, init);
      if (response.status === 200) {
        const ids = (await response.clone().json()) as unknown[];
        meter.acknowledged += ids.length;
      } else meter.refused++;
      return response;
    } catch (error) {
      meter.failed++;
      throw error;
    }
  };
  return {
    meter,
    reset: () => Object.assign(meter, { requests: 0, bytes: 0, acknowledged: 0, refused: 0, failed: 0 }),
  };
}

/** USER_HZ: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

/** A process's /proc/<pid>/stat fields after the command name (which may hold spaces); null when it is gone. */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** CPU time a process used (user + system), ms; with `reaped`, also that of its children that have ended. */
function cpuMs(pid: number, reaped = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  const ticks = Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** CPU time of a PostgreSQL cluster: the postmaster, its live children (backends, WAL writer, ...) and ended ones. */
function clusterCpuMs(cluster: TestPostgres): number {
  const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMs(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmaster) total += cpuMs(Number(entry));
  }
  return total;
}

/** This process's CPU time, ms. */
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Row {
  id: string;
  body: string;
}

/** The statements in seq order, a page at a time (keyset on seq), on either dialect. */
async function* inSeqOrder(storage: StorageDatabase): AsyncGenerator<Row> {
  let after = 0;
  for (;;) {
    const page = await storage.db.selectFrom('statements').select(['seq', 'id', 'body']).where('seq', '>', after).orderBy('seq').limit(CHECK_PAGE).execute();
    for (const row of page) yield { id: String(row.id).toLowerCase(), body: row.body };
    if (page.length < CHECK_PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

interface Checked {
  hubCount: number;
  hubDistinct: number;
  missing: number;
  outOfOrder: number;
  bodyDiffers: number;
  extra: number;
}

/** What the hub holds, compared row by row with the kiosk-server's store in seq order. */
async function compare(kiosk: StorageDatabase, hub: StorageDatabase): Promise<Checked> {
  const { n: hubCount, d: hubDistinct } = await hub.db
    .selectFrom('statements')
    .select([sql<number>`count(*)`.as('n'), sql<number>`count(DISTINCT id)`.as('d')])
    .executeTakeFirstOrThrow();
  const theirs = inSeqOrder(hub);
  let outOfOrder = 0;
  let bodyDiffers = 0;
  let missing = 0;
  for await (const k of inSeqOrder(kiosk)) {
    const h = await theirs.next();
    if (h.done) {
      missing++;
      continue;
    }
    if (h.value.id !== k.id) outOfOrder++;
    else if (h.value.body !== k.body) bodyDiffers++;
  }
  const extra = (await theirs.next()).done ? 0 : 1;
  await theirs.return(undefined);
  return { hubCount: Number(hubCount), hubDistinct: Number(hubDistinct), missing, outOfOrder, bodyDiffers, extra };
}

interface Outcome extends Checked {
  hub: 'sqlite' | 'postgres';
  ms: number;
  requests: number;
  bytes: number;
  acknowledged: number;
  refused: number;
  failed: number;
  statusMs: number;
  sent: number;
  quarantined: number;
  lastError: string;
  hubBytes: number;
  hubBytesText: string;
  /** CPU time during the sync, ms: this process (the kiosk-server), the hub process, the PostgreSQL cluster. */
  cpu: { kiosk: number; hub: number; postgres: number | null };
}

async function main(): Promise<number> {
  const env = createTestEnv({ postgres: false });
  const kioskConfig = env.config;
  const hubDirs: string[] = [];
  let cluster: TestPostgres | undefined;
  let hub: ServerProcess | undefined;
  let app: App | undefined;
  console.log(`temp folder (removed at the end): ${env.root}`);
  try {
    // The park's backlog, stored through the LRS's store module in large transactions (as if the hub had been
    // unreachable for a long time).
    const fillStart = performance.now();
    const db = openDatabase(kioskConfig.dataDir);
    migrate(db);
    const store = createStatementStore(db);
    const writer = { authority: { objectType: 'Agent' as const, account: { homePage: kioskConfig.xapi.parkIri, name: 'kiosk-app' } }, clientId: null };
    const source = ruyiStatements({ contentDir: kioskConfig.contentDir, base: kioskConfig.xapi.base, parkIri: kioskConfig.xapi.parkIri });
    for (let done = 0; done < COUNT; ) {
      const items: StatementItem[] = [];
      for (let i = 0; i < FILL_TRANSACTION && done + i < COUNT; i++) {
        const statement = source.next().value as Statement;
        items.push({ statement, body: JSON.stringify(statement) });
      }
      store.insertNow(items, writer);
      done += items.length;
    }
    db.close();
    const fillMs = performance.now() - fillStart;
    console.log(`filled the kiosk-server with ${thousands(COUNT)} statements in ${seconds(fillMs)} (${mb(folderBytes(kioskConfig.dataDir))} on disk)`);

    const { meter, reset } = meterFetch();
    const outcomes: Outcome[] = [];
    for (const kind of HUBS) {
      // The hub's database with a kiosk client for this park, then the real server process in hub mode. The rate
      // limit and write budgets are raised: they would pace a 1M backlog, not measure it.
      const hubDir = mkdtempSync(join(tmpdir(), `ruyi-bench-hub-${kind}-`));
      hubDirs.push(hubDir);
      let hubStorage: StorageDatabase & { url?: string };
      if (kind === 'postgres') {
        cluster ??= await startBenchPostgres();
        hubStorage = await postgresDatabase(cluster, 'bench_hub');
      } else {
        hubStorage = createDatabase({ dataDir: hubDir, databaseUrl: null });
        await runMigrations(hubStorage);
      }
      const client = await clientRegistryFor(hubStorage).add('park-bench', 'kiosk');
      await hubStorage.close();
      hub = await startServerProcess({
        RUYI_MODE: 'hub',
        RUYI_DATA_DIR: hubDir,
        RUYI_CONTENT_DIR: kioskConfig.contentDir,
        RUYI_APP_DIR: kioskConfig.appDir,
        RUYI_XAPI_RATE_LIMIT: '1000000',
        RUYI_XAPI_STATEMENTS_PER_MINUTE: '100000000',
        RUYI_XAPI_BYTES_PER_MINUTE: String(2 ** 40),
        ...(hubStorage.url ? { RUYI_DATABASE_URL: hubStorage.url } : {}),
        // For profiling the hub (e.g. a preload that starts node:inspector's Profiler); the kiosk side is this process.
        ...(process.env.RUYI_BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.RUYI_BENCH_SERVER_NODE_OPTIONS } : {}),
      });

      // The kiosk-server, forwarding to the hub as configured in a park (RUYI_SYNC_URL/KEY/SECRET/BATCH). Each hub
      // has its own address, so its own ledger row: the second run starts from the first statement too.
      const target = `${hub.url}/xapi/`;
      kioskConfig.sync = { url: target, key: client.key, secret: client.secret, batchSize: BATCH };
      reset();
      app = await buildApp(kioskConfig);
      // Progress is read from the ledger row, the forwarder's own durable cursor: what is delivered, not what it reports.
      const ledger = await app.syncStore.ledger(target);
      const lastSeq = (await app.storage.db.selectFrom('statements').select(sql<number>`max(seq)`.as('m')).executeTakeFirstOrThrow()).m;
      const statusStart = performance.now();
      await app.sync.status();
      const statusMs = performance.now() - statusStart;
      const hubPid = hub.process.pid!;
      const cpuBefore = { kiosk: ownCpuMs(), hub: cpuMs(hubPid), postgres: cluster && kind === 'postgres' ? clusterCpuMs(cluster) : null };
      const t0 = performance.now();
      await app.ready(); // starts the forwarder
      let lastReport = t0;
      for (;;) {
        const progress = await ledger.read();
        if (progress.cursor >= lastSeq) break;
        if (progress.stopped) throw new Error(`the forwarder stopped: ${progress.stopped.reason}`);
        const now = performance.now();
        if (now - lastReport > 15_000) {
          lastReport = now;
          console.log(`  ${kind} hub, ${seconds(now - t0)}: up to seq ${thousands(progress.cursor)} delivered (${thousands(progress.cursor / ((now - t0) / 1000))}/s)`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const ms = performance.now() - t0;
      const cpu = {
        kiosk: ownCpuMs() - cpuBefore.kiosk,
        hub: cpuMs(hubPid) - cpuBefore.hub,
        postgres: cpuBefore.postgres === null ? null : clusterCpuMs(cluster!) - cpuBefore.postgres,
      };
      const status = await app.sync.status();
      await app.close();
      app = undefined;
      await hub.stop();
      hub = undefined;

      const kiosk = createDatabase({ dataDir: kioskConfig.dataDir, databaseUrl: null });
      const central = createDatabase({ dataDir: hubDir, databaseUrl: hubStorage.url ?? null });
      let checked: Checked;
      let hubBytes: number;
      let hubBytesText: string;
      try {
        checked = await compare(kiosk, central);
        if (kind === 'postgres') {
          hubBytes = (await sql<{ b: number }>`SELECT pg_database_size(current_database()) AS b`.execute(central.db)).rows[0]!.b;
          hubBytesText = `${mb(hubBytes)} (database)`;
        } else {
          hubBytes = folderBytes(hubDir);
          hubBytesText = `${mb(hubBytes)} (${dbBytes(hubDir)})`;
        }
      } finally {
        await kiosk.close();
        await central.close();
      }
      outcomes.push({
        hub: kind,
        ms,
        ...meter,
        statusMs,
        sent: status.progress.sent,
        quarantined: status.quarantined,
        lastError: status.lastError?.message ?? 'none',
        ...checked,
        hubBytes,
        hubBytesText,
        cpu,
      });
    }

    const kioskBytes = folderBytes(kioskConfig.dataDir);
    console.log(`\nhub sync of ${thousands(COUNT)} statements (batch ${BATCH}, each hub in its own process, loopback HTTP; kiosk ${mb(kioskBytes)} on disk, filled in ${seconds(fillMs)})`);
    console.log(`${'hub'.padEnd(10)}${'statements/s'.padStart(14)}${'time'.padStart(10)}${'requests'.padStart(10)}${'held'.padStart(12)}${'distinct'.padStart(12)}${'lost'.padStart(6)}${'reordered'.padStart(11)}${'changed'.padStart(9)}${'resent'.padStart(8)}`);
    for (const o of outcomes)
      console.log(
        `${o.hub.padEnd(10)}${thousands(COUNT / (o.ms / 1000)).padStart(14)}${seconds(o.ms).padStart(10)}${thousands(o.requests).padStart(10)}${thousands(o.hubCount).padStart(12)}${thousands(o.hubDistinct).padStart(12)}${String(o.missing).padStart(6)}${String(o.outOfOrder).padStart(11)}${String(o.bodyDiffers).padStart(9)}${String(o.acknowledged - COUNT).padStart(8)}`,
      );
    for (const o of outcomes)
      console.log(
        `${o.hub}: ${o.refused} answers not 200, ${o.failed} network failures · ${mb(o.bytes)} sent (${Math.round(o.bytes / COUNT)} B/statement) · forwarder sent ${thousands(o.sent)}, quarantined ${o.quarantined}, last error ${o.lastError} · admin status() ${o.statusMs.toFixed(0)} ms with the whole backlog waiting · hub disk ${o.hubBytesText}`,
      );

    // CPU per 1,000 statements depends far less on what else the machine runs than the rate does. One request is
    // in flight at a time, so the sync takes at least the sum of these (plus the fsyncs' waits).
    for (const o of outcomes) {
      const per = (x: number) => ((x * 1000) / COUNT).toFixed(0);
      console.log(
        `${o.hub}: CPU per 1,000 statements: kiosk-server ${per(o.cpu.kiosk)} ms, hub ${per(o.cpu.hub)} ms${o.cpu.postgres === null ? '' : `, PostgreSQL ${per(o.cpu.postgres)} ms`}`,
      );
    }

    const failures = outcomes.flatMap((o) =>
      [
        o.hubCount !== COUNT && `the hub holds ${o.hubCount}, expected ${COUNT}`,
        o.hubDistinct !== o.hubCount && `${o.hubCount - o.hubDistinct} ids stored twice`,
        o.extra && 'the hub holds statements the kiosk never had',
        o.missing && `${o.missing} statements missing at the hub`,
        o.outOfOrder && `${o.outOfOrder} statements out of order`,
        o.bodyDiffers && `${o.bodyDiffers} bodies differ from the kiosk's stored bytes`,
      ]
        .filter(Boolean)
        .map((f) => `${o.hub} hub: ${f}`),
    );
    for (const f of failures) console.error(`FAIL: ${f}`);
    return failures.length ? 1 : 0;
  } finally {
    await app?.close();
    await hub?.stop();
    await cluster?.stop();
    await env.cleanup();
    for (const dir of hubDirs) rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
