// Packed snow and ice on the ground, about 3 × 2 m: a glassy ice sheet, low ridges of old snow and tyre ruts.
import { definePropModel } from './definePropModel.tsx';
import { seededRandom } from './figures.ts';

export const SnowPatch = definePropModel('snow-patch', 'SnowPatch', (b) => {
  b.cylinder(1.5, 1.5, 0.012, [0, 0.006, 0], '#cfe3ef', { segments: 14, scale: [1, 1, 0.66] });
  b.cylinder(1.0, 1.0, 0.004, [0.2, 0.014, 0.1], '#e6f2f8', { segments: 12, scale: [1, 1, 0.5] });
  const rand = seededRandom(41);
  for (let i = 0; i < 9; i++) {
    const a = (i / 9) * Math.PI * 2;
    const r = 1.25 + rand() * 0.2;
    b.sphere(0.22 + rand() * 0.12, [Math.cos(a) * r, 0, Math.sin(a) * r * 0.66], '#f4f7f8', { scale: [1.6, 0.28, 1], segments: 8 });
  }
  for (const z of [-0.35, 0.35]) b.box([2.6, 0.006, 0.22], [0, 0.016, z], '#9fb3bf');
});
