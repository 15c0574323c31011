import { CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH, CLASS_SEAT_HEADER, ClassJoinCode } from '@ruyi/api-contract';
import { describe, expect, it } from 'vitest';
import { isComplete, JOIN_ALPHABET, JOIN_CODE_LENGTH, joinCodeFrom, normalizeTyped, pressKey, spacedCode } from './code.ts';
import { CLASS_SEAT_HEADER as LIGHT_SEAT_HEADER } from './seatHeader.ts';

describe('the join keypad', () => {
  it('uses the server’s alphabet, length and header name (copied here to keep schemas off the first screen)', () => {
    expect(JOIN_ALPHABET).toBe(CLASS_CODE_ALPHABET);
    expect(JOIN_CODE_LENGTH).toBe(CLASS_CODE_LENGTH);
    expect(LIGHT_SEAT_HEADER).toBe(CLASS_SEAT_HEADER);
  });

  it('normalizes typed and pasted codes: case, spaces and dashes ignored, at most six characters', () => {
    expect(normalizeTyped('7kq-2mx')).toEqual({ code: '7KQ2MX', refused: [] });
    expect(normalizeTyped(' 7KQ 2MX ')).toEqual({ code: '7KQ2MX', refused: [] });
    expect(normalizeTyped('7KQ2MXAB').code).toBe('7KQ2MX');
    expect(normalizeTyped('').code).toBe('');
  });

  it('names characters that are never in a code instead of dropping them silently', () => {
    expect(normalizeTyped('1O0il')).toEqual({ code: '', refused: ['1', 'O', '0', 'I', 'L'] });
    expect(normalizeTyped('AB0CD').refused).toEqual(['0']);
    expect(normalizeTyped('AB0CD').code).toBe('ABCD');
  });

  it('takes keys until the code is full; backspace and clear', () => {
    let code = '';
    for (const ch of 'abc23') code = pressKey(code, { kind: 'char', char: ch });
    expect(code).toBe('ABC23');
    expect(pressKey(code, { kind: 'char', char: '0' })).toBe('ABC23');
    code = pressKey(code, { kind: 'char', char: 'z' });
    expect(code).toBe('ABC23Z');
    expect(isComplete(code)).toBe(true);
    expect(pressKey(code, { kind: 'char', char: 'Q' })).toBe('ABC23Z');
    expect(pressKey(code, { kind: 'backspace' })).toBe('ABC23');
    expect(pressKey(code, { kind: 'clear' })).toBe('');
    expect(pressKey('', { kind: 'backspace' })).toBe('');
  });

  it('agrees with the server on what a complete code is', () => {
    for (const typed of ['7KQ2MX', '7kq-2mx', ' 7KQ 2MX', '7KQ2M', '7KQ2M0', 'ABCDEF'])
      expect(isComplete(normalizeTyped(typed).code) && normalizeTyped(typed).refused.length === 0, typed).toBe(ClassJoinCode.safeParse(typed).success);
  });

  it('reads the code of a join link, and nothing else', () => {
    expect(joinCodeFrom('?join=7kq2mx')).toBe('7KQ2MX');
    expect(joinCodeFrom('?device=web&join=7KQ-2MX')).toBe('7KQ2MX');
    expect(joinCodeFrom('?device=web')).toBeNull();
    expect(joinCodeFrom('?join=')).toBeNull();
    expect(joinCodeFrom('?join=1111')).toBeNull();
  });

  it('groups a code in threes for reading', () => {
    expect(spacedCode('7KQ2MX')).toBe('7KQ 2MX');
    expect(spacedCode('7K')).toBe('7K');
  });
});
