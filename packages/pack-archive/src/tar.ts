// Writes a tar stream byte for byte the same every time: entries in the order given, fixed mode, owner and mtime,
// a pax header only where ustar cannot hold the path (e.g. non-ASCII file names), then gzip with a fixed header.
import { gzipSync } from 'node:zlib';
import { Header, Pax } from 'tar';

export interface TarFile {
  path: string;
  bytes: Uint8Array;
}

/** Every entry's mtime: fixed, so the bytes do not depend on when or where the files were edited. */
export const ENTRY_MTIME = new Date('2000-01-01T00:00:00Z');
const BLOCK = 512;

function entryHeader(path: string, size: number): Buffer[] {
  const data = { path, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', size, mtime: ENTRY_MTIME, type: 'File' as const };
  const header = new Header(data);
  const block = Buffer.alloc(BLOCK);
  const needPax = header.encode(block);
  if (!needPax) return [block];
  // The pax record carries the real path; the ustar header keeps a truncated one that old tools can still show.
  return [new Pax({ path, mtime: ENTRY_MTIME }).encode(), block];
}

export function tarBytes(files: readonly TarFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(...entryHeader(file.path, file.bytes.byteLength), Buffer.from(file.bytes));
    const pad = (BLOCK - (file.bytes.byteLength % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK)); // end of archive
  return Buffer.concat(parts);
}

export function gzipBytes(tar: Buffer): Buffer {
  const gz = gzipSync(tar, { level: 9 });
  gz[9] = 3; // the gzip header's OS byte says Unix on every platform, so Windows builds the same bytes
  return gz;
}
