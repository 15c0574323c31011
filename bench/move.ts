// node --import tsx bench/move.ts: how fast `npm run admin -- move-to-postgres` moves a park. A park's SQLite file is
// filled through the real app (POST /api/statements, Ruyi's own statements of whole visits, 200 a request; 100,000 by
// default, RUYI_BENCH_MOVE_COUNT to change), then moved into a fresh database of a durable PostgreSQL cluster (fsync
// on) started for the run. Prints statements/s of the move (verification included) and checks the copy's count.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moveToPostgres } from '../kiosk-server/src/database/move.ts';
import { DB_FILE } from '../kiosk-server/src/plugins/db.ts';
import { startPostgres } from '../kiosk-server/src/storage/test-postgres.ts';
import { createTestEnv } from '../kiosk-server/src/test-support/test-app.ts';
import { mib, thousands, visitTexts } from './server-bench.ts';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';

/**
 * CPU seconds the cluster's processes have used: the postmaster, its live children, and (through the postmaster's
 * cutime/cstime) the backends that have exited. Linux only (/proc); ticks of 100 Hz.
 */
function postgresCpuSeconds(clusterDir: string): number {
  const postmaster = Number(readFileSync(join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = (pid: number, withChildren: boolean) => {
    // Fields after the command name (which may hold spaces): utime is the 14th field of the line, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return withChildren ? own + Number(fields[13]) + Number(fields[14]) : own;
  };
  let total = ticks(postmaster, true);
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  for (const child of children) {
    try {
      total += ticks(child, false);
    } catch {
      // exited meanwhile: counted in the postmaster's cutime once reaped
    }
  }
  return total / 100;
}

const COUNT = Number(process.env.RUYI_BENCH_MOVE_COUNT ?? 100_000);
const PER_REQUEST = 200; // the device route takes at most 200 a request

async function main(): Promise<number> {
  const env = createTestEnv({
    config: {
      floor: {
        device: { statementsPerMinute: 100_000_000, bytesPerMinute: 2 ** 40, statementBytes: 64 * 1024 },
        xapi: { statementsPerMinute: 100_000_000, bytesPerMinute: 2 ** 40, statementBytes: 64 * 1024 },
        diskFloorBytes: 0,
      },
    },
  });
  const server = await startPostgres({ durable: true, database: 'ruyi_move_bench' });
  try {
    // RUYI_BENCH_MOVE_SOURCE: a file filled by an earlier run (kept there after filling), to measure the move again
    // without filling again.
    const kept = process.env.RUYI_BENCH_MOVE_SOURCE;
    let file = join(env.config.dataDir, DB_FILE);
    if (kept && existsSync(kept)) {
      file = kept;
      console.log(`using ${kept} (${mib(statSync(kept).size)})`);
    } else {
      const app = await env.start();
      const visits = visitTexts({ contentDir: env.config.contentDir, base: env.config.xapi.base, parkIri: env.config.xapi.parkIri });
      const fillStart = performance.now();
      let pending: string[] = [];
      for (let sent = 0; sent < COUNT; ) {
        while (pending.length < PER_REQUEST) pending.push(...visits.nextVisit());
        const batch = pending.splice(0, Math.min(PER_REQUEST, COUNT - sent));
        const res = await app.inject({ method: 'POST', url: '/api/statements', headers: { 'content-type': 'application/json' }, payload: `[${batch.join(',')}]` });
        if (res.statusCode !== 200) throw new Error(`filling failed at ${sent}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        sent += batch.length;
      }
      await app.close();
      console.log(`filled ${thousands(COUNT)} statements through the app in ${((performance.now() - fillStart) / 1000).toFixed(1)} s (${mib(statSync(file).size)} file)`);
      if (kept) copyFileSync(file, kept);
    }
    const counter = new Database(file, { readonly: true });
    const expected = counter.prepare('SELECT count(*) FROM statements').pluck().get() as number;
    counter.close();

    const pgBefore = postgresCpuSeconds(server.dir);
    const nodeBefore = process.cpuUsage();
    const result = await moveToPostgres({ sqliteFile: file, databaseUrl: server.url });
    const nodeUsed = process.cpuUsage(nodeBefore);
    const nodeSeconds = (nodeUsed.user + nodeUsed.system) / 1e6;
    const pgSeconds = postgresCpuSeconds(server.dir) - pgBefore;
    const client = new pg.Client(server.url);
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n, pg_size_pretty(pg_database_size(current_database())) AS size FROM statements');
    await client.end();
    console.log(
      `moved ${thousands(result.statements)} statements (seq ${result.firstSeq}–${result.lastSeq}) into durable PostgreSQL in ${result.seconds.toFixed(1)} s: ` +
        `${thousands(result.statements / result.seconds)} statements/s, verified; database ${rows[0].size}`,
    );
    // The machine may be shared: CPU time says what the move costs whatever else runs. Both processes work at once
    // (one batch in flight), so on an idle machine with two cores the wall time lies between the larger and the sum.
    console.log(
      `CPU: this process ${nodeSeconds.toFixed(1)} s, PostgreSQL ${pgSeconds.toFixed(1)} s; ` +
        `${thousands(result.statements / (nodeSeconds + pgSeconds))} statements per CPU-second of both (load average ${loadavg()[0]!.toFixed(1)})`,
    );
    for (const t of result.tables) if (t.rows) console.log(`  ${t.table}: ${thousands(t.rows)}`);
    if (rows[0].n !== expected) {
      console.error(`the target holds ${rows[0].n} statements, expected ${expected}`);
      return 1;
    }
    return 0;
  } finally {
    await env.cleanup();
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
