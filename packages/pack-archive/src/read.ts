// Reads a pack archive in memory and trusts nothing in it. The gzip stream is inflated chunk by chunk and counted, so
// a compression bomb is stopped as soon as it passes the limit; every tar entry is checked (path, type, size, repeats)
// before its data is kept; the files are then checked against the checksums in ruyi-pack.json. Nothing is written to disk.
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
  packPathProblem,
  sha256,
  type ArchiveLimits,
} from './format.ts';

export type ReadResult =
  | { ok: true; meta: ArchiveMeta; files: Map<string, Uint8Array> }
  | { ok: false; errors: string[] };

/** ruyi-pack.json is small: a line per file. */
const MAX_META_BYTES = 1024 * 1024;
/** Room per entry for its tar header, a pax header and padding, on top of the files' own bytes. */
const TAR_OVERHEAD_PER_ENTRY = 3 * 512;
/** Path problems are collected so an editor sees them together; past this many, reading stops. */
const MAX_ERRORS = 20;

class Stop extends Error {}

const LINK_TYPES: Record<string, string> = {
  SymbolicLink: 'a symbolic link',
  Link: 'a hard link',
  CharacterDevice: 'a device file',
  BlockDevice: 'a device file',
  FIFO: 'a named pipe (FIFO)',
};

/** Where an archive entry may go: `ruyi-pack.json`, or a pack file under `pack/`. Null when the path is fine. */
function entryPathProblem(path: string): string | null {
  if (path === META_FILE) return null;
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is an absolute path';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.split('/').includes('..')) return "climbs out of the archive with '..'";
  if (!path.startsWith(`${PACK_FOLDER}/`)) return `is outside the ${PACK_FOLDER}/ folder (only ${META_FILE} may be at the top)`;
  return packPathProblem(path.slice(PACK_FOLDER.length + 1));
}

function describeMetaIssue(issue: z.core.$ZodIssue): string {
  // A bad file path is a key of `files`: say what is wrong with the path itself, not "invalid key".
  if (issue.code === 'invalid_key') return `${META_FILE} files: ${issue.issues.map((i) => i.message).join('; ')}`;
  const path = issue.path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : `.${String(seg)}`)).join('').replace(/^\./, '');
  return `${META_FILE}${path ? ` ${path}` : ''}: ${issue.message}`;
}

/** A folder entry may only be `pack` or a folder inside it, by a plain path. */
function folderPathProblem(path: string): string | null {
  if (path === PACK_FOLDER) return null;
  const problem = entryPathProblem(path);
  if (!problem || problem.startsWith('is not')) return null; // a folder is not a pack file: only its path's safety counts
  return problem;
}

/**
 * Reads and checks a `.ruyipack.tgz`. On success `files` holds every pack file by path relative to the pack folder
 * (`pack.yaml`, `scenarios/x.yaml`, `assets/…`), each matching its checksum in `meta`. Whether the pack itself is
 * valid is the loader's business: see `loadArchivePack`.
 */
export async function readPackArchive(bytes: Uint8Array, limits: Partial<ArchiveLimits> = {}): Promise<ReadResult> {
  const lim: ArchiveLimits = { ...DEFAULT_LIMITS, ...limits };
  const errors: string[] = [];
  const fail = (message: string): ReadResult => ({ ok: false, errors: [...errors, message] });
  if (bytes.byteLength < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    return fail('this is not a pack archive: a .ruyipack.tgz is gzip-compressed, and this file is not');

  const entries = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  let entryCount = 0;
  let declaredTotal = 0;
  let stopped: string | null = null;
  const stop = (message: string): never => {
    stopped ??= message;
    throw new Stop(message);
  };
  const problem = (message: string) => {
    if (errors.includes(message)) return;
    errors.push(message);
    if (errors.length >= MAX_ERRORS) stop(`stopped reading after ${MAX_ERRORS} problems`);
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
    if (++entryCount > lim.maxFiles) stop(`the archive has more than ${lim.maxFiles} entries, the most a pack archive may have`);
    const type = LINK_TYPES[entry.type];
    if (type) return problem(`'${path}' is ${type}${entry.linkpath ? ` (to '${entry.linkpath}')` : ''}: a pack archive holds only plain files`);
    if (entry.type === 'Directory') {
      // Harmless once its path is: folders are implied by the files' paths, so nothing is kept.
      const dirProblem = folderPathProblem(path.replace(/\/$/, ''));
      return dirProblem ? problem(`'${path}' ${dirProblem}`) : undefined;
    }
    const pathProblem = entryPathProblem(path);
    if (pathProblem) return problem(`'${path}' ${pathProblem}`);
    if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')
      return problem(`'${path}' is a tar entry of type ${entry.type}: a pack archive holds only plain files`);
    const key = path.normalize('NFC').toLowerCase();
    if (seen.has(key)) return problem(`'${path}' is in the archive twice (or twice with names that differ only in case)`);
    seen.add(key);
    const max = path === META_FILE ? Math.min(MAX_META_BYTES, lim.maxFileBytes) : lim.maxFileBytes;
    if (entry.size > max) stop(`'${path}' is ${formatBytes(entry.size)}; a file may be at most ${formatBytes(max)}`);
    declaredTotal += entry.size;
    if (declaredTotal > lim.maxTotalBytes) stop(`the files in the archive add up to more than ${formatBytes(lim.maxTotalBytes)}, the most a pack may have`);
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
      problem(noTar ? 'the archive holds no tar data (it is not a .ruyipack.tgz)' : `the archive is damaged (${text})`);
    },
  });
  // After the end-of-archive blocks the parser would only pile up what follows; it is counted below, not parsed.
  let sawEnd = false;
  parser.on('eof', () => (sawEnd = true));
  parser.on('ignoredEntry', (entry: ReadEntry) => {
    if (!stopped) problem(`'${entry.path}' is a tar entry of a kind a pack archive may not hold (${entry.type})`);
  });

  // Inflate ourselves, counting every byte, rather than letting the parser do it unseen.
  const maxInflated = lim.maxTotalBytes + (lim.maxFiles + 2) * TAR_OVERHEAD_PER_ENTRY;
  const gunzip = createGunzip();
  Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(gunzip);
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (inflated === 0 && chunk[0] === 0x1f && chunk[1] === 0x8b) stop('the archive is compressed twice; a .ruyipack.tgz is a tar compressed once with gzip');
      inflated += chunk.length;
      if (inflated > maxInflated) stop(`uncompressed, the archive grows past ${formatBytes(lim.maxTotalBytes)}, the most a pack may hold; stopped reading it (a compression bomb?)`);
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
        ? 'the archive is cut short: the gzip data ends too early (an incomplete download?)'
        : `the archive is damaged: ${(e as Error).message}`;
    }
  } finally {
    gunzip.destroy();
  }
  if (stopped) return fail(stopped);
  if (errors.length) return { ok: false, errors };

  const metaBytes = entries.get(META_FILE);
  if (!metaBytes) return fail(`the archive has no ${META_FILE}, so it is not a pack archive (or it is damaged)`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(metaBytes));
  } catch (e) {
    return fail(`${META_FILE} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ArchiveMeta.safeParse(json);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map(describeMetaIssue) };
  const meta = parsed.data;

  const files = new Map<string, Uint8Array>();
  for (const [path, data] of entries) if (path !== META_FILE) files.set(path.slice(PACK_FOLDER.length + 1), data);
  for (const path of Object.keys(meta.files).sort()) {
    const data = files.get(path);
    if (!data) errors.push(`tampered: '${path}' is listed in ${META_FILE} but is not in the archive`);
    else if (sha256(data) !== meta.files[path]) errors.push(`tampered: '${path}' does not match its checksum in ${META_FILE} (the file was changed after the archive was built)`);
  }
  for (const path of [...files.keys()].sort())
    if (!(path in meta.files)) errors.push(`tampered: '${path}' is in the archive but not listed in ${META_FILE}`);
  if (filesDigest(meta.files) !== meta.digest) errors.push(`tampered: the digest in ${META_FILE} does not match its list of files`);
  if (!('pack.yaml' in meta.files) && !errors.length) errors.push(`the archive has no ${PACK_FOLDER}/pack.yaml`);
  return errors.length ? { ok: false, errors } : { ok: true, meta, files };
}
