// 6 m of three parallel pipes along local x at height position.y, with flanges, hangers and marking bands.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const PIPES: Array<{ y: number; z: number; r: number; color: string; flange: string }> = [
  { y: 0, z: -0.24, r: 0.08, color: '#d9b31c', flange: '#a88a14' },
  { y: 0.02, z: 0, r: 0.06, color: '#3a8150', flange: '#2c613d' },
  { y: 0, z: 0.24, r: 0.09, color: '#8c97a1', flange: '#6b747c' },
];

export const PipeRun = definePropModel('pipe-run', 'PipeRun', (b) => {
  for (const p of PIPES) {
    b.rod([-3, p.y, p.z], [3, p.y, p.z], p.r, p.color, { segments: 12 });
    for (const x of [-1.8, 0.2, 2.2]) {
      b.cylinder(p.r + 0.04, p.r + 0.04, 0.05, [x, p.y, p.z], p.flange, { rot: [0, 0, HALF_PI], segments: 12 });
    }
    b.cylinder(p.r + 0.004, p.r + 0.004, 0.14, [-0.8, p.y, p.z], '#f2f2f2', { rot: [0, 0, HALF_PI], segments: 12, open: true });
    // Flow arrow on the pipe.
    b.cylinder(0.055, 0.055, 0.01, [-0.55, p.y, p.z + p.r + 0.006], '#f2f2f2', { rot: [HALF_PI, HALF_PI, 0], segments: 3 });
  }
  // Trapeze hangers.
  for (const x of [-2.6, 0, 2.6]) {
    b.box([0.07, 0.06, 0.8], [x, -0.13, 0], '#5e6267');
    b.rod([x, -0.13, -0.38], [x, 0.9, -0.38], 0.012, '#7b8086');
    b.rod([x, -0.13, 0.38], [x, 0.9, 0.38], 0.012, '#7b8086');
  }
});
