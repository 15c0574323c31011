import { describe, expect, it } from 'vitest';
import { layoutButton, type ButtonSizes } from './buttonLayout.ts';

const sizes: ButtonSizes = { label: { size: 1, lineHeight: 1.5 }, tag: { size: 1, lineHeight: 1 }, pad: 1, mark: 2, minHeight: 4 };
const measure = (_: 'label' | 'tag', t: string) => [...t].length;

describe('layoutButton', () => {
  it('keeps a short label on one line at the minimum height', () => {
    expect(layoutButton('继续', undefined, 10, false, sizes, measure)).toEqual({ lines: ['继续'], tagLines: [], tagInline: false, height: 4, textLeft: 1, textWidth: 8 });
  });

  it('leaves room for a mark and wraps a long label, growing the button', () => {
    const b = layoutButton('一二三四五六七八', undefined, 10, true, sizes, measure);
    expect(b.textLeft).toBe(3);
    expect(b.lines).toEqual(['一二三四五六', '七八']);
    expect(b.height).toBe(2 * 1.5 + 2);
  });

  it('puts a tag at the end of the last line when it fits there', () => {
    expect(layoutButton('是', '已选', 10, true, sizes, measure)).toMatchObject({ lines: ['是'], tagLines: [], tagInline: true, height: 4 });
  });

  it('gives the tag lines of its own when the last line is too full', () => {
    const b = layoutButton('一二三四五', '正确答案', 10, true, sizes, measure);
    expect(b).toMatchObject({ lines: ['一二三四五'], tagLines: ['正确答案'], tagInline: false });
    expect(b.height).toBe(1.5 + 1 + 2);
  });

  it('keeps the room of a reserved tag while there is none, so the height never changes when it appears', () => {
    for (const label of ['是', '一二三四五', '一二三四五六七八']) {
      const empty = layoutButton(label, '', 10, true, sizes, measure, '已选');
      const tagged = layoutButton(label, '已选', 10, true, sizes, measure, '已选');
      expect(empty.height, label).toBe(tagged.height);
      expect(empty.tagLines.every((l) => l === '')).toBe(true);
    }
    expect(layoutButton('是', null, 10, true, sizes, measure).tagLines).toEqual([]);
  });
});
