// The render scale (renderScale.ts) of the element a 3D view fills, kept current as it is resized. Given to the
// canvas as its `dpr`: fiber sets its own ratio again on every render, so the scale must come in through the prop.
import { useLayoutEffect, useState } from 'react';
import { renderScale } from './renderScale.ts';

export function useRenderScale(element: HTMLElement | null): number {
  const [scale, setScale] = useState(() => renderScale(0, 0, globalThis.devicePixelRatio ?? 1));
  useLayoutEffect(() => {
    if (!element) return;
    const measure = (width: number, height: number) => setScale(renderScale(width, height, globalThis.devicePixelRatio ?? 1));
    const box = element.getBoundingClientRect();
    measure(box.width, box.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return scale;
}
