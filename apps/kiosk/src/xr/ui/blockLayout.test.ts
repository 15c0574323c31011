import { describe, expect, it } from 'vitest';
import { layoutBlocks, MARK_INDENT, paginate, type TextBlock } from './blockLayout.ts';
import type { TextStyleName } from './type.ts';

// Every character 1 unit per unit of font size; heading 2, body 1, line height 1.5.
const sizes: Record<TextStyleName, number> = { title: 3, heading: 2, label: 1, body: 1, small: 1, button: 1, choice: 1 };
const metrics = (s: TextStyleName) => ({ size: sizes[s], lineHeight: 1.5 });
const measure = (s: TextStyleName, t: string) => [...t].length * sizes[s];
const lay = (blocks: TextBlock[], width = 10) => layoutBlocks(blocks, width, metrics, measure);

describe('layoutBlocks', () => {
  it('wraps each block at its own size and stacks its lines', () => {
    const [h, p] = lay([
      { style: 'heading', text: '原因' },
      { style: 'body', text: '一二三四五六七八九十甲乙' },
    ]);
    expect(h!.lines.map((l) => l.text)).toEqual(['原因']);
    expect(h!.height).toBe(3);
    expect(p!.lines.map((l) => [l.text, l.y])).toEqual([
      ['一二三四五六七八九十', 0],
      ['甲乙', 1.5],
    ]);
  });

  it('hangs a marked block after its mark and puts the mark on the first line only', () => {
    const [b] = lay([{ style: 'body', text: '一二三四五六七八九十', mark: 'check', tone: 'good' }]);
    expect(b!.lines.map((l) => l.x)).toEqual([MARK_INDENT, MARK_INDENT]);
    expect(b!.lines[0]).toMatchObject({ mark: 'check', markX: 0, tone: 'good' });
    expect(b!.lines[1]!.mark).toBeUndefined();
  });

  it('turns a gap into space in line heights of the block', () => {
    expect(lay([{ style: 'heading', text: 'x', gap: 0.5 }])[0]!.gap).toBe(1.5);
  });
});

describe('paginate', () => {
  const body = (n: number, gap = 0): TextBlock => ({ style: 'body', text: '字'.repeat(10 * n), gap });

  it('keeps everything on one page when it fits, with the gaps between blocks', () => {
    const pages = paginate(lay([body(1), body(1, 1)]), 100);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lines.map((l) => l.y)).toEqual([0, 3]);
    expect(pages[0]!.height).toBe(4.5);
  });

  it('moves a block that does not fit to the next page, dropping its gap there', () => {
    const pages = paginate(lay([body(2), body(2, 1)]), 6);
    expect(pages.map((p) => p.lines.length)).toEqual([2, 2]);
    expect(pages[1]!.lines[0]!.y).toBe(0);
  });

  it('splits a block taller than a page between lines', () => {
    const pages = paginate(lay([body(5)]), 4.5);
    expect(pages.map((p) => p.lines.length)).toEqual([3, 2]);
    expect(pages.every((p) => p.height <= 4.5)).toBe(true);
    expect(pages[1]!.lines.map((l) => l.y)).toEqual([0, 1.5]);
  });

  it('splits a paragraph where it reaches the bottom, keeping at least two lines on each side', () => {
    // One line, then five: three fit under it.
    expect(paginate(lay([body(1), body(5)]), 6).map((p) => p.lines.length)).toEqual([4, 2]);
    // Four would fit, but that would leave one alone on the next page: three and two.
    expect(paginate(lay([body(1), body(5)]), 7.5).map((p) => p.lines.length)).toEqual([4, 2]);
    // Only one line fits under the first block: the paragraph starts on the next page.
    expect(paginate(lay([body(3), body(3)]), 6).map((p) => p.lines.length)).toEqual([3, 3]);
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    const blocks = lay([body(2), { style: 'heading', text: '原因', keepWithNext: true }, body(2)]);
    const pages = paginate(blocks, 7);
    expect(pages[0]!.lines.map((l) => l.style)).toEqual(['body', 'body']);
    expect(pages[1]!.lines[0]!.style).toBe('heading');
  });

  it('gives one empty page for no text', () => {
    expect(paginate([], 10)).toEqual([{ lines: [], height: 0 }]);
  });

  it('keeps every line, in order, across pages', () => {
    const blocks = lay([body(3), { style: 'heading', text: '标题', keepWithNext: true, gap: 0.5 }, body(4, 0.3), body(1)]);
    const all = blocks.flatMap((b) => b.lines.map((l) => l.text));
    for (const h of [3, 4.6, 7, 50]) {
      const pages = paginate(blocks, h);
      expect(pages.flatMap((p) => p.lines.map((l) => l.text))).toEqual(all);
      for (const p of pages) expect(p.height).toBeLessThanOrEqual(Math.max(h, 3));
    }
  });
});
