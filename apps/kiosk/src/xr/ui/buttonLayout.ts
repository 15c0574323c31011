// A button's label wrapped to its width and the height that gives: pure, so a column of buttons can be stacked before
// anything is drawn, and tested without a browser. Units are the caller's (the kit uses metres).
import type { StyleMetrics } from './blockLayout.ts';
import { wrapText } from './textLayout.ts';

export interface ButtonSizes {
  label: StyleMetrics;
  /** The second, smaller line (a quiz choice's "Selected" / "Right answer"). */
  tag: StyleMetrics;
  pad: number;
  /** Room for a leading mark. */
  mark: number;
  minHeight: number;
}

export interface ButtonLayout {
  lines: string[];
  /** Empty when the tag sits at the end of the label's last line (tagInline). */
  tagLines: string[];
  tagInline: boolean;
  height: number;
  /** Where the label starts, from the button's left edge. */
  textLeft: number;
  textWidth: number;
}

/** Space between the end of a label and a tag on the same line, in the tag's font sizes. */
export const TAG_GAP = 1;

/**
 * The tag (a quiz choice's "Selected") goes at the end of the label's last line when it fits there, else on lines of
 * its own. `reserve`: a text laid out in the tag's place while the tag is empty, so a tag appearing later (ticking a
 * choice) never changes the button's height: a visitor aiming at the choice below must not see it move.
 */
export function layoutButton(
  label: string,
  tag: string | null | undefined,
  width: number,
  hasMark: boolean,
  sizes: ButtonSizes,
  measure: (which: 'label' | 'tag', text: string) => number,
  reserve?: string,
): ButtonLayout {
  const textLeft = sizes.pad + (hasMark ? sizes.mark : 0);
  const textWidth = Math.max(0, width - textLeft - sizes.pad);
  const lines = wrapText(label, textWidth, (t) => measure('label', t));
  const space = tag || reserve || '';
  const inline = space !== '' && measure('label', lines.at(-1) ?? '') + TAG_GAP * sizes.tag.size + measure('tag', space) <= textWidth;
  const spaceLines = space === '' || inline ? [] : wrapText(space, textWidth, (t) => measure('tag', t));
  const tagLines = inline || !tag ? spaceLines.map(() => '') : spaceLines;
  const textHeight = lines.length * sizes.label.size * sizes.label.lineHeight + tagLines.length * sizes.tag.size * sizes.tag.lineHeight;
  return { lines, tagLines, tagInline: inline, height: Math.max(sizes.minHeight, textHeight + 2 * sizes.pad), textLeft, textWidth };
}
