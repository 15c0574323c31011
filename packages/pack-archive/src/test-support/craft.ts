// Hand-made archives for the reader's tests: raw tar headers written with node-tar's low-level Header, so a test can
// put anything in an archive (paths that climb out, links, devices, lies about sizes), bypassing the builder's checks.
import { createGzip, gzipSync } from 'node:zlib';
import { Header, type HeaderData } from 'tar';
import { canonicalFilesJson, sha256 } from '../format.ts';

export interface RawEntry extends HeaderData {
  path: string;
  /** File content; its length is the header's size unless `size` says otherwise. */
  data?: Uint8Array | string;
}

export function rawTar(entries: readonly RawEntry[], { end = true } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const { data = '', ...header } of entries) {
    const body = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
    const block = Buffer.alloc(512);
    new Header({ mode: 0o644, uid: 0, gid: 0, mtime: new Date(0), type: 'File', size: body.length, ...header }).encode(block);
    parts.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  if (end) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const tgz = (entries: readonly RawEntry[]) => new Uint8Array(gzipSync(rawTar(entries)));

/** A ruyi-pack.json that matches `files` (paths relative to the pack folder), to be tampered with by the test. */
export function metaFor(files: Record<string, string | Uint8Array>, over: Record<string, unknown> = {}): string {
  const sums = Object.fromEntries(Object.entries(files).map(([p, d]) => [p, sha256(d)]));
  const meta = { format: 1, id: 'tiny-pack', version: '1.0.0', schemaVersion: 1, builtAt: '2025-01-01T00:00:00.000Z', files: sums, digest: sha256(canonicalFilesJson(sums)), ...over };
  return JSON.stringify(meta);
}

/** The entries of a well-formed archive holding `files`: ruyi-pack.json first, then each file under pack/. */
export function packEntries(files: Record<string, string | Uint8Array>): RawEntry[] {
  return [{ path: 'ruyi-pack.json', data: metaFor(files) }, ...Object.entries(files).map(([p, data]) => ({ path: `pack/${p}`, data }))];
}

/** gzip of `mib` MiB of zeros, streamed so the test never holds the inflated bytes: about 1 KiB per MiB. */
export async function gzipBomb(mib: number): Promise<Uint8Array> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => gz.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) if (!gz.write(zeros)) await new Promise((resolve) => gz.once('drain', resolve));
  gz.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}
