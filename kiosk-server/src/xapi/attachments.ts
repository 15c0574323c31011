// xAPI attachments travel in multipart/mixed bodies: the statement(s) as the first part (application/json), then one
// part per attachment, identified by its SHA-256 in X-Experience-API-Hash (xAPI 1.0.3 Communication 1.5.2).
import { getMultipartBoundary, MultipartParseError, parseMultipart } from '@remix-run/multipart-parser';
import { createHash, randomBytes } from 'node:crypto';
import type { ErrorDetail } from '../errors.ts';
import type { Statement } from './lib.ts';
import type { AttachmentBytes } from './store.ts';

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

export interface MultipartStatements {
  /** The first part, the statement or array of statements, as text. */
  json: string;
  attachments: AttachmentBytes[];
}

/** What is wrong with a multipart body, and where ('body', 'part 2', 'Content-Type'). */
export class MultipartProblem extends Error {
  override name = 'MultipartProblem';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface RawPart {
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  content: Uint8Array;
}

/** RFC 2046 with CRLF line breaks, by @remix-run/multipart-parser. */
function crlfParts(body: Buffer, boundary: string, maxFileSize: number): RawPart[] {
  const parts: RawPart[] = [];
  for (const part of parseMultipart(body, { boundary, maxFileSize, maxTotalSize: body.length + 1 }))
    parts.push({ headers: { ...part.headers }, content: part.bytes });
  return parts;
}

/**
 * The same message written with bare LF line breaks, as some clients (and the ADL conformance suite's sample files)
 * send it. Only line breaks next to boundaries and in part headers are read as LF; part content stays byte for byte.
 */
function lfParts(body: Buffer, boundary: string): RawPart[] {
  const delimiter = Buffer.from(`\n--${boundary}`);
  const parts: RawPart[] = [];
  let at = body.indexOf(`--${boundary}`) + boundary.length + 2;
  for (;;) {
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (body[at] !== 0x0a) throw new MultipartParseError('a boundary must be followed by a line break');
    const headerEnd = body.indexOf('\n\n', at);
    if (headerEnd === -1) throw new MultipartParseError('a part has no blank line after its headers');
    const next = body.indexOf(delimiter, headerEnd + 2);
    if (next === -1) throw new MultipartParseError('the message has no closing boundary');
    const headers: Record<string, string | undefined> = {};
    for (const line of body.subarray(at + 1, headerEnd).toString('utf8').split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, content: body.subarray(headerEnd + 2, next) });
    at = next + delimiter.length;
  }
}

/** Splits a multipart/mixed body; throws MultipartProblem naming the part and what is wrong. */
export function readMultipart(body: Buffer, contentType: string, maxFileSize: number): MultipartStatements {
  const boundary = getMultipartBoundary(contentType);
  if (!boundary) throw new MultipartProblem('Content-Type', 'multipart/mixed needs a boundary parameter');
  // RFC 2046 allows a preamble before the first boundary (the ADL test suite sends a CRLF); the parser does not.
  const start = body.indexOf(`--${boundary}`);
  if (start === -1) throw new MultipartProblem('body', `no boundary '--${boundary}' (from Content-Type) in the body`);
  if (start > 0) body = body.subarray(start);
  const crlf = body.subarray(boundary.length + 2, boundary.length + 4).toString() === '\r\n';
  let parts: RawPart[];
  try {
    parts = crlf ? crlfParts(body, boundary, maxFileSize) : lfParts(body, boundary);
  } catch (error) {
    if (error instanceof MultipartParseError) throw new MultipartProblem('body', `not a readable multipart/mixed message: ${error.message}`);
    throw error;
  }
  const [first, ...rest] = parts;
  if (!first) throw new MultipartProblem('body', 'the multipart message has no parts; the first must be the statement(s) as application/json');
  const firstType = first.headers['content-type'];
  if (firstType?.split(';')[0]?.trim().toLowerCase() !== 'application/json')
    throw new MultipartProblem('part 1', `Content-Type must be application/json (the statements), got '${firstType ?? 'none'}'`);
  const attachments = rest.map((part, i): AttachmentBytes => {
    const where = `part ${i + 2}`;
    const hash = part.headers['x-experience-api-hash'];
    if (!hash) throw new MultipartProblem(where, `X-Experience-API-Hash header is required (the SHA-256 of the part, hex)`);
    const encoding = part.headers['content-transfer-encoding'];
    if (encoding?.toLowerCase() !== 'binary') throw new MultipartProblem(where, `Content-Transfer-Encoding must be binary, got '${encoding ?? 'none'}'`);
    if (sha256Hex(part.content) !== hash.toLowerCase()) throw new MultipartProblem(where, `X-Experience-API-Hash '${hash}' is not the SHA-256 of the part's content`);
    return { sha2: hash.toLowerCase(), contentType: part.headers['content-type'] ?? 'application/octet-stream', content: part.content };
  });
  return { json: Buffer.from(first.content).toString('utf8'), attachments };
}

/**
 * Matches statements' attachment declarations against the parts received: every attachment without a fileUrl needs
 * its part, and every part must belong to a declared attachment. Returns problems (empty = fine).
 */
export function checkAttachmentParts(statements: readonly Statement[], parts: readonly AttachmentBytes[], prefix: (i: number) => string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const received = new Set(parts.map((p) => p.sha2));
  const declared = new Set<string>();
  statements.forEach((s, i) => {
    (s.attachments ?? []).forEach((a, j) => {
      const sha2 = String(a.sha2).toLowerCase();
      declared.add(sha2);
      if (!a.fileUrl && !received.has(sha2))
        problems.push({ path: `${prefix(i)}attachments[${j}].sha2`, message: 'has no fileUrl, so its content must be sent as a multipart/mixed part with this X-Experience-API-Hash' });
    });
  });
  parts.forEach((p, i) => {
    if (!declared.has(p.sha2)) problems.push({ path: `part ${i + 2}`, message: `X-Experience-API-Hash '${p.sha2}' matches no attachment of the statement(s)` });
  });
  return problems;
}

/** The multipart/mixed answer to GET ...&attachments=true: the JSON first, then each attachment once. */
export function buildMultipart(json: string, attachments: readonly AttachmentBytes[]): { contentType: string; body: Buffer } {
  const boundary = `xapi-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${json}\r\n`)];
  for (const a of attachments) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`),
      Buffer.from(a.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
