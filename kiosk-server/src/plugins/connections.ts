// How many connections the server holds at once, and what it says when it refuses one. Without a ceiling, a client on
// the park's LAN opening sockets in a loop uses up the process's file descriptors; then the SQLite files and pack files
// cannot be opened and every new connection is reset, with nothing in the log (libuv accepts and closes them itself).
// With `server.maxConnections` below the descriptor limit, Node refuses the surplus ('drop') while descriptors remain
// for the database, for files being sent and for the connections already open, and this plugin logs the refusals.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { createLogThrottle } from './log-throttle.ts';

/** Descriptors kept for everything that is not a client socket: SQLite (database, WAL, shared memory), logs, packs. */
export const FD_HEADROOM = 256;
/** Assumed when the limit cannot be read (no /proc): the usual soft limit. */
export const FALLBACK_FD_LIMIT = 1024;
/** Connections kept free of event streams, so pages, the API and /api/health still get in when the streams are full. */
export const MIN_NON_STREAM_CONNECTIONS = 64;

/** The soft limit on open files of this process (Node raises it to the hard limit at start), or null if unknown. */
export function fileDescriptorLimit(limits?: string): number | null {
  let text = limits;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return null;
    }
  }
  const m = /^Max open files\s+(\d+|unlimited)\s/m.exec(text);
  if (!m) return null;
  return m[1] === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(m[1]);
}

/**
 * The default ceiling: half of what the descriptor limit leaves after FD_HEADROOM, because a connection may hold two
 * descriptors at once (its socket, and the file it is being sent: an app asset, a pack's model or texture).
 */
export function defaultMaxConnections(fdLimit: number | null): number {
  const limit = Math.min(fdLimit ?? FALLBACK_FD_LIMIT, 1_000_000);
  return Math.max(MIN_NON_STREAM_CONNECTIONS * 2, Math.floor((limit - FD_HEADROOM) / 2));
}

export interface ConnectionSettings {
  /** RUYI_MAX_CONNECTIONS; null: from the descriptor limit. */
  maxConnections: number | null;
  streamsPerAddress: number;
  streamsTotal: number;
}

export interface ConnectionLimits {
  maxConnections: number;
  streamsPerAddress: number;
  /** The configured total, lowered when it would leave fewer than MIN_NON_STREAM_CONNECTIONS for everything else. */
  streamsTotal: number;
  fdLimit: number | null;
  /** Said once at start when a setting was lowered. */
  warnings: string[];
}

export function connectionLimits(settings: ConnectionSettings, fdLimit: number | null = fileDescriptorLimit()): ConnectionLimits {
  const warnings: string[] = [];
  const safe = defaultMaxConnections(fdLimit);
  let maxConnections = settings.maxConnections ?? safe;
  if (settings.maxConnections !== null && fdLimit !== null && settings.maxConnections > safe) {
    warnings.push(
      `RUYI_MAX_CONNECTIONS=${settings.maxConnections} leaves too few of the process's ${fdLimit} file descriptors for the database and files: using ${safe} (raise the limit with \`ulimit -n\` or LimitNOFILE= first)`,
    );
    maxConnections = safe;
  }
  let streamsTotal = settings.streamsTotal;
  const roomForStreams = maxConnections - MIN_NON_STREAM_CONNECTIONS;
  if (streamsTotal > roomForStreams) {
    warnings.push(
      `RUYI_EVENT_STREAMS_TOTAL=${streamsTotal} would leave fewer than ${MIN_NON_STREAM_CONNECTIONS} of ${maxConnections} connections for pages and the API: using ${roomForStreams}`,
    );
    streamsTotal = roomForStreams;
  }
  return { maxConnections, streamsPerAddress: Math.min(settings.streamsPerAddress, streamsTotal), streamsTotal, fdLimit, warnings };
}

/** Request headers are small: a client that has not sent them within this is holding a socket on purpose. */
export const HEADERS_TIMEOUT_MS = 20_000;

/**
 * The socket timeouts. requestTimeout bounds how long a request (headers and body) may take to arrive, so slow senders
 * cannot hold sockets; it does not cut a response being streamed (the content event streams). Node checks these
 * timeouts on an interval (30 s by default): shorter here, so a short timeout is enforced close to its value.
 */
export function serverTimeouts(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    // An idle socket (no bytes either way) is closed after this; event streams switch it off for themselves.
    connectionTimeout: 120_000,
    // Browsers keep idle keep-alive sockets open for minutes; a park's worth of them would hold many descriptors.
    keepAliveTimeout: 10_000,
    http: { connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(Math.min(requestTimeoutMs, HEADERS_TIMEOUT_MS) / 4))) },
  };
}

const DESCRIPTORS_EXHAUSTED = new Set(['EMFILE', 'ENFILE']);

async function connections(app: FastifyInstance, limits: ConnectionLimits) {
  const server = app.server;
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, server.requestTimeout || HEADERS_TIMEOUT_MS);
  for (const warning of limits.warnings) app.log.warn(warning);
  app.log.info(
    { maxConnections: limits.maxConnections, fdLimit: limits.fdLimit, streamsPerAddress: limits.streamsPerAddress, streamsTotal: limits.streamsTotal },
    `connections: at most ${limits.maxConnections} at once (file-descriptor limit ${limits.fdLimit ?? 'unknown'}), content event streams at most ${limits.streamsPerAddress} per address and ${limits.streamsTotal} in all`,
  );

  const throttle = createLogThrottle();

  // Node refuses (closes at once) each connection past maxConnections and says so only through this event.
  server.on('drop', (data?: { remoteAddress?: string }) => {
    const address = data?.remoteAddress ?? 'unknown';
    const refused = throttle.hit(`drop ${address}`);
    if (refused)
      app.log.warn(
        { remoteAddress: address, refused, maxConnections: limits.maxConnections },
        `refused ${refused} connection(s) from ${address} in the last minute: the server already holds its maximum of ${limits.maxConnections} connections (RUYI_MAX_CONNECTIONS)`,
      );
  });

  // An accept that fails (the descriptors ran out after all: another part of the process holds many files) arrives as
  // the listening server's 'error'. Unheard, it would end the process; the server can go on once descriptors free up.
  const onError = (error: NodeJS.ErrnoException) => {
    const code = error.code ?? 'unknown';
    const count = throttle.hit(`error ${code}`);
    if (!count) return;
    if (DESCRIPTORS_EXHAUSTED.has(code))
      app.log.error(
        { code, count, fdLimit: limits.fdLimit },
        `${count} connection(s) could not be accepted in the last minute: out of file descriptors (${code}; the limit is ${limits.fdLimit ?? 'unknown'})`,
      );
    else app.log.error({ err: error, count }, `the listening socket failed ${count} time(s) in the last minute`);
  };
  // Only once listening: until then, Fastify's own listener turns an error into a failed listen().
  server.once('listening', () => server.on('error', onError));

  // Fastify answers client errors itself (400, 408); these are the ones an operator should hear about.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? '';
    if (DESCRIPTORS_EXHAUSTED.has(code)) return onError(error);
    if (code !== 'ERR_HTTP_REQUEST_TIMEOUT') return;
    const address = socket.remoteAddress ?? 'unknown';
    const count = throttle.hit(`timeout ${address}`);
    if (count)
      app.log.warn(
        { remoteAddress: address, count },
        `${count} request(s) from ${address} in the last minute did not arrive whole within the request timeout (RUYI_REQUEST_TIMEOUT_SECONDS): answered 408 and closed`,
      );
  });
}

export default fp(connections, { name: 'ruyi-connections' });
