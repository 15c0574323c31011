// Made-up facts for the statistics' store tests: a year and a bit in three parks, two districts and two schools (and
// visits of no school), every kind of fact, from a seed.
import { random } from '@ruyi/mechanics';
import { CUBE_NAMES, CUBES, type CubeName, type CubeTotals, type StatFact } from '@ruyi/statistics';
import type { StorageDatabase } from '../storage/database.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function generateFacts(n: number, seed: number): StatFact[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const start = Date.parse('2025-05-01T00:00:00Z');
  const span = Date.parse('2026-07-31T00:00:00Z') - start;
  const parks = [['p1', 'd1'], ['p2', 'd1'], ['p3', 'd2']] as const;
  return Array.from({ length: n }, (_, i) => {
    const [park, district] = pick(parks);
    const kind = pick(['visit-start', 'visit-end', 'scenario-start', 'scenario-end', 'step-end', 'item', 'item', 'item'] as const);
    const itemType = pick(['answer', 'hazard-found', 'decision']);
    return {
      seq: i + 1, at: new Date(start + Math.floor(r() * span)).toISOString(), kind, visitId: `v${Math.floor(r() * 200)}`, runId: `r${i}`, park, district,
      school: pick(['s1', 's2', null, null]), classSession: null, device: pick(['k1', 'k2']), platform: pick(['kiosk', 'vr', 'web']), locale: pick(['zh-CN', 'en']),
      packId: 'pk', packVersion: null, scenarioId: pick(['a', 'b']), area: pick(['fire', 'home']), stepId: pick(['s1', 's2']),
      itemType: kind === 'item' ? itemType : null, item: kind === 'item' ? pick(['q1', 'q2']) : null, choice: kind === 'item' ? pick(['c1', 'c2', 'c3']) : null,
      correct: kind === 'item' ? r() < 0.6 : null, scoreScaled: kind === 'scenario-end' ? Math.floor(r() * 10_001) / 10_000 : null,
      passed: kind === 'scenario-end' ? r() < 0.7 : null, durationMs: kind === 'scenario-end' ? Math.floor(r() * 600_000) : null,
    } satisfies StatFact;
  });
}

/** Writes the cubes' rows to the store's tables. */
export async function writeCubes(storage: StorageDatabase, cubes: CubeTotals): Promise<void> {
  for (const cube of CUBE_NAMES) {
    const rows = cubes.of(cube).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v])));
    for (let i = 0; i < rows.length; i += 400) await storage.db.insertInto(`stat_${cube}` as 'stat_days').values(rows.slice(i, i + 400) as never).execute();
  }
}

/** A cube's rows in the store, as the cubes' types, without rows of zeros, in one order. */
export async function cubeRowsInStore(storage: StorageDatabase, cube: CubeName): Promise<Record<string, string | number>[]> {
  const rows = (await storage.db.selectFrom(`stat_${cube}` as 'stat_days').selectAll().execute()) as Record<string, unknown>[];
  const { dims, measures } = CUBES[cube];
  return rows
    .map((r) => Object.fromEntries([...dims.map((d) => [d, r[snake(d)] as string]), ...measures.map((m) => [m, Number(r[snake(m)])])]))
    .filter((r) => measures.some((m) => r[m] !== 0))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** The same rows from the cubes in memory. */
export const cubeRowsOf = (cubes: CubeTotals, cube: CubeName): Record<string, string | number>[] =>
  cubes
    .of(cube)
    .map((r) => ({ ...r }) as Record<string, string | number>)
    .filter((r) => CUBES[cube].measures.some((m) => r[m] !== 0))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
