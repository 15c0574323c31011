// The green sign to a civil air defence shelter (人防工程), lit, on two posts: a 0.8 × 0.5 m panel from 1.3 m up
// with a white border, the civil defence emblem (a blue triangle on orange in a white ring), the name as a bold line
// of characters and an arrow the way in. Faces +z.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const GREEN = '#0d8a46';
const WHITE = '#f6fff8';
const Y = 1.3;
const Z = 0.026;

export const ShelterSign = definePropModel('shelter-sign', 'ShelterSign', (b) => {
  for (const x of [-0.34, 0.34]) {
    b.block([0.05, Y + 0.5, 0.05], [x, 0, -0.045], '#8d949a');
    b.block([0.14, 0.04, 0.14], [x, 0, -0.045], '#6f6c67');
  }
  b.block([0.84, 0.54, 0.04], [0, Y - 0.02, 0], '#c9cccc');
  b.box([0.8, 0.5, 0.006], [0, Y + 0.25, 0.022], GREEN, { glow: true });
  const g = { glow: true } as const;
  for (const y of [0.035, 0.465]) b.box([0.76, 0.014, 0.003], [0, Y + y, Z], WHITE, g);
  for (const x of [-0.373, 0.373]) b.box([0.014, 0.44, 0.003], [x, Y + 0.25, Z], WHITE, g);
  const face = { glow: true, rot: [HALF_PI, 0, 0] } as const;
  b.cylinder(0.1, 0.1, 0.003, [-0.24, Y + 0.3, Z], WHITE, { ...face, segments: 20 });
  b.cylinder(0.085, 0.085, 0.003, [-0.24, Y + 0.3, Z + 0.002], '#f07d12', { ...face, segments: 20 });
  b.cylinder(0.06, 0.06, 0.003, [-0.24, Y + 0.29, Z + 0.004], '#1d4fa3', { glow: true, segments: 3, rot: [-HALF_PI, 0, 0] });
  // Four characters of the name, each a cluster of strokes, and a smaller line under them.
  for (let i = 0; i < 4; i++) {
    const x = -0.06 + i * 0.11;
    b.box([0.08, 0.014, 0.003], [x, Y + 0.36, Z], WHITE, g);
    b.box([0.014, 0.08, 0.003], [x, Y + 0.32, Z], WHITE, g);
    b.box([0.06, 0.014, 0.003], [x, Y + 0.29, Z], WHITE, g);
    b.box([0.012, 0.05, 0.003], [x + (i % 2 === 0 ? -0.03 : 0.03), Y + 0.31, Z], WHITE, g);
  }
  b.box([0.38, 0.018, 0.003], [0.1, Y + 0.21, Z], WHITE, g);
  // Arrow: this way in.
  b.box([0.3, 0.04, 0.003], [-0.05, Y + 0.1, Z], WHITE, g);
  b.cylinder(0.05, 0.05, 0.003, [0.14, Y + 0.1, Z], WHITE, { glow: true, segments: 3, rot: [HALF_PI, HALF_PI, 0] });
});
