import type { Content } from '@ruyi/pack-schema';
import Fastify from 'fastify';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { createContentService } from '../../plugins/content.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';
import contentEvents, { STREAM_RETRY_AFTER_S } from './events.ts';

/** One stream over a plain socket from a chosen loopback address (127.0.0.0/8 is all this machine). */
function openFrom(url: string, localAddress: string) {
  return new Promise<{ res: IncomingMessage; body(): Promise<string>; close(): void }>((resolve, reject) => {
    const req = httpRequest(url, { localAddress, agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      resolve({
        res,
        body: async () => {
          let text = '';
          for await (const chunk of res) text += String(chunk);
          return text;
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads server-sent events from a real socket (app.inject cannot stream), one parsed block at a time. */
async function openStream(url: string) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  /** The next block (the lines up to a blank line), waiting up to `ms`. */
  async function nextBlock(ms = 2000): Promise<string> {
    const deadline = Date.now() + ms;
    while (!buffer.includes('\n\n')) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${ms} ms (got '${buffer}')`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), left))),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('the stream ended');
      buffer += chunk.value;
    }
    const end = buffer.indexOf('\n\n');
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return block;
  }
  /** The next `data:` event, parsed. */
  async function nextEvent(ms = 2000): Promise<{ id: string | undefined; data: unknown }> {
    for (;;) {
      const block = await nextBlock(ms);
      const lines = block.split('\n');
      const data = lines.find((l) => l.startsWith('data: '));
      if (data) return { id: lines.find((l) => l.startsWith('id: '))?.slice(4), data: JSON.parse(data.slice(6)) };
    }
  }
  return { response, nextBlock, nextEvent, close: () => abort.abort() };
}

const address = (app: { server: { address(): unknown } }) => {
  const a = app.server.address() as { port: number };
  return `http://127.0.0.1:${a.port}`;
};

describe('GET /api/content/events', () => {
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.cleanup();
    env = undefined;
  });

  it('sends the content version on connect and a new one after each reload', async () => {
    env = createTestEnv();
    const app: App = await env.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(`${address(app)}/api/content/events`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toContain('no-cache');
    expect(await stream.nextBlock()).toMatch(/^retry: \d+$/);
    const first = await stream.nextEvent();
    expect(first).toEqual({ id: '1', data: { version: 1 } });

    app.content.reload();
    expect(await stream.nextEvent()).toEqual({ id: '2', data: { version: 2 } });
    app.content.reload();
    expect((await stream.nextEvent()).data).toEqual({ version: 3 });

    // A second client gets the version in force, not a number of its own.
    const other = await openStream(`${address(app)}/api/content/events`);
    expect((await other.nextEvent()).data).toEqual({ version: 3 });
    other.close();
    stream.close();
  });

  it('lets the server close while a client is still connected', async () => {
    env = createTestEnv();
    const app = await env.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(`${address(app)}/api/content/events`);
    await stream.nextEvent();
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(stream.nextBlock()).rejects.toThrow(/ended|terminated|abort/i);
  });
});

describe('content events plugin', () => {
  it('pings every interval and stops listening to the content when the client goes away', async () => {
    const content = { park: null, packs: [], problems: [], warnings: [] } as unknown as Content;
    const service = createContentService(() => ({ ...content }));
    let listening = 0;
    const counted = {
      ...service,
      onChange(listener: (c: Content) => void) {
        listening++;
        const stop = service.onChange(listener);
        return () => {
          listening--;
          return stop();
        };
      },
    };
    // fetch() may leave a spare keep-alive connection that never carried a request: do not wait for it.
    const app = Fastify({ forceCloseConnections: true });
    app.decorate('content', counted);
    await app.register(contentEvents, { pingMs: 40 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const stream = await openStream(`${address(app)}/content/events`);
      await stream.nextEvent();
      expect(listening).toBe(1);
      expect(await stream.nextBlock(1000)).toBe(': ping');
      expect(await stream.nextBlock(1000)).toBe(': ping');
      stream.close();
      await expect.poll(() => listening, { timeout: 2000 }).toBe(0);
    } finally {
      await app.close();
    }
  });
});

describe('caps on content event streams', () => {
  it('refuses a stream past the cap per address with 429 and past the total with 503, each with Retry-After', async () => {
    const app = Fastify({ forceCloseConnections: true });
    app.decorate('content', createContentService(() => ({ park: null, packs: [], problems: [], warnings: [] }) as unknown as Content));
    await app.register(contentEvents, { perAddress: 2, total: 3 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address(app)}/content/events`;
    const opened: { close(): void }[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const s = await openFrom(url, '127.0.0.1');
        opened.push(s);
        expect(s.res.statusCode).toBe(200);
      }
      const third = await openFrom(url, '127.0.0.1');
      expect(third.res.statusCode).toBe(429);
      expect(third.res.headers['retry-after']).toBe(String(STREAM_RETRY_AFTER_S));
      const body = JSON.parse(await third.body()) as { error: string; message: string };
      expect(body.error).toBe('Too Many Requests');
      expect(body.message).toMatch(/too many content event streams from 127\.0\.0\.1: 2 are open, at most 2 per address/);

      // Another address has its own share, until the total is reached.
      const other = await openFrom(url, '127.0.0.2');
      opened.push(other);
      expect(other.res.statusCode).toBe(200);
      const full = await openFrom(url, '127.0.0.3');
      expect(full.res.statusCode).toBe(503);
      expect(full.res.headers['retry-after']).toBe(String(STREAM_RETRY_AFTER_S));
      expect(JSON.parse(await full.body())).toMatchObject({ error: 'Service Unavailable', message: expect.stringMatching(/maximum of 3 content event streams/) });

      // A stream that ends gives its place back.
      opened.shift()!.close();
      await expect
        .poll(async () => {
          const s = await openFrom(url, '127.0.0.1');
          if (s.res.statusCode === 200) opened.push(s);
          else await s.body();
          return s.res.statusCode;
        })
        .toBe(200);
    } finally {
      for (const s of opened) s.close();
      await app.close();
    }
  });

  it('logs refusals once per address per minute, with the count, not once per request', async () => {
    const lines: { msg: string; refused?: number }[] = [];
    const app = Fastify({
      forceCloseConnections: true,
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) } },
    });
    app.decorate('content', createContentService(() => ({ park: null, packs: [], problems: [], warnings: [] }) as unknown as Content));
    await app.register(contentEvents, { perAddress: 1, total: 100 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address(app)}/content/events`;
    const kept = await openFrom(url, '127.0.0.1');
    try {
      for (let i = 0; i < 20; i++) {
        const s = await openFrom(url, '127.0.0.1');
        expect(s.res.statusCode).toBe(429);
        await s.body();
      }
      const refusals = lines.filter((l) => /refused/.test(l.msg));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]!.msg).toMatch(/from 127\.0\.0\.1/);
      expect(refusals[0]!.refused).toBe(1);
    } finally {
      kept.close();
      await app.close();
    }
  });

  it('carries the security headers, and a short request timeout cuts a slow request but not an open stream', async () => {
    const env = createTestEnv({ config: { connections: { streamsPerAddress: 8, streamsTotal: 1000, maxConnections: null, requestTimeoutMs: 1000 } } });
    const app = await env.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(`${address(app)}/api/content/events`);
    try {
      expect(stream.response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(stream.response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      await stream.nextEvent();

      // A request whose body never comes: answered 408 and closed once the timeout (1 s) has passed.
      const port = (app.server.address() as { port: number }).port;
      const slow = connect(port, '127.0.0.1');
      slow.write('POST /api/admin/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      let answer = '';
      slow.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      const started = Date.now();
      await new Promise<void>((resolve) => slow.on('close', () => resolve()));
      const cutAfter = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(cutAfter).toBeGreaterThanOrEqual(900);

      // The stream, open for longer than the timeout, still delivers.
      app.content.reload();
      expect((await stream.nextEvent()).data).toEqual({ version: 2 });
    } finally {
      stream.close();
      await env.cleanup();
    }
  });
});
