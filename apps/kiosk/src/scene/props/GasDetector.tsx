// A handheld gas detector, 0.08 × 0.15 × 0.04 m, standing upright: a yellow rubber case, a lit display, the sensor
// grille on top, three buttons and a red alarm light.
import { definePropModel } from './definePropModel.tsx';

export const GasDetector = definePropModel('gas-detector', 'GasDetector', (b) => {
  b.block([0.08, 0.15, 0.04], [0, 0, 0], '#f2c200');
  b.block([0.072, 0.012, 0.034], [0, 0.15, 0], '#2b2b2b');
  for (let i = 0; i < 3; i++) b.box([0.05, 0.003, 0.004], [0, 0.157, -0.01 + i * 0.01], '#111');
  b.box([0.06, 0.06, 0.004], [0, 0.105, 0.021], '#1e2226');
  b.box([0.05, 0.045, 0.002], [0, 0.105, 0.0235], '#7bf0a0', { glow: true });
  for (let i = 0; i < 3; i++) b.box([0.035, 0.004, 0.001], [-0.004, 0.117 - i * 0.01, 0.025], '#16452a', { glow: true });
  for (const x of [-0.022, 0, 0.022]) b.cylinder(0.008, 0.008, 0.006, [x, 0.045, 0.021], '#2b2b2b', { rot: [Math.PI / 2, 0, 0], segments: 8 });
  b.sphere(0.008, [0.028, 0.14, 0.018], '#ff3a24', { glow: true, segments: 6 });
  b.block([0.03, 0.08, 0.008], [0, 0.04, -0.024], '#2b2b2b');
});
