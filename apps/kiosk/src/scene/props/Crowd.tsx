// A dense crowd standing in a block, 5 × 4 m with 40 people at scale 1, centred on position, most facing +z. `scale`
// widens the block, not the people (a footprint kind, see placement.ts): at scale 2 it is 10 × 8 m with four times as
// many, up to MAX_FIGURES, after which they stand further apart. All of them are one merged geometry, so every crowd
// of a scale is one instanced draw call.
import type { ModelBuilder } from '../modelBuilder.ts';
import { definePropModel } from './definePropModel.tsx';
import { seededRandom, standingFigure } from './figures.ts';

export const CROWD_WIDTH = 5;
export const CROWD_DEPTH = 4;
const COLUMNS = 8;
const ROWS = 5;
/** About 90 triangles each: 400 stay well inside a view's budget. */
export const MAX_FIGURES = 400;

const COATS = ['#2b2f3a', '#5a2e2e', '#2e4a3a', '#1f1f22', '#6b5a45', '#3a4f73', '#7a2f3f', '#44474d', '#8a6d2f'];
const TROUSERS = ['#1c1d22', '#2b3548', '#3a332c', '#26262a'];
const HAIR = ['#17120f', '#2a1d14', '#0e0d0c', '#4a4038', '#1f1a17'];

/** Columns and rows of a crowd at `scale`: the density of scale 1, thinned past MAX_FIGURES. */
export function crowdGrid(scale: number): { columns: number; rows: number } {
  let columns = Math.max(1, Math.round(COLUMNS * scale));
  let rows = Math.max(1, Math.round(ROWS * scale));
  if (columns * rows > MAX_FIGURES) {
    const thin = Math.sqrt(MAX_FIGURES / (columns * rows));
    columns = Math.max(1, Math.floor(columns * thin));
    rows = Math.max(1, Math.floor(rows * thin));
  }
  return { columns, rows };
}

export function buildCrowd(b: ModelBuilder, scale: number): void {
  const { columns, rows } = crowdGrid(scale);
  const width = CROWD_WIDTH * scale;
  const depth = CROWD_DEPTH * scale;
  const dx = width / columns;
  const dz = depth / rows;
  const rand = seededRandom(1314);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const x = -width / 2 + (c + 0.5) * dx + (rand() - 0.5) * dx * 0.5;
      const z = -depth / 2 + (r + 0.5) * dz + (rand() - 0.5) * dz * 0.5;
      const turn = (rand() - 0.5) * 0.9 + (rand() < 0.12 ? Math.PI : 0);
      standingFigure(b, x, z, turn, { height: 1.55 + rand() * 0.3, coat: pick(COATS), trousers: pick(TROUSERS), hair: pick(HAIR) });
    }
}

export const Crowd = definePropModel('crowd', 'Crowd', buildCrowd);
