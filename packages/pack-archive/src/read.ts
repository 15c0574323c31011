// Reads a pack archive in memory and trusts nothing in it. The gzip stream is inflated chunk by chunk and counted, so
// a compression bomb is stopped as soon as it passes the limit; every tar entry is checked (path, type, size, repeats)
// before its data is kept; the files are then checked against the checksums in ruyi-pack.json. Nothing is written to disk.
import { codedIssue } from '@ruyi/pack-schema';
import { coded, withReason, type CodedMessage, type MessageCode, type MessageParams } from '@ruyi/pack-schema/messages';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import type { z } from 'zod';
import {
  ArchiveMeta,
  DEFAULT_LIMITS,
  filesDigest,
  formatBytes,
  META_FILE,
  PACK_FOLDER,
  packPathReason,
  sha256,
  type ArchiveLimits,
  type PathIssueParams,
} from './format.ts';

/**
 * On failure, `problems` say what is wrong by code and params (so staff read them in their language) and `errors` the
 * same in English, one line each.
 */
export type ReadResult =
  | { ok: true; meta: ArchiveMeta; files: Map<string, Uint8Array> }
  | { ok: false; errors: string[]; problems: CodedMessage[] };

/** ruyi-pack.json is small: a line per file. */
const MAX_META_BYTES = 1024 * 1024;
/** Room per entry for its tar header, a pax header and padding, on top of the files' own bytes. */
const TAR_OVERHEAD_PER_ENTRY = 3 * 512;
/** Path problems are collected so an editor sees them together; past this many, reading stops. */
const MAX_ERRORS = 20;

class Stop extends Error {}

const failed = (problems: CodedMessage[]): ReadResult => ({ ok: false, errors: problems.map((p) => p.message), problems });

const LINK_TYPES: Record<string, string> = {
  SymbolicLink: 'a symbolic link',
  Link: 'a hard link',
  CharacterDevice: 'a device file',
  BlockDevice: 'a device file',
  FIFO: 'a named pipe (FIFO)',
};

/** Where an archive entry may go: `ruyi-pack.json`, or a pack file under `pack/`. Null when the path is fine. */
function entryPathReason(path: string): CodedMessage | null {
  if (path === META_FILE) return null;
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return coded('reason.path-absolute');
  if (path.includes('\\')) return coded('reason.entry-backslash');
  if (path.split('/').includes('..')) return coded('reason.entry-climbs');
  if (!path.startsWith(`${PACK_FOLDER}/`)) return coded('reason.entry-outside');
  return packPathReason(path.slice(PACK_FOLDER.length + 1));
}

const atPath = (path: string, reason: CodedMessage) => coded('archive.entry-path', { ...withReason(reason), path });

// Reasons that do not count against a folder: it is not a pack file, so only its path's safety counts.
const NOT_A_PACK_FILE: readonly MessageCode[] = ['reason.path-not-plain', 'reason.path-not-scenario', 'reason.path-not-asset', 'reason.path-not-pack'];

function describeMetaIssue(issue: z.core.$ZodIssue): CodedMessage {
  // A bad file path is a key of `files`: say what is wrong with the path itself, not "invalid key".
  if (issue.code === 'invalid_key') {
    const [only, ...more] = issue.issues;
    const params = (only as { params?: Partial<PathIssueParams> } | undefined)?.params;
    if (params?.path !== undefined && params.reason && !more.length) return coded('archive.meta-file-path', { ...withReason(params.reason), path: params.path });
    return coded('archive.meta-field', { key: 'files', reason: issue.issues.map((i) => i.message).join('; ') });
  }
  const key = issue.path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : `.${String(seg)}`)).join('').replace(/^\./, '');
  // The schema library's words as they always read, with the code that says them in another language.
  const own = issue.code === 'unrecognized_keys' ? { ...coded('field.unknown', { key: issue.keys.join(', ') }), message: issue.message } : codedIssue(issue);
  const reason: MessageParams = { ...withReason(own), field: key || META_FILE };
  return key ? coded('archive.meta-field', { ...reason, key }) : coded('archive.meta', reason);
}

/** A folder entry may only be `pack` or a folder inside it, by a plain path. */
function folderPathReason(path: string): CodedMessage | null {
  if (path === PACK_FOLDER) return null;
  const reason = entryPathReason(path);
  return reason && !NOT_A_PACK_FILE.includes(reason.code) ? reason : null;
}

/**
 * Reads and checks a `.ruyipack.tgz`. On success `files` holds every pack file by path relative to the pack folder
 * (`pack.yaml`, `scenarios/x.yaml`, `assets/…`), each matching its checksum in `meta`. Whether the pack itself is
 * valid is the loader's business: see `loadArchivePack`.
 */
export async function readPackArchive(bytes: Uint8Array, limits: Partial<ArchiveLimits> = {}): Promise<ReadResult> {
  const lim: ArchiveLimits = { ...DEFAULT_LIMITS, ...limits };
  const errors: CodedMessage[] = [];
  const fail = (problem: CodedMessage): ReadResult => failed([...errors, problem]);
  if (bytes.byteLength < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return fail(coded('archive.not-gzip'));

  const entries = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  let entryCount = 0;
  let declaredTotal = 0;
  let stopped: CodedMessage | null = null;
  const stop = (problem: CodedMessage): never => {
    stopped ??= problem;
    throw new Stop(problem.message);
  };
  const problem = (found: CodedMessage) => {
    if (errors.some((e) => e.message === found.message)) return;
    errors.push(found);
    if (errors.length >= MAX_ERRORS) stop(coded('archive.too-many-problems', { max: MAX_ERRORS }));
  };

  // Every entry is resumed, so the parser keeps flowing; data is kept only for entries that pass every check.
  const onEntry = (entry: ReadEntry) => {
    try {
      checkEntry(entry);
    } finally {
      entry.resume();
    }
  };
  const checkEntry = (entry: ReadEntry) => {
    if (stopped) return;
    const path = entry.path;
    if (++entryCount > lim.maxFiles) stop(coded('archive.too-many-entries', { max: lim.maxFiles }));
    const link = LINK_TYPES[entry.type];
    if (link) return problem(coded('archive.link', { path, link, target: entry.linkpath ? ` (to '${entry.linkpath}')` : '' }));
    if (entry.type === 'Directory') {
      // Harmless once its path is: folders are implied by the files' paths, so nothing is kept.
      const dirReason = folderPathReason(path.replace(/\/$/, ''));
      return dirReason ? problem(atPath(path, dirReason)) : undefined;
    }
    const pathReason = entryPathReason(path);
    if (pathReason) return problem(atPath(path, pathReason));
    if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') return problem(coded('archive.entry-type', { path, type: entry.type }));
    const key = path.normalize('NFC').toLowerCase();
    if (seen.has(key)) return problem(coded('archive.twice', { path }));
    seen.add(key);
    const max = path === META_FILE ? Math.min(MAX_META_BYTES, lim.maxFileBytes) : lim.maxFileBytes;
    if (entry.size > max) stop(coded('archive.file-too-big', { path, size: formatBytes(entry.size), max: formatBytes(max) }));
    declaredTotal += entry.size;
    if (declaredTotal > lim.maxTotalBytes) stop(coded('archive.total-too-big', { max: formatBytes(lim.maxTotalBytes) }));
    const chunks: Buffer[] = [];
    let received = 0;
    entry.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= entry.size) chunks.push(chunk);
    });
    entry.on('end', () => {
      if (received === entry.size) entries.set(path, new Uint8Array(Buffer.concat(chunks, received)));
    });
  };

  const parser = new Parser({
    strict: false,
    gzip: false,
    brotli: false,
    zstd: false,
    maxMetaEntrySize: 64 * 1024,
    onReadEntry: onEntry,
    onwarn: (code: string, message: string | Error) => {
      const text = message instanceof Error ? message.message : message;
      const noTar = (code === 'TAR_BAD_ARCHIVE' && /Unrecognized archive format/.test(text)) || (code === 'TAR_ENTRY_INVALID' && entryCount === 0);
      problem(noTar ? coded('archive.no-tar') : coded('archive.damaged', { detail: text }));
    },
  });
  // After the end-of-archive blocks the parser would only pile up what follows; it is counted below, not parsed.
  let sawEnd = false;
  parser.on('eof', () => (sawEnd = true));
  parser.on('ignoredEntry', (entry: ReadEntry) => {
    if (!stopped) problem(coded('archive.entry-kind', { path: entry.path, type: entry.type }));
  });

  // Inflate ourselves, counting every byte, rather than letting the parser do it unseen.
  const maxInflated = lim.maxTotalBytes + (lim.maxFiles + 2) * TAR_OVERHEAD_PER_ENTRY;
  const gunzip = createGunzip();
  Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(gunzip);
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (inflated === 0 && chunk[0] === 0x1f && chunk[1] === 0x8b) stop(coded('archive.compressed-twice'));
      inflated += chunk.length;
      if (inflated > maxInflated) stop(coded('archive.bomb', { max: formatBytes(lim.maxTotalBytes) }));
      if (!sawEnd) parser.write(chunk);
      if (stopped) break;
    }
    if (!stopped) {
      const ended = new Promise<void>((resolve) => parser.once('end', () => resolve()));
      parser.end();
      await ended;
    }
  } catch (e) {
    if (!(e instanceof Stop)) {
      const code = (e as { code?: string }).code;
      stopped ??= code === 'Z_BUF_ERROR' || /unexpected end/i.test(String((e as Error).message))
        ? coded('archive.cut-short')
        : coded('archive.damaged', { detail: String((e as Error).message) });
    }
  } finally {
    gunzip.destroy();
  }
  if (stopped) return fail(stopped);
  if (errors.length) return failed(errors);

  const metaBytes = entries.get(META_FILE);
  if (!metaBytes) return fail(coded('archive.no-meta'));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(metaBytes));
  } catch (e) {
    return fail(coded('archive.meta-json', { detail: (e as Error).message }));
  }
  const parsed = ArchiveMeta.safeParse(json);
  if (!parsed.success) return failed(parsed.error.issues.map(describeMetaIssue));
  const meta = parsed.data;

  const files = new Map<string, Uint8Array>();
  for (const [path, data] of entries) if (path !== META_FILE) files.set(path.slice(PACK_FOLDER.length + 1), data);
  for (const path of Object.keys(meta.files).sort()) {
    const data = files.get(path);
    if (!data) errors.push(coded('archive.tampered-missing', { path }));
    else if (sha256(data) !== meta.files[path]) errors.push(coded('archive.tampered-checksum', { path }));
  }
  for (const path of [...files.keys()].sort()) if (!(path in meta.files)) errors.push(coded('archive.tampered-extra', { path }));
  if (filesDigest(meta.files) !== meta.digest) errors.push(coded('archive.tampered-digest'));
  if (!('pack.yaml' in meta.files) && !errors.length) errors.push(coded('archive.no-manifest'));
  return errors.length ? failed(errors) : { ok: true, meta, files };
}
