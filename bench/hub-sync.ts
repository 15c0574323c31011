// npm run bench -- sync: a park's kiosk-server forwards a large backlog (1,000,000 statements by default,
// RUYI_BENCH_SYNC_COUNT to change) to a city hub, both real: the kiosk-server is built in this process on its own SQLite
// file (filled through the LRS's store module, so the forwarder reads real stored rows), the hub is a separate server
// process in hub mode (its own core and file) with a kiosk client made for the park. Measured from the forwarder's start
// until the hub holds everything; then checked: the hub's count, no id lost, none stored twice, the hub's seq order equal
// to the kiosk's, and every body byte for byte what the kiosk stored. Exits 1 when a check fails.
import type { Statement } from '@ruyi/xapi';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../kiosk-server/src/app.ts';
import { DB_FILE, migrate, openDatabase } from '../kiosk-server/src/plugins/db.ts';
import { createTestEnv } from '../kiosk-server/src/test-support/test-app.ts';
import { createClientRegistry } from '../kiosk-server/src/xapi/clients.ts';
import { createStatementStore, type StatementItem } from '../kiosk-server/src/xapi/store.ts';
import { dbBytes, folderBytes, mib as mb, ruyiStatements, seconds, startServerProcess, type ServerProcess } from './server-bench.ts';

const COUNT = Number(process.env.RUYI_BENCH_SYNC_COUNT ?? 1_000_000);
const BATCH = Number(process.env.RUYI_BENCH_SYNC_BATCH ?? 200);
const FILL_TRANSACTION = 10_000;

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
  return meter;
}

async function main(): Promise<number> {
  const env = createTestEnv();
  const kioskConfig = env.config;
  const hubDir = mkdtempSync(join(tmpdir(), 'ruyi-bench-hub-'));
  console.log(`temp folders (removed at the end): ${env.root} ${hubDir}`);
  let hub: ServerProcess | undefined;
  let app: App | undefined;
  try {
    // The hub: its data folder with a kiosk client for this park, then the real server process in hub mode. The rate
    // limit is raised: the default (1200 requests/min per client) would pace a 1M backlog, not measure it.
    const hubDb = openDatabase(hubDir);
    migrate(hubDb);
    const client = createClientRegistry(hubDb).add('park-bench', 'kiosk');
    hubDb.close();
    hub = await startServerProcess({
      RUYI_MODE: 'hub',
      RUYI_DATA_DIR: hubDir,
      RUYI_CONTENT_DIR: kioskConfig.contentDir,
      RUYI_APP_DIR: kioskConfig.appDir,
      RUYI_XAPI_RATE_LIMIT: '1000000',
    });

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
    const kioskBytesBefore = folderBytes(kioskConfig.dataDir);
    console.log(`filled the kiosk-server with ${COUNT.toLocaleString('en')} statements in ${seconds(fillMs)} (${mb(kioskBytesBefore)} on disk)`);

    // The kiosk-server, forwarding to the hub as configured in a park (RUYI_SYNC_URL/KEY/SECRET/BATCH).
    kioskConfig.sync = { url: `${hub.url}/xapi/`, key: client.key, secret: client.secret, batchSize: BATCH };
    const meter = meterFetch();
    app = await buildApp(kioskConfig);
    // Progress is read from the ledger row, the forwarder's own durable cursor: what is delivered, not what it reports.
    const ledger = app.db.prepare<[], { cursor: number; stopped_reason: string | null }>('SELECT cursor, stopped_reason FROM sync_state');
    const lastSeq = app.db.prepare<[], number>('SELECT MAX(seq) FROM statements').pluck().get()!;
    const statusStart = performance.now();
    await app.sync.status();
    const statusMs = performance.now() - statusStart;
    const t0 = performance.now();
    await app.ready(); // starts the forwarder
    let lastReport = t0;
    for (;;) {
      const row = ledger.get();
      const cursor = row?.cursor ?? 0;
      if (cursor >= lastSeq) break;
      if (row?.stopped_reason) throw new Error(`the forwarder stopped: ${row.stopped_reason}`);
      const now = performance.now();
      if (now - lastReport > 15_000) {
        lastReport = now;
        console.log(`  ${seconds(now - t0)}: ${cursor.toLocaleString('en')} delivered (${Math.round(cursor / ((now - t0) / 1000)).toLocaleString('en')}/s)`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const syncMs = performance.now() - t0;
    const status = await app.sync.status();
    await app.close();
    app = undefined;
    await hub.stop();
    hub = undefined;

    // What the hub holds, compared row by row with the kiosk-server's store in seq order.
    const kiosk = new Database(join(kioskConfig.dataDir, DB_FILE), { readonly: true });
    const central = new Database(join(hubDir, DB_FILE), { readonly: true });
    const hubCount = central.prepare('SELECT COUNT(*) FROM statements').pluck().get() as number;
    const hubDistinct = central.prepare('SELECT COUNT(DISTINCT id) FROM statements').pluck().get() as number;
    const mine = kiosk.prepare('SELECT id, body FROM statements ORDER BY seq').iterate() as IterableIterator<{ id: string; body: string }>;
    const theirs = central.prepare('SELECT id, body FROM statements ORDER BY seq').iterate() as IterableIterator<{ id: string; body: string }>;
    let outOfOrder = 0;
    let bodyDiffers = 0;
    let missing = 0;
    for (const k of mine) {
      const h = theirs.next();
      if (h.done) {
        missing++;
        continue;
      }
      if (h.value.id !== k.id) outOfOrder++;
      else if (h.value.body !== k.body) bodyDiffers++;
    }
    const extra = theirs.next().done ? 0 : 1;
    theirs.return?.();
    const kioskCount = kiosk.prepare('SELECT COUNT(*) FROM statements').pluck().get() as number;
    kiosk.close();
    central.close();
    const hubBytes = folderBytes(hubDir);
    const kioskBytes = folderBytes(kioskConfig.dataDir);

    const rate = COUNT / (syncMs / 1000);
    const resent = meter.acknowledged - COUNT;
    console.log(`
hub sync of ${COUNT.toLocaleString('en')} statements (batch ${BATCH}, hub in its own process, loopback HTTP)
  time              ${seconds(syncMs)}
  rate              ${Math.round(rate).toLocaleString('en')} statements/s
  requests          ${meter.requests.toLocaleString('en')} (${meter.refused} not 200, ${meter.failed} network failures)
  bytes sent        ${mb(meter.bytes)} (${Math.round(meter.bytes / COUNT)} B/statement)
  acknowledged      ${meter.acknowledged.toLocaleString('en')} (resent: ${resent})
  forwarder         sent ${status.progress.sent.toLocaleString('en')} · quarantined ${status.quarantined} · last error ${status.lastError?.message ?? 'none'}
  admin status()    ${statusMs.toFixed(0)} ms with the whole backlog waiting (the admin page polls it)
  hub holds         ${hubCount.toLocaleString('en')} (${hubDistinct.toLocaleString('en')} distinct ids)
  lost / out of order / body changed   ${missing} / ${outOfOrder} / ${bodyDiffers}
  disk              kiosk ${mb(kioskBytes)} (${dbBytes(kioskConfig.dataDir)}) · hub ${mb(hubBytes)} (${dbBytes(hubDir)}) · fill ${seconds(fillMs)}`);

    const failures = [
      hubCount !== COUNT && `the hub holds ${hubCount}, expected ${COUNT}`,
      kioskCount !== COUNT && `the kiosk holds ${kioskCount}, expected ${COUNT}`,
      hubDistinct !== hubCount && `${hubCount - hubDistinct} ids stored twice`,
      extra && 'the hub holds statements the kiosk never had',
      missing && `${missing} statements missing at the hub`,
      outOfOrder && `${outOfOrder} statements out of order`,
      bodyDiffers && `${bodyDiffers} bodies differ from the kiosk's stored bytes`,
    ].filter(Boolean);
    for (const f of failures) console.error(`FAIL: ${f}`);
    return failures.length ? 1 : 0;
  } finally {
    await app?.close();
    await hub?.stop();
    await env.cleanup();
    rmSync(hubDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
