// Finding a file in a pack's assets/ folder from a URL path, safely: no `..`, no absolute paths, no hidden files, and
// no symlink that leads out of the folder (the real path must still be inside the real assets folder).
import { realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

export const ASSETS_DIR = 'assets';

const TYPES: Record<string, string> = {
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream',
  '.ktx2': 'image/ktx2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentType = (path: string) => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

export interface AssetFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The file at `relativePath` (URL-decoded, `/`-separated) inside `<packDir>/assets/`, or null. */
export function resolveAsset(packDir: string, relativePath: string): AssetFile | null {
  if (!relativePath || relativePath.length > 1024 || relativePath.includes('\\') || relativePath.includes('\0')) return null;
  const segments = relativePath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null;
  let root: string;
  let real: string;
  try {
    root = realpathSync(join(packDir, ASSETS_DIR));
    real = realpathSync(join(root, ...segments));
  } catch {
    return null;
  }
  if (!real.startsWith(root + sep)) return null;
  const stat = statSync(real, { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  return { path: real, size: stat.size, mtimeMs: stat.mtimeMs };
}
