// How finely a screen's 3D view is drawn. A kiosk's GPU is chosen for a full-HD screen; on a 4K panel the same view
// covers four times the pixels, and every frame costs four times as much: the frame rate a visitor feels drops while
// nothing on screen gets clearer from arm's length. So the view keeps its size on screen and draws at most
// MAX_CANVAS_PIXELS, scaled up by the browser; on a full-HD kiosk (and anything smaller) nothing changes.

/** About one full-HD screen's pixels: what a kiosk's GPU is sized for. */
export const MAX_CANVAS_PIXELS = 1920 * 1080;
/** Never coarser than this (a view drawn at half its size across still reads as the scene). */
export const MIN_RENDER_SCALE = 0.5;
/** A high-density screen (a laptop, a tablet) is drawn up to this finer than CSS pixels, as before the cap. */
export const MAX_DEVICE_SCALE = 1.5;

/**
 * Drawn pixels per CSS pixel of a view `cssWidth` × `cssHeight` on a screen of `deviceRatio`: the device's own ratio
 * (between 1 and MAX_DEVICE_SCALE) unless that would draw more than `maxPixels`. Rounded to hundredths, so a resize by
 * a pixel does not reallocate the drawing buffer.
 */
export function renderScale(cssWidth: number, cssHeight: number, deviceRatio: number, maxPixels = MAX_CANVAS_PIXELS): number {
  const wanted = Math.min(Math.max(Number.isFinite(deviceRatio) ? deviceRatio : 1, 1), MAX_DEVICE_SCALE);
  const area = cssWidth * cssHeight;
  if (!(area > 0)) return wanted;
  const fits = Math.floor(Math.sqrt(maxPixels / area) * 100) / 100;
  return Math.max(MIN_RENDER_SCALE, Math.min(wanted, fits));
}
