// Marks drawn as shapes: a state must show as a mark and words, never as a colour alone, and a font glyph (✔, ⚠) may be
// missing or blurry at headset resolution where a stroked path is not.
import type { MarkKind } from './blockLayout.ts';

/** Draws a mark in a square of side `size` with its top-left corner at (x, y). */
export function drawMark(ctx: CanvasRenderingContext2D, kind: MarkKind, x: number, y: number, size: number, colour: string): void {
  const s = size;
  ctx.save();
  ctx.translate(x, y);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = Math.max(2, s * 0.12);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const path = (points: [number, number][]) => {
    ctx.beginPath();
    points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px * s, py * s) : ctx.lineTo(px * s, py * s)));
    ctx.stroke();
  };
  const circle = (r: number, fill: boolean) => {
    ctx.beginPath();
    ctx.arc(0.5 * s, 0.5 * s, r * s, 0, Math.PI * 2);
    if (fill) ctx.fill();
    else ctx.stroke();
  };
  const box = () => {
    ctx.beginPath();
    ctx.roundRect(0.1 * s, 0.1 * s, 0.8 * s, 0.8 * s, 0.12 * s);
    ctx.stroke();
  };
  switch (kind) {
    case 'check':
      ctx.lineWidth = s * 0.16;
      path([[0.14, 0.54], [0.4, 0.8], [0.88, 0.24]]);
      break;
    case 'cross':
      ctx.lineWidth = s * 0.16;
      path([[0.2, 0.2], [0.8, 0.8]]);
      path([[0.8, 0.2], [0.2, 0.8]]);
      break;
    case 'warning':
      path([[0.5, 0.08], [0.94, 0.88], [0.06, 0.88], [0.5, 0.08]]);
      path([[0.5, 0.36], [0.5, 0.6]]);
      ctx.beginPath();
      ctx.arc(0.5 * s, 0.74 * s, s * 0.06, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'info':
    case 'next':
      ctx.lineWidth = s * 0.14;
      path([[0.36, 0.2], [0.66, 0.5], [0.36, 0.8]]);
      break;
    case 'prev':
      ctx.lineWidth = s * 0.14;
      path([[0.64, 0.2], [0.34, 0.5], [0.64, 0.8]]);
      break;
    case 'hint':
      // A light bulb: the bulb, its base, and a ray.
      ctx.beginPath();
      ctx.arc(0.5 * s, 0.4 * s, 0.28 * s, Math.PI * 0.8, Math.PI * 2.2);
      ctx.stroke();
      path([[0.36, 0.7], [0.64, 0.7]]);
      path([[0.4, 0.86], [0.6, 0.86]]);
      break;
    case 'radio':
      circle(0.38, false);
      break;
    case 'radio-on':
      circle(0.38, false);
      circle(0.2, true);
      break;
    case 'box':
      box();
      break;
    case 'box-on':
      box();
      ctx.lineWidth = s * 0.13;
      path([[0.26, 0.52], [0.44, 0.7], [0.76, 0.3]]);
      break;
  }
  ctx.restore();
}
