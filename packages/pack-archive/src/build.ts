// Builds a pack's archive from its folder: validate with the real loader, collect exactly the files a pack may hold,
// checksum them, and write a deterministic tar.gz (same pack, same bytes, apart from `builtAt`).
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { coded, formatError, PARK_FILE, withReason, type PackError, type SourceFile } from '@ruyi/pack-schema';
import { checkContent } from './check.ts';
import {
  ARCHIVE_FORMAT,
  archiveFileName,
  ArchiveMeta,
  byCodeUnit,
  DEFAULT_LIMITS,
  filesDigest,
  formatBytes,
  META_FILE,
  PACK_FOLDER,
  packPathReason,
  sha256,
  type ArchiveLimits,
} from './format.ts';
import { packFilesFromArchive } from './pack-files.ts';
import { gzipBytes, tarBytes, type TarFile } from './tar.ts';

export interface BuildOptions {
  /** The content folder the pack belongs to: its park.yaml says which areas exist. */
  contentDir: string;
  /** Written into ruyi-pack.json; defaults to now. The only input that changes the bytes of an unchanged pack. */
  builtAt?: Date;
  /** The limits the archive must stay within, so a park's server will accept it; defaults to DEFAULT_LIMITS. */
  limits?: Partial<ArchiveLimits>;
}

export interface BuiltArchive {
  /** `<id>-<version>.ruyipack.tgz` */
  fileName: string;
  bytes: Uint8Array;
  meta: ArchiveMeta;
  /** Warnings from the pack loader: they do not stop the build. */
  warnings: PackError[];
  /** Files in the pack folder that are not part of a pack and were left out (notes, hidden files), relative to it. */
  skipped: string[];
}

/** Thrown when a pack cannot be built; `errors` say why, each naming its file (and line, when the loader knows it). */
export class PackBuildError extends Error {
  constructor(readonly errors: PackError[]) {
    super(`the pack cannot be built:\n${errors.map((e) => `  ${formatError(e)}`).join('\n')}`);
    this.name = 'PackBuildError';
  }
}

const toPosix = (p: string) => p.split('\\').join('/');

interface Collected {
  files: Map<string, Uint8Array>;
  skipped: string[];
  errors: PackError[];
}

/** The files of the pack folder that belong in the archive: pack.yaml, scenarios/*.yaml, assets/** (no hidden files). */
function collectFiles(packDir: string, shownDir: string): Collected {
  const out: Collected = { files: new Map(), skipped: [], errors: [] };
  const walk = (dir: string, rel: string, inAssets: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodeUnit(a.name, b.name))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const full = join(dir, entry.name);
      const wanted = inAssets || path === 'pack.yaml' || path === 'scenarios' || path === 'assets' || /^scenarios\/[^/]+\.yaml$/.test(path);
      if (entry.name.startsWith('.') || !wanted) {
        out.skipped.push(entry.isDirectory() ? `${path}/` : path);
        continue;
      }
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        out.errors.push({ file: `${shownDir}/${path}`, path: '', ...coded('build.symlink') });
      } else if (stat.isDirectory()) {
        if (path === 'pack.yaml' || path.startsWith('scenarios/')) out.skipped.push(`${path}/`);
        else walk(full, path, inAssets || path === 'assets');
      } else if (!stat.isFile()) {
        out.errors.push({ file: `${shownDir}/${path}`, path: '', ...coded('build.not-regular') });
      } else if (path === 'scenarios' || path === 'assets') {
        out.errors.push({ file: `${shownDir}/${path}`, path: '', ...coded('build.not-folder') });
      } else {
        const reason = packPathReason(path);
        if (reason) out.errors.push({ file: `${shownDir}/${path}`, path: '', ...coded('build.file-name', withReason(reason)) });
        else out.files.set(path, readFileSync(full));
      }
    }
  };
  walk(packDir, '', false);
  return out;
}

function checkLimits(files: Map<string, Uint8Array>, limits: ArchiveLimits, shownDir: string): PackError[] {
  const errors: PackError[] = [];
  const entries = files.size + 1; // + ruyi-pack.json
  if (entries > limits.maxFiles)
    errors.push({ file: shownDir, path: '', ...coded('build.too-many-files', { count: files.size, max: limits.maxFiles - 1 }) });
  let total = 0;
  for (const [path, bytes] of files) {
    total += bytes.byteLength;
    if (bytes.byteLength > limits.maxFileBytes)
      errors.push({ file: `${shownDir}/${path}`, path: '', ...coded('build.file-too-big', { size: formatBytes(bytes.byteLength), max: formatBytes(limits.maxFileBytes) }) });
  }
  if (total > limits.maxTotalBytes)
    errors.push({ file: shownDir, path: '', ...coded('build.too-big', { size: formatBytes(total), max: formatBytes(limits.maxTotalBytes) }) });
  return errors;
}

/**
 * Builds the archive of the pack in `packDir`. Refuses (throws PackBuildError) when the pack does not validate, when
 * its folder holds symbolic links or file names a pack may not have, or when it is over the archive limits.
 */
export async function buildPackArchive(packDir: string, options: BuildOptions): Promise<BuiltArchive> {
  const { contentDir } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const dir = toPosix(relative(contentDir, packDir));
  if (!existsSync(packDir) || !lstatSync(packDir).isDirectory())
    throw new PackBuildError([{ file: dir, path: '', ...coded('build.no-pack') }]);

  const collected = collectFiles(packDir, dir);
  if (collected.errors.length) throw new PackBuildError(collected.errors);
  const limitErrors = checkLimits(collected.files, limits, dir);
  if (limitErrors.length) throw new PackBuildError(limitErrors);

  // Validate the very bytes that go into the archive, with the park's areas.
  const parkPath = join(contentDir, PARK_FILE);
  const park: SourceFile | null = existsSync(parkPath) ? { path: PARK_FILE, text: readFileSync(parkPath, 'utf8') } : null;
  const report = checkContent({ park, packs: [packFilesFromArchive(collected.files, dir)] });
  const packReport = report.packs[0]!;
  const errors = [...report.parkErrors, ...packReport.errors];
  if (errors.length || !packReport.pack) throw new PackBuildError(errors);
  const pack = packReport.pack;

  const paths = [...collected.files.keys()].sort(byCodeUnit);
  const files = Object.fromEntries(paths.map((p) => [p, sha256(collected.files.get(p)!)]));
  const meta = ArchiveMeta.parse({
    format: ARCHIVE_FORMAT,
    id: pack.id,
    version: pack.version,
    schemaVersion: pack.schemaVersion,
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    files,
    digest: filesDigest(files),
  });
  const entries: TarFile[] = [
    { path: META_FILE, bytes: Buffer.from(`${JSON.stringify(meta, null, 2)}\n`) },
    ...paths.map((p) => ({ path: `${PACK_FOLDER}/${p}`, bytes: collected.files.get(p)! })),
  ];
  const bytes = new Uint8Array(gzipBytes(tarBytes(entries)));
  return {
    fileName: archiveFileName(meta.id, meta.version),
    bytes,
    meta,
    warnings: [...report.parkWarnings, ...packReport.warnings],
    skipped: collected.skipped.sort(byCodeUnit),
  };
}
