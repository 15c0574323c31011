// Stacking buttons of known heights down a column of limited height, onto pages when they do not all fit. Pure.

export interface Stacked {
  /** The button's index in the list. */
  index: number;
  /** Distance from the column's top to the button's top. */
  top: number;
}

/**
 * One page when everything fits in `room`; otherwise pages that each leave `pagerRoom` free at the bottom for the
 * button that turns them. A button taller than a page still gets a page of its own.
 */
export function stackPages(heights: readonly number[], gap: number, room: number, pagerRoom: number): Stacked[][] {
  const total = heights.reduce((sum, h, i) => sum + h + (i > 0 ? gap : 0), 0);
  const limit = total <= room ? room : room - pagerRoom;
  const pages: Stacked[][] = [];
  let page: Stacked[] = [];
  let top = 0;
  heights.forEach((h, index) => {
    if (page.length > 0 && top + h > limit) {
      pages.push(page);
      page = [];
      top = 0;
    }
    page.push({ index, top });
    top += h + gap;
  });
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
