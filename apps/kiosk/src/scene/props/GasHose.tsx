// A yellow gas hose sagging between a wall valve and a stove: ends 1 m apart along x and 0.4 m above position.y, the
// middle 0.1 m above it, a clip at each end and a split, perished stretch near the middle.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const HOSE = '#d9a521';

export const GasHose = definePropModel('gas-hose', 'GasHose', (b) => {
  b.tube(
    [
      [0, 0.4, 0],
      [0.08, 0.3, 0.03],
      [0.3, 0.13, 0.07],
      [0.55, 0.1, 0.08],
      [0.8, 0.17, 0.05],
      [0.95, 0.32, 0.01],
      [1.0, 0.4, 0],
    ],
    0.012,
    HOSE,
    { segments: 20, radial: 6 },
  );
  for (const [x, y] of [
    [0.025, 0.37],
    [0.985, 0.37],
  ] as const)
    b.cylinder(0.018, 0.018, 0.025, [x, y, 0.005], '#b6bbbf', { rot: [0, 0, x < 0.5 ? 0.6 : -0.6], segments: 8 });
  // The perished stretch: dark cracks round the hose.
  for (let i = 0; i < 4; i++) b.torus(0.0125, 0.003, [0.44 + i * 0.03, 0.115, 0.076], '#3b2a10', { rot: [0, HALF_PI, 0.1], segments: 8 });
});
