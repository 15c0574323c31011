// The app's font in canvases. Noto Sans SC comes from @fontsource as many unicode-range subsets that the browser loads
// only when some text needs them: a canvas asks for nothing, so glyphs must be loaded explicitly before drawing, or the
// first drawing falls back to another font (or to empty boxes) and is never redrawn.
import { useEffect, useState } from 'react';
import type { TypeStyle } from './type.ts';

const FAMILY = '"Noto Sans SC"';
const WEIGHTS = [400, 700] as const;
/** How long to wait for a subset before drawing with what there is: a missing file must not leave a blank panel. */
const LOAD_TIMEOUT_MS = 4000;

/** The CSS font for a style at a pixel size. */
export function fontCss(style: Pick<TypeStyle, 'weight'>, px: number): string {
  return `${style.weight} ${px}px ${FAMILY}, sans-serif`;
}

const specs = WEIGHTS.map((w) => `${w} 32px ${FAMILY}`);

function loaded(text: string): boolean {
  if (typeof document === 'undefined' || !document.fonts) return true;
  return specs.every((s) => document.fonts.check(s, text));
}

/**
 * Whether every glyph of `text` is loaded in both weights. Turns true once the browser has them (at once when they are
 * already there), so the caller lays out and draws with the real font's metrics.
 */
export function useFontsReady(text: string): boolean {
  const [readyFor, setReadyFor] = useState<string | null>(() => (loaded(text) ? text : null));
  useEffect(() => {
    if (readyFor === text) return;
    if (loaded(text)) {
      setReadyFor(text);
      return;
    }
    let live = true;
    const done = () => {
      if (live) setReadyFor(text);
    };
    const timer = window.setTimeout(done, LOAD_TIMEOUT_MS);
    Promise.all(specs.map((s) => document.fonts.load(s, text))).then(done, done);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, readyFor]);
  return readyFor === text;
}

let measureCtx: CanvasRenderingContext2D | null = null;
let measureFont = '';

/** Width of a text in a CSS font, in pixels (one shared 2D context: measuring needs no canvas of its own). */
export function measureText(font: string, text: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * 16;
  if (font !== measureFont) {
    measureCtx.font = font;
    measureFont = font;
  }
  return measureCtx.measureText(text).width;
}
