// What the preview prints after each reload: one line saying the previewed pack is valid, or its errors (and those of
// park.yaml, without which the kiosk app cannot show anything) as `file:line:column path: message`, the form editors
// and terminals can jump to.
import { formatError, localizeProblem, type Content, type ProblemLang } from '@ruyi/pack-schema';

/** The pack id a problem's folder stands for (`packs/<id>` built in, `installed/<id>` installed). */
export const packIdOfDir = (dir: string) => dir.split('/').pop() ?? dir;

export interface ReloadReport {
  ok: boolean;
  lines: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const clock = (at: Date) => at.toTimeString().slice(0, 8);

/**
 * @param shown how to print a file path of the content folder (e.g. relative to where the command was run)
 * @param lang the language of the lines (the problems' messages included)
 */
export function reportReload(content: Content, packId: string, at: Date, shown: (file: string) => string = (f) => f, lang: ProblemLang = 'en'): ReloadReport {
  const zh = lang === 'zh-CN';
  const ours = (p: { dir: string }) => p.dir === '.' || packIdOfDir(p.dir) === packId;
  const problems = content.problems.filter(ours);
  const warnings = (content.warnings ?? []).filter(ours).flatMap((p) => p.errors);
  const errors = problems.flatMap((p) => p.errors);
  const pack = content.packs.find((p) => p.id === packId);
  const time = clock(at);
  const line = (e: (typeof errors)[number]) => `  ${formatError({ ...e, file: shown(e.file), message: localizeProblem(e, lang) })}`;
  if (errors.length === 0 && pack) {
    const valid = zh
      ? `[${time}] ✔ ${packId} ${pack.version} 有效（${pack.scenarios.length} 个场景）`
      : `[${time}] ✔ ${packId} ${pack.version} is valid (${plural(pack.scenarios.length, 'scenario', 'scenarios')})`;
    if (warnings.length === 0) return { ok: true, lines: [valid] };
    const withWarnings = zh ? `${valid}，有 ${warnings.length} 条警告：` : `${valid}, with ${plural(warnings.length, 'warning', 'warnings')}:`;
    return { ok: true, lines: [withWarnings, ...warnings.map(line)] };
  }
  if (errors.length === 0)
    return { ok: false, lines: [zh ? `[${time}] ✘ ${packId}：内容文件夹里已经没有这个内容包` : `[${time}] ✘ ${packId}: there is no such pack in the content folder any more`] };
  const whose = problems.some((p) => p.dir === '.') && !problems.some((p) => p.dir !== '.') ? 'park.yaml' : packId;
  const head = zh
    ? `[${time}] ✘ ${whose} 有 ${errors.length} 个错误${pack ? '' : '（已打开的屏幕继续显示上一个有效版本）'}：`
    : `[${time}] ✘ ${whose} has ${plural(errors.length, 'error', 'errors')}${pack ? '' : ' (open screens keep the last valid version)'}:`;
  return { ok: false, lines: [head, ...errors.map(line)] };
}
