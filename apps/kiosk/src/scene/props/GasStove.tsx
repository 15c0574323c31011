// A 0.72 × 0.13 × 0.42 m two-burner gas hob standing on a worktop (base at position.y): black glass top, pan supports,
// two knobs at the front and the hose inlet at the back left.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const GasStove = definePropModel('gas-stove', 'GasStove', (b) => {
  b.block([0.72, 0.1, 0.42], [0, 0, 0], '#2b2d30');
  b.block([0.72, 0.012, 0.42], [0, 0.1, 0], '#111214');
  for (const x of [-0.18, 0.18]) {
    b.cylinder(0.085, 0.095, 0.018, [x, 0.121, -0.02], '#4b4f54', { segments: 14 });
    b.cylinder(0.05, 0.05, 0.014, [x, 0.136, -0.02], '#2f6fb0', { segments: 12 });
    b.cylinder(0.02, 0.02, 0.02, [x, 0.143, -0.02], '#222', { segments: 8 });
    // Pan supports: four prongs.
    for (let i = 0; i < 4; i++) {
      const a = (i * Math.PI) / 2 + Math.PI / 4;
      b.box([0.09, 0.03, 0.014], [x + Math.cos(a) * 0.1, 0.127, -0.02 + Math.sin(a) * 0.1], '#1a1a1a', { rot: [0, -a, 0] });
    }
    b.cylinder(0.028, 0.028, 0.03, [x, 0.05, 0.225], '#c7cbcf', { rot: [HALF_PI, 0, 0], segments: 12 });
    b.box([0.008, 0.022, 0.01], [x, 0.05, 0.243], '#2a2a2a');
  }
  // Flame-failure mark and brand plate between the knobs.
  b.box([0.14, 0.03, 0.004], [0, 0.05, 0.212], '#8d9296');
  // Gas inlet at the back, where the hose goes on.
  b.cylinder(0.014, 0.014, 0.07, [-0.3, 0.05, -0.24], '#c9a63c', { rot: [HALF_PI, 0, 0], segments: 8 });
});
