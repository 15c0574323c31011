// A request to a document resource as a DocumentCall: a plain request, or the Alternate Request Syntax (Communication
// 1.3: POST ?method=…, a form whose header-named fields are headers, `content` the document, the rest parameters).
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.ts';
import type { DocumentCall, DocumentMethod } from './resource.ts';

/** Methods the alternate syntax may stand for on a document resource (HEAD is a GET without the body). */
const ALTERNATE: readonly DocumentMethod[] = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];

/** Form fields the alternate syntax treats as headers (lower-case). */
const HEADER_FIELDS = new Set(['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match']);

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `?method=` of a POST in any case, as a method of the document resources; null when it is no alternate request. */
export function documentAlternateMethod(request: FastifyRequest): DocumentMethod | null | 'invalid' {
  if (request.method !== 'POST') return null;
  const value = (request.query as Record<string, unknown> | undefined)?.method;
  if (value === undefined) return null;
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return (ALTERNATE as readonly string[]).includes(upper) ? (upper as DocumentMethod) : 'invalid';
}

export function plainDocumentCall(request: FastifyRequest, method: DocumentMethod): DocumentCall {
  return {
    method,
    params: { ...(request.query as Record<string, unknown>) },
    authorization: header(request, 'authorization'),
    version: header(request, 'x-experience-api-version'),
    contentType: header(request, 'content-type'),
    ifMatch: header(request, 'if-match'),
    ifNoneMatch: header(request, 'if-none-match'),
    body: method === 'PUT' || method === 'POST' ? (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)) : undefined,
  };
}

/** The call a POST ?method=… stands for. Real headers win over form fields of the same name. */
export function alternateDocumentCall(request: FastifyRequest, method: DocumentMethod): DocumentCall {
  const others = Object.keys(request.query as Record<string, unknown>).filter((k) => k !== 'method');
  if (others.length) throw new ApiError(400, `${others[0]}: with the alternate request syntax every parameter goes in the form body; the query string holds only method`);
  const type = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (type !== 'application/x-www-form-urlencoded' && !(type === undefined && raw.length === 0))
    throw new ApiError(400, `Content-Type: the alternate request syntax (?method=${method}) needs an application/x-www-form-urlencoded body, got '${type ?? 'none'}'`);
  const params: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  let content: string | undefined;
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) {
    const lower = name.toLowerCase();
    if (lower === 'content') content = value;
    else if (HEADER_FIELDS.has(lower)) headers[lower] = value;
    else if (params[name] === undefined) params[name] = value;
    // A parameter given twice is refused by the resource, as a repeated query parameter is.
    else params[name] = [params[name], value].flat();
  }
  if ((method === 'PUT' || method === 'POST') && content === undefined)
    throw new ApiError(400, `content: the alternate request syntax (?method=${method}) carries the document in a form field named 'content'`);
  return {
    method,
    params,
    authorization: header(request, 'authorization') ?? headers.authorization,
    version: header(request, 'x-experience-api-version') ?? headers['x-experience-api-version'],
    // The form's own Content-Type is the form's; the document's is the field (Communication 1.3.s3.b10).
    contentType: headers['content-type'],
    ifMatch: header(request, 'if-match') ?? headers['if-match'],
    ifNoneMatch: header(request, 'if-none-match') ?? headers['if-none-match'],
    body: content === undefined ? undefined : Buffer.from(content, 'utf8'),
  };
}
