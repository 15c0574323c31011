import { describe, expect, it } from 'vitest';
import { stackPages } from './stackPages.ts';

describe('stackPages', () => {
  it('stacks everything on one page when it fits', () => {
    expect(stackPages([2, 3, 2], 1, 10, 3)).toEqual([
      [
        { index: 0, top: 0 },
        { index: 1, top: 3 },
        { index: 2, top: 7 },
      ],
    ]);
  });

  it('makes pages that leave room for the page button when it does not', () => {
    const pages = stackPages([2, 3, 2, 2], 1, 10, 3);
    expect(pages.map((p) => p.map((s) => s.index))).toEqual([[0, 1], [2, 3]]);
    for (const p of pages) expect(p.at(-1)!.top + 2).toBeLessThanOrEqual(7);
  });

  it('gives a button taller than a page a page of its own, and no choices one empty page', () => {
    expect(stackPages([2, 20, 2], 1, 10, 3).map((p) => p.map((s) => s.index))).toEqual([[0], [1], [2]]);
    expect(stackPages([], 1, 10, 3)).toEqual([[]]);
  });
});
