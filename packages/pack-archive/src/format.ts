// The archive format packs travel in: what a `.ruyipack.tgz` holds and which paths a pack may contain. The zod schema
// of `ruyi-pack.json` is the single source of truth for the metadata; the builder writes it and the reader checks it.
import { createHash } from 'node:crypto';
import { Id } from '@ruyi/pack-schema';
import { coded, codedError, type CodedMessage } from '@ruyi/pack-schema/messages';
import { z } from 'zod';

/** Bumped when the archive layout changes (not when the pack format does: that is `schemaVersion`). */
export const ARCHIVE_FORMAT = 1;
/** The metadata file, at the root of the archive. */
export const META_FILE = 'ruyi-pack.json';
/** The folder inside the archive that holds the pack's files. */
export const PACK_FOLDER = 'pack';
export const ARCHIVE_EXTENSION = '.ruyipack.tgz';

export interface ArchiveLimits {
  /** Entries in the archive, the metadata file included. */
  maxFiles: number;
  /** Uncompressed size of one file. */
  maxFileBytes: number;
  /** Uncompressed size of all files together. */
  maxTotalBytes: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = Object.freeze({ maxFiles: 2000, maxFileBytes: 32 * MiB, maxTotalBytes: 256 * MiB });

/** `fire-dehui-2013-1.0.0.ruyipack.tgz` */
export const archiveFileName = (id: string, version: string) => `${id}-${version}${ARCHIVE_EXTENSION}`;

// Characters that Windows cannot store in a file name, or that mean something else to a shell or a URL.
const FORBIDDEN = /[\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * Why `path` (relative to the pack folder) cannot be a file of a pack, or null when it can. A pack holds only
 * `pack.yaml`, `scenarios/<name>.yaml` and files under `assets/`; no hidden files, no `.` or `..`, no absolute paths.
 */
export function packPathReason(path: string): CodedMessage | null {
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return coded('reason.path-absolute');
  if (path.includes('\\')) return coded('reason.path-backslash');
  const segments = path.split('/');
  if (segments.includes('..')) return coded('reason.path-climbs');
  if (segments.some((s) => s === '' || s === '.')) return coded('reason.path-not-plain');
  if (FORBIDDEN.test(path)) return coded('reason.path-character');
  if (segments.some((s) => s.startsWith('.'))) return coded('reason.path-hidden');
  if (Buffer.byteLength(path) > 1024) return coded('reason.path-too-long');
  if (path === 'pack.yaml') return null;
  if (segments[0] === 'scenarios') return segments.length === 2 && path.endsWith('.yaml') ? null : coded('reason.path-not-scenario');
  if (segments[0] === 'assets') return segments.length >= 2 ? null : coded('reason.path-not-asset');
  return coded('reason.path-not-pack');
}

/** `packPathReason` in English words. */
export const packPathProblem = (path: string): string | null => packPathReason(path)?.message ?? null;

/** Where a path's reason rides on a schema issue (`params`), so the reader can pass its code on. */
export interface PathIssueParams {
  path: string;
  reason: CodedMessage;
}

export const PackFilePath = z.string().superRefine((path, ctx) => {
  const reason = packPathReason(path);
  if (reason) ctx.addIssue({ code: 'custom', message: `'${path}' ${reason.message}`, params: { path, reason } satisfies PathIssueParams });
});

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: codedError('reason.sha256') });

/** `ruyi-pack.json`. */
export const ArchiveMeta = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT, { error: codedError('reason.meta-format', { format: ARCHIVE_FORMAT }) }),
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: codedError('schema.version-format') }),
  /** The pack format (`schemaVersion` in pack.yaml). */
  schemaVersion: z.number().int().min(1),
  builtAt: z.iso.datetime({ error: codedError('reason.meta-built-at') }),
  /** Every file of the pack, by path relative to the pack folder, with its sha256. */
  files: z.record(PackFilePath, Sha256Hex),
  /** sha256 of `canonicalFilesJson(files)`: one number that names the pack's exact content. */
  digest: Sha256Hex,
});
export type ArchiveMeta = z.infer<typeof ArchiveMeta>;

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Plain code-unit order, the same on every machine and locale. */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `files` as JSON with its keys in code-unit order and no white space: the text `digest` is the sha256 of. */
export function canonicalFilesJson(files: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.fromEntries(Object.keys(files).sort(byCodeUnit).map((k) => [k, files[k]])));
}

export const filesDigest = (files: Readonly<Record<string, string>>) => sha256(canonicalFilesJson(files));

/** `12.3 KiB`, for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MiB) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / MiB).toFixed(1)} MiB`;
}
