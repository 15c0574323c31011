// A small fire, about 0.6 m high on a 0.5 m scorched patch: orange tongues round a yellow core, glowing embers at the
// foot. The flames flicker (flame.ts), except under reduced motion.
import { definePropModel } from './definePropModel.tsx';
import { seededRandom } from './figures.ts';

export const SmallFire = definePropModel('small-fire', 'SmallFire', (b) => {
  b.cylinder(0.3, 0.3, 0.008, [0, 0.004, 0], '#161210', { segments: 12 });
  b.cylinder(0.2, 0.24, 0.04, [0, 0.02, 0], '#2a201a', { segments: 10 });
  const rand = seededRandom(97);
  for (let i = 0; i < 6; i++) {
    const a = (i / 6) * Math.PI * 2 + rand();
    b.sphere(0.035, [Math.cos(a) * 0.15, 0.04, Math.sin(a) * 0.15], '#ff4a12', { glow: true, segments: 5 });
  }
  // Flames stand on y = 0 so the flicker stretches them up from their base.
  const f = { flame: true, segments: 7 } as const;
  const tongues: [number, number, number, number][] = [
    [0.0, 0.0, 0.16, 0.62],
    [0.11, 0.05, 0.1, 0.42],
    [-0.1, 0.06, 0.11, 0.46],
    [0.05, -0.1, 0.09, 0.38],
    [-0.06, -0.08, 0.1, 0.4],
  ];
  for (const [x, z, r, h] of tongues) b.cylinder(0, r, h, [x, h / 2, z], '#ff6a14', f);
  b.cylinder(0, 0.11, 0.4, [0.0, 0.2, 0.06], '#ffb21c', f);
  b.cylinder(0, 0.07, 0.24, [0.02, 0.12, 0.12], '#ffe56a', f);
  b.cylinder(0, 0.06, 0.2, [-0.05, 0.1, 0.1], '#fff2a8', f);
});
