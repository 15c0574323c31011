// Everything the pack store knows about the pack format and the archive format, in one place: reading an uploaded
// archive (@ruyi/pack-archive), validating its pack with the real loader (@ruyi/pack-schema), and turning an installed
// version folder into the loader's PackFiles. When either format changes, this is the module to adapt.
// A namespace import: the server still starts if the archive package is mid-change; only installing would fail.
import * as archive from '@ruyi/pack-archive';
import { Id, loadContent, MANIFEST_FILE, WHOLE_ARCHIVE, type Content, type Pack, type PackError, type PackFiles } from '@ruyi/pack-schema';
import { coded, type CodedMessage } from '@ruyi/pack-schema/messages';
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

/** A problem of the archive as a whole, with its code, so the admin page says it in the staff's language. */
const archiveError = (problem: CodedMessage): PackError => ({ file: WHOLE_ARCHIVE, path: '', ...problem });

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
  if (!read.ok) return { ok: false, errors: read.problems.map(archiveError) };
  const { meta, files } = read;
  // The reader already checked these; the store builds folder names from them, so check again where they are used.
  if (!Id.safeParse(meta.id).success) return { ok: false, errors: [archiveError(coded('archive.bad-id', { id: meta.id }))] };
  if (!VERSION.test(meta.version)) return { ok: false, errors: [archiveError(coded('archive.bad-version', { version: meta.version }))] };
  if (!/^[0-9a-f]{64}$/.test(meta.digest)) return { ok: false, errors: [archiveError(coded('archive.bad-digest', { digest: meta.digest }))] };
  const unsafe = [...files.keys()].filter((p) => !isSafeRelativePath(p));
  if (unsafe.length) return { ok: false, errors: unsafe.map((p) => archiveError(coded('archive.unsafe-path', { path: p }))) };

  if (areas === null) return { ok: false, errors: [{ file: 'park.yaml', path: '', ...coded('install.park-not-loaded') }] };
  const dir = uploadedPackDir(meta.id);
  const loaded = archive.loadArchivePack(read, dir);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const pack = loaded.value;
  if (!areas.includes(pack.area))
    return { ok: false, errors: [{ file: `${dir}/${MANIFEST_FILE}`, path: 'area', ...coded('install.area-not-in-park', { area: pack.area, areas: areas.join(', ') }) }] };
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

