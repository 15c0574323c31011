// Turns an archive's files into what the pack loader reads, so a server can validate an uploaded pack in memory,
// before anything is written to disk.
import { loadPack, MANIFEST_FILE, type LoadResult, type Pack, type PackError, type PackFiles } from '@ruyi/pack-schema';
import { coded } from '@ruyi/pack-schema/messages';
import type { ArchiveMeta } from './format.ts';

const utf8 = new TextDecoder('utf-8');

/**
 * `files` are keyed by path relative to the pack folder (`pack.yaml`, `scenarios/plant.yaml`, `assets/…`), as
 * `readPackArchive` returns them; `dir` is where the pack would sit in a content folder (`packs/<id>`), which error
 * messages use as the file's path.
 */
export function packFilesFromArchive(files: ReadonlyMap<string, Uint8Array>, dir: string): PackFiles {
  const manifest = files.get(MANIFEST_FILE);
  const scenarios: PackFiles['scenarios'] = {};
  for (const path of [...files.keys()].sort()) {
    const match = /^scenarios\/([^/]+\.yaml)$/.exec(path);
    if (match) scenarios[match[1]!] = { path: `${dir}/${path}`, text: utf8.decode(files.get(path)!) };
  }
  return {
    dir,
    manifest: manifest ? { path: `${dir}/${MANIFEST_FILE}`, text: utf8.decode(manifest) } : null,
    scenarios,
    // The loader checks asset files (present, of their kind, within budget) through this.
    readAsset: (relPath) => files.get(`assets/${relPath}`) ?? null,
  };
}

/**
 * Loads the pack inside a read archive and checks that its pack.yaml says what `ruyi-pack.json` says (id, version,
 * schemaVersion), so the name on the archive cannot differ from what it installs.
 */
export function loadArchivePack(archive: { meta: ArchiveMeta; files: ReadonlyMap<string, Uint8Array> }, dir = `packs/${archive.meta.id}`): LoadResult<Pack> {
  const loaded = loadPack(packFilesFromArchive(archive.files, dir));
  if (!loaded.ok) return loaded;
  const file = `${dir}/${MANIFEST_FILE}`;
  const errors: PackError[] = [];
  for (const key of ['id', 'version', 'schemaVersion'] as const) {
    if (loaded.value[key] !== archive.meta[key])
      errors.push({ file, path: key, ...coded('archive.tampered', { key, a: String(loaded.value[key]), b: String(archive.meta[key]) }) });
  }
  return errors.length ? { ok: false, errors } : loaded;
}
