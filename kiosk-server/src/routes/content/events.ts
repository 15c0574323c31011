// GET /api/content/events: server-sent events that tell the kiosk app the content changed, so a pack saved during
// preview or installed by an admin reaches every kiosk without a reload. Each event is
//   id: <version>
//   data: {"version": <version>}
// where the version is a number that grows with each new content snapshot (it starts again when the server restarts,
// so a client refetches GET /api/content on every event, including the first one it gets after connecting).
// A comment line (": ping") every 25 s keeps proxies and the browser from dropping an idle stream.
// A stream holds a socket (a file descriptor) for as long as the client likes, so their number is capped per address
// (several kiosks may share one, behind a router) and in total; past a cap the answer is 429 or 503 with Retry-After.
import type { Content } from '@ruyi/pack-schema';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerResponse } from 'node:http';
import { errorBody } from '../../errors.ts';
import { createLogThrottle } from '../../plugins/log-throttle.ts';

export const PING_MS = 25_000;
/** How long a browser waits before reconnecting after the stream drops (the server restarted, a network blip). */
export const RETRY_MS = 2_000;

/** Retry-After (seconds) on a refused stream: a slot frees up only when another kiosk goes away. */
export const STREAM_RETRY_AFTER_S = 60;
export const DEFAULT_STREAMS_PER_ADDRESS = 8;
export const DEFAULT_STREAMS_TOTAL = 1000;

export interface ContentEventsOptions {
  /** Only tests pass a shorter ping interval. */
  pingMs?: number;
  /** Open streams allowed from one client address. */
  perAddress?: number;
  /** Open streams allowed in all. */
  total?: number;
}

export interface ContentEvent {
  version: number;
}

const contentEvents: FastifyPluginAsync<ContentEventsOptions> = async (
  app,
  { pingMs = PING_MS, perAddress = DEFAULT_STREAMS_PER_ADDRESS, total = DEFAULT_STREAMS_TOTAL },
) => {
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
  const perAddressOpen = new Map<string, number>();
  // One line per address (and one for the total) per minute, with the count: a client retrying in a loop must not
  // fill the disk with log lines.
  const refusals = createLogThrottle();

  // Streams never end on their own: end them first, or closing the server would wait for them forever.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/content/events', (request, reply) => {
    const address = request.ip;
    const mine = perAddressOpen.get(address) ?? 0;
    if (mine >= perAddress) {
      const refused = refusals.hit(`address ${address}`);
      if (refused)
        request.log.warn(
          { remoteAddress: address, refused, perAddress },
          `content events: refused ${refused} stream(s) from ${address} in the last minute: it already has ${mine} open (RUYI_EVENT_STREAMS_PER_ADDRESS=${perAddress})`,
        );
      return reply
        .code(429)
        .header('retry-after', String(STREAM_RETRY_AFTER_S))
        .send(errorBody(429, `too many content event streams from ${address}: ${mine} are open, at most ${perAddress} per address; close one or retry later`));
    }
    if (open.size >= total) {
      const refused = refusals.hit('total');
      if (refused)
        request.log.warn(
          { remoteAddress: address, refused, total },
          `content events: refused ${refused} stream(s) in the last minute: ${open.size} are open, the most the server holds (RUYI_EVENT_STREAMS_TOTAL=${total})`,
        );
      return reply
        .code(503)
        .header('retry-after', String(STREAM_RETRY_AFTER_S))
        .send(errorBody(503, `the server holds its maximum of ${total} content event streams; retry later`));
    }

    reply.hijack();
    const res = reply.raw;
    // A stream is quiet between pings by design: no idle timeout may cut it (the client's going away closes it).
    request.raw.socket.setTimeout(0);
    // The headers every answer carries (security headers), which a hijacked reply would otherwise lose.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
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
    perAddressOpen.set(address, mine + 1);
    // The response's 'close' fires when the client goes away as well as when we end it.
    res.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      open.delete(res);
      const left = (perAddressOpen.get(address) ?? 1) - 1;
      if (left > 0) perAddressOpen.set(address, left);
      else perAddressOpen.delete(address);
    });
    request.log.debug('content events: client connected');
  });
};

export default contentEvents;
