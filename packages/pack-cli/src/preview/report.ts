// What the preview prints after each reload: one line saying the previewed pack is valid, or its errors (and those of
// park.yaml, without which the kiosk app cannot show anything) as `file:line:column path: message`, the form editors
// and terminals can jump to.
import { formatError, type Content } from '@ruyi/pack-schema';

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
 */
export function reportReload(content: Content, packId: string, at: Date, shown: (file: string) => string = (f) => f): ReloadReport {
  const ours = (p: { dir: string }) => p.dir === '.' || packIdOfDir(p.dir) === packId;
  const problems = content.problems.filter(ours);
  const warnings = (content.warnings ?? []).filter(ours).flatMap((p) => p.errors);
  const errors = problems.flatMap((p) => p.errors);
  const pack = content.packs.find((p) => p.id === packId);
  const time = clock(at);
  const line = (e: (typeof errors)[number]) => `  ${formatError({ ...e, file: shown(e.file) })}`;
  if (errors.length === 0 && pack) {
    const valid = `[${time}] ✔ ${packId} ${pack.version} is valid (${plural(pack.scenarios.length, 'scenario', 'scenarios')})`;
    if (warnings.length === 0) return { ok: true, lines: [valid] };
    return { ok: true, lines: [`${valid}, with ${plural(warnings.length, 'warning', 'warnings')}:`, ...warnings.map(line)] };
  }
  if (errors.length === 0) return { ok: false, lines: [`[${time}] ✘ ${packId}: there is no such pack in the content folder any more`] };
  const whose = problems.some((p) => p.dir === '.') && !problems.some((p) => p.dir !== '.') ? 'park.yaml' : packId;
  return {
    ok: false,
    lines: [
      `[${time}] ✘ ${whose} has ${plural(errors.length, 'error', 'errors')}${pack ? '' : ' (open screens keep the last valid version)'}:`,
      ...errors.map(line),
    ],
  };
}
