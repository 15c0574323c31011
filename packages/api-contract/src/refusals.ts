// The server's refusals that staff meet, by stable code: the server sends the code and its params in the error's
// `details` (next to the English message, for logs and programs); the app says it in the staff's language from the
// code. A code is never recognised from the English wording.
import type { ErrorBody, ErrorDetail } from './errors.ts';

export const REFUSAL_CODES = [
  'pack.built-in-no-rollback',
  'pack.not-installed',
  'pack.no-previous',
  'pack.folder-missing',
  'pack.built-in-remove',
  'admin.locked',
  'admin.busy',
  'admin.session-ended',
  'staff.role',
  'staff.scope',
  'account.self',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
export type RefusalParams = Record<string, string | number>;

/** The detail that carries a refusal's code: `path` is empty (the request as a whole). */
export const refusalDetail = (code: RefusalCode, message: string, params: RefusalParams = {}): ErrorDetail => ({ path: '', message, code, params });

export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && (REFUSAL_CODES as readonly string[]).includes(code);

/** The refusal an error answer carries, if any. */
export function refusalOf(details: ErrorBody['details']): { code: RefusalCode; params: RefusalParams } | null {
  const found = details?.find((d) => isRefusalCode(d.code));
  return found ? { code: found.code as RefusalCode, params: found.params ?? {} } : null;
}
