// Signed statements (xAPI 1.0.3 Data 2.6): a signature attachment is a compact JWS whose payload is the statement as
// it was before the signature was attached. The LRS must reject malformed signatures with 400; it need not (and,
// without a trust store, cannot meaningfully) check who signed, so the cryptographic check is left out.
import type { ErrorDetail } from '../errors.ts';
import { sameStatement, type Statement } from './lib.ts';
import type { AttachmentBytes } from './store.ts';

export const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

function decodeJson(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

/** Without what a signature cannot cover: the attachments (the signature is one) and what the LRS sets. */
function signedPart(statement: Record<string, unknown>, keepId: boolean): Statement {
  const { attachments: _a, authority: _b, stored: _c, version: _d, id, ...rest } = statement;
  return (keepId && id !== undefined ? { id, ...rest } : rest) as Statement;
}

export function checkSignatures(statements: readonly Statement[], parts: readonly AttachmentBytes[], at: (i: number) => string, usageType: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const bySha = new Map(parts.map((p) => [p.sha2, p]));
  statements.forEach((statement, i) => {
    (statement.attachments ?? []).forEach((attachment, j) => {
      if (attachment.usageType !== usageType) return;
      const path = `${at(i)}attachments[${j}]`;
      const fail = (message: string) => problems.push({ path, message: `signature ${message}` });
      if (attachment.contentType !== 'application/octet-stream') return void fail(`contentType must be application/octet-stream, got '${attachment.contentType}'`);
      const part = bySha.get(String(attachment.sha2).toLowerCase());
      if (!part) return; // reported by checkAttachmentParts
      const segments = Buffer.from(part.content).toString('utf8').trim().split('.');
      if (segments.length !== 3 || segments.some((s) => !/^[A-Za-z0-9_-]*$/.test(s))) return void fail('must be a compact JWS (three base64url parts joined by dots)');
      let header: unknown;
      let payload: unknown;
      try {
        header = decodeJson(segments[0]!);
      } catch {
        return void fail('JWS header is not base64url-encoded JSON');
      }
      const alg = (header as { alg?: unknown } | null)?.alg;
      if (typeof alg !== 'string' || !SIGNATURE_ALGORITHMS.includes(alg)) return void fail(`JWS alg must be one of ${SIGNATURE_ALGORITHMS.join(', ')}, got '${String(alg)}'`);
      try {
        payload = decodeJson(segments[1]!);
      } catch {
        return void fail('JWS payload is not a JSON serialization of the statement');
      }
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return void fail('JWS payload must be the statement object');
      const signed = payload as Record<string, unknown>;
      const keepId = signed.id !== undefined;
      if (!sameStatement(signedPart(signed, keepId), signedPart(statement as Record<string, unknown>, keepId)))
        fail('JWS payload is not this statement (it must be the statement as it was before the signature was attached)');
    });
  });
  return problems;
}
