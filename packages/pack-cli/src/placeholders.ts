// The marks the `new` template puts on every text to replace. `validate` warns while a pack still has them and
// `build` refuses it, so a scaffold's placeholder text never reaches a park's screens.
import type { PackError, PackFiles, SourceFile } from '@ruyi/pack-schema';

export const PLACEHOLDER_ZH = '【待替换】';
export const PLACEHOLDER_EN = '[REPLACE]';

function inFile(file: SourceFile): PackError | null {
  let count = 0;
  let first = -1;
  for (const mark of [PLACEHOLDER_ZH, PLACEHOLDER_EN]) {
    for (let at = file.text.indexOf(mark); at >= 0; at = file.text.indexOf(mark, at + mark.length)) {
      // A mark inside a # comment is an explanation, not a placeholder.
      const lineStart = file.text.lastIndexOf('\n', at) + 1;
      if (file.text.slice(lineStart, at).includes('#')) continue;
      count++;
      if (first < 0 || at < first) first = at;
    }
  }
  if (!count) return null;
  const before = file.text.slice(0, first);
  const line = before.split('\n').length;
  const column = first - before.lastIndexOf('\n');
  return {
    file: file.path,
    path: '',
    line,
    column,
    message: `${count} ${count === 1 ? 'text still is a placeholder' : 'texts still are placeholders'} (${PLACEHOLDER_ZH} / ${PLACEHOLDER_EN}): replace ${count === 1 ? 'it' : 'them'} before the pack goes to a park`,
    // The command's own code: texts.ts words it in the command's language.
    code: 'cli.placeholder',
    params: { count, zh: PLACEHOLDER_ZH, en: PLACEHOLDER_EN },
    severity: 'warning',
  };
}

/** One warning per file that still has placeholder text, at its first placeholder. */
export function placeholderWarnings(files: PackFiles): PackError[] {
  const sources = [files.manifest, ...Object.values(files.scenarios)].filter((f): f is SourceFile => f !== null);
  return sources.map(inFile).filter((e): e is PackError => e !== null);
}
