import { useCallback, useMemo } from 'react';
import type { StyleMetrics } from './blockLayout.ts';
import { layoutButton, type ButtonLayout, type ButtonSizes } from './buttonLayout.ts';
import { fontCss, measureText } from './fonts.ts';
import { useDmm } from './sheetContext.tsx';
import { PX_PER_M } from './theme.ts';
import { BUTTON_MARK_DMM, BUTTON_MIN_HEIGHT_DMM, BUTTON_PAD_DMM, TYPE, type TextStyleName } from './type.ts';

// Lines are measured a little narrower than they are: drawing may use a lower pixel density than measuring, and a
// rounding difference must not push the last glyph off a panel.
const SAFETY = 0.985;

export interface TypeMeasure {
  /** A style's size and line height, metres, on the current sheet. */
  metrics: (style: TextStyleName) => StyleMetrics;
  /** Width of a text in a style, metres, on the current sheet. */
  measure: (style: TextStyleName, text: string) => number;
  buttonSizes: ButtonSizes;
  /** layoutButton on this sheet: a label in `style` with a tag in the small style. */
  layoutButton(label: string, tag: string | null | undefined, width: number, hasMark: boolean, style?: ButtonLabelStyle, reserve?: string): ButtonLayout;
}

export type ButtonLabelStyle = 'button' | 'choice';

/** Text measured in metres on the sheet the caller is drawn on (call once the fonts are ready: see useFontsReady). */
export function useTypeMeasure(): TypeMeasure {
  const dmm = useDmm();
  const metrics = useCallback((style: TextStyleName): StyleMetrics => ({ size: dmm(TYPE[style].dmm), lineHeight: TYPE[style].lineHeight }), [dmm]);
  const measure = useCallback(
    (style: TextStyleName, text: string) => measureText(fontCss(TYPE[style], dmm(TYPE[style].dmm) * PX_PER_M), text) / PX_PER_M / SAFETY,
    [dmm],
  );
  const buttonSizes = useMemo<ButtonSizes>(
    () => ({
      label: metrics('button'),
      tag: metrics('small'),
      pad: dmm(BUTTON_PAD_DMM),
      mark: dmm(BUTTON_MARK_DMM),
      minHeight: dmm(BUTTON_MIN_HEIGHT_DMM),
    }),
    [dmm, metrics],
  );
  return useMemo(
    () => ({
      metrics,
      measure,
      buttonSizes,
      layoutButton: (label, tag, width, hasMark, style = 'button', reserve) =>
        layoutButton(label, tag, width, hasMark, { ...buttonSizes, label: metrics(style) }, (w, t) => measure(w === 'label' ? style : 'small', t), reserve),
    }),
    [metrics, measure, buttonSizes],
  );
}
