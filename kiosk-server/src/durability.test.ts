// "A 2xx means it is on disk", tested the hard way: a real kiosk-server process under load is killed with SIGKILL
// (no chance to flush or close anything). After it, every batch the server acknowledged is in the SQLite file, every
// batch is either wholly there or not at all, the file passes SQLite's integrity check, and the restarted server goes on
// serving. Settings that make it so: WAL journal with synchronous = FULL (each commit is fsynced before the 2xx), and
// one transaction per batch (plugins/db.ts, records/repository.ts).
import type { VisitRecord } from '@ruyi/records';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { newVisit, oneOfEach } from './test-support/fixture-content.ts';
import { createTestEnv, type TestEnv } from './test-support/test-app.ts';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

let env: TestEnv | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await env?.cleanup();
  env = undefined;
});

/** Starts the real server as its own process; resolves with its base URL once it listens. */
async function startServer(testEnv: TestEnv): Promise<{ process: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      RUYI_DATA_DIR: testEnv.config.dataDir,
      RUYI_CONTENT_DIR: testEnv.config.contentDir,
      RUYI_APP_DIR: testEnv.config.appDir,
      RUYI_LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = proc;
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
  return { process: proc, url };
}

const post = (url: string, records: VisitRecord[]) =>
  fetch(`${url}/api/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records }) });

describe('durability', () => {
  it('every acknowledged batch survives SIGKILL mid-load, and no batch is half-written', { timeout: 60_000 }, async () => {
    env = createTestEnv();
    const { process: server, url } = await startServer(env);

    const sent: VisitRecord[][] = [];
    const acknowledged: VisitRecord[][] = [];
    let stop = false;
    // Four clients, each posting batches of 21 records (three whole visits) as fast as the server answers.
    const client = async () => {
      while (!stop) {
        const batch = [...oneOfEach(newVisit()), ...oneOfEach(newVisit()), ...oneOfEach(newVisit())];
        sent.push(batch);
        try {
          const res = await post(url, batch);
          if (res.ok) acknowledged.push(batch);
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = [client(), client(), client(), client()];
    // Kill it in the middle of the load, once a good number of batches went through.
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    server.kill('SIGKILL');
    await once(server, 'exit');
    stop = true;
    await Promise.all(clients);
    expect(server.signalCode).toBe('SIGKILL');

    const db = env.openDb();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT id FROM records').pluck().all() as string[]));
    for (const batch of acknowledged) for (const r of batch) expect(stored.has(r.id), `acknowledged record ${r.id}`).toBe(true);
    // Every batch is all or nothing: in flight at the kill, a batch may be missing, never partly stored.
    const partial = sent.filter((b) => {
      const n = b.filter((r) => stored.has(r.id)).length;
      return n !== 0 && n !== b.length;
    });
    expect(partial).toEqual([]);
    expect(stored.size % 21).toBe(0);
    db.close();

    // Restarted on the same file, the server serves, and a kiosk resending what it never heard back about is
    // stored once.
    const restarted = await startServer(env);
    const unanswered = sent.filter((b) => !acknowledged.includes(b));
    for (const batch of [...unanswered, acknowledged[0]!]) expect((await post(restarted.url, batch)).status).toBe(200);
    const after = env.openDb();
    expect(after.prepare('SELECT COUNT(*) FROM records').pluck().get()).toBe(sent.length * 21);
    restarted.process.kill('SIGTERM');
    await once(restarted.process, 'exit');
  });
});
