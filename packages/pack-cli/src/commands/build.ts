// npm run pack -- build [id...] [--out <dir>] [--content <dir>]
// Builds each pack's .ruyipack.tgz (all packs when no id is given), the file a park's server installs.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPackArchive, formatBytes, PackBuildError } from '@ruyi/pack-archive';
import { formatError } from '@ruyi/pack-schema';
import { readPackFiles } from '@ruyi/pack-schema/node';
import { contentDirOption, EXIT_INVALID, EXIT_OK, parse, plural, shown, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';
import { placeholderWarnings } from '../placeholders.ts';
import { formatWarning } from './validate.ts';

export const DEFAULT_OUT_DIR = 'dist/packs';

export const USAGE = `usage: npm run pack -- build [id...] [--out <dir>] [--content <dir>]

Builds <id>-<version>.ruyipack.tgz for each pack named (every pack when none is), after checking it as validate does.
A pack with errors, or with placeholder text from "new" still in it, is refused.
  --out <dir>      where to write the archives; default: ${DEFAULT_OUT_DIR}/
  --content <dir>  the content folder (park.yaml and packs/); default: content/ of this repository
Exit code: 0 all built, 1 some pack was refused, 2 usage error (such as a pack id that is not there).`;

export async function build(args: string[], io: CliIo): Promise<number> {
  return withUsage('build', USAGE, io, async () => {
    const { values, positionals } = parse(args, { out: { type: 'string' }, content: { type: 'string' } });
    if (values.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const contentDir = contentDirOption(values.content, io);
    const packsDir = join(contentDir, 'packs');
    const available = existsSync(packsDir) ? readdirSync(packsDir).filter((n) => statSync(join(packsDir, n)).isDirectory()).sort() : [];
    const missing = positionals.filter((id) => !available.includes(id));
    if (missing.length)
      throw new UsageError(`there is no pack ${missing.map((m) => `'${m}'`).join(', ')} in ${shown(io, packsDir)} (there: ${available.join(', ') || 'none'})`, false);
    const ids = positionals.length ? [...new Set(positionals)] : available;
    if (!ids.length) throw new UsageError(`there are no packs in ${shown(io, packsDir)}`, false);
    const outDir = resolve(io.cwd, values.out ?? DEFAULT_OUT_DIR);
    const show = shownIn(io, contentDir);

    let refused = 0;
    for (const id of ids) {
      const packDir = join(packsDir, id);
      const placeholders = placeholderWarnings(readPackFiles(contentDir, packDir));
      if (placeholders.length) {
        for (const w of placeholders) io.err(formatError({ ...w, file: show(w.file) }));
        io.err(`${id}: not built: replace the placeholder text first`);
        refused++;
        continue;
      }
      try {
        const built = await buildPackArchive(packDir, { contentDir, builtAt: io.now?.() });
        for (const w of built.warnings) io.err(formatWarning({ ...w, file: show(w.file) }));
        mkdirSync(outDir, { recursive: true });
        const file = join(outDir, built.fileName);
        writeFileSync(file, built.bytes);
        io.out(`${shown(io, file)}  ${formatBytes(built.bytes.byteLength)}  ${plural(Object.keys(built.meta.files).length, 'file')}  digest ${built.meta.digest}`);
        if (built.skipped.length) io.out(`  left out (not part of a pack): ${built.skipped.join(', ')}`);
      } catch (error) {
        if (!(error instanceof PackBuildError)) throw error;
        for (const e of error.errors) io.err(formatError({ ...e, file: show(e.file) }));
        io.err(`${id}: not built: the pack has errors`);
        refused++;
      }
    }
    if (refused) io.err(`${plural(ids.length - refused, 'pack')} built, ${refused} refused`);
    return refused ? EXIT_INVALID : EXIT_OK;
  });
}
