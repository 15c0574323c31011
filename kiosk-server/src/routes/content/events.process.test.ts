// Content event streams against the real server process: a thousand streams from one address must neither exhaust
// the server nor keep the park from answering. Everything runs on loopback addresses of this machine.
import { request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../test-support/server-process.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

interface Opened {
  status: number;
  retryAfter?: string;
  body?: string;
  close(): void;
}

/** GET from a chosen loopback address on a socket of its own; a 200 stream stays open until close(). */
function get(url: string, localAddress: string, timeoutMs = 15_000): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress, agent: false, timeout: timeoutMs }, (res: IncomingMessage) => {
      const close = () => req.destroy();
      if (res.statusCode === 200 && res.headers['content-type']?.startsWith('text/event-stream')) {
        res.resume();
        resolve({ status: 200, close });
        return;
      }
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body, close }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** `count` stream requests from one address, `parallel` at a time (the listen backlog is finite). */
async function openMany(url: string, localAddress: string, count: number, parallel = 200): Promise<Opened[]> {
  const all: Opened[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, () => get(url, localAddress));
    all.push(...(await Promise.all(batch)));
  }
  return all;
}

/** /api/health from another address: its status and how long it took, in ms. */
async function health(base: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const answer = await get(`${base}/api/health`, '127.0.0.9');
  return { status: answer.status, ms: Math.round(performance.now() - started) };
}

const count = (opened: Opened[], status: number) => opened.filter((o) => o.status === status).length;

let env: TestEnv | undefined;
let server: ServerProcess | undefined;
const streams: Opened[] = [];
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await server?.stop();
  server = undefined;
  await env?.cleanup();
  env = undefined;
});

async function start(settings: Record<string, string>) {
  env = createTestEnv({ builtApp: true });
  server = await startServerProcess({
    RUYI_DATA_DIR: env.config.dataDir,
    RUYI_CONTENT_DIR: env.config.contentDir,
    RUYI_APP_DIR: env.config.appDir,
    RUYI_LOG_LEVEL: 'warn',
    ...settings,
  });
  const log: string[] = [];
  server.process.stdout!.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)));
  return { base: server.url, events: `${server.url}/api/content/events`, log };
}

const refusalLines = (log: string[]) => log.filter((line) => line.includes('content events: refused'));

describe('content event streams against the server process', { timeout: 60_000 }, () => {
  it('with the default caps, 1,000 stream requests from one address get 8 streams and 992 answers 429; the park still answers', async () => {
    const { base, events, log } = await start({});
    const [opened, during] = await Promise.all([openMany(events, '127.0.0.1', 1000), health(base)]);
    streams.push(...opened);
    const after = await health(base);
    console.log(`default caps: 1,000 stream requests from one address: ${count(opened, 200)} open, ${count(opened, 429)} refused (429); /api/health ${during.ms} ms during the burst, ${after.ms} ms with the streams open`);
    expect(count(opened, 200)).toBe(8);
    expect(count(opened, 429)).toBe(992);
    expect(opened.find((o) => o.status === 429)).toMatchObject({ retryAfter: '60' });
    expect(JSON.parse(opened.find((o) => o.status === 429)!.body!)).toMatchObject({ error: 'Too Many Requests' });
    expect(during.status).toBe(200);
    expect(after.status).toBe(200);
    // One line for the address, not 992.
    await expect.poll(() => refusalLines(log).length).toBe(1);
  });

  it('holds 1,000 open streams from one address and still answers /api/health; past a cap: 429 per address, 503 in total', async () => {
    const { base, events, log } = await start({ RUYI_EVENT_STREAMS_PER_ADDRESS: '1000', RUYI_EVENT_STREAMS_TOTAL: '1100' });
    const started = performance.now();
    const mine = await openMany(events, '127.0.0.1', 1000);
    streams.push(...mine);
    const openMs = Math.round(performance.now() - started);
    expect(count(mine, 200)).toBe(1000);

    const samples = [await health(base), await health(base), await health(base)];
    console.log(`1,000 open streams from one address (opened in ${openMs} ms): /api/health answered in ${samples.map((s) => `${s.ms} ms`).join(', ')}`);
    for (const s of samples) expect(s.status).toBe(200);

    const more = await openMany(events, '127.0.0.1', 5);
    expect(more.map((o) => o.status)).toEqual([429, 429, 429, 429, 429]);
    expect(more[0]!.retryAfter).toBe('60');

    // Another address gets the 100 the total leaves, and no more.
    const other = await openMany(events, '127.0.0.2', 105);
    streams.push(...other);
    expect(count(other, 200)).toBe(100);
    expect(count(other, 503)).toBe(5);
    expect(other.find((o) => o.status === 503)).toMatchObject({ retryAfter: '60' });
    const third = await get(events, '127.0.0.3');
    streams.push(third);
    expect(third.status).toBe(503);
    expect(JSON.parse(third.body!)).toMatchObject({ error: 'Service Unavailable', message: expect.stringMatching(/maximum of 1100 content event streams/) });

    const last = await health(base);
    console.log(`1,100 open streams (the total cap): /api/health answered in ${last.ms} ms`);
    expect(last.status).toBe(200);
    // One line for 127.0.0.1's five refusals and one for the six refused at the total.
    await expect.poll(() => refusalLines(log).length).toBe(2);
  });
});
