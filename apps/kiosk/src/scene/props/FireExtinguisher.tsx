// A 0.18 × 0.6 m red fire extinguisher with a black hose.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const RED = '#c81d1d';

export const FireExtinguisher = definePropModel('fire-extinguisher', 'FireExtinguisher', (b) => {
  b.cylinder(0.092, 0.092, 0.03, [0, 0.015, 0], '#1b1b1b', { segments: 14 });
  b.cylinder(0.09, 0.09, 0.46, [0, 0.26, 0], RED, { segments: 14 });
  b.sphere(0.09, [0, 0.49, 0], RED, { scale: [1, 0.5, 1], segments: 14 });
  b.cylinder(0.028, 0.028, 0.05, [0, 0.55, 0], '#2a2a2a', { segments: 8 });
  b.box([0.06, 0.04, 0.05], [0, 0.585, 0], '#1d1d1d');
  b.box([0.13, 0.012, 0.03], [0.04, 0.6, 0], '#a7adb2', { rot: [0, 0, -0.2] });
  b.box([0.11, 0.012, 0.03], [0.04, 0.575, 0], '#a7adb2');
  b.cylinder(0.018, 0.018, 0.012, [-0.02, 0.575, 0.03], '#f2f2f2', { rot: [HALF_PI, 0, 0], segments: 8 });
  b.box([0.1, 0.15, 0.006], [0, 0.28, 0.09], '#f1f1ee');
  b.box([0.07, 0.02, 0.004], [0, 0.32, 0.094], '#c81d1d');
  b.tube(
    [
      [-0.025, 0.575, 0],
      [-0.09, 0.54, 0.02],
      [-0.11, 0.4, 0.035],
      [-0.1, 0.2, 0.045],
      [-0.095, 0.13, 0.05],
    ],
    0.012,
    '#141414',
    { segments: 10, radial: 5 },
  );
  b.cylinder(0.016, 0.012, 0.06, [-0.095, 0.1, 0.05], '#141414', { segments: 6 });
});
