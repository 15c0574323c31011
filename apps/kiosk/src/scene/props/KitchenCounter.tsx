// A 1.8 × 0.9 × 0.6 m run of kitchen base cabinets: worktop, three doors, a sink with its tap, a tiled splashback.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const KitchenCounter = definePropModel('kitchen-counter', 'KitchenCounter', (b) => {
  b.block([1.76, 0.1, 0.52], [0, 0, -0.02], '#3a3430');
  b.block([1.8, 0.74, 0.56], [0, 0.1, 0], '#e8e2d6');
  b.block([1.84, 0.04, 0.62], [0, 0.84, 0.01], '#6f6a66');
  for (const x of [-0.6, 0, 0.6]) {
    b.box([0.57, 0.68, 0.02], [x, 0.47, 0.29], '#d9cfbe');
    b.box([0.14, 0.02, 0.03], [x, 0.74, 0.31], '#9ea3a6');
  }
  // Sink basin set into the worktop, and the tap behind it.
  b.box([0.5, 0.012, 0.38], [0.5, 0.885, 0.02], '#aeb4b8');
  b.box([0.44, 0.01, 0.32], [0.5, 0.888, 0.02], '#7d8388');
  b.cylinder(0.02, 0.02, 0.26, [0.5, 1.01, -0.22], '#c9ced3', { segments: 8 });
  b.rod([0.5, 1.13, -0.22], [0.5, 1.13, -0.08], 0.015, '#c9ced3');
  // Splashback tiles against the wall.
  b.box([1.8, 0.5, 0.01], [0, 1.11, -0.275], '#f1efe9');
  for (let i = 1; i < 3; i++) b.box([1.8, 0.008, 0.004], [0, 0.86 + i * 0.166, -0.268], '#c8c4bb');
  for (let i = 1; i < 9; i++) b.box([0.008, 0.5, 0.004], [-0.9 + i * 0.2, 1.11, -0.268], '#c8c4bb');
  // A chopping board and a bowl, so it reads as a kitchen.
  b.box([0.36, 0.02, 0.24], [-0.45, 0.87, 0.05], '#c89a5e', { rot: [0, 0.2, 0] });
  b.sphere(0.08, [-0.05, 0.87, 0.0], '#f6f4ef', { scale: [1, 0.55, 1], segments: 10 });
  b.cylinder(0.015, 0.015, 0.08, [-0.05, 0.9, 0], '#f6f4ef', { rot: [HALF_PI, 0, 0], segments: 4 });
});
