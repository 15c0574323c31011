// Where each area's pavilion stands on the park map: a grid walked as a path that turns at the end of each row (so
// the areas follow one another along the trail in park.yaml's order, which is also the keyboard's order), with the
// creek running between the two halves of the park. Landscape screens get four columns, portrait ones two.

export type MapShape = 'landscape' | 'portrait';

export interface MapGrid {
  columns: number;
  rows: number;
}

export interface Placement {
  /** 0-based column and row of the area's cell. */
  column: number;
  row: number;
}

export function mapGrid(count: number, shape: MapShape): MapGrid {
  const columns = Math.max(1, Math.min(count, shape === 'landscape' ? 4 : 2));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

/** The cell of the `index`-th area: rows left to right, then right to left, and so on. */
export function placeArea(index: number, grid: MapGrid): Placement {
  const row = Math.floor(index / grid.columns);
  const along = index % grid.columns;
  return { row, column: row % 2 === 0 ? along : grid.columns - 1 - along };
}

/** The creek splits the park in two between the middle rows (landscape) or the middle columns (portrait). */
export function creekTrack(grid: MapGrid, shape: MapShape): { axis: 'row' | 'column'; after: number } {
  return shape === 'landscape' ? { axis: 'row', after: Math.ceil(grid.rows / 2) } : { axis: 'column', after: Math.ceil(grid.columns / 2) };
}

/**
 * The CSS grid lines (1-based) of a cell once the creek's own track is added to the grid: cells after the creek move
 * one line on.
 */
export function gridLines(place: Placement, grid: MapGrid, shape: MapShape): { column: number; row: number } {
  const creek = creekTrack(grid, shape);
  const column = place.column + 1 + (creek.axis === 'column' && place.column >= creek.after ? 1 : 0);
  const row = place.row + 1 + (creek.axis === 'row' && place.row >= creek.after ? 1 : 0);
  return { column, row };
}

/**
 * The trail through every pavilion in order, as an SVG path in a box of `columns × rows` units (each cell one unit,
 * the creek's track not counted): straight along a row, a half-circle bend to the next.
 */
export function trailPath(count: number, grid: MapGrid): string {
  if (count === 0) return '';
  const centre = (i: number) => {
    const p = placeArea(i, grid);
    return { x: p.column + 0.5, y: p.row + 0.5 };
  };
  const f = (n: number) => Number(n.toFixed(3));
  const start = centre(0);
  let d = `M${f(start.x)} ${f(start.y)}`;
  for (let i = 1; i < count; i++) {
    const a = centre(i - 1);
    const b = centre(i);
    if (a.y === b.y) d += ` L${f(b.x)} ${f(b.y)}`;
    else {
      // Round the end of the row: out past the last pavilion and back in below it.
      const bulge = b.x >= grid.columns / 2 ? 0.45 : -0.45;
      d += ` C${f(a.x + bulge)} ${f(a.y)} ${f(b.x + bulge)} ${f(b.y)} ${f(b.x)} ${f(b.y)}`;
    }
  }
  return d;
}

/** The grid's CSS track lists with the creek's track (sized by `creek`) in its place. */
export function gridTemplate(grid: MapGrid, shape: MapShape, creek = 'var(--creek-size)'): { columns: string; rows: string } {
  const track = creekTrack(grid, shape);
  const tracks = (n: number, axis: 'row' | 'column') => {
    const list = Array.from({ length: n }, () => 'minmax(0, 1fr)');
    if (track.axis === axis && track.after < n) list.splice(track.after, 0, creek);
    return list.join(' ');
  };
  return { columns: tracks(grid.columns, 'column'), rows: tracks(grid.rows, 'row').replaceAll('minmax(0, 1fr)', '1fr') };
}

/** The creek's own grid line (1-based), where its name is written; null when the park is too small to split. */
export function creekLine(grid: MapGrid, shape: MapShape): number | null {
  const track = creekTrack(grid, shape);
  const n = track.axis === 'row' ? grid.rows : grid.columns;
  return track.after < n ? track.after + 1 : null;
}
