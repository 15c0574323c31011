// npm run pack -- validate [path...] [--json]
// Checks packs with the real loader, against the park's areas, and prints each problem as file:line:column path: message.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkContent, type PackReport } from '@ruyi/pack-archive';
import { formatError, MANIFEST_FILE, PARK_FILE, type PackError, type SourceFile } from '@ruyi/pack-schema';
import { readPackFiles } from '@ruyi/pack-schema/node';
import { DEFAULT_CONTENT_DIR, EXIT_INVALID, EXIT_OK, formatProblem, formatWarningIn, parse, shown, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';
import { textsFor } from '../texts.ts';
import { placeholderWarnings } from '../placeholders.ts';

export const USAGE = `usage: npm run pack -- validate [path...] [--json]

Checks packs as the park will load them and prints each problem as file:line:column path: message
(warnings are marked "warning:" and do not fail the check).
  path    a pack folder (content/packs/<id>) or a content folder (with park.yaml and packs/);
          default: the content/ folder of this repository, every pack in it
  --json  print { ok, packs: [{ dir, id?, ok, errors, warnings }], parks: [{ file, ok, errors, warnings }] }
Exit code: 0 no errors (warnings allowed), 1 some content has errors, 2 usage error.`;

export const USAGE_ZH = `用法：npm run pack -- validate [路径...] [--json]

按园区加载的方式检查内容包，每个问题一行：文件:行:列 位置: 问题
（警告标为“警告：”，不会让检查失败）。
  路径    内容包文件夹（content/packs/<id>）或内容文件夹（含 park.yaml 和 packs/）；
          默认：本仓库的 content/ 文件夹中的所有内容包
  --json  输出 { ok, packs: [{ dir, id?, ok, errors, warnings }], parks: [{ file, ok, errors, warnings }] }
          （每个问题的 message 为英文，另有 code 和 params）
退出码：0 没有错误（可以有警告），1 有内容错误，2 用法错误。`;

/** Packs checked together: their files' paths are relative to `root`, and `parkRoot` holds the park.yaml they are checked against. */
interface Group {
  root: string;
  parkRoot: string;
  packDirs: Set<string>;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();
const packDirsIn = (contentDir: string) => {
  const packs = join(contentDir, 'packs');
  return isDir(packs) ? readdirSync(packs).map((n) => join(packs, n)).filter(isDir) : [];
};

/** Sorts the paths given into groups: a content folder, a pack inside one, or a pack folder on its own. */
function groupsFor(paths: readonly string[], io: CliIo): Group[] {
  const groups = new Map<string, Group>();
  const add = (root: string, parkRoot: string, dirs: string[]) => {
    const key = `${root}\n${parkRoot}`;
    const group = groups.get(key) ?? { root, parkRoot, packDirs: new Set<string>() };
    groups.set(key, group);
    for (const d of dirs) group.packDirs.add(d);
  };
  for (const arg of paths) {
    const path = resolve(io.cwd, arg);
    if (!isDir(path)) throw new UsageError(textsFor(io.lang).noFolder(shown(io, path)), false);
    if (existsSync(join(path, MANIFEST_FILE)) || (isDir(join(path, 'scenarios')) && !existsSync(join(path, PARK_FILE)))) {
      const parent = dirname(path);
      const contentDir = dirname(parent);
      if (basename(parent) === 'packs' && existsSync(join(contentDir, PARK_FILE))) add(contentDir, contentDir, [path]);
      // A pack folder outside any content folder is checked against this repository's park.
      else add(parent, DEFAULT_CONTENT_DIR, [path]);
    } else if (existsSync(join(path, PARK_FILE)) || isDir(join(path, 'packs'))) {
      add(path, path, packDirsIn(path));
    } else {
      throw new UsageError(textsFor(io.lang).notPackNorContent(shown(io, path), MANIFEST_FILE, PARK_FILE));
    }
  }
  return [...groups.values()];
}

const readPark = (parkRoot: string): SourceFile | null => {
  const path = join(parkRoot, PARK_FILE);
  return existsSync(path) ? { path: PARK_FILE, text: readFileSync(path, 'utf8') } : null;
};

export interface ValidatedPack extends Omit<PackReport, 'pack'> {
  id?: string;
  ok: boolean;
}

export interface ValidatedPark {
  file: string;
  ok: boolean;
  errors: PackError[];
  warnings: PackError[];
}

/** Validates the packs at `paths` (default: the repository's content folder); file paths are as the command shows them. */
export function validatePaths(paths: readonly string[], io: CliIo): { packs: ValidatedPack[]; parks: ValidatedPark[] } {
  const packs: ValidatedPack[] = [];
  const parks = new Map<string, ValidatedPark>();
  for (const group of groupsFor(paths.length ? paths : [DEFAULT_CONTENT_DIR], io)) {
    const packFiles = [...group.packDirs].map((d) => readPackFiles(group.root, d));
    const report = checkContent({ park: readPark(group.parkRoot), packs: packFiles });
    const inRoot = shownIn(io, group.root);
    const inPark = shownIn(io, group.parkRoot);
    const relocate = (show: (f: string) => string) => (e: PackError) => ({ ...e, file: show(e.file) });
    const parkFile = inPark(PARK_FILE);
    if (!parks.has(parkFile))
      parks.set(parkFile, { file: parkFile, ok: !report.parkErrors.length, errors: report.parkErrors.map(relocate(inPark)), warnings: report.parkWarnings.map(relocate(inPark)) });
    for (const r of report.packs) {
      const files = packFiles.find((f) => f.dir === r.dir)!;
      const warnings = [...r.warnings, ...placeholderWarnings(files)];
      packs.push({
        dir: inRoot(r.dir),
        ...(r.pack ? { id: r.pack.id } : {}),
        ok: !r.errors.length,
        errors: r.errors.map(relocate(inRoot)),
        warnings: warnings.map(relocate(inRoot)),
      });
    }
  }
  const unique = [...new Map(packs.map((p) => [p.dir, p])).values()];
  return { packs: unique, parks: [...parks.values()] };
}

export const formatWarning = (e: PackError) => formatError({ ...e, message: `warning: ${e.message}` });

export async function validate(args: string[], io: CliIo): Promise<number> {
  const usage = io.lang === 'zh-CN' ? USAGE_ZH : USAGE;
  return withUsage('validate', usage, io, () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, io.lang);
    if (values.help) {
      io.out(usage);
      return EXIT_OK;
    }
    const { packs, parks } = validatePaths(positionals, io);
    const ok = packs.every((p) => p.ok) && parks.every((p) => p.ok);
    if (values.json) {
      io.out(JSON.stringify({ ok, packs, parks }, null, 2));
      return ok ? EXIT_OK : EXIT_INVALID;
    }
    for (const { errors, warnings } of [...parks, ...packs]) {
      for (const e of errors) io.err(formatProblem(io, e));
      for (const w of warnings) io.err(formatWarningIn(io, w));
    }
    const warnings = [...packs, ...parks].reduce((n, p) => n + p.warnings.length, 0);
    const broken = packs.filter((p) => !p.ok).length;
    const summary = textsFor(io.lang).validateSummary(packs.length - broken, broken, warnings, parks.some((p) => !p.ok) ? PARK_FILE : null);
    (ok ? io.out : io.err)(summary);
    return ok ? EXIT_OK : EXIT_INVALID;
  });
}
