// The exit door chained shut across its panic bars, with a padlock.
import { buildDoubleDoor } from './ExitDoor.tsx';
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const STEEL = '#c8ccd0';

export const ExitDoorLocked = definePropModel('exit-door-locked', 'ExitDoorLocked', (b) => {
  buildDoubleDoor(b);
  // A chain sagging across both panic bars, wrapped round each.
  const links = 16;
  for (let i = 0; i <= links; i++) {
    const t = i / links;
    const x = -0.62 + t * 1.24;
    const y = 1.0 - 0.14 * Math.sin(Math.PI * t);
    const slope = Math.atan2(-0.14 * Math.PI * Math.cos(Math.PI * t), 1.24);
    const rot: [number, number, number] = i % 2 === 0 ? [0, 0, slope] : [HALF_PI, 0, slope];
    b.torus(0.038, 0.011, [x, y, 0.11], STEEL, { rot, scale: [1.5, 1, 1], segments: 10 });
  }
  for (const x of [-0.64, 0.64]) b.torus(0.06, 0.012, [x, 1.0, 0.07], STEEL, { rot: [0, HALF_PI, 0], segments: 12 });
  // Padlock hanging from the middle of the chain.
  b.torus(0.055, 0.015, [0, 0.83, 0.12], '#b9bdc1', { arc: Math.PI, segments: 10 });
  b.box([0.19, 0.16, 0.06], [0, 0.76, 0.12], '#d8ac22');
  b.box([0.022, 0.05, 0.006], [0, 0.75, 0.152], '#2a2418');
});
