// A horizontal ammonia vessel, 3 m long and 1.2 m in diameter, on two saddles, with a valve and a hazard stripe.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const R = 0.6;
const Y = 1.05;
const TOP = Y + R;

export const AmmoniaTank = definePropModel('ammonia-tank', 'AmmoniaTank', (b) => {
  b.cylinder(R, R, 2.3, [0, Y, 0], '#e3e1d8', { rot: [0, 0, HALF_PI], segments: 20 });
  b.sphere(R, [-1.15, Y, 0], '#dedcd2', { scale: [0.58, 1, 1], segments: 20 });
  b.sphere(R, [1.15, Y, 0], '#dedcd2', { scale: [0.58, 1, 1], segments: 20 });
  // Yellow/black hazard band.
  for (let i = 0; i < 6; i++) {
    b.cylinder(R + 0.008, R + 0.008, 0.075, [-0.45 + i * 0.075, Y, 0], i % 2 === 0 ? '#f2c200' : '#151515', {
      rot: [0, 0, HALF_PI],
      segments: 20,
      open: true,
    });
  }
  // Saddles.
  for (const x of [-0.8, 0.8]) {
    b.block([0.22, 0.62, 1.0], [x, 0.04, 0], '#565c63');
    b.block([0.42, 0.04, 1.1], [x, 0, 0], '#42474c');
  }
  // Manway.
  b.cylinder(0.22, 0.22, 0.12, [-0.3, TOP - 0.01, 0], '#cfcdc4', { segments: 14 });
  // Valve on top with a red handwheel, and the outlet pipe.
  b.cylinder(0.05, 0.05, 0.3, [0.6, TOP + 0.1, 0], '#8e959b');
  b.cylinder(0.08, 0.08, 0.03, [0.6, TOP + 0.2, 0], '#6e757b', { segments: 10 });
  b.box([0.16, 0.13, 0.14], [0.6, TOP + 0.28, 0], '#b3261e');
  b.rod([0.6, TOP + 0.33, 0], [0.6, TOP + 0.45, 0], 0.012, '#3a3d40');
  b.torus(0.13, 0.016, [0.6, TOP + 0.45, 0], '#d32f2f', { rot: [HALF_PI, 0, 0], segments: 14 });
  b.rod([0.6, TOP + 0.45, -0.13], [0.6, TOP + 0.45, 0.13], 0.01, '#d32f2f');
  b.rod([0.68, TOP + 0.28, 0], [1.7, TOP + 0.28, 0], 0.045, '#9aa1a7');
  b.rod([1.7, TOP + 0.32, 0], [1.7, 0, 0], 0.045, '#9aa1a7');
  b.cylinder(0.075, 0.075, 0.035, [1.2, TOP + 0.28, 0], '#7d848a', { rot: [0, 0, HALF_PI] });
  // Pressure gauge.
  b.rod([-0.75, TOP - 0.05, 0], [-0.75, TOP + 0.12, 0], 0.015, '#8e959b');
  b.cylinder(0.075, 0.075, 0.035, [-0.75, TOP + 0.19, 0], '#2a2d30', { rot: [HALF_PI, 0, 0], segments: 14 });
  b.cylinder(0.062, 0.062, 0.01, [-0.75, TOP + 0.19, 0.02], '#f5f5f0', { rot: [HALF_PI, 0, 0], segments: 14 });
  b.box([0.006, 0.05, 0.004], [-0.74, TOP + 0.2, 0.027], '#c62828', { rot: [0, 0, -0.6] });
  // A white label plate on the shell.
  b.box([0.5, 0.22, 0.01], [0.5, Y + 0.1, R + 0.005], '#f4f4f0');
  b.box([0.36, 0.05, 0.004], [0.5, Y + 0.13, R + 0.012], '#1e3f8a');
  b.box([0.36, 0.03, 0.004], [0.5, Y + 0.05, R + 0.012], '#5a5a5a');
});
