// What a request leaves in the log. Query strings can carry a person (`/xapi/agents?agent={"mbox":"mailto:…"}`,
// `?registration=<visit id>`), so at info and above the log names the path only; the full URL is kept at debug and
// trace, which an operator turns on for a while on purpose. Bodies are never logged (Fastify does not by default).
import type { FastifyRequest } from 'fastify';

const FULL_DETAIL = new Set(['debug', 'trace']);

export interface LoggedRequest {
  [key: string]: unknown;
  method: string;
  url: string;
  host?: string;
  remoteAddress?: string;
  remotePort?: number;
}

/** The `req` serializer for Fastify's logger ('incoming request' and every line logged with the request). */
export function requestSerializer(level: string): (request: FastifyRequest) => LoggedRequest {
  const full = FULL_DETAIL.has(level);
  return (request) => {
    const url = request.url ?? '';
    const query = url.indexOf('?');
    return {
      method: request.method,
      url: full || query === -1 ? url : url.slice(0, query),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  };
}
