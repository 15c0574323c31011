// GET /api/content/events: server-sent events that tell the kiosk app the content changed, so a pack saved during
// preview or installed by an admin reaches every kiosk without a reload. Each event is
//   id: <version>
//   data: {"version": <version>}
// where the version is a number that grows with each new content snapshot (it starts again when the server restarts,
// so a client refetches GET /api/content on every event, including the first one it gets after connecting).
// A comment line (": ping") every 25 s keeps proxies and the browser from dropping an idle stream.
import type { Content } from '@ruyi/pack-schema';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerResponse } from 'node:http';

export const PING_MS = 25_000;
/** How long a browser waits before reconnecting after the stream drops (the server restarted, a network blip). */
export const RETRY_MS = 2_000;

export interface ContentEventsOptions {
  /** Only tests pass a shorter ping interval. */
  pingMs?: number;
}

export interface ContentEvent {
  version: number;
}

const contentEvents: FastifyPluginAsync<ContentEventsOptions> = async (app, { pingMs = PING_MS }) => {
  // Every snapshot gets the next number the first time a stream sends it: the same snapshot is the same version on
  // every stream, whatever order the listeners run in.
  const versions = new WeakMap<Content, number>();
  let last = 0;
  const versionOf = (content: Content) => {
    let version = versions.get(content);
    if (version === undefined) versions.set(content, (version = ++last));
    return version;
  };
  const open = new Set<ServerResponse>();

  // Streams never end on their own: end them first, or closing the server would wait for them forever.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/content/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies buffer responses unless told not to.
      'x-accel-buffering': 'no',
    });
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const send = (content: Content) => {
      const event: ContentEvent = { version: versionOf(content) };
      write(`id: ${event.version}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    write(`retry: ${RETRY_MS}\n\n`);
    send(app.content.current());
    const unsubscribe = app.content.onChange(send);
    const ping = setInterval(() => write(': ping\n\n'), pingMs);
    open.add(res);
    // The response's 'close' fires when the client goes away as well as when we end it.
    res.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      open.delete(res);
    });
    request.log.debug('content events: client connected');
  });
};

export default contentEvents;
