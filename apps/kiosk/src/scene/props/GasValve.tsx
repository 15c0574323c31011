// A gas shut-off valve on a pipe coming down the wall (bottom at position.y): a brass ball valve with its yellow
// lever along the pipe (open), 0.6 m of pipe and its wall clips.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const PIPE = '#d6d6d0';

export const GasValve = definePropModel('gas-valve', 'GasValve', (b) => {
  b.cylinder(0.014, 0.014, 0.6, [0, 0.3, 0], PIPE, { segments: 8 });
  b.cylinder(0.026, 0.026, 0.09, [0, 0.28, 0], '#c9a63c', { segments: 8 });
  b.sphere(0.032, [0, 0.28, 0], '#c9a63c', { segments: 8 });
  b.cylinder(0.008, 0.008, 0.03, [0, 0.28, 0.035], '#a88a30', { rot: [HALF_PI, 0, 0], segments: 6 });
  // The lever, in line with the pipe: gas flows.
  b.box([0.03, 0.14, 0.014], [0, 0.33, 0.055], '#f2c200');
  b.box([0.034, 0.035, 0.02], [0, 0.28, 0.05], '#f2c200');
  for (const y of [0.08, 0.52]) b.box([0.05, 0.02, 0.04], [0, y, -0.012], '#9aa0a5');
  // Tag on the pipe: yellow for gas.
  b.box([0.05, 0.07, 0.004], [0.05, 0.45, 0.016], '#f2c200');
  b.box([0.03, 0.006, 0.003], [0.05, 0.45, 0.019], '#222');
});
