// Pack archives for tests: real ones built from a pack folder with @ruyi/pack-archive, and hand-made ones (a small
// ustar writer) that hold what the builder never would: bad packs, '..' paths, links, wrong checksums.
import { buildPackArchive, filesDigest } from '@ruyi/pack-archive';
import { SCHEMA_VERSION } from '@ruyi/pack-schema';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { manifest, scenario, SCENARIO_ID } from './fixture-content.ts';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface TarEntry {
  path: string;
  bytes?: Uint8Array;
  /** 'file' unless said otherwise. */
  type?: 'file' | 'symlink' | 'hardlink' | 'directory';
  linkpath?: string;
  /** Size to write in the header (defaults to the bytes' length). */
  size?: number;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  const put = (text: string, offset: number, width: number) => block.write(text.slice(0, width), offset, width, 'utf8');
  put(entry.path, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(946684800, 12), 136, 12);
  const type = { file: '0', hardlink: '1', symlink: '2', directory: '5' }[entry.type ?? 'file'];
  put(type, 156, 1);
  put(entry.linkpath ?? '', 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return block;
}

/** A .tgz of exactly these entries, in this order. */
export function tgz(entries: readonly TarEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const bytes = entry.type && entry.type !== 'file' ? new Uint8Array() : (entry.bytes ?? new Uint8Array());
    parts.push(header(entry, entry.size ?? bytes.byteLength), Buffer.from(bytes));
    const pad = (512 - (bytes.byteLength % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return new Uint8Array(gzipSync(Buffer.concat(parts)));
}

export interface MetaOptions {
  id: string;
  version: string;
  /** Checksums to claim instead of the real ones. */
  checksums?: Record<string, string>;
}

/** ruyi-pack.json for these pack files (paths relative to the pack folder), as the builder would write it. */
export function metaFor(files: ReadonlyMap<string, Uint8Array>, options: MetaOptions): Uint8Array {
  const checksums = Object.fromEntries([...files].map(([p, b]) => [p, sha256(b)]));
  Object.assign(checksums, options.checksums);
  const sorted = Object.fromEntries(Object.keys(checksums).sort().map((k) => [k, checksums[k]!]));
  const meta = {
    format: 1,
    id: options.id,
    version: options.version,
    // What the builder writes: the format of the pack as loaded (older packs are migrated on load).
    schemaVersion: SCHEMA_VERSION,
    builtAt: '2026-06-01T09:00:00.000Z',
    files: sorted,
    digest: filesDigest(sorted),
  };
  return Buffer.from(`${JSON.stringify(meta, null, 2)}\n`);
}

/** A hand-made archive of these pack files with a matching ruyi-pack.json, plus any extra raw entries. */
export function handMadeArchive(files: ReadonlyMap<string, Uint8Array>, options: MetaOptions, extra: TarEntry[] = []): Uint8Array {
  return tgz([
    { path: 'ruyi-pack.json', bytes: metaFor(files, options) },
    ...[...files].map(([path, bytes]) => ({ path: `pack/${path}`, bytes })),
    ...extra,
  ]);
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

export interface PackVariant {
  id?: string;
  version?: string;
  /** Replaces the English title. */
  title?: string;
  area?: string;
  /** Files under assets/, by path inside it. */
  assets?: Record<string, string | Uint8Array>;
}

/** The files of a variant of the fixture pack, by path relative to the pack folder. */
export function packFiles(variant: PackVariant = {}): Map<string, Uint8Array> {
  const id = variant.id ?? 'fire-extra';
  const files = new Map<string, Uint8Array>([
    [
      'pack.yaml',
      json({
        ...manifest,
        id,
        version: variant.version ?? '1.0.0',
        area: variant.area ?? manifest.area,
        title: { ...manifest.title, en: variant.title ?? `Pack ${id}` },
      }),
    ],
    [`scenarios/${SCENARIO_ID}.yaml`, json(scenario)],
  ]);
  for (const [path, content] of Object.entries(variant.assets ?? {}))
    files.set(`assets/${path}`, typeof content === 'string' ? Buffer.from(content) : content);
  return files;
}

/** Writes a variant of the fixture pack into `<dir>/<id>/` and builds its archive with @ruyi/pack-archive. */
export async function buildArchive(workDir: string, contentDir: string, variant: PackVariant = {}) {
  const files = packFiles(variant);
  const packDir = join(workDir, `${variant.id ?? 'fire-extra'}-${variant.version ?? '1.0.0'}-${Math.random().toString(36).slice(2)}`, variant.id ?? 'fire-extra');
  for (const [path, bytes] of files) {
    mkdirSync(join(packDir, path, '..'), { recursive: true });
    writeFileSync(join(packDir, path), bytes);
  }
  return buildPackArchive(packDir, { contentDir });
}
