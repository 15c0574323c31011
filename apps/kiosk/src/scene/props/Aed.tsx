// A wall cabinet with an automated external defibrillator (AED), 0.42 × 0.5 × 0.2 m (bottom edge at position.y): the
// green sign above it (a white heart with a lightning bolt) lit, the yellow AED inside, seen through the door.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const GREEN = '#0fa64a';
const WHITE = '#f6fff8';

export const Aed = definePropModel('aed', 'Aed', (b) => {
  // The cabinet, open-fronted behind its glass (drawn as the door's frame, so the AED shows).
  b.block([0.42, 0.5, 0.12], [0, 0, -0.04], '#f1f3f2');
  for (const x of [-0.195, 0.195]) b.block([0.03, 0.5, 0.08], [x, 0, 0.06], '#f1f3f2');
  for (const y of [0, 0.47]) b.block([0.42, 0.03, 0.08], [0, y, 0.06], '#f1f3f2');
  b.box([0.02, 0.06, 0.03], [0.195, 0.25, 0.11], '#9aa0a5');
  b.block([0.3, 0.34, 0.1], [0, 0.06, 0.04], '#f2c200');
  b.box([0.2, 0.12, 0.004], [0, 0.3, 0.091], '#26323d');
  b.cylinder(0.03, 0.03, 0.01, [0.08, 0.14, 0.092], '#2f8f4e', { rot: [HALF_PI, 0, 0], segments: 10 });
  // Sign above: green square, white heart, green bolt through it.
  const g = { glow: true } as const;
  b.block([0.34, 0.3, 0.02], [0, 0.56, 0], GREEN, g);
  const Z = 0.014;
  b.sphere(0.045, [-0.035, 0.74, Z], WHITE, { glow: true, segments: 10, scale: [1, 1, 0.1] });
  b.sphere(0.045, [0.035, 0.74, Z], WHITE, { glow: true, segments: 10, scale: [1, 1, 0.1] });
  b.box([0.09, 0.09, 0.006], [0, 0.7, Z], WHITE, { glow: true, rot: [0, 0, Math.PI / 4] });
  b.box([0.018, 0.06, 0.004], [0.005, 0.74, Z + 0.006], GREEN, { glow: true, rot: [0, 0, -0.45] });
  b.box([0.018, 0.06, 0.004], [-0.005, 0.69, Z + 0.006], GREEN, { glow: true, rot: [0, 0, -0.45] });
  b.box([0.22, 0.03, 0.004], [0, 0.61, Z], WHITE, g);
});
