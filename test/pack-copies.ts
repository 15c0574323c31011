// Packs as editors change them: a copy of content/ with one pack's version and one scenario's title changed, built into
// a real .ruyipack.tgz archive by the pack tools.
import { buildPackArchive } from '@ruyi/pack-archive';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/** The archive (its bytes and file name) of `pack` at `version`, with `scenario`'s zh-CN title set to `title`. */
export async function archiveWithTitle(
  root: string,
  pack: Pack,
  scenario: Scenario,
  version: string,
  title: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const copy = join(root, `copy-${version}`);
  cpSync('content', copy, { recursive: true });
  const packDir = join(copy, 'packs', pack.id);
  const edit = (file: string, change: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    change(doc);
    writeFileSync(file, doc.toString());
  };
  edit(join(packDir, 'pack.yaml'), (doc) => doc.set('version', version));
  edit(join(packDir, 'scenarios', `${scenario.id}.yaml`), (doc) => doc.setIn(['title', 'zh-CN'], title));
  const built = await buildPackArchive(packDir, { contentDir: copy });
  return { bytes: built.bytes, fileName: built.fileName };
}
