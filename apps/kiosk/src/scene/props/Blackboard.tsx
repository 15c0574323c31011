// A 3.6 × 1.2 m green chalkboard on the wall (bottom edge at position.y), in an aluminium frame with a chalk tray, a
// few lines of chalk writing, and the wall's red banner strip above it.
import { definePropModel } from './definePropModel.tsx';

const FRAME = '#b9bec2';
const CHALK = '#e9ece6';

export const Blackboard = definePropModel('blackboard', 'Blackboard', (b) => {
  b.block([3.6, 1.2, 0.03], [0, 0, 0], '#23483a');
  b.box([3.68, 0.04, 0.05], [0, 1.22, 0.005], FRAME);
  b.box([3.68, 0.04, 0.05], [0, -0.02, 0.005], FRAME);
  for (const x of [-1.82, 1.82]) b.box([0.04, 1.24, 0.05], [x, 0.6, 0.005], FRAME);
  b.box([3.4, 0.025, 0.09], [0, -0.03, 0.05], FRAME);
  for (const x of [-0.8, -0.7, 0.9]) b.box([0.07, 0.012, 0.012], [x, -0.01, 0.06], '#fdfdfb');
  // Writing: a heading and lines of text, as chalk strokes.
  b.box([0.9, 0.04, 0.003], [-1.1, 1.0, 0.017], CHALK);
  const lines: [number, number][] = [
    [1.9, 0.82],
    [1.6, 0.68],
    [2.1, 0.54],
    [1.2, 0.4],
  ];
  for (const [w, y] of lines) b.box([w, 0.022, 0.003], [-1.5 + w / 2, y, 0.017], '#cfd6cf');
  // A drawn floor plan of the way out: two rooms and an arrow.
  b.box([0.6, 0.012, 0.003], [1.1, 0.9, 0.017], CHALK);
  b.box([0.6, 0.012, 0.003], [1.1, 0.5, 0.017], CHALK);
  for (const x of [0.8, 1.1, 1.4]) b.box([0.012, 0.4, 0.003], [x, 0.7, 0.017], CHALK);
  b.box([0.35, 0.02, 0.003], [1.45, 0.7, 0.017], '#f2d44a');
  b.cylinder(0.04, 0.04, 0.003, [1.65, 0.7, 0.017], '#f2d44a', { segments: 3, rot: [Math.PI / 2, Math.PI / 2, 0] });
  b.block([3.6, 0.22, 0.012], [0, 1.45, 0], '#b8312f');
  for (let i = 0; i < 10; i++) b.box([0.18, 0.12, 0.003], [-1.4 + i * 0.31, 1.56, 0.008], '#f3d77a');
});
