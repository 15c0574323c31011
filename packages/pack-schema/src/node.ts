// Reads a content folder from disk. Kept out of index.ts so the browser bundle never pulls in `fs`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ASSETS_DIR, type ReadAsset } from './assets.ts';
import { loadContent, PARK_FILE, type Content, type ContentFiles } from './content.ts';
import { MANIFEST_FILE, type PackFiles } from './load.ts';
import type { SourceFile } from './types.ts';

function read(root: string, path: string): SourceFile | null {
  if (!existsSync(path)) return null;
  return { path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
}

/**
 * Reads files of a pack's assets/ folder: null for a missing file (or a path that would leave the folder); a file that
 * cannot be read throws, and the check reports why.
 */
export function assetReader(packDir: string): ReadAsset {
  const root = resolve(packDir, ASSETS_DIR);
  return (relPath) => {
    const path = resolve(root, relPath);
    if (!path.startsWith(root + sep) || !existsSync(path)) return null;
    return new Uint8Array(readFileSync(path));
  };
}

export function readPackFiles(contentDir: string, packDir: string): PackFiles {
  const scenarioDir = join(packDir, 'scenarios');
  const scenarios: Record<string, SourceFile> = {};
  if (existsSync(scenarioDir)) {
    for (const name of readdirSync(scenarioDir).filter((n) => n.endsWith('.yaml')).sort())
      scenarios[name] = read(contentDir, join(scenarioDir, name))!;
  }
  return {
    dir: relative(contentDir, packDir).split('\\').join('/'),
    manifest: read(contentDir, join(packDir, MANIFEST_FILE)),
    scenarios,
    readAsset: assetReader(packDir),
  };
}

export function readContentFiles(contentDir: string): ContentFiles {
  const packsDir = join(contentDir, 'packs');
  const packDirs = existsSync(packsDir)
    ? readdirSync(packsDir)
        .map((name) => join(packsDir, name))
        .filter((p) => statSync(p).isDirectory())
    : [];
  return { park: read(contentDir, join(contentDir, PARK_FILE)), packs: packDirs.map((d) => readPackFiles(contentDir, d)) };
}

export function readContent(contentDir: string): Content {
  return loadContent(readContentFiles(contentDir));
}

export { jsonSchemas, staleJsonSchemas, writeJsonSchemas, JSON_SCHEMA_DIR, JSON_SCHEMA_COMMAND, type JsonSchemaFile } from './json-schema.ts';
