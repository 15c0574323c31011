// npm run pack -- new <id> --area <area> [--title-zh <text>] [--title-en <text>] [--content <dir>]
// Scaffolds content/packs/<id>/ from the template: a complete, valid pack with one scenario, every text a placeholder.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '@ruyi/pack-archive';
import { formatError, Id, loadPark, PARK_FILE } from '@ruyi/pack-schema';
import { readPackFiles } from '@ruyi/pack-schema/node';
import { contentDirOption, EXIT_INVALID, EXIT_OK, parse, shown, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';
import { PLACEHOLDER_EN, PLACEHOLDER_ZH } from '../placeholders.ts';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../template', import.meta.url));

export const USAGE = `usage: npm run pack -- new <id> --area <area> [--title-zh <text>] [--title-en <text>] [--content <dir>]

Creates content/packs/<id>/: a pack.yaml and one scenario, complete and valid, with notes on every field and every
text marked ${PLACEHOLDER_ZH} / ${PLACEHOLDER_EN} for you to replace.
  <id>             the pack's id and folder name: lower-case letters, digits and single hyphens (fire-dehui-2013)
  --area <area>    the park area it belongs to (an area id in park.yaml)
  --title-zh, --title-en   the pack's title, if you know it already
  --content <dir>  the content folder (park.yaml and packs/); default: content/ of this repository
Exit code: 0 created, 1 the folder exists already or park.yaml has errors, 2 usage error.`;

/** A value for the template: a double-quoted YAML string (JSON's escaping is valid YAML). */
const yamlString = (text: string) => JSON.stringify(text);

export async function newPack(args: string[], io: CliIo): Promise<number> {
  return withUsage('new', USAGE, io, () => {
    const { values, positionals } = parse(args, {
      area: { type: 'string' },
      'title-zh': { type: 'string' },
      'title-en': { type: 'string' },
      content: { type: 'string' },
    });
    if (values.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one pack id, got ${positionals.length}` : 'which pack? give its id');
    const id = positionals[0]!;
    const idCheck = Id.safeParse(id);
    if (!idCheck.success) throw new UsageError(`'${id}' cannot be a pack id: it ${idCheck.error.issues[0]!.message}`);
    if (values.area === undefined) throw new UsageError('say which park area the pack is for: --area <area>');
    for (const key of ['title-zh', 'title-en'] as const)
      if (values[key] !== undefined && !values[key].trim()) throw new UsageError(`--${key} must not be empty`);

    const contentDir = contentDirOption(values.content, io);
    const parkPath = join(contentDir, PARK_FILE);
    if (!existsSync(parkPath)) throw new UsageError(`there is no ${PARK_FILE} in ${shown(io, contentDir)}, so there are no areas to put a pack in`, false);
    const park = loadPark({ path: PARK_FILE, text: readFileSync(parkPath, 'utf8') });
    if (!park.ok) {
      for (const e of park.errors) io.err(formatError({ ...e, file: shownIn(io, contentDir)(e.file) }));
      io.err(`pack new: ${PARK_FILE} has errors; fix them first`);
      return EXIT_INVALID;
    }
    const areas = park.value.areas;
    if (!areas.some((a) => a.id === values.area))
      throw new UsageError(`'${values.area}' is not an area of the park; the areas are:\n${areas.map((a) => `  ${a.id}  ${a.name['zh-CN']} / ${a.name.en}`).join('\n')}`, false);

    const packDir = join(contentDir, 'packs', id);
    if (existsSync(packDir)) {
      io.err(`pack new: ${shown(io, packDir)} exists already; choose another id, or edit that pack`);
      return EXIT_INVALID;
    }

    const fill: Record<string, string> = {
      id,
      area: values.area,
      titleZh: values['title-zh'] !== undefined ? yamlString(values['title-zh'].trim()) : `${PLACEHOLDER_ZH}包的标题`,
      titleEn: yamlString(values['title-en'] !== undefined ? values['title-en'].trim() : `${PLACEHOLDER_EN} Title of the pack`),
      packPath: relative(join(contentDir, '..'), packDir).split('\\').join('/'),
    };
    cpSync(TEMPLATE_DIR, packDir, { recursive: true });
    const templated = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? templated(join(dir, n)) : n.endsWith('.yaml') ? [join(dir, n)] : []));
    for (const file of templated(packDir))
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => fill[key] ?? `{{${key}}}`));

    // The template is meant to be valid as it is: say so if it ever is not.
    const report = checkContent({ park: { path: PARK_FILE, text: readFileSync(parkPath, 'utf8') }, packs: [readPackFiles(contentDir, packDir)] });
    const errors = report.packs[0]!.errors;
    for (const e of errors) io.err(formatError({ ...e, file: shownIn(io, contentDir)(e.file) }));
    io.out(`created ${shown(io, packDir)}/: pack.yaml, scenarios/first-case.yaml`);
    io.out(`next: replace every text marked ${PLACEHOLDER_ZH} / ${PLACEHOLDER_EN}, then run: npm run pack -- validate ${shown(io, packDir)}`);
    return errors.length ? EXIT_INVALID : EXIT_OK;
  });
}
