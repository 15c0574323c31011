// An open manhole: a 0.7 m round opening in its cast-iron frame, dark below, the ladder's rails rising from it, the cover
// slid off beside it, and a red and white barrier post. A confined space: nothing to go into unprepared.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const IRON = '#3a3836';

export const Manhole = definePropModel('manhole', 'Manhole', (b) => {
  b.box([1.0, 0.03, 1.0], [0, 0.015, 0], '#6f6c67');
  b.cylinder(0.35, 0.35, 0.004, [0, 0.032, 0], '#050505', { segments: 20 });
  b.torus(0.38, 0.035, [0, 0.03, 0], IRON, { rot: [HALF_PI, 0, 0], segments: 20 });
  // The ladder's rails rise above the rim to hold on to.
  for (const x of [-0.16, 0.16]) b.rod([x, 0.03, -0.31], [x, 0.42, -0.31], 0.014, '#9aa0a5');
  for (const y of [0.22, 0.4]) b.rod([-0.16, y, -0.31], [0.16, y, -0.31], 0.012, '#9aa0a5');
  // The cover, slid aside.
  b.cylinder(0.36, 0.36, 0.03, [0.75, 0.015, 0.35], IRON, { segments: 20 });
  for (let i = -2; i <= 2; i++) b.box([0.5 - Math.abs(i) * 0.08, 0.006, 0.03], [0.75, 0.033, 0.35 + i * 0.1], '#2a2826');
  // Barrier post.
  b.cylinder(0.03, 0.03, 0.9, [-0.6, 0.45, 0.45], '#f3f3f0', { segments: 8 });
  for (const y of [0.2, 0.5, 0.8]) b.cylinder(0.032, 0.032, 0.1, [-0.6, y, 0.45], '#c0392b', { segments: 8 });
  b.cylinder(0.14, 0.14, 0.03, [-0.6, 0.015, 0.45], '#2b2b2b', { segments: 10 });
});
