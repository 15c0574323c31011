// One error shape for every API answer that is not a success: { error, message, details? }. `error` is the HTTP status
// text, `message` says what is wrong and where (for people reading logs and the operator screen), `details` lists
// each problem with its path (for programs).
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { ErrorBody, ErrorDetail } from '@ruyi/api-contract';

export { ErrorBody, ErrorDetail } from '@ruyi/api-contract';

/** An error a route throws on purpose; the error handler turns it into its status and ErrorBody. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: ErrorDetail[],
    /** Headers the answer carries, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `records[0].choiceIds[1]` from path segments. */
export function formatPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((out, seg) => {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) return `${out}[${seg}]`;
    return out ? `${out}.${seg}` : seg;
  }, '');
}

/** How many problems `message` spells out; `details` always has them all. */
const MESSAGE_PROBLEMS = 5;

export function summarize(details: readonly ErrorDetail[]): string {
  const shown = details.slice(0, MESSAGE_PROBLEMS).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  const more = details.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

export function errorBody(statusCode: number, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: STATUS_CODES[statusCode] ?? 'Error', message, ...(details ? { details } : {}) };
}

export function setErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const details = error.validation.map((v) => {
        const segments = v.instancePath.split('/').filter(Boolean);
        const keys = (v.params as { keys?: unknown }).keys;
        const message =
          v.keyword === 'unrecognized_keys' && Array.isArray(keys)
            ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${String(k)}'`).join(', ')}`
            : (v.message ?? 'is invalid');
        return { path: segments.length ? formatPath(segments) : context, message };
      });
      return reply.code(400).send(errorBody(400, summarize(details), details));
    }
    if (error instanceof ApiError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.code(error.statusCode).send(errorBody(error.statusCode, error.message, error.details));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody(status, error.message));
    // Anything else is our bug: log it in full, tell the client nothing internal.
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody(500, 'the server failed to handle this request; see its log'));
  });
}
