// npm run pack -- list [--json] [--content <dir>]
// The valid packs of a content folder: id, version, area, languages, and each scenario with its title and steps.
import { MECHANIC_NAMES, type MechanicName } from '@ruyi/mechanics';
import { checkContent } from '@ruyi/pack-archive';
import { REQUIRED_LOCALES, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContentFiles } from '@ruyi/pack-schema/node';
import { contentDirOption, EXIT_OK, parse, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';
import { textsFor } from '../texts.ts';

export const USAGE = `usage: npm run pack -- list [--json] [--content <dir>]

Lists the valid packs of a content folder: id, version, area, languages, and each scenario with its title
(zh-CN / en) and the mechanics its steps use, in play order (${MECHANIC_NAMES.join(', ')}).
Packs with errors are left out: run validate.
  --content <dir>  the content folder (park.yaml and packs/); default: content/ of this repository
  --json           print { packs: [{ id, version, area, locales, dir, scenarios: [{ id, title, mechanics }] }] }
Exit code: 0, or 2 for a usage error.`;

export const USAGE_ZH = `用法：npm run pack -- list [--json] [--content <文件夹>]

列出内容文件夹中的有效内容包：id、版本、区域、语言，以及每个场景的标题（中文 / 英文）和各步骤按顺序用到的玩法
（${MECHANIC_NAMES.join(', ')}）。有错误的内容包不列出：请运行 validate。
  --content <文件夹>  内容文件夹（park.yaml 和 packs/）；默认：本仓库的 content/
  --json             输出 { packs: [{ id, version, area, locales, dir, scenarios: [{ id, title, mechanics }] }] }
退出码：0，用法错误为 2。`;

/** The mechanics a scenario's steps use, each once, in the order the steps list them. */
export function mechanicsOf(scenario: Scenario): MechanicName[] {
  return [...new Set(scenario.steps.map((s) => s.mechanic))];
}

export interface PackSummary {
  id: string;
  version: string;
  area: string;
  locales: string[];
  dir: string;
  scenarios: { id: string; title: { 'zh-CN': string; en: string }; mechanics: MechanicName[] }[];
}

export function summarize(pack: Pack, dir: string): PackSummary {
  // Pack format 2 lists its languages; a format 1 pack has the required ones.
  const locales = (pack as { locales?: string[] }).locales ?? [...REQUIRED_LOCALES];
  return {
    id: pack.id,
    version: pack.version,
    area: pack.area,
    locales: [...locales],
    dir,
    scenarios: pack.scenarios.map((s) => ({ id: s.id, title: { 'zh-CN': s.title['zh-CN'], en: s.title.en }, mechanics: mechanicsOf(s) })),
  };
}

export async function list(args: string[], io: CliIo): Promise<number> {
  const usage = io.lang === 'zh-CN' ? USAGE_ZH : USAGE;
  return withUsage('list', usage, io, () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, content: { type: 'string' } }, io.lang);
    const say = textsFor(io.lang);
    if (values.help) {
      io.out(usage);
      return EXIT_OK;
    }
    if (positionals.length) throw new UsageError(say.listNoArgs(positionals[0]!));
    const contentDir = contentDirOption(values.content, io);
    const report = checkContent(readContentFiles(contentDir));
    const show = shownIn(io, contentDir);
    const packs = report.packs.flatMap((r) => (r.pack ? [summarize(r.pack, show(r.dir))] : []));
    const broken = report.packs.filter((r) => !r.pack);
    if (values.json) io.out(JSON.stringify({ packs }, null, 2));
    else {
      for (const p of packs) {
        io.out(say.listPack(p.id, p.version, p.area, p.locales.join(', '), p.dir));
        for (const s of p.scenarios) io.out(`  ${s.id}  ${s.title['zh-CN']} / ${s.title.en}  [${s.mechanics.join(', ')}]`);
      }
      if (!packs.length) io.out(say.noValidPacks);
    }
    if (broken.length)
      io.err(say.leftOut(broken.length, broken.map((r) => show(r.dir)).join(', ')));
    return EXIT_OK;
  });
}
