// The archive format packs travel in: what a `.ruyipack.tgz` holds and which paths a pack may contain. The zod schema
// of `ruyi-pack.json` is the single source of truth for the metadata; the builder writes it and the reader checks it.
import { createHash } from 'node:crypto';
import { Id } from '@ruyi/pack-schema';
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
export function packPathProblem(path: string): string | null {
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is an absolute path';
  if (path.includes('\\')) return 'contains a backslash (paths in an archive use /)';
  const segments = path.split('/');
  if (segments.includes('..')) return "climbs out of its folder with '..'";
  if (segments.some((s) => s === '' || s === '.')) return 'is not a plain path (empty or "." parts)';
  if (FORBIDDEN.test(path)) return 'contains a character that file names may not have (\\ : * ? " < > | or a control character)';
  if (segments.some((s) => s.startsWith('.'))) return 'is a hidden file (its name starts with a dot)';
  if (Buffer.byteLength(path) > 1024) return 'is longer than 1024 bytes';
  if (path === 'pack.yaml') return null;
  if (segments[0] === 'scenarios') return segments.length === 2 && path.endsWith('.yaml') ? null : 'is not a scenario file (scenarios/<id>.yaml)';
  if (segments[0] === 'assets') return segments.length >= 2 ? null : 'is not a file under assets/';
  return 'is not part of a pack (a pack holds only pack.yaml, scenarios/*.yaml and assets/**)';
}

export const PackFilePath = z.string().superRefine((path, ctx) => {
  const problem = packPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: `'${path}' ${problem}` });
});

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a sha256 checksum (64 lower-case hex digits)' });

/** `ruyi-pack.json`. */
export const ArchiveMeta = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT, { error: `must be ${ARCHIVE_FORMAT}, the archive format this version reads` }),
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like 1.0.0' }),
  /** The pack format (`schemaVersion` in pack.yaml). */
  schemaVersion: z.number().int().min(1),
  builtAt: z.iso.datetime({ error: 'must be a date and time like 2025-01-31T09:30:00.000Z' }),
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
