import type { Content } from '@ruyi/pack-schema';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { createContentService } from '../../plugins/content.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';
import contentEvents from './events.ts';

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
