// The admin API's refusals in the staff's language. The server words each refusal in English (for logs and programs)
// and sends its stable code and params in `details` (@ruyi/api-contract refusals.ts); the code picks the text from the
// locale files. A refusal without a known code is shown as the server wrote it.
import { isRefusalCode, type ErrorDetail, type RefusalCode } from '@ruyi/api-contract';

export interface KnownRefusal {
  key: string;
  params: Record<string, string | number>;
}

/** Said by this page itself, not the server: the upload never left, or there was nothing to send. */
export const UPLOAD_CODES = ['upload.network', 'upload.empty'] as const;
type UploadCode = (typeof UPLOAD_CODES)[number];

export const REFUSAL_KEYS: Record<RefusalCode | UploadCode, string> = {
  'pack.built-in-no-rollback': 'admin.server.builtInNoRollback',
  'pack.not-installed': 'admin.server.notInstalled',
  'pack.no-previous': 'admin.server.noPrevious',
  'pack.folder-missing': 'admin.server.folderMissing',
  'pack.built-in-remove': 'admin.server.builtInRemove',
  'admin.locked': 'admin.server.locked',
  'admin.busy': 'admin.server.busy',
  'admin.session-ended': 'admin.sessionEnded',
  'staff.role': 'admin.server.staffRole',
  'staff.scope': 'admin.server.staffScope',
  'account.self': 'admin.server.accountSelf',
  'upload.network': 'admin.server.network',
  'upload.empty': 'admin.server.sendFile',
};

const isKnown = (code: unknown): code is RefusalCode | UploadCode => isRefusalCode(code) || (UPLOAD_CODES as readonly unknown[]).includes(code);

/** The locale key and params of a refusal, from the code in its details; null when it carries no known code. */
export function knownRefusal(details: readonly ErrorDetail[] | undefined): KnownRefusal | null {
  for (const d of details ?? []) {
    if (isKnown(d.code)) return { key: REFUSAL_KEYS[d.code], params: d.params ?? {} };
  }
  return null;
}
