// What the pack command says, in English and Chinese. Validator problems come with their own catalogue
// (@ruyi/pack-schema's messages); these are the command's own words around them.
import { localizeProblem, problemLang, type PackError, type ProblemLang } from '@ruyi/pack-schema';

export type CliLang = ProblemLang;
export const CLI_LANGS: readonly CliLang[] = ['zh-CN', 'en'];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const EN = {
  commandSummary: {
    new: 'create a pack from the template: new <id> --area <area>',
    validate: 'check packs and print each problem with its file and line',
    list: 'list the valid packs, their scenarios and steps',
    build: 'build .ruyipack.tgz archives for a park',
    preview: 'show a pack on the kiosk app, live as you edit it',
  } as Record<string, string>,
  usage: (commands: string) => `usage: npm run pack -- <command> [options] [--lang zh-CN|en]

Commands:
${commands}

npm run pack -- <command> --help   shows a command's options.
--lang zh-CN|en   the language of messages; default: the system's (LC_ALL, LC_MESSAGES or LANG: zh… is Chinese)`,
  unknownCommand: (name: string) => `pack: unknown command '${name}'`,
  badLang: (value: string) => `pack: --lang must be zh-CN or en (got '${value}')`,
  unknownOption: (option: string) => `unknown option '${option}'`,
  needsValue: (option: string) => `option '${option}' needs a value`,
  noContentFolder: (dir: string) => `there is no content folder at ${dir}`,
  noFolder: (dir: string) => `there is no folder at ${dir}`,
  notPackNorContent: (dir: string, manifest: string, park: string) => `${dir} is neither a pack folder (it has no ${manifest}) nor a content folder (it has no ${park})`,
  warning: 'warning:',
  validateSummary: (valid: number, broken: number, warnings: number, parkBroken: string | null) =>
    `${plural(valid, 'pack')} valid, ${broken} with errors` + (warnings ? `, ${plural(warnings, 'warning')}` : '') + (parkBroken ? `; ${parkBroken} has errors` : ''),
  noValidPacks: 'no valid packs',
  listPack: (id: string, version: string, area: string, locales: string, dir: string) => `${id}  ${version}  area ${area}  ${locales}  (${dir})`,
  leftOut: (n: number, dirs: string) => `${plural(n, 'pack')} with errors left out: ${dirs} (npm run pack -- validate says why)`,
  listNoArgs: (got: string) => `list takes no pack ids or paths (got '${got}'); use --content <dir> for another content folder`,
  newWhich: 'which pack? give its id',
  newOneId: (n: number) => `expected one pack id, got ${n}`,
  newBadId: (id: string, why: string) => `'${id}' cannot be a pack id: it ${why}`,
  newArea: 'say which park area the pack is for: --area <area>',
  newEmpty: (key: string) => `--${key} must not be empty`,
  newNoPark: (park: string, dir: string) => `there is no ${park} in ${dir}, so there are no areas to put a pack in`,
  newParkErrors: (park: string) => `pack new: ${park} has errors; fix them first`,
  newNotArea: (area: string, areas: string) => `'${area}' is not an area of the park; the areas are:\n${areas}`,
  newExists: (dir: string) => `pack new: ${dir} exists already; choose another id, or edit that pack`,
  newCreated: (dir: string) => `created ${dir}/: pack.yaml, scenarios/first-case.yaml`,
  newNext: (zh: string, en: string, dir: string) => `next: replace every text marked ${zh} / ${en}, then run: npm run pack -- validate ${dir}`,
  placeholder: (count: number, zh: string, en: string) =>
    `${count} ${count === 1 ? 'text still is a placeholder' : 'texts still are placeholders'} (${zh} / ${en}): replace ${count === 1 ? 'it' : 'them'} before the pack goes to a park`,
  buildNoPack: (ids: string, dir: string, there: string) => `there is no pack ${ids} in ${dir} (there: ${there || 'none'})`,
  buildNoPacks: (dir: string) => `there are no packs in ${dir}`,
  buildPlaceholders: (id: string) => `${id}: not built: replace the placeholder text first`,
  buildErrors: (id: string) => `${id}: not built: the pack has errors`,
  buildLeftOut: (files: string) => `  left out (not part of a pack): ${files}`,
  built: (file: string, size: string, files: number, digest: string) => `${file}  ${size}  ${plural(files, 'file')}  digest ${digest}`,
  buildRefused: (built: number, refused: number) => `${plural(built, 'pack')} built, ${refused} refused`,
};

type Texts = typeof EN;

const ZH: Texts = {
  commandSummary: {
    new: '用模板新建一个内容包：new <id> --area <区域>',
    validate: '检查内容包，逐条列出问题及其文件和行号',
    list: '列出有效的内容包及其场景和步骤',
    build: '为园区打包 .ruyipack.tgz 文件',
    preview: '在展台应用上预览内容包，编辑后即时更新',
  },
  usage: (commands) => `用法：npm run pack -- <命令> [选项] [--lang zh-CN|en]

命令：
${commands}

npm run pack -- <命令> --help   查看该命令的选项。
--lang zh-CN|en   提示信息的语言；默认跟随系统（LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文）`,
  unknownCommand: (name) => `pack：没有“${name}”这个命令`,
  badLang: (value) => `pack：--lang 只能是 zh-CN 或 en（收到“${value}”）`,
  unknownOption: (option) => `没有“${option}”这个选项`,
  needsValue: (option) => `选项“${option}”需要一个值`,
  noContentFolder: (dir) => `${dir} 不是内容文件夹（不存在）`,
  noFolder: (dir) => `${dir} 这个文件夹不存在`,
  notPackNorContent: (dir, manifest, park) => `${dir} 既不是内容包文件夹（没有 ${manifest}），也不是内容文件夹（没有 ${park}）`,
  warning: '警告：',
  validateSummary: (valid, broken, warnings, parkBroken) =>
    `${valid} 个内容包有效，${broken} 个有错误` + (warnings ? `，${warnings} 条警告` : '') + (parkBroken ? `；${parkBroken} 有错误` : ''),
  noValidPacks: '没有有效的内容包',
  listPack: (id, version, area, locales, dir) => `${id}  ${version}  区域 ${area}  ${locales}  (${dir})`,
  leftOut: (n, dirs) => `${n} 个有错误的内容包未列出：${dirs}（运行 npm run pack -- validate 查看原因）`,
  listNoArgs: (got) => `list 不接受内容包 id 或路径（收到“${got}”）；其他内容文件夹请用 --content <文件夹>`,
  newWhich: '要新建哪个内容包？请给出它的 id',
  newOneId: (n) => `只能给一个内容包 id，收到 ${n} 个`,
  newBadId: (id, why) => `“${id}”不能用作内容包 id：${why}`,
  newArea: '请说明内容包属于园区的哪个区域：--area <区域>',
  newEmpty: (key) => `--${key} 不能为空`,
  newNoPark: (park, dir) => `${dir} 里没有 ${park}，因此没有可放内容包的区域`,
  newParkErrors: (park) => `pack new：${park} 有错误，请先修正`,
  newNotArea: (area, areas) => `“${area}”不是园区的区域；园区的区域有：\n${areas}`,
  newExists: (dir) => `pack new：${dir} 已经存在；请换一个 id，或直接编辑那个内容包`,
  newCreated: (dir) => `已创建 ${dir}/：pack.yaml、scenarios/first-case.yaml`,
  newNext: (zh, en, dir) => `下一步：替换所有标有 ${zh} / ${en} 的文字，然后运行：npm run pack -- validate ${dir}`,
  placeholder: (count, zh, en) => `还有 ${count} 处文字是占位文字（${zh} / ${en}）：在内容包交给园区之前请替换`,
  buildNoPack: (ids, dir, there) => `${dir} 里没有内容包 ${ids}（现有：${there || '无'}）`,
  buildNoPacks: (dir) => `${dir} 里没有内容包`,
  buildPlaceholders: (id) => `${id}：未打包：请先替换占位文字`,
  buildErrors: (id) => `${id}：未打包：内容包有错误`,
  buildLeftOut: (files) => `  未打包（不属于内容包）：${files}`,
  built: (file, size, files, digest) => `${file}  ${size}  ${files} 个文件  摘要 ${digest}`,
  buildRefused: (built, refused) => `${built} 个内容包已打包，${refused} 个被拒绝`,
};

export const TEXTS: Record<CliLang, Texts> = { en: EN, 'zh-CN': ZH };
export const textsFor = (lang: CliLang | undefined): Texts => TEXTS[lang ?? 'en'];

/** The command's language: `--lang` (taken out of the arguments), else the system locale. */
export function takeLang(args: readonly string[], env: Record<string, string | undefined>): { lang: CliLang; rest: string[]; bad?: string } {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang') given = args[++i] ?? '';
    else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (given !== undefined) {
    const lang = CLI_LANGS.find((l) => l.toLowerCase() === given!.toLowerCase() || (l === 'zh-CN' && /^zh([-_]cn)?$/i.test(given!)));
    return lang ? { lang, rest } : { lang: systemLang(env), rest, bad: given };
  }
  return { lang: systemLang(env), rest };
}

/** The system's language as POSIX says which variable wins: LC_ALL, then LC_MESSAGES, then LANG. */
export function systemLang(env: Record<string, string | undefined>): CliLang {
  return problemLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** A validator problem's message in the command's language (the CLI's own placeholder warning included). */
export function problemText(e: PackError, lang: CliLang | undefined): string {
  if (e.code === 'cli.placeholder' && e.params) return textsFor(lang).placeholder(Number(e.params.count), String(e.params.zh), String(e.params.en));
  return localizeProblem(e, lang ?? 'en');
}
