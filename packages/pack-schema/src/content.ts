// The whole content folder: the park (its areas) and every pack in it. A broken pack is reported and left out; the
// others still load, so one editor's mistake never takes the park floor down.
import { loadPack, loadPark, MANIFEST_FILE, type PackFiles } from './load.ts';
import type { Pack, PackError, Park, SourceFile } from './types.ts';

export interface ContentFiles {
  park: SourceFile | null;
  packs: PackFiles[];
}

export interface PackProblem {
  /** The pack's folder, relative to the content folder. */
  dir: string;
  errors: PackError[];
}

export interface Content {
  park: Park | null;
  packs: Pack[];
  problems: PackProblem[];
}

export const PARK_FILE = 'park.yaml';

export function loadContent(files: ContentFiles): Content {
  const problems: PackProblem[] = [];
  let park: Park | null = null;
  if (!files.park) problems.push({ dir: '.', errors: [{ file: PARK_FILE, path: '', message: `the content folder has no ${PARK_FILE}` }] });
  else {
    const loaded = loadPark(files.park);
    if (loaded.ok) park = loaded.value;
    else problems.push({ dir: '.', errors: loaded.errors });
  }

  const areaIds = new Set(park?.areas.map((a) => a.id));
  const packs: Pack[] = [];
  for (const dir of [...files.packs].sort((a, b) => a.dir.localeCompare(b.dir))) {
    const loaded = loadPack(dir);
    if (!loaded.ok) {
      problems.push({ dir: dir.dir, errors: loaded.errors });
      continue;
    }
    const pack = loaded.value;
    const manifestPath = `${dir.dir}/${MANIFEST_FILE}`;
    if (park && !areaIds.has(pack.area)) {
      problems.push({ dir: dir.dir, errors: [{ file: manifestPath, path: 'area', message: `area '${pack.area}' is not an area of the park (${PARK_FILE})` }] });
      continue;
    }
    if (packs.some((p) => p.id === pack.id)) {
      problems.push({ dir: dir.dir, errors: [{ file: manifestPath, path: 'id', message: `another pack already has the id '${pack.id}'` }] });
      continue;
    }
    packs.push(pack);
  }
  return { park, packs, problems };
}
