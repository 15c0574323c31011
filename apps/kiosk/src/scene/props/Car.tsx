// A 4.5 × 1.45 × 1.8 m saloon car facing +x: body, cabin with dark windows, four wheels, lights and number plates.
import type { ModelBuilder } from '../modelBuilder.ts';
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const GLASS = '#26323d';

/** A wheel at (x, z), axle along z. */
export function wheel(b: ModelBuilder, x: number, z: number, radius: number, width: number): void {
  b.cylinder(radius, radius, width, [x, radius, z], '#18191b', { rot: [HALF_PI, 0, 0], segments: 12 });
  b.cylinder(radius * 0.55, radius * 0.55, width + 0.01, [x, radius, z], '#a9afb4', { rot: [HALF_PI, 0, 0], segments: 8 });
}

export const Car = definePropModel('car', 'Car', (b) => {
  const paint = '#b7bcc2';
  b.box([4.5, 0.55, 1.78], [0, 0.62, 0], paint);
  b.box([4.4, 0.12, 1.7], [0, 0.3, 0], '#2b2d30');
  // Cabin: roof, and sloped screens front and back.
  b.box([1.9, 0.06, 1.5], [-0.25, 1.42, 0], paint);
  b.box([0.95, 0.05, 1.5], [0.97, 1.13, 0], GLASS, { rot: [0, 0, -0.6] });
  b.box([0.75, 0.05, 1.5], [-1.47, 1.15, 0], GLASS, { rot: [0, 0, 0.75] });
  for (const z of [-0.76, 0.76]) {
    b.box([1.9, 0.5, 0.03], [-0.25, 1.15, z * 0.99], GLASS);
    b.box([0.06, 0.5, 0.05], [-0.3, 1.15, z], paint);
  }
  for (const x of [-1.45, 1.35]) for (const z of [-0.78, 0.78]) wheel(b, x, z, 0.32, 0.22);
  // Lights, plates, handles.
  for (const z of [-0.62, 0.62]) {
    b.box([0.04, 0.1, 0.3], [2.25, 0.72, z], '#f5f3da', { glow: true });
    b.box([0.04, 0.1, 0.3], [-2.25, 0.75, z], '#b31d1d');
    b.box([0.16, 0.03, 0.03], [0.3, 0.85, z * 1.45], '#5a5f64');
  }
  b.box([0.02, 0.14, 0.44], [2.26, 0.48, 0], '#1d4fa3');
  b.box([0.02, 0.14, 0.44], [-2.26, 0.5, 0], '#1d4fa3');
});
