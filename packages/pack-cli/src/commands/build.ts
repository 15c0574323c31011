// npm run pack -- build [id...] [--out <dir>] [--content <dir>]
// Builds each pack's .ruyipack.tgz (all packs when no id is given), the file a park's server installs.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPackArchive, formatBytes, PackBuildError } from '@ruyi/pack-archive';
import { readPackFiles } from '@ruyi/pack-schema/node';
import { contentDirOption, EXIT_INVALID, EXIT_OK, formatProblem, formatWarningIn, parse, shown, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';
import { textsFor } from '../texts.ts';
import { placeholderWarnings } from '../placeholders.ts';

export const DEFAULT_OUT_DIR = 'dist/packs';

export const USAGE = `usage: npm run pack -- build [id...] [--out <dir>] [--content <dir>]

Builds <id>-<version>.ruyipack.tgz for each pack named (every pack when none is), after checking it as validate does.
A pack with errors, or with placeholder text from "new" still in it, is refused.
  --out <dir>      where to write the archives; default: ${DEFAULT_OUT_DIR}/
  --content <dir>  the content folder (park.yaml and packs/); default: content/ of this repository
Exit code: 0 all built, 1 some pack was refused, 2 usage error (such as a pack id that is not there).`;

export const USAGE_ZH = `用法：npm run pack -- build [id...] [--out <文件夹>] [--content <文件夹>]

像 validate 一样检查后，为指定的每个内容包（不指定则为全部）生成 <id>-<版本>.ruyipack.tgz。
有错误、或仍有 new 生成的占位文字的内容包会被拒绝。
  --out <文件夹>      压缩包写到哪里；默认：${DEFAULT_OUT_DIR}/
  --content <文件夹>  内容文件夹（park.yaml 和 packs/）；默认：本仓库的 content/
退出码：0 全部完成，1 有内容包被拒绝，2 用法错误（例如内容包 id 不存在）。`;

export async function build(args: string[], io: CliIo): Promise<number> {
  const usage = io.lang === 'zh-CN' ? USAGE_ZH : USAGE;
  return withUsage('build', usage, io, async () => {
    const { values, positionals } = parse(args, { out: { type: 'string' }, content: { type: 'string' } }, io.lang);
    const say = textsFor(io.lang);
    if (values.help) {
      io.out(usage);
      return EXIT_OK;
    }
    const contentDir = contentDirOption(values.content, io);
    const packsDir = join(contentDir, 'packs');
    const available = existsSync(packsDir) ? readdirSync(packsDir).filter((n) => statSync(join(packsDir, n)).isDirectory()).sort() : [];
    const missing = positionals.filter((id) => !available.includes(id));
    if (missing.length)
      throw new UsageError(say.buildNoPack(missing.map((m) => `'${m}'`).join(', '), shown(io, packsDir), available.join(', ')), false);
    const ids = positionals.length ? [...new Set(positionals)] : available;
    if (!ids.length) throw new UsageError(say.buildNoPacks(shown(io, packsDir)), false);
    const outDir = resolve(io.cwd, values.out ?? DEFAULT_OUT_DIR);
    const show = shownIn(io, contentDir);

    let refused = 0;
    for (const id of ids) {
      const packDir = join(packsDir, id);
      const placeholders = placeholderWarnings(readPackFiles(contentDir, packDir));
      if (placeholders.length) {
        for (const w of placeholders) io.err(formatProblem(io, { ...w, file: show(w.file) }));
        io.err(say.buildPlaceholders(id));
        refused++;
        continue;
      }
      try {
        const built = await buildPackArchive(packDir, { contentDir, builtAt: io.now?.() });
        for (const w of built.warnings) io.err(formatWarningIn(io, { ...w, file: show(w.file) }));
        mkdirSync(outDir, { recursive: true });
        const file = join(outDir, built.fileName);
        writeFileSync(file, built.bytes);
        io.out(say.built(shown(io, file), formatBytes(built.bytes.byteLength), Object.keys(built.meta.files).length, built.meta.digest));
        if (built.skipped.length) io.out(say.buildLeftOut(built.skipped.join(', ')));
      } catch (error) {
        if (!(error instanceof PackBuildError)) throw error;
        for (const e of error.errors) io.err(formatProblem(io, { ...e, file: show(e.file) }));
        io.err(say.buildErrors(id));
        refused++;
      }
    }
    if (refused) io.err(say.buildRefused(ids.length - refused, refused));
    return refused ? EXIT_INVALID : EXIT_OK;
  });
}
