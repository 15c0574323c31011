import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv.ts';

describe('CSV for Excel', () => {
  it('starts with a byte-order mark and ends each row with CRLF', () => {
    const csv = toCsv(['题目', '答对率 (%)'], [['灭火器怎么用？', 81.5], ['Which exit?', null]]);
    expect(csv).toBe('\uFEFF题目,答对率 (%)\r\n灭火器怎么用？,81.5\r\nWhich exit?,\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "stop"')).toBe('"say ""stop"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes numbers as numbers, nothing for null and non-finite numbers', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@sum')).toBe("'@sum");
  });

  it('names the file by table, period and place', () => {
    expect(csvFileName('questions', { from: '2026-06-01', to: '2026-06-30' }, 'district 220104')).toBe('ruyi-questions-2026-06-01_2026-06-30-district-220104.csv');
    expect(csvFileName('days', { from: '2026-06-01', to: '2026-06-30' }, '')).toBe('ruyi-days-2026-06-01_2026-06-30.csv');
  });
});
