// A cast-iron coal stove (炉子), 0.5 m across and 0.7 m high: round body on legs, a cooking plate with its lid rings, an
// ash door at the front with the coals glowing through its grate, and the flue collar on top at the back (a stove-flue
// prop stands on it).
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const IRON = '#2e2b29';

export const CoalStove = definePropModel('coal-stove', 'CoalStove', (b) => {
  for (let i = 0; i < 3; i++) {
    const a = (i * 2 * Math.PI) / 3 + HALF_PI;
    b.block([0.05, 0.12, 0.05], [Math.cos(a) * 0.17, 0, Math.sin(a) * 0.17], IRON);
  }
  b.cylinder(0.23, 0.25, 0.5, [0, 0.37, 0], '#3a3633', { segments: 16 });
  b.cylinder(0.25, 0.25, 0.03, [0, 0.135, 0], IRON, { segments: 16 });
  b.box([0.6, 0.04, 0.56], [0, 0.64, 0], IRON);
  b.cylinder(0.13, 0.13, 0.012, [0, 0.666, 0.05], '#4a4542', { segments: 14 });
  b.torus(0.09, 0.008, [0, 0.674, 0.05], '#57514c', { rot: [HALF_PI, 0, 0], segments: 14 });
  b.box([0.12, 0.02, 0.02], [0, 0.68, 0.05], '#57514c');
  // Ash door with its glowing grate.
  b.box([0.2, 0.16, 0.02], [0, 0.28, 0.245], '#23201e');
  for (let i = 0; i < 3; i++) b.box([0.14, 0.016, 0.006], [0, 0.24 + i * 0.04, 0.258], '#ff6a1a', { glow: true });
  b.box([0.05, 0.02, 0.03], [0.08, 0.28, 0.27], '#8b857f');
  // Flue collar.
  b.cylinder(0.065, 0.065, 0.08, [0, 0.7, -0.18], IRON, { segments: 12 });
  // A kettle on the plate.
  b.cylinder(0.1, 0.11, 0.14, [0, 0.736, 0.05], '#a7adb2', { segments: 12 });
  b.torus(0.07, 0.008, [0, 0.84, 0.05], '#3d3d3d', { arc: Math.PI, segments: 8 });
  b.rod([0.09, 0.76, 0.05], [0.18, 0.82, 0.05], 0.012, '#a7adb2');
  // A bucket of coal beside it.
  b.cylinder(0.12, 0.1, 0.26, [0.48, 0.13, 0.1], '#5b6a55', { segments: 10 });
  for (let i = 0; i < 5; i++) b.sphere(0.045, [0.44 + (i % 3) * 0.04, 0.26, 0.07 + (i % 2) * 0.06], '#141312', { segments: 5 });
});
