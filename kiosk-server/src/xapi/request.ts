// One xAPI call, whichever way it arrived: a plain request, or the Alternate Request Syntax (xAPI 1.0.3 Communication
// 1.3: POST ?method=GET|PUT|POST with a form body carrying headers, parameters and `content`). Routes turn both into
// an XapiCall, so the statement logic sees one shape.
import type { FastifyRequest } from 'fastify';
import { Transform } from 'node:stream';
import { ApiError } from '../errors.ts';

/**
 * A form of the alternate request syntax with no Authorization header carries its credentials inside, so it must be
 * read before anyone is known: it is read only up to this size (413 beyond). With a real Authorization header the
 * caller is known first and the resource's usual limit applies.
 */
export const ANONYMOUS_FORM_LIMIT = 64 * 1024;

/** The alternate syntax takes a form and nothing else: any other body is refused unread. */
export function refuseNonForm(request: FastifyRequest): void {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && type !== 'application/x-www-form-urlencoded')
    throw new ApiError(400, `Content-Type: the alternate request syntax (?method=) needs an application/x-www-form-urlencoded body, got '${type}'`);
}

/**
 * The body of a form whose credentials are inside it, for a preParsing hook: refused before it is read when its
 * Content-Length is over ANONYMOUS_FORM_LIMIT, and cut off with 413 once that much has arrived otherwise.
 */
export function anonymousFormBody(request: FastifyRequest, payload: NodeJS.ReadableStream): NodeJS.ReadableStream {
  const tooLarge = () =>
    new ApiError(413, `body: a form without an Authorization header is read up to ${ANONYMOUS_FORM_LIMIT / 1024} KiB; send Authorization as a header to post larger forms`);
  if (Number(request.headers['content-length']) > ANONYMOUS_FORM_LIMIT) throw tooLarge();
  let received = 0;
  return payload.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(received > ANONYMOUS_FORM_LIMIT ? tooLarge() : null, chunk);
      },
    }),
  );
}

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
  /** If-Match and If-None-Match (documents' concurrency; the alternate syntax may carry them in the form). */
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
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
    ifMatch: header(request, 'if-match'),
    ifNoneMatch: header(request, 'if-none-match'),
    body: Buffer.isBuffer(request.body) ? request.body : undefined,
  };
}

/** True for a POST that uses the alternate syntax. */
export function isAlternate(request: FastifyRequest): boolean {
  return request.method === 'POST' && typeof (request.query as Record<string, unknown> | undefined)?.method === 'string';
}

/**
 * Form fields that stand for headers the real request may carry too. Content-Type and Content-Length are not among
 * them: on the real request they describe the form itself, in the form they describe `content`.
 */
const SHARED_HEADERS = ['authorization', 'x-experience-api-version', 'if-match', 'if-none-match'] as const;

/** Form field names as the spec spells them, for error paths. */
const FIELD_NAMES: Record<string, string> = {
  authorization: 'Authorization',
  'x-experience-api-version': 'X-Experience-API-Version',
  'content-type': 'Content-Type',
  'content-length': 'Content-Length',
  'if-match': 'If-Match',
  'if-none-match': 'If-None-Match',
};

/**
 * The call a POST ?method=… stands for. The form's header fields are the headers of the request it stands for
 * (Communication 1.3.s3.b7): they are used as headers, never as parameters. A header sent both ways must say the same
 * thing, or the request is ambiguous (400).
 */
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
    else if (HEADER_FIELDS.has(lower)) {
      if (headers[lower] !== undefined && headers[lower] !== value)
        throw new ApiError(400, `${FIELD_NAMES[lower]}: given twice in the form with different values`);
      headers[lower] = value;
    } else params[name] = value;
  }
  if (method !== 'GET' && content === undefined)
    throw new ApiError(400, `content: the alternate request syntax (?method=${method}) carries the statement(s) in a form field named 'content'`);
  const body = content === undefined ? undefined : Buffer.from(content, 'utf8');
  const merged = formHeaders(request, headers, body);
  return {
    method,
    params,
    authorization: merged.authorization,
    version: merged.version,
    contentType: merged.contentType ?? 'application/json',
    acceptLanguage: header(request, 'accept-language'),
    ifMatch: merged.ifMatch,
    ifNoneMatch: merged.ifNoneMatch,
    body,
  };
}

/**
 * The headers of the request an alternate-syntax form stands for, from its header fields (`fields`, lower-case names)
 * and the real request's headers (Communication 1.3.s3.b7). A header sent both ways must say the same thing, or the
 * request is ambiguous: 400. The form's Content-Type and Content-Length describe `content` (the real ones describe
 * the form), so a Content-Length field must match the bytes of `content`.
 */
export function formHeaders(request: FastifyRequest, fields: Record<string, string>, content: Buffer | undefined) {
  const merged: Partial<Record<(typeof SHARED_HEADERS)[number], string>> = {};
  for (const name of SHARED_HEADERS) {
    const real = header(request, name);
    const field = fields[name];
    // Credentials are never echoed back.
    if (real !== undefined && field !== undefined && real !== field)
      throw new ApiError(400, `${FIELD_NAMES[name]}: the form field${name === 'authorization' ? '' : ` ('${field}')`} and the request's header differ; send it one way only`);
    merged[name] = field ?? real;
  }
  const length = fields['content-length'];
  if (length !== undefined && (!/^\d+$/.test(length) || Number(length) !== (content?.length ?? 0)))
    throw new ApiError(400, `Content-Length: the form field says '${length}' but content is ${content?.length ?? 0} bytes (UTF-8)`);
  return {
    authorization: merged.authorization,
    version: merged['x-experience-api-version'],
    contentType: fields['content-type'],
    ifMatch: merged['if-match'],
    ifNoneMatch: merged['if-none-match'],
  };
}
