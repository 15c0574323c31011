// npm run pack -- list [--json] [--content <dir>]
// The valid packs of a content folder: id, version, area, languages, and each scenario with its title and steps.
import { MECHANIC_NAMES, type MechanicName } from '@ruyi/mechanics';
import { checkContent } from '@ruyi/pack-archive';
import { REQUIRED_LOCALES, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContentFiles } from '@ruyi/pack-schema/node';
import { contentDirOption, EXIT_OK, parse, plural, shownIn, UsageError, withUsage, type CliIo } from '../io.ts';

export const USAGE = `usage: npm run pack -- list [--json] [--content <dir>]

Lists the valid packs of a content folder: id, version, area, languages, and each scenario with its title
(zh-CN / en) and the mechanics its steps use, in play order (${MECHANIC_NAMES.join(', ')}).
Packs with errors are left out: run validate.
  --content <dir>  the content folder (park.yaml and packs/); default: content/ of this repository
  --json           print { packs: [{ id, version, area, locales, dir, scenarios: [{ id, title, mechanics }] }] }
Exit code: 0, or 2 for a usage error.`;

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
  return withUsage('list', USAGE, io, () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, content: { type: 'string' } });
    if (values.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (positionals.length) throw new UsageError(`list takes no pack ids or paths (got '${positionals[0]}'); use --content <dir> for another content folder`);
    const contentDir = contentDirOption(values.content, io);
    const report = checkContent(readContentFiles(contentDir));
    const show = shownIn(io, contentDir);
    const packs = report.packs.flatMap((r) => (r.pack ? [summarize(r.pack, show(r.dir))] : []));
    const broken = report.packs.filter((r) => !r.pack);
    if (values.json) io.out(JSON.stringify({ packs }, null, 2));
    else {
      for (const p of packs) {
        io.out(`${p.id}  ${p.version}  area ${p.area}  ${p.locales.join(', ')}  (${p.dir})`);
        for (const s of p.scenarios) io.out(`  ${s.id}  ${s.title['zh-CN']} / ${s.title.en}  [${s.mechanics.join(', ')}]`);
      }
      if (!packs.length) io.out('no valid packs');
    }
    if (broken.length)
      io.err(`${plural(broken.length, 'pack')} with errors left out: ${broken.map((r) => show(r.dir)).join(', ')} (npm run pack -- validate says why)`);
    return EXIT_OK;
  });
}
