// A 1.2 × 1.5 × 1.2 m stack of taped cardboard boxes.
import type { ModelBuilder } from '../modelBuilder.ts';
import { definePropModel } from './definePropModel.tsx';

const TAPE = '#d8c49a';

function carton(b: ModelBuilder, x: number, y: number, z: number, w: number, h: number, d: number, color: string, turn = 0): void {
  const c = Math.cos(turn);
  const s = Math.sin(turn);
  const at = (lx: number, ly: number, lz: number): [number, number, number] => [x + lx * c + lz * s, y + ly, z - lx * s + lz * c];
  const rot: [number, number, number] = [0, turn, 0];
  b.box([w, h, d], at(0, h / 2, 0), color, { rot });
  b.box([w + 0.004, 0.006, 0.07], at(0, h + 0.002, 0), TAPE, { rot });
  b.box([0.07, h * 0.35, 0.006], at(0, h * 0.825, d / 2 + 0.002), TAPE, { rot });
  b.box([w * 0.3, h * 0.18, 0.006], at(-w * 0.22, h * 0.45, d / 2 + 0.002), '#efece4', { rot });
}

export const CardboardStack = definePropModel('cardboard-stack', 'CardboardStack', (b) => {
  carton(b, -0.3, 0, -0.3, 0.58, 0.5, 0.58, '#b5864f');
  carton(b, 0.3, 0, -0.3, 0.58, 0.5, 0.58, '#a57846');
  carton(b, -0.3, 0, 0.3, 0.58, 0.5, 0.58, '#c39460');
  carton(b, 0.3, 0, 0.3, 0.58, 0.5, 0.58, '#b07f4a');
  carton(b, -0.29, 0.5, -0.3, 0.56, 0.5, 0.56, '#c0915b', 0.06);
  carton(b, 0.31, 0.5, -0.28, 0.56, 0.5, 0.56, '#b3844e', -0.04);
  carton(b, -0.3, 0.5, 0.3, 0.56, 0.5, 0.56, '#a87a47', -0.05);
  carton(b, 0.29, 0.5, 0.31, 0.56, 0.5, 0.56, '#c69865', 0.03);
  carton(b, -0.25, 1.0, -0.2, 0.6, 0.5, 0.58, '#b88a55', 0.12);
  carton(b, 0.3, 1.0, 0.25, 0.48, 0.38, 0.48, '#ab7c48', -0.2);
});
