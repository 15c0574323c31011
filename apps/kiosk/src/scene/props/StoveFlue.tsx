// A stovepipe (烟筒) from a coal stove's collar: up 1.4 m from position, an elbow, then 1.1 m back (-z) to the wall,
// in 0.5 m sections. The joints are black with soot where fumes leak; a rag stuffs the wall hole.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const PIPE = '#6f6a64';
const R = 0.06;

export const StoveFlue = definePropModel('stove-flue', 'StoveFlue', (b) => {
  b.cylinder(R, R, 1.4, [0, 0.7, 0], PIPE, { segments: 12 });
  b.sphere(R, [0, 1.4, 0], PIPE, { segments: 12 });
  b.cylinder(R, R, 1.1, [0, 1.4, -0.55], PIPE, { rot: [HALF_PI, 0, 0], segments: 12 });
  for (const y of [0.45, 0.95]) b.cylinder(R + 0.008, R + 0.008, 0.04, [0, y, 0], '#1b1917', { segments: 12 });
  for (const z of [-0.4, -0.85]) b.cylinder(R + 0.008, R + 0.008, 0.04, [0, 1.4, z], '#1b1917', { rot: [HALF_PI, 0, 0], segments: 12 });
  // Soot streaks below the upper joints.
  b.box([0.02, 0.16, 0.004], [0.02, 0.86, R + 0.002], '#24211f');
  b.box([0.016, 0.1, 0.004], [-0.025, 0.37, R + 0.002], '#2c2825');
  // Wire hangers from the ceiling, and the wall plate.
  b.rod([0, 1.4 + R, -0.6], [0, 1.75, -0.6], 0.004, '#3b3b3b');
  b.box([0.24, 0.24, 0.012], [0, 1.4, -1.1], '#8a847d');
});
