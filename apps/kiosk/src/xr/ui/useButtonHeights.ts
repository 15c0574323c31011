import { useMemo } from 'react';
import { useFontsReady } from './fonts.ts';
import { useTypeMeasure, type ButtonLabelStyle } from './measure.ts';

export interface ButtonText {
  label: string;
  tag?: string | null;
  tagReserve?: string;
  mark?: boolean;
  labelStyle?: ButtonLabelStyle;
}

/**
 * The heights buttons of this width will have (the minimum until the fonts are in), so a caller can stack or line
 * them up before they draw. XrButton computes the same with the same function.
 */
export function useButtonHeights(buttons: readonly ButtonText[], width: number): number[] {
  const type = useTypeMeasure();
  const key = JSON.stringify(buttons);
  const ready = useFontsReady(buttons.map((b) => b.label + (b.tag ?? '') + (b.tagReserve ?? '')).join(''));
  return useMemo(() => {
    const list = JSON.parse(key) as ButtonText[];
    if (!ready) return list.map(() => type.buttonSizes.minHeight);
    return list.map(
      (b) => type.layoutButton(b.label, b.tag, width, b.mark === true, b.labelStyle, b.tagReserve).height,
    );
  }, [key, ready, width, type]);
}
