// npm run bench -- floor: what one address on the park LAN can do to a kiosk-server with nothing but HTTP. Every case
// starts its own real server process (kiosk-server/src/server.ts on 127.0.0.1, a fresh data folder, the test content),
// so one case's disk, budget or lockout never weighs on the next, and every loop is bounded in count and in time:
//   flood     POST /api/statements for RUYI_BENCH_FLOOR_SECONDS (30) from 1 and from 10 keep-alive connections, with
//             batches of whole visits (up to 200 small, valid Ruyi statements) and with single ~1 MiB statements (junk in
//             context.extensions); then the rows and body bytes in the SQLite file and the data folder's growth;
//   forged    visits of four statements (launched, initialized, completed and passed with raw = max = 1) and nothing
//             behind them: how many of RUYI_BENCH_FLOOR_VISITS (2,000) are stored, and whether statistics count them;
//   tokens    1,000 requests to the device route with made-up device tokens (Bearer): refused how, and limited?
//   login     200 wrong admin passwords in parallel (the password set with the admin CLI first): checked (401) vs
//             refused before hashing (429, 503), and the latency of the app's main script and /api/health meanwhile;
//   memory    the server's VmRSS before and at peak under 40 parallel 16 MiB bodies to /xapi/statements?method=POST
//             (the alternate request syntax) with made-up credentials: forms with the key in the form, forms with
//             the key in an Authorization header, and multipart (one server, rounds in that order);
//   streams   up to 2,000 /api/content/events streams (accepted vs refused), and /api/health latency while they are open.
// Everything is counted by what came back (a status, or a network error such as ECONNRESET), never assumed.
// The server gets this process's environment, so a server setting (e.g. who is exempt from enrollment) can be set for
// a run: RUYI_* variables that the bench does not set itself are listed at the top of the output.
import Database from 'better-sqlite3';
import type { Statement } from '@ruyi/xapi';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_FILE } from '../kiosk-server/src/plugins/db.ts';
import { PASSWORD, runSetPassword } from '../kiosk-server/src/test-support/admin.ts';
import { newVisit, oneOfEach, records } from '../kiosk-server/src/test-support/fixture-content.ts';
import { statementSource, toStatements } from '../kiosk-server/src/test-support/statements.ts';
import { createTestEnv } from '../kiosk-server/src/test-support/test-app.ts';
import { folderBytes, percentile, startServerProcess, thousands, visitTexts, type ServerProcess } from './server-bench.ts';

const SECONDS = Number(process.env.RUYI_BENCH_FLOOR_SECONDS ?? 30);
const VISITS = Number(process.env.RUYI_BENCH_FLOOR_VISITS ?? 2000);
/** RUYI_BENCH_FLOOR_CASES=flood,login: only the cases whose names hold one of these words. */
const ONLY = process.env.RUYI_BENCH_FLOOR_CASES?.split(',').map((w) => w.trim()).filter(Boolean);
const GUESSES = 200;
const TOKEN_GUESSES = 1000;
/** Guesses still unanswered after this are counted as 'timeout' (still queued for hashing). */
const GUESS_SECONDS = Number(process.env.RUYI_BENCH_FLOOR_GUESS_SECONDS ?? 30);
const BIG_BODIES = 40;
const STREAMS = Number(process.env.RUYI_BENCH_FLOOR_STREAMS ?? 2000);
/** The device route's batch limit today; a larger batch is the flooder's best case if it is still accepted. */
const SMALL_BATCH = 200;
/** Just under the device route's 1 MiB body limit. */
const BIG_STATEMENT_BYTES = 1024 * 1024 - 4096;
const SIXTEEN_MIB = 16 * 1024 * 1024 - 1024;
const PROBE_TIMEOUT_MS = 20_000;

const REPO = fileURLToPath(new URL('..', import.meta.url));
const MADE_UP = `Basic ${Buffer.from('made-up-key:made-up-secret').toString('base64')}`;

// --- HTTP, counted by outcome ---

type Outcome = number | string;

interface Answer {
  status: Outcome;
  ms: number;
  headers?: IncomingMessage['headers'];
  body?: string;
}

interface Send {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: Agent | false;
  timeoutMs?: number;
  /** Keep the answer's text (small answers only). */
  keepBody?: boolean;
}

/** One request; resolves with its status or the network error's code (never rejects). */
function send({ url, method = 'GET', headers = {}, body, agent = false, timeoutMs = 30_000, keepBody = false }: Send): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: Outcome, res?: IncomingMessage, text?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, ms: performance.now() - start, headers: res?.headers, body: text });
    };
    const req = request(
      url,
      { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        if (keepBody) res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        else res.resume();
        res.on('end', () => finish(res.statusCode!, res, text));
        res.on('error', () => finish(res.statusCode!, res, text));
      },
    );
    const timer = setTimeout(() => {
      finish('timeout');
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    req.end(body);
  });
}

class Tally {
  readonly counts = new Map<Outcome, number>();
  add(outcome: Outcome, n = 1) {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + n);
  }
  get(outcome: Outcome) {
    return this.counts.get(outcome) ?? 0;
  }
  get total() {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  toString() {
    return [...this.counts.entries()]
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([k, v]) => `${k}×${thousands(v)}`)
      .join(' ');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests `path` every `everyMs` on a fresh connection each (as a visitor's browser would open one) until stopped. */
function probe(base: string, path: string, everyMs = 100) {
  const latencies: number[] = [];
  const failures = new Tally();
  let stopped = false;
  const loop = (async () => {
    for (let i = 0; i < 5000 && !stopped; i++) {
      const answer = await send({ url: `${base}${path}`, timeoutMs: PROBE_TIMEOUT_MS });
      if (answer.status === 200) latencies.push(answer.ms);
      else failures.add(answer.status);
      if (!stopped) await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      latencies.sort((a, b) => a - b);
      return { latencies, failures };
    },
  };
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : v < 10 ? `${v.toFixed(1)} ms` : v < 10_000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
/** A probe that timed out waited PROBE_TIMEOUT_MS at least: it shows in the max as '>20 s'. */
function latency({ latencies, failures }: { latencies: number[]; failures: Tally }) {
  const failed = failures.total ? ` (not 200: ${failures})` : '';
  const max = failures.get('timeout') ? `>${PROBE_TIMEOUT_MS / 1000} s` : ms(latencies.at(-1) ?? NaN);
  return `p50 ${ms(percentile(latencies, 0.5))} max ${max} n=${latencies.length + failures.total}${failed}`;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

// --- The server under test ---

interface Setup {
  root: string;
  contentDir: string;
  appDir: string;
  base: string;
  parkIri: string;
}

interface Server extends ServerProcess {
  dataDir: string;
}

/** Servers still running: killed if this process ends early, so none outlives the bench. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
// The whole run is bounded too: a case that hangs past this ends the bench (and its servers) with exit code 1.
setTimeout(() => {
  console.error('floor bench: still running after 15 minutes; stopping');
  process.exit(1);
}, 15 * 60_000).unref();

/** A fresh data folder (with the admin password set through the CLI, when asked) and a server process on it. */
async function startServer(setup: Setup, { password = false } = {}): Promise<Server> {
  const dataDir = mkdtempSync(join(setup.root, 'data-'));
  if (password) {
    const set = await runSetPassword(dataDir, `${PASSWORD}\n`);
    if (set.code !== 0) throw new Error(`admin set-password failed (${set.code}): ${set.stderr}`);
  }
  const server = await startServerProcess({
    RUYI_DATA_DIR: dataDir,
    RUYI_CONTENT_DIR: setup.contentDir,
    RUYI_APP_DIR: setup.appDir,
    RUYI_XAPI_BASE: setup.base,
    RUYI_PARK_IRI: setup.parkIri,
  });
  live.add(server.process);
  const health = await send({ url: `${server.url}/api/health` });
  if (health.status !== 200) console.log(`  (note: /api/health answered ${health.status} right after start)`);
  return { ...server, dataDir };
}

/** SIGTERM, and SIGKILL if it has not ended within 3 s (a server busy hashing would finish those requests first). */
async function stopServer(server: Server) {
  const kill = setTimeout(() => server.process.kill('SIGKILL'), 3000);
  await server.stop();
  clearTimeout(kill);
  live.delete(server.process);
  rmSync(server.dataDir, { recursive: true, force: true });
}

function rss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Rows and body bytes in the server's SQLite file (read while it runs, as a second process may). */
function stored(dataDir: string): { rows: number; bytes: number } {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT COUNT(*) AS rows, COALESCE(SUM(LENGTH(CAST(body AS BLOB))), 0) AS bytes FROM statements').get() as { rows: number; bytes: number };
    return row;
  } finally {
    db.close();
  }
}

const rows: string[][] = [];
const row = (...cells: string[]) => {
  rows.push(cells);
  console.log(`  ${cells.join(' | ')}`);
};

// --- 1. Flooding the device route ---

async function flood(setup: Setup, kind: 'small' | 'big', connections: number) {
  const server = await startServer(setup);
  try {
    const before = folderBytes(server.dataDir);
    const source = statementSource({ contentDir: setup.contentDir, xapi: { base: setup.base, parkIri: setup.parkIri } });
    let body: () => string;
    let label: string;
    if (kind === 'small') {
      // Whole visits (the fixture's own, as the app makes them, with fresh ids each), as many as fit a batch: a run's
      // end travels with its steps, so a server that checks a run's evidence in the batch sees all of it.
      const visits = visitTexts({ contentDir: setup.contentDir, base: setup.base, parkIri: setup.parkIri });
      const perBatch = Math.max(1, Math.floor(SMALL_BATCH / visits.perVisit));
      body = () => `[${Array.from({ length: perBatch }, () => visits.nextVisit().join(',')).join(',')}]`;
      label = `${perBatch} visits (${perBatch * visits.perVisit} statements)/request`;
    } else {
      // A visit's 'launched' statement, valid in every other way, with one junk extension bringing it near 1 MiB.
      const [launched] = toStatements(source, [records.visitStart(newVisit())]) as [Statement];
      const { id: _id, ...rest } = launched;
      const context = { ...(rest.context ?? {}), extensions: { ...(rest.context?.extensions ?? {}), 'https://example.org/junk': '' } };
      const template = JSON.stringify({ ...rest, context });
      const junk = 'x'.repeat(BIG_STATEMENT_BYTES - template.length - 60);
      const withJunk = template.replace('"https://example.org/junk":""', `"https://example.org/junk":"${junk}"`).slice(1);
      body = () => `[{"id":"${randomUUID()}",${withJunk}]`;
      label = `1 × ~1 MiB (junk extension)/request`;
    }
    const agent = new Agent({ keepAlive: true, maxSockets: connections });
    const tally = new Tally();
    const refusals = new Map<Outcome, string>();
    const headers = { 'content-type': 'application/json' };
    const start = performance.now();
    const end = start + SECONDS * 1000;
    const half = start + (SECONDS * 1000) / 2;
    let requests = 0;
    let sentBytes = 0;
    // Statements acknowledged in the second half: the sustained pace, once a budget's first minute (a full bucket)
    // is spent; the whole run's count would overstate a per-minute budget.
    let lateStored = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end && requests < 1_000_000) {
          const text = body();
          requests++;
          sentBytes += Buffer.byteLength(text);
          const answer = await send({ url: `${server.url}/api/statements`, method: 'POST', headers, body: text, agent, keepBody: true });
          tally.add(answer.status);
          if (answer.status === 200 && performance.now() >= half) lateStored += (JSON.parse(answer.body!) as { stored: number }).stored;
          if (answer.status !== 200 && !refusals.has(answer.status)) refusals.set(answer.status, (answer.body ?? '').slice(0, 160));
        }
      }),
    );
    agent.destroy();
    const { rows: count, bytes } = stored(server.dataDir);
    const growth = folderBytes(server.dataDir) - before;
    row(
      `flood ${label}, ${connections} conn`,
      `${thousands(requests)} requests (${mb(sentBytes)}): ${tally}`,
      `stored ${thousands(count)} statements in ${SECONDS} s (2nd half at ${thousands((lateStored * 120) / SECONDS)}/min), bodies ${mb(bytes)}, file +${mb(growth)}`,
    );
    for (const [status, text] of refusals) console.log(`    ${status}: ${text.replace(/\s+/g, ' ')}`);
  } finally {
    await stopServer(server);
  }
}

// --- 2. Forged visits ---

async function forged(setup: Setup) {
  // With a staff password, so the statistics (staff only) can be read back after the flood.
  const server = await startServer(setup, { password: true });
  try {
    const source = statementSource({ contentDir: setup.contentDir, xapi: { base: setup.base, parkIri: setup.parkIri } });
    const visit = () => {
      const v = newVisit();
      return JSON.stringify(toStatements(source, [records.visitStart(v), records.scenarioStart(v), records.scenarioEnd(v, 1, 1)]));
    };
    const sample = JSON.parse(visit()) as Statement[];
    if (sample.length !== 4) throw new Error(`a forged visit should be 4 statements, got ${sample.length}`);
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    const tally = new Tally();
    let firstRefusal = '';
    let sent = 0;
    const start = performance.now();
    const end = start + 15_000;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (sent < VISITS && performance.now() < end) {
          sent++;
          const answer = await send({ url: `${server.url}/api/statements`, method: 'POST', headers: { 'content-type': 'application/json' }, body: visit(), agent, keepBody: true });
          tally.add(answer.status);
          if (answer.status !== 200 && !firstRefusal) firstRefusal = `${answer.status} ${answer.body?.slice(0, 160) ?? ''}`;
        }
      }),
    );
    const elapsed = performance.now() - start;
    agent.destroy();
    const login = await send({ url: `${server.url}/api/admin/session`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }), keepBody: true });
    const token = login.status === 200 ? (JSON.parse(login.body!) as { token: string }).token : '';
    const stats = await send({ url: `${server.url}/api/stats/summary`, headers: { authorization: `Bearer ${token}` }, keepBody: true });
    let counted = `stats ${stats.status}`;
    if (stats.status === 200) counted = `statistics count ${thousands((JSON.parse(stats.body!) as { completedScenarios: number }).completedScenarios)} completed scenarios`;
    const { rows: count } = stored(server.dataDir);
    row(
      `forged visits (4 statements, raw = max = 1)`,
      `${thousands(sent)} sent in ${(elapsed / 1000).toFixed(1)} s: ${tally}`,
      `accepted ${thousands(tally.get(200))} of ${thousands(sent)}; ${thousands(count)} rows; ${counted}`,
    );
    if (firstRefusal) console.log(`    first refusal: ${firstRefusal.replace(/\s+/g, ' ')}`);
  } finally {
    await stopServer(server);
  }
}

/** Made-up device tokens (random, in the form a device would send one) on the device route: is guessing limited? */
async function tokens(setup: Setup) {
  const server = await startServer(setup);
  try {
    const source = statementSource({ contentDir: setup.contentDir, xapi: { base: setup.base, parkIri: setup.parkIri } });
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    const tally = new Tally();
    const samples = new Map<Outcome, string>();
    let sent = 0;
    const start = performance.now();
    const end = start + 10_000;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (sent < TOKEN_GUESSES && performance.now() < end) {
          sent++;
          const body = JSON.stringify(toStatements(source, [records.visitStart(newVisit())]));
          const headers = { 'content-type': 'application/json', authorization: `Bearer ${randomBytes(32).toString('base64url')}` };
          const answer = await send({ url: `${server.url}/api/statements`, method: 'POST', headers, body, agent, keepBody: true });
          tally.add(answer.status);
          if (!samples.has(answer.status)) samples.set(answer.status, (answer.body ?? '').slice(0, 160));
        }
      }),
    );
    agent.destroy();
    row(`${thousands(TOKEN_GUESSES)} made-up device tokens on /api/statements`, `${tally} in ${((performance.now() - start) / 1000).toFixed(1)} s`, `stored ${thousands(stored(server.dataDir).rows)} statements`);
    for (const [status, text] of samples) if (status !== 200 && text) console.log(`    ${status}: ${text.replace(/\s+/g, ' ')}`);
  } finally {
    await stopServer(server);
  }
}

// --- 3. Parallel password guesses ---

function mainScript(appDir: string): string | null {
  const assets = join(appDir, 'assets');
  if (!existsSync(assets)) return null;
  const scripts = readdirSync(assets).filter((f) => /^index-.*\.js$/.test(f));
  return scripts.length ? `/assets/${scripts.sort((a, b) => statSync(join(assets, b)).size - statSync(join(assets, a)).size)[0]}` : null;
}

async function guesses(setup: Setup) {
  const server = await startServer(setup, { password: true });
  try {
    const script = mainScript(setup.appDir) ?? '/';
    const idle = await send({ url: `${server.url}${script}` });
    const scriptProbe = probe(server.url, script);
    const healthProbe = probe(server.url, '/api/health');
    const agent = new Agent({ keepAlive: false, maxSockets: GUESSES });
    const tally = new Tally();
    let retryAfter = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: GUESSES }, async (_, i) => {
        const answer = await send({
          url: `${server.url}/api/admin/session`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password: `wrong guess number ${i}` }),
          agent,
          timeoutMs: GUESS_SECONDS * 1000,
        });
        tally.add(answer.status);
        const after = Number(answer.headers?.['retry-after']);
        if (answer.status === 429 && Number.isFinite(after)) retryAfter = Math.max(retryAfter, after);
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const [scriptLatency, healthLatency] = [await scriptProbe.stop(), await healthProbe.stop()];
    agent.destroy();
    const checked = tally.get(401);
    // Refused guesses must wait Retry-After: an attacker's minute holds one burst per (burst + wait).
    const window = elapsed + retryAfter;
    row(
      `${GUESSES} wrong passwords in parallel`,
      `${tally} in ${elapsed.toFixed(1)} s${retryAfter ? ` (Retry-After ${retryAfter} s)` : ''}`,
      `checked ${checked} → ≈ ${thousands((checked * 60) / Math.max(window, 1e-3))} guesses checked/min`,
    );
    row(`  meanwhile ${script} (${ms(idle.ms)} idle)`, latency(scriptLatency), '');
    row(`  meanwhile /api/health`, latency(healthLatency), '');
  } finally {
    await stopServer(server);
  }
}

// --- 4. Memory under unauthenticated 16 MiB bodies ---

async function bigBodies(setup: Setup) {
  const server = await startServer(setup);
  try {
    // Forms first: they are refused at 1 MiB today, so they leave the heap as it was for the multipart round.
    for (const kind of ['form', 'form with header key', 'multipart'] as const) await bigBodyRound(server, kind);
  } finally {
    await stopServer(server);
  }
}

async function bigBodyRound(server: Server, kind: 'multipart' | 'form' | 'form with header key') {
  const pid = server.process.pid!;
  await sleep(500);
  const before = rss(pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, rss(pid));
      await sleep(20);
    }
  })();
  let payload: Buffer;
  let headers: Record<string, string>;
  if (kind === 'multipart') {
    const boundary = 'floorbench';
    const head = `--${boundary}\r\nContent-Type: application/json\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    payload = Buffer.alloc(SIXTEEN_MIB, 'a');
    payload.write(head, 0);
    payload.write(tail, SIXTEEN_MIB - tail.length);
    headers = { 'content-type': `multipart/mixed; boundary=${boundary}`, authorization: MADE_UP, 'x-experience-api-version': '1.0.3' };
  } else if (kind === 'form') {
    const head = `Authorization=${encodeURIComponent(MADE_UP)}&X-Experience-API-Version=1.0.3&Content-Type=application%2Fjson&content=`;
    payload = Buffer.alloc(SIXTEEN_MIB, 'a');
    payload.write(head, 0);
    headers = { 'content-type': 'application/x-www-form-urlencoded' };
  } else {
    payload = Buffer.alloc(SIXTEEN_MIB, 'a');
    payload.write('X-Experience-API-Version=1.0.3&Content-Type=application%2Fjson&content=', 0);
    headers = { 'content-type': 'application/x-www-form-urlencoded', authorization: MADE_UP };
  }
  const tally = new Tally();
  const samples = new Map<Outcome, string>();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: BIG_BODIES }, async () => {
      const answer = await send({ url: `${server.url}/xapi/statements?method=POST`, method: 'POST', headers, body: payload, timeoutMs: 60_000, keepBody: true });
      tally.add(answer.status);
      if (!samples.has(answer.status)) samples.set(answer.status, (answer.body ?? '').slice(0, 160));
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await sleep(300);
  sampling = false;
  await sampler;
  const after = rss(pid);
  row(
    `${BIG_BODIES} × 16 MiB ${kind} to /xapi/statements?method=POST, made-up key`,
    `${tally} in ${elapsed.toFixed(1)} s`,
    `server RSS ${mb(before)} → peak ${mb(peak)} (after ${mb(after)})`,
  );
  for (const [status, text] of samples) if (text) console.log(`    ${status}: ${text.replace(/\s+/g, ' ')}`);
}

// --- 5. Event streams ---

async function streams(setup: Setup) {
  const server = await startServer(setup);
  try {
    const idleHealth = probe(server.url, '/api/health', 50);
    await sleep(1000);
    const idle = await idleHealth.stop();
    const open: IncomingMessage[] = [];
    const sockets: { destroy(): void }[] = [];
    const tally = new Tally();
    const openOne = () =>
      new Promise<void>((resolve) => {
        let settled = false;
        const settle = (outcome: Outcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          tally.add(outcome);
          resolve();
        };
        const req = request(`${server.url}/api/content/events`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
          res.resume();
          if (res.statusCode === 200) open.push(res);
          settle(res.statusCode!);
        });
        sockets.push(req);
        const timer = setTimeout(() => {
          settle('timeout');
          req.destroy();
        }, 10_000);
        req.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
        req.end();
      });
    const start = performance.now();
    const end = start + 60_000;
    for (let i = 0; i < STREAMS && performance.now() < end; i += 100) {
      await Promise.all(Array.from({ length: Math.min(100, STREAMS - i) }, openOne));
    }
    const opening = (performance.now() - start) / 1000;
    await sleep(500);
    const stillOpen = open.filter((res) => !res.complete && !res.destroyed).length;
    const loaded = probe(server.url, '/api/health', 100);
    await sleep(3000);
    const health = await loaded.stop();
    for (const s of sockets) s.destroy();
    row(
      `${thousands(tally.total)} /api/content/events streams`,
      `${tally} in ${opening.toFixed(1)} s`,
      `accepted ${thousands(tally.get(200))}, still open ${thousands(stillOpen)}`,
    );
    row(`  /api/health idle`, latency(idle), '');
    row(`  /api/health with the streams open`, latency(health), '');
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<number> {
  const env = createTestEnv();
  const { base, parkIri } = env.config.xapi;
  const builtApp = join(REPO, 'apps/kiosk/dist');
  const appDir = process.env.RUYI_APP_DIR ?? (existsSync(join(builtApp, 'index.html')) ? builtApp : env.config.appDir);
  const setup: Setup = { root: env.root, contentDir: env.config.contentDir, appDir, base, parkIri };
  const own = new Set(['RUYI_DATA_DIR', 'RUYI_CONTENT_DIR', 'RUYI_APP_DIR', 'RUYI_LOG_LEVEL']);
  const settings = Object.entries(process.env).filter(([k]) => k.startsWith('RUYI_') && !own.has(k) && !k.startsWith('RUYI_BENCH_'));
  console.log(
    `one address (127.0.0.1), a fresh server process per case; server settings from the environment: ${settings.length ? settings.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ') : 'none (defaults)'}`,
  );
  console.log(`app files: ${appDir}${mainScript(appDir) ? '' : ' (no built app: the static-file probe asks for /)'}`);
  const t0 = performance.now();
  let failed = 0;
  try {
    // A case that fails (a server that does not start, say) is a row of the table; the others still run.
    const attempt = async (name: string, run: () => Promise<void>) => {
      if (ONLY && !ONLY.some((word) => name.includes(word))) return;
      try {
        await run();
      } catch (error) {
        failed++;
        row(name, `FAILED: ${(error as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`, '');
      }
    };
    for (const kind of ['small', 'big'] as const)
      for (const connections of [1, 10]) await attempt(`flood ${kind}, ${connections} conn`, () => flood(setup, kind, connections));
    await attempt('forged: forged visits', () => forged(setup));
    await attempt('tokens: made-up device tokens', () => tokens(setup));
    await attempt('login: wrong passwords', () => guesses(setup));
    await attempt('memory: 16 MiB bodies', () => bigBodies(setup));
    await attempt('streams: event streams', () => streams(setup));
  } finally {
    await env.cleanup();
  }
  rows.unshift(['case', 'answers (by status or network error)', 'figures']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log(`\nthe park floor from one address (${SECONDS} s floods; ${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  return failed ? 1 : 0;
}

process.exitCode = await main();
