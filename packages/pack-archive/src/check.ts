// Validates packs the way the park loads them (the real loader, the park's areas) and sorts what is wrong per pack into
// errors, which keep a pack out, and warnings, which do not. Shared by the archive builder and the pack CLI.
import { basename } from 'node:path';
import { loadContent, type ContentFiles, type Pack, type PackError, type PackProblem, type Park } from '@ruyi/pack-schema';

export interface PackReport {
  /** The pack's folder, relative to the content folder. */
  dir: string;
  /** The loaded pack, when it has no errors. */
  pack: Pack | null;
  errors: PackError[];
  warnings: PackError[];
}

export interface ContentReport {
  park: Park | null;
  /** What is wrong with park.yaml itself (or that there is none). */
  parkErrors: PackError[];
  parkWarnings: PackError[];
  /** One report per pack folder given, in folder order. */
  packs: PackReport[];
}

/** A problem marked `severity: 'warning'`: the content still loads. */
export const isWarning = (e: PackError) => (e as PackError & { severity?: string }).severity === 'warning';

function byDir(problems: readonly PackProblem[]): Map<string, PackError[]> {
  const map = new Map<string, PackError[]>();
  for (const p of problems) map.set(p.dir, [...(map.get(p.dir) ?? []), ...p.errors]);
  return map;
}

export function checkContent(files: ContentFiles): ContentReport {
  const content = loadContent(files);
  const problems = byDir(content.problems);
  const warned = byDir((content as { warnings?: PackProblem[] }).warnings ?? []);
  const split = (dir: string) => {
    const found = [...(problems.get(dir) ?? []), ...(warned.get(dir) ?? [])];
    return { errors: found.filter((e) => !isWarning(e)), warnings: found.filter(isWarning) };
  };
  const packs = [...files.packs]
    .sort((a, b) => a.dir.localeCompare(b.dir))
    .map(({ dir }): PackReport => {
      const { errors, warnings } = split(dir);
      // A pack's id is its folder name, so the loaded pack of a folder without errors is the one with that id.
      const pack = errors.length ? null : (content.packs.find((p) => p.id === basename(dir)) ?? null);
      return { dir, pack, errors, warnings };
    });
  const park = split('.');
  return { park: content.park, parkErrors: park.errors, parkWarnings: park.warnings, packs };
}
