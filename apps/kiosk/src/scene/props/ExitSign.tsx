// A 0.6 × 0.25 m green exit sign (running man, door, arrow), bottom edge at position.y.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const FACE = '#0fa64a';
const WHITE = '#f6fff8';
const Z = 0.036;

export const ExitSign = definePropModel('exit-sign', 'ExitSign', (b) => {
  b.block([0.64, 0.29, 0.06], [0, -0.02, 0], '#e4e6e6');
  b.box([0.6, 0.25, 0.006], [0, 0.125, 0.031], FACE, { glow: true });
  const g = { glow: true } as const;
  // Running man, leaning to the right.
  b.sphere(0.022, [-0.07, 0.205, Z], WHITE, { glow: true, segments: 8, scale: [1, 1, 0.2] });
  b.box([0.034, 0.085, 0.003], [-0.09, 0.15, Z], WHITE, { ...g, rot: [0, 0, -0.45] });
  b.box([0.07, 0.016, 0.003], [-0.06, 0.168, Z], WHITE, { ...g, rot: [0, 0, 0.35] });
  b.box([0.06, 0.016, 0.003], [-0.125, 0.16, Z], WHITE, { ...g, rot: [0, 0, -0.6] });
  b.box([0.018, 0.08, 0.003], [-0.07, 0.085, Z], WHITE, { ...g, rot: [0, 0, 0.75] });
  b.box([0.018, 0.08, 0.003], [-0.125, 0.085, Z], WHITE, { ...g, rot: [0, 0, -0.55] });
  // The door he runs to.
  b.box([0.014, 0.17, 0.003], [0.0, 0.125, Z], WHITE, g);
  b.box([0.014, 0.17, 0.003], [0.08, 0.125, Z], WHITE, g);
  b.box([0.094, 0.014, 0.003], [0.04, 0.205, Z], WHITE, g);
  // Arrow.
  b.box([0.08, 0.026, 0.003], [0.17, 0.125, Z], WHITE, g);
  b.cylinder(0.045, 0.045, 0.003, [0.225, 0.125, Z], WHITE, { ...g, segments: 3, rot: [HALF_PI, HALF_PI, 0] });
  // Wall bracket.
  b.box([0.5, 0.04, 0.04], [0, 0.12, -0.045], '#9ea3a6');
});
