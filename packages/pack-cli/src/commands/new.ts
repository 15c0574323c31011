// npm run pack -- new <id> --area <area> [--title-zh <text>] [--title-en <text>] [--content <dir>]
// Scaffolds content/packs/<id>/ from the template: a complete, valid pack with one scenario, every text a placeholder.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '@ruyi/pack-archive';
import { codedIssue, Id, loadPark, localizeProblem, PARK_FILE } from '@ruyi/pack-schema';
import { readPackFiles } from '@ruyi/pack-schema/node';
import { contentDirOption, EXIT_INVALID, EXIT_OK, formatProblem, parse, shown, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';
import { textsFor } from '../texts.ts';
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

export const USAGE_ZH = `用法：npm run pack -- new <id> --area <区域> [--title-zh <文字>] [--title-en <文字>] [--content <文件夹>]

新建 content/packs/<id>/：一个 pack.yaml 和一个场景，完整且有效，每个字段都有说明，所有需要替换的文字都标有
${PLACEHOLDER_ZH} / ${PLACEHOLDER_EN}。
  <id>             内容包的 id 和文件夹名：小写字母、数字和单个连字符（fire-dehui-2013）
  --area <区域>    所属的园区区域（park.yaml 中的区域 id）
  --title-zh, --title-en   内容包的标题（如果已经想好）
  --content <文件夹>  内容文件夹（park.yaml 和 packs/）；默认：本仓库的 content/
退出码：0 已创建，1 文件夹已存在或 park.yaml 有错误，2 用法错误。`;

/** A value for the template: a double-quoted YAML string (JSON's escaping is valid YAML). */
const yamlString = (text: string) => JSON.stringify(text);

export async function newPack(args: string[], io: CliIo): Promise<number> {
  const usage = io.lang === 'zh-CN' ? USAGE_ZH : USAGE;
  return withUsage('new', usage, io, () => {
    const { values, positionals } = parse(args, {
      area: { type: 'string' },
      'title-zh': { type: 'string' },
      'title-en': { type: 'string' },
      content: { type: 'string' },
    }, io.lang);
    const say = textsFor(io.lang);
    if (values.help) {
      io.out(usage);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? say.newOneId(positionals.length) : say.newWhich);
    const id = positionals[0]!;
    const idCheck = Id.safeParse(id);
    if (!idCheck.success) throw new UsageError(say.newBadId(id, localizeProblem(codedIssue(idCheck.error.issues[0]!), io.lang ?? 'en')));
    if (values.area === undefined) throw new UsageError(say.newArea);
    for (const key of ['title-zh', 'title-en'] as const)
      if (values[key] !== undefined && !values[key].trim()) throw new UsageError(say.newEmpty(key));

    const contentDir = contentDirOption(values.content, io);
    const parkPath = join(contentDir, PARK_FILE);
    if (!existsSync(parkPath)) throw new UsageError(say.newNoPark(PARK_FILE, shown(io, contentDir)), false);
    const park = loadPark({ path: PARK_FILE, text: readFileSync(parkPath, 'utf8') });
    if (!park.ok) {
      for (const e of park.errors) io.err(formatProblem(io, { ...e, file: shownIn(io, contentDir)(e.file) }));
      io.err(say.newParkErrors(PARK_FILE));
      return EXIT_INVALID;
    }
    const areas = park.value.areas;
    if (!areas.some((a) => a.id === values.area))
      throw new UsageError(say.newNotArea(values.area, areas.map((a) => `  ${a.id}  ${a.name['zh-CN']} / ${a.name.en}`).join('\n')), false);

    const packDir = join(contentDir, 'packs', id);
    if (existsSync(packDir)) {
      io.err(say.newExists(shown(io, packDir)));
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
    for (const e of errors) io.err(formatProblem(io, { ...e, file: shownIn(io, contentDir)(e.file) }));
    io.out(say.newCreated(shown(io, packDir)));
    io.out(say.newNext(PLACEHOLDER_ZH, PLACEHOLDER_EN, shown(io, packDir)));
    return errors.length ? EXIT_INVALID : EXIT_OK;
  });
}
