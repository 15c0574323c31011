import { describe, expect, it } from 'vitest';
import { breakPieces, wrapText, type Measure } from './textLayout.ts';

// A monospaced stand-in for the canvas: a Chinese character is 2 units wide, anything else 1.
const measure: Measure = (text) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);

describe('breakPieces', () => {
  it('breaks Chinese at every character and English at spaces', () => {
    expect(breakPieces('找出隐患')).toEqual(['找', '出', '隐', '患']);
    expect(breakPieces('Find the hazards')).toEqual(['Find', 'the', 'hazards']);
  });

  it('keeps numbers and Latin words inside Chinese text whole', () => {
    expect(breakPieces('2013年6月')).toEqual(['2013', '年', '6', '月']);
  });

  it('never starts a piece with closing punctuation nor ends one with an opening mark', () => {
    expect(breakPieces('起火，快跑。')).toEqual(['起', '火，', '快', '跑。']);
    expect(breakPieces('“配电柜”看起来')).toEqual(['“配', '电', '柜”', '看', '起', '来']);
    expect(breakPieces('（119）')).toEqual(['（119）']);
    expect(breakPieces('Call 119, now!')).toEqual(['Call', '119,', 'now!']);
  });
});

describe('wrapText', () => {
  it('wraps Chinese per character', () => {
    expect(wrapText('一二三四五六七', 6, measure)).toEqual(['一二三', '四五六', '七']);
  });

  it('wraps English per word and drops the space at the break', () => {
    expect(wrapText('keep every exit unlocked', 10, measure)).toEqual(['keep every', 'exit', 'unlocked']);
  });

  it('keeps a comma with the character before it, even if the line runs one mark over', () => {
    // "一二，" is 6 wide and fits; the comma never opens the next line.
    expect(wrapText('一二，三四', 6, measure)).toEqual(['一二，', '三四']);
    expect(wrapText('一二三，四', 6, measure)).toEqual(['一二', '三，四']);
  });

  it('mixes Chinese and English on one line without inventing spaces', () => {
    expect(wrapText('拨打119报警', 8, measure)).toEqual(['拨打119', '报警']);
  });

  it('cuts a word longer than the line at characters', () => {
    expect(wrapText('see https://example.org/x', 8, measure)).toEqual(['see', 'https://', 'example.', 'org/x']);
  });

  it('starts a new line at each newline, keeping empty ones', () => {
    expect(wrapText('one\n\ntwo', 10, measure)).toEqual(['one', '', 'two']);
  });

  it('never gives a line wider than the limit unless a single character is', () => {
    const text = '德惠的大火，就是从女更衣室上方的电线短路开始的。Old wiring can short-circuit and start a fire.';
    for (const width of [4, 7, 12, 30]) for (const line of wrapText(text, width, measure)) expect(measure(line)).toBeLessThanOrEqual(width + 2);
    // Nothing lost or added but the spaces at the breaks.
    expect(wrapText(text, 30, measure).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});
