// Line breaking for text drawn into a canvas: a canvas has no CSS layout, and the panels mix Chinese (which breaks
// between any two characters) with English (which breaks only at spaces). Pure: widths come from the caller's measure
// function, so the rules are tested without a browser.

/** The width of a run of text, in whatever unit the caller lays out in (canvas pixels in the app). */
export type Measure = (text: string) => number;

/** An unbreakable piece of a line and whether a space separates it from the piece before. */
interface Piece {
  text: string;
  space: boolean;
}

// Han, kana, bopomofo, CJK punctuation and full-width forms: each character is a place a line may break.
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/u;

// Chinese typesetting (禁则): closing marks never begin a line and opening marks never end one. ASCII marks too, for
// English and for mixed text such as “配电柜”.
const NO_START = new Set([...'，。、；：？！）》」』】〕〗〙〛〉”’…‥·—～％,.;:!?)]}%»']);
const NO_END = new Set([...'（《「『【〔〖〘〚〈“‘([{«']);

const first = (s: string) => [...s][0] ?? '';
const last = (s: string) => [...s].at(-1) ?? '';

/** Splits a paragraph into the pieces a line may break between. */
export function breakPieces(paragraph: string): string[] {
  return pieces(paragraph).map((p) => p.text);
}

function pieces(paragraph: string): Piece[] {
  const raw: Piece[] = [];
  let word: Piece | null = null;
  let space = false;
  for (const ch of paragraph) {
    if (/\s/u.test(ch)) {
      word = null;
      space = true;
    } else if (CJK.test(ch)) {
      word = null;
      raw.push({ text: ch, space });
      space = false;
    } else if (word) {
      word.text += ch;
    } else {
      word = { text: ch, space };
      raw.push(word);
      space = false;
    }
  }
  // Glue a closing mark to what it closes and an opening mark to what it opens, unless a space already parts them.
  const out: Piece[] = [];
  for (const p of raw) {
    const prev = out.at(-1);
    if (prev && !p.space && (NO_START.has(first(p.text)) || NO_END.has(last(prev.text)))) prev.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Cuts a piece wider than the line (a URL, a long number) at characters: better broken than clipped. */
function hardBreak(text: string, maxWidth: number, measure: Measure): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur !== '' && measure(cur + ch) > maxWidth) {
      parts.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur !== '') parts.push(cur);
  return parts;
}

/**
 * Greedy line breaking: each line takes as many pieces as fit in maxWidth. Chinese breaks per character, English per
 * word, closing punctuation stays with the text before it; a newline in the text starts a new line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const place = (piece: string) => {
      if (measure(piece) <= maxWidth) {
        line = piece;
        return;
      }
      const parts = hardBreak(piece, maxWidth, measure);
      lines.push(...parts.slice(0, -1));
      line = parts.at(-1) ?? '';
    };
    for (const p of pieces(paragraph)) {
      if (line === '') {
        place(p.text);
        continue;
      }
      const candidate = line + (p.space ? ' ' : '') + p.text;
      if (measure(candidate) <= maxWidth) line = candidate;
      else {
        lines.push(line);
        place(p.text);
      }
    }
    lines.push(line);
  }
  return lines;
}
