// The in-world type scale and control sizes, in dmm (see legibility.ts): a panel converts them to metres at its own
// distance, so a panel moved further away keeps its text just as readable.

export type TextStyleName = 'title' | 'heading' | 'label' | 'body' | 'small' | 'button' | 'choice';

export interface TypeStyle {
  /** Font size (em), in dmm at the panel's centre. */
  dmm: number;
  weight: 400 | 700;
  /** Line box height as a multiple of the font size. */
  lineHeight: number;
}

// Sizes sit a little above the minimum because a panel's corners are further from the eye, and seen at a slant, than
// its centre; xr/steps/placement.test.ts checks every style at every corner of every panel.
export const TYPE: Record<TextStyleName, TypeStyle> = {
  title: { dmm: 34, weight: 700, lineHeight: 1.3 },
  heading: { dmm: 27, weight: 700, lineHeight: 1.4 },
  /** A bold line at body size: a verdict, an item's name. */
  label: { dmm: 25, weight: 700, lineHeight: 1.45 },
  body: { dmm: 25, weight: 400, lineHeight: 1.45 },
  small: { dmm: 25, weight: 400, lineHeight: 1.4 },
  /** An action's label. */
  button: { dmm: 25, weight: 700, lineHeight: 1.3 },
  /** A choice's label: content rather than a command, in the regular weight, which also fits more per line. */
  choice: { dmm: 25, weight: 400, lineHeight: 1.3 },
};

export const TEXT_STYLES = Object.keys(TYPE) as TextStyleName[];

/** Padding inside a text panel. */
export const PANEL_PAD_DMM = 30;
/** Padding inside a button, around its label. */
export const BUTTON_PAD_DMM = 18;
/** A button is never lower than this, however short its label: the hit target (MIN_HIT_DMM) with a margin. */
export const BUTTON_MIN_HEIGHT_DMM = 80;
/** Room for a button's leading mark (radio, check box, arrow). */
export const BUTTON_MARK_DMM = 40;
/** Space between stacked buttons and between a panel and its buttons. */
export const GAP_DMM = 16;
