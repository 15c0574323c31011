// A panel's text as blocks (a heading, a paragraph, a verdict with its mark) laid out into positioned lines, and split
// into pages when a pack's text is longer than a panel can show at a readable size. Pure: widths come from a measure
// function, so any unit works (the app uses canvas pixels).
import { wrapText } from './textLayout.ts';
import type { TextStyleName } from './type.ts';

/** A symbol drawn as a shape, never as a font glyph (the app's font lacks some, and a headset needs them crisp). */
export type MarkKind = 'check' | 'cross' | 'warning' | 'info' | 'hint' | 'radio' | 'radio-on' | 'box' | 'box-on' | 'prev' | 'next';
/** Colour on top of the meaning the words and marks already carry. */
export type Tone = 'normal' | 'muted' | 'good' | 'bad' | 'hint';

export interface TextBlock {
  style: TextStyleName;
  text: string;
  /** Drawn before the first line; the block's lines hang indented after it. */
  mark?: MarkKind;
  tone?: Tone;
  /** Space above the block, in its own line heights (dropped at the top of a page). */
  gap?: number;
  /** A heading: never left alone at the bottom of a page. */
  keepWithNext?: boolean;
}

export interface StyleMetrics {
  size: number;
  lineHeight: number;
}

export interface LaidLine {
  text: string;
  /** Left edge of the text. */
  x: number;
  /** Top of the line box. */
  y: number;
  /** Height of the line box. */
  height: number;
  style: TextStyleName;
  tone: Tone;
  /** On the block's first line only. */
  mark?: MarkKind;
  /** Where the mark goes (left of x). */
  markX?: number;
}

export interface LaidBlock {
  lines: LaidLine[];
  height: number;
  gap: number;
  keepWithNext: boolean;
}

export interface Page {
  lines: LaidLine[];
  height: number;
}

/** The indent a mark takes, as a multiple of the font size. */
export const MARK_INDENT = 1.3;

/** Wraps each block to the width; line positions are relative to the block's top. */
export function layoutBlocks(
  blocks: readonly TextBlock[],
  width: number,
  metrics: (style: TextStyleName) => StyleMetrics,
  measure: (style: TextStyleName, text: string) => number,
): LaidBlock[] {
  return blocks.map((b) => {
    const m = metrics(b.style);
    const lineH = m.size * m.lineHeight;
    const indent = b.mark ? m.size * MARK_INDENT : 0;
    const texts = wrapText(b.text, width - indent, (t) => measure(b.style, t));
    const lines = texts.map<LaidLine>((text, i) => ({
      text,
      x: indent,
      y: i * lineH,
      height: lineH,
      style: b.style,
      tone: b.tone ?? 'normal',
      ...(i === 0 && b.mark ? { mark: b.mark, markX: 0 } : {}),
    }));
    return { lines, height: lines.length * lineH, gap: (b.gap ?? 0) * lineH, keepWithNext: b.keepWithNext ?? false };
  });
}

/** Lines of a paragraph never left alone at the bottom or the top of a page (orphans and widows). */
const MIN_LINES = 2;

/** Height of a block's first `n` lines, with the gap above it. */
function headHeight(block: LaidBlock, n: number, withGap: boolean): number {
  const lines = block.lines.slice(0, n);
  return (withGap ? block.gap : 0) + lines.reduce((h, l) => h + l.height, 0);
}

/**
 * Fills pages of at most maxHeight top to bottom. A paragraph is split between pages, but never so that fewer than two
 * of its lines stand on either side; a heading goes to the next page with the start of what it heads.
 */
export function paginate(blocks: readonly LaidBlock[], maxHeight: number): Page[] {
  const pages: Page[] = [];
  let cur: Page = { lines: [], height: 0 };
  const newPage = () => {
    if (cur.lines.length > 0) pages.push(cur);
    cur = { lines: [], height: 0 };
  };
  blocks.forEach((block, i) => {
    const n = block.lines.length;
    const next = blocks[i + 1];
    const started = cur.lines.length > 0;
    // What must fit here for the block to start on this page.
    let need = block.keepWithNext || n <= MIN_LINES ? headHeight(block, n, started) : headHeight(block, MIN_LINES, started);
    if (block.keepWithNext && next) need += headHeight(next, Math.min(MIN_LINES, next.lines.length), true);
    if (started && cur.height + need > maxHeight) newPage();

    let top = cur.height + (cur.lines.length > 0 ? block.gap : 0);
    let first = block.lines[0]?.y ?? 0;
    block.lines.forEach((line, j) => {
      const left = n - j;
      const bottom = (k: number) => top + (block.lines[j + k - 1]!.y - first) + block.lines[j + k - 1]!.height;
      // Break before this line if it does not fit, or if the lines after it would be a lone line on the next page.
      const fits = bottom(1) <= maxHeight;
      const widow = left === MIN_LINES && fits && bottom(MIN_LINES) > maxHeight && j >= MIN_LINES;
      if (cur.lines.length > 0 && (!fits || widow)) {
        newPage();
        top = 0;
        first = line.y;
      }
      const y = top + (line.y - first);
      cur.lines.push({ ...line, y });
      cur.height = y + line.height;
    });
  });
  newPage();
  return pages.length > 0 ? pages : [{ lines: [], height: 0 }];
}
