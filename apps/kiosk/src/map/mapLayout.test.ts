import { describe, expect, it } from 'vitest';
import { creekLine, gridLines, gridTemplate, mapGrid, placeArea, trailPath } from './mapLayout.ts';

describe('park map placement', () => {
  it('lays eight areas four by two in landscape and two by four in portrait', () => {
    expect(mapGrid(8, 'landscape')).toEqual({ columns: 4, rows: 2 });
    expect(mapGrid(8, 'portrait')).toEqual({ columns: 2, rows: 4 });
    expect(mapGrid(3, 'landscape')).toEqual({ columns: 3, rows: 1 });
    expect(mapGrid(0, 'portrait')).toEqual({ columns: 1, rows: 1 });
  });

  it('walks the rows as one trail: left to right, then back right to left, every cell used once', () => {
    const grid = mapGrid(8, 'landscape');
    const cells = Array.from({ length: 8 }, (_, i) => placeArea(i, grid));
    expect(cells.map((c) => `${c.row}:${c.column}`)).toEqual(['0:0', '0:1', '0:2', '0:3', '1:3', '1:2', '1:1', '1:0']);
    const portrait = Array.from({ length: 8 }, (_, i) => placeArea(i, mapGrid(8, 'portrait')));
    expect(portrait.map((c) => `${c.row}:${c.column}`)).toEqual(['0:0', '0:1', '1:1', '1:0', '2:0', '2:1', '3:1', '3:0']);
    // Neighbours along the trail are neighbours on the map.
    for (let i = 1; i < 8; i++) expect(Math.abs(cells[i]!.row - cells[i - 1]!.row) + Math.abs(cells[i]!.column - cells[i - 1]!.column)).toBe(1);
  });

  it('gives the creek its own track between the halves and moves the cells after it one grid line on', () => {
    const landscape = mapGrid(8, 'landscape');
    expect(gridTemplate(landscape, 'landscape', 'C')).toEqual({ columns: Array(4).fill('minmax(0, 1fr)').join(' '), rows: '1fr C 1fr' });
    expect(creekLine(landscape, 'landscape')).toBe(2);
    expect(gridLines({ row: 0, column: 3 }, landscape, 'landscape')).toEqual({ row: 1, column: 4 });
    expect(gridLines({ row: 1, column: 0 }, landscape, 'landscape')).toEqual({ row: 3, column: 1 });
    const portrait = mapGrid(8, 'portrait');
    expect(gridTemplate(portrait, 'portrait', 'C')).toEqual({ columns: 'minmax(0, 1fr) C minmax(0, 1fr)', rows: '1fr 1fr 1fr 1fr' });
    expect(gridLines({ row: 3, column: 1 }, portrait, 'portrait')).toEqual({ row: 4, column: 3 });
    // One row of areas: nothing to split, no creek track.
    expect(creekLine(mapGrid(3, 'landscape'), 'landscape')).toBeNull();
    expect(gridTemplate(mapGrid(3, 'landscape'), 'landscape', 'C').rows).toBe('1fr');
  });

  it('draws the trail through every pavilion centre in order', () => {
    const grid = mapGrid(8, 'landscape');
    const d = trailPath(8, grid);
    expect(d.startsWith('M0.5 0.5 L1.5 0.5 L2.5 0.5 L3.5 0.5 C')).toBe(true);
    expect(d.endsWith('L0.5 1.5')).toBe(true);
    expect(trailPath(0, grid)).toBe('');
  });
});
