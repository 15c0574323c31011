// The whole content folder: the park (its areas) and every pack in it. A broken pack is reported and left out; the
// others still load, so one editor's mistake never takes the park floor down.
import { loadPack, loadPark, MANIFEST_FILE, type PackFiles } from './load.ts';
import type { z } from 'zod';
import type { ContentSnapshot, PackProblemSchema } from './snapshot.ts';
import type { Pack, PackError, Park, SourceFile } from './types.ts';
import { coded } from './messages/render.ts';

export interface ContentFiles {
  park: SourceFile | null;
  packs: PackFiles[];
}

export type PackProblem = z.infer<typeof PackProblemSchema>;
export type Content = z.infer<typeof ContentSnapshot>;

export const PARK_FILE = 'park.yaml';

const isWarning = (e: PackError) => e.severity === 'warning';

export function loadContent(files: ContentFiles): Content {
  const problems: PackProblem[] = [];
  const warnings: PackProblem[] = [];
  /** Sorts a load's errors into problems and its warnings into warnings. */
  const report = (dir: string, found: PackError[]) => {
    const errors = found.filter((e) => !isWarning(e));
    const warned = found.filter(isWarning);
    if (errors.length) problems.push({ dir, errors });
    if (warned.length) warnings.push({ dir, errors: warned });
  };
  let park: Park | null = null;
  if (!files.park) problems.push({ dir: '.', errors: [{ file: PARK_FILE, path: '', ...coded('content.no-park', { file: PARK_FILE }) }] });
  else {
    const loaded = loadPark(files.park);
    if (loaded.ok) park = loaded.value;
    report('.', loaded.ok ? loaded.warnings : loaded.errors);
  }

  const areaIds = new Set(park?.areas.map((a) => a.id));
  const packs: Pack[] = [];
  for (const dir of [...files.packs].sort((a, b) => a.dir.localeCompare(b.dir))) {
    const loaded = loadPack(dir);
    report(dir.dir, loaded.ok ? loaded.warnings : loaded.errors);
    if (!loaded.ok) continue;
    const pack = loaded.value;
    const manifestPath = `${dir.dir}/${MANIFEST_FILE}`;
    if (park && !areaIds.has(pack.area)) {
      problems.push({ dir: dir.dir, errors: [{ file: manifestPath, path: 'area', ...coded('content.unknown-area', { area: pack.area, file: PARK_FILE }) }] });
      continue;
    }
    if (packs.some((p) => p.id === pack.id)) {
      problems.push({ dir: dir.dir, errors: [{ file: manifestPath, path: 'id', ...coded('content.pack-id-taken', { id: pack.id }) }] });
      continue;
    }
    packs.push(pack);
  }
  return { park, packs, problems, warnings };
}
