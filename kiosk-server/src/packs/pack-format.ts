// Everything the pack store knows about the pack format and the archive format, in one place: reading an uploaded
// archive (@ruyi/pack-archive), validating its pack with the real loader (@ruyi/pack-schema), and turning an installed
// version folder into the loader's PackFiles. When either format changes, this is the module to adapt.
// A namespace import: the server still starts if the archive package is mid-change; only installing would fail.
import * as archive from '@ruyi/pack-archive';
import { Id, loadContent, MANIFEST_FILE, type Content, type Pack, type PackError, type PackFiles } from '@ruyi/pack-schema';
import { readContentFiles, readPackFiles } from '@ruyi/pack-schema/node';

export type { PackError, PackFiles };

/** Where a rejected upload's problems are reported: the folder an editor has in their content folder. */
export const uploadedPackDir = (id: string) => `packs/${id}`;

const VERSION = /^\d+\.\d+\.\d+$/;

export interface CheckedArchive {
  id: string;
  version: string;
  /** The archive's content digest, lower-case hex. */
  digest: string;
  pack: Pack;
  /** Every file of the pack, by its path inside the pack folder (`pack.yaml`, `scenarios/a.yaml`, `assets/…`). */
  files: Map<string, Uint8Array>;
}

export type CheckResult = { ok: true; value: CheckedArchive } | { ok: false; errors: PackError[] };

/** A path inside the pack folder that is safe to create under it: relative, no `..`, no empty or odd segments. */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.length > 1024 || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && !/^[A-Za-z]:$/.test(seg));
}

const archiveError = (message: string): PackError => ({ file: '(archive)', path: '', message });

/**
 * The largest upload worth reading: the archive reader refuses more than `maxTotalBytes` of files once inflated, and
 * gzip cannot shrink already-compressed models, images and audio by much, so a bigger upload can never pass. The
 * margin covers tar headers and the odd text file that compresses well.
 */
export const MAX_UPLOAD_BYTES = archive.DEFAULT_LIMITS.maxTotalBytes + 16 * 1024 * 1024;

/**
 * Reads an uploaded archive and validates its pack. `areas` are the park's areas (null when the park itself failed to
 * load, in which case no pack can be installed).
 */
export async function checkArchive(bytes: Uint8Array, areas: readonly string[] | null): Promise<CheckResult> {
  const read = await archive.readPackArchive(bytes);
  if (!read.ok) return { ok: false, errors: read.errors.map(archiveError) };
  const { meta, files } = read;
  // The reader already checked these; the store builds folder names from them, so check again where they are used.
  if (!Id.safeParse(meta.id).success) return { ok: false, errors: [archiveError(`the archive's pack id '${meta.id}' is not a valid pack id`)] };
  if (!VERSION.test(meta.version)) return { ok: false, errors: [archiveError(`the archive's version '${meta.version}' is not a version like 1.0.0`)] };
  if (!/^[0-9a-f]{64}$/.test(meta.digest)) return { ok: false, errors: [archiveError(`the archive's digest '${meta.digest}' is not a sha256 in hex`)] };
  const unsafe = [...files.keys()].filter((p) => !isSafeRelativePath(p));
  if (unsafe.length) return { ok: false, errors: unsafe.map((p) => archiveError(`unsafe file path '${p}' in the archive`)) };

  if (areas === null)
    return { ok: false, errors: [{ file: 'park.yaml', path: '', message: 'the park itself did not load (see GET /api/content): no pack can be installed until it is fixed' }] };
  const dir = uploadedPackDir(meta.id);
  const loaded = archive.loadArchivePack(read, dir);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const pack = loaded.value;
  if (!areas.includes(pack.area))
    return { ok: false, errors: [{ file: `${dir}/${MANIFEST_FILE}`, path: 'area', message: `area '${pack.area}' is not an area of the park (${areas.join(', ')})` }] };
  return { ok: true, value: { id: meta.id, version: meta.version, digest: meta.digest, pack, files } };
}

/**
 * The loader's view of an installed version folder. Its files are named as the editor knows them
 * (`installed/<id>/pack.yaml`), and the folder name the loader checks against the pack id is the id, not the version.
 */
export function installedPackFiles(versionDir: string, id: string): PackFiles {
  const files = readPackFiles(versionDir, versionDir);
  const dir = `installed/${id}`;
  const rename = (f: { path: string; text: string }) => ({ ...f, path: `${dir}/${f.path}` });
  return {
    ...files,
    dir,
    manifest: files.manifest && rename(files.manifest),
    scenarios: Object.fromEntries(Object.entries(files.scenarios).map(([name, f]) => [name, rename(f)])),
  };
}

export interface InstalledVersion {
  id: string;
  /** `<version>-<digest8>` */
  key: string;
  dir: string;
}

/**
 * The park's content: park.yaml and the built-in packs from the content folder, plus the current version of every
 * installed pack. An installed pack replaces the built-in pack with the same id while it is installed.
 */
export function composeContent(contentDir: string, installed: readonly InstalledVersion[]): Content {
  const files = readContentFiles(contentDir);
  const installedIds = new Set(installed.map((v) => v.id));
  const builtIn = files.packs.filter((p) => !installedIds.has(p.dir.split('/').pop() ?? ''));
  return loadContent({ park: files.park, packs: [...builtIn, ...installed.map((v) => installedPackFiles(v.dir, v.id))] });
}

