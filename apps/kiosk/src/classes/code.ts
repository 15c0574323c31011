// A class join code as a student types it, on the on-screen keypad or a school PC's keyboard. Codes are drawn from an
// alphabet without look-alikes (no 0/O, 1/I/L), so a character outside it is a typing slip the keypad can name,
// never part of a code. Pure: the keypad and its tests share it. No schema imports: the join button's first-screen
// code reads the link's code with it.

/** The join codes' alphabet and length (the same as the server's: see @ruyi/api-contract's classes.ts). */
export const JOIN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

export interface TypedCode {
  /** The code so far: upper case, alphabet characters only, at most JOIN_CODE_LENGTH. */
  code: string;
  /** Characters typed that are never in a code (e.g. 0, O, 1, I, L), to say so rather than drop them silently. */
  refused: string[];
}

/** Text typed or pasted (`7kq-2mx`, ` 7KQ 2MX `) as a code: case, spaces and dashes ignored, look-alikes refused. */
export function normalizeTyped(text: string): TypedCode {
  let code = '';
  const refused: string[] = [];
  for (const ch of text.toUpperCase()) {
    if (/[\s\-–—_]/.test(ch)) continue;
    if (!JOIN_ALPHABET.includes(ch)) {
      if (!refused.includes(ch)) refused.push(ch);
      continue;
    }
    if (code.length < JOIN_CODE_LENGTH) code += ch;
  }
  return { code, refused };
}

export type KeypadKey = { kind: 'char'; char: string } | { kind: 'backspace' } | { kind: 'clear' };

/** The code after one key of the on-screen keypad (or its keyboard twin); a full code takes no more characters. */
export function pressKey(code: string, key: KeypadKey): string {
  if (key.kind === 'clear') return '';
  if (key.kind === 'backspace') return code.slice(0, -1);
  const ch = key.char.toUpperCase();
  if (!JOIN_ALPHABET.includes(ch) || code.length >= JOIN_CODE_LENGTH) return code;
  return code + ch;
}

export const isComplete = (code: string) => code.length === JOIN_CODE_LENGTH && [...code].every((ch) => JOIN_ALPHABET.includes(ch));

/** The code a join link (`/?join=CODE`, the teacher's QR code) carries, normalized; null when there is none. */
export function joinCodeFrom(search: string): string | null {
  const raw = new URLSearchParams(search).get('join');
  if (raw === null) return null;
  const { code } = normalizeTyped(raw.slice(0, 32));
  return code === '' ? null : code;
}

/** The code in groups of three for reading aloud and on screen (`7KQ 2MX`). */
export const spacedCode = (code: string) => code.replace(/(.{3})(?=.)/g, '$1 ');
