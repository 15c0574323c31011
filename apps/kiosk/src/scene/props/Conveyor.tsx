// A 4 × 0.9 × 0.8 m belt conveyor on legs, with a motor, an emergency stop and goods on the belt.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const Conveyor = definePropModel('conveyor', 'Conveyor', (b) => {
  b.box([3.84, 0.04, 0.64], [0, 0.87, 0], '#202224');
  for (const z of [-0.36, 0.36]) b.box([4, 0.15, 0.06], [0, 0.84, z], '#2f67a6');
  for (const x of [-1.93, 1.93]) b.cylinder(0.07, 0.07, 0.66, [x, 0.85, 0], '#a5adb4', { rot: [HALF_PI, 0, 0], segments: 10 });
  for (const x of [-1.75, 0, 1.75]) {
    for (const z of [-0.33, 0.33]) b.block([0.07, 0.78, 0.07], [x, 0, z], '#4a535c');
    b.box([0.06, 0.05, 0.66], [x, 0.22, 0], '#4a535c');
    for (const z of [-0.33, 0.33]) b.block([0.14, 0.02, 0.14], [x, 0, z], '#33393e');
  }
  b.box([3.5, 0.05, 0.05], [0, 0.22, 0.33], '#4a535c');
  // Drive motor and gearbox.
  b.box([0.32, 0.26, 0.26], [1.62, 0.52, 0.52], '#2e7a4b');
  b.cylinder(0.12, 0.12, 0.34, [1.3, 0.52, 0.52], '#2e7a4b', { rot: [0, 0, HALF_PI], segments: 12 });
  b.rod([1.62, 0.66, 0.4], [1.9, 0.85, 0.3], 0.02, '#1b1b1b');
  // Emergency stop.
  b.box([0.1, 0.1, 0.08], [-1.5, 0.96, 0.4], '#f2c200');
  b.cylinder(0.035, 0.035, 0.04, [-1.5, 1.03, 0.4], '#d32f2f', { segments: 10 });
  // Goods on the belt.
  b.block([0.38, 0.26, 0.32], [-1.1, 0.89, 0.02], '#b5864f');
  b.block([0.3, 0.22, 0.28], [0.1, 0.89, -0.05], '#c39460');
  b.block([0.4, 0.3, 0.34], [1.15, 0.89, 0.03], '#a57846');
});
