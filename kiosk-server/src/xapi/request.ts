// One xAPI call, whichever way it arrived: a plain request, or the Alternate Request Syntax (xAPI 1.0.3 Communication
// 1.3: POST ?method=GET|PUT|POST with a form body carrying headers, parameters and `content`). Routes turn both into
// an XapiCall, so the statement logic sees one shape.
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

export const ALTERNATE_METHODS = ['GET', 'PUT', 'POST'] as const;
export type AlternateMethod = (typeof ALTERNATE_METHODS)[number];

/** `?method=` in any case (the ADL suite sends 'post', 'put', 'get'), as one of ALTERNATE_METHODS; null otherwise. */
export function alternateMethod(value: unknown): AlternateMethod | null {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return (ALTERNATE_METHODS as readonly string[]).includes(upper) ? (upper as AlternateMethod) : null;
}
export type XapiMethod = 'GET' | 'HEAD' | 'PUT' | 'POST';

export interface XapiCall {
  method: XapiMethod;
  /** Query parameters (for the alternate syntax: the form fields that are not headers or content). */
  params: Record<string, string>;
  authorization: string | undefined;
  version: string | undefined;
  contentType: string | undefined;
  acceptLanguage: string | undefined;
  body: Buffer | undefined;
}

/** Form fields the alternate syntax treats as headers (lower-case). */
const HEADER_FIELDS = new Set(['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match']);

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function plainCall(request: FastifyRequest, method: XapiMethod, params: Record<string, string>): XapiCall {
  return {
    method,
    params,
    authorization: header(request, 'authorization'),
    version: header(request, 'x-experience-api-version'),
    contentType: header(request, 'content-type'),
    acceptLanguage: header(request, 'accept-language'),
    body: Buffer.isBuffer(request.body) ? request.body : undefined,
  };
}

/** True for a POST that uses the alternate syntax. */
export function isAlternate(request: FastifyRequest): boolean {
  return request.method === 'POST' && typeof (request.query as Record<string, unknown> | undefined)?.method === 'string';
}

/** The call a POST ?method=… stands for. Real headers win over form fields of the same name. */
export function alternateCall(request: FastifyRequest, method: AlternateMethod): XapiCall {
  const type = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  const empty = !Buffer.isBuffer(request.body) || request.body.length === 0;
  // A GET with every header on the request itself has no form to send (the ADL suite posts ?method=get bare).
  if (type !== 'application/x-www-form-urlencoded' && !(type === undefined && empty))
    throw new ApiError(400, `Content-Type: the alternate request syntax (?method=${method}) needs an application/x-www-form-urlencoded body, got '${type ?? 'none'}'`);
  const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
  const params: Record<string, string> = {};
  const headers: Record<string, string> = {};
  let content: string | undefined;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (lower === 'content') content = value;
    else if (HEADER_FIELDS.has(lower)) headers[lower] = value;
    else params[name] = value;
  }
  if (method !== 'GET' && content === undefined)
    throw new ApiError(400, `content: the alternate request syntax (?method=${method}) carries the statement(s) in a form field named 'content'`);
  return {
    method,
    params,
    authorization: header(request, 'authorization') ?? headers.authorization,
    version: header(request, 'x-experience-api-version') ?? headers['x-experience-api-version'],
    contentType: headers['content-type'] ?? 'application/json',
    acceptLanguage: header(request, 'accept-language'),
    body: content === undefined ? undefined : Buffer.from(content, 'utf8'),
  };
}
