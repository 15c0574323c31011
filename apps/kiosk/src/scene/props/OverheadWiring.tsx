// A 4 m cable bundle along local x hanging at position.y, with a junction box and sagging, loose cables.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const OverheadWiring = definePropModel('overhead-wiring', 'OverheadWiring', (b) => {
  b.rod([-2, 0, 0], [2, 0, 0], 0.032, '#1c1d1f');
  b.rod([-2, 0.05, 0.035], [2, 0.05, 0.035], 0.024, '#3b3e42');
  b.rod([-2, 0.03, -0.045], [2, 0.03, -0.045], 0.022, '#8a3f1b');
  for (const x of [-1.8, -0.6, 0.9, 1.8]) {
    b.rod([x, 0.06, 0], [x, 0.8, 0], 0.01, '#8d9297');
    b.cylinder(0.06, 0.06, 0.03, [x, 0.02, 0], '#b9bec2', { rot: [0, 0, HALF_PI], segments: 8 });
  }
  // Junction box with a lid and a cable gland.
  b.box([0.34, 0.32, 0.16], [0.4, -0.24, 0], '#cfc8b6');
  b.box([0.3, 0.28, 0.02], [0.4, -0.24, 0.085], '#ded8c8');
  b.rod([0.3, -0.06, 0], [0.3, 0.0, 0], 0.03, '#2a2c2f');
  b.rod([0.5, -0.06, 0], [0.5, 0.03, -0.04], 0.02, '#8a3f1b');
  // Makeshift tape repairs.
  for (const x of [-1.2, 1.35]) b.cylinder(0.055, 0.055, 0.1, [x, 0.02, 0], '#101010', { rot: [0, 0, HALF_PI], segments: 8 });
  // Sagging cables.
  b.tube([[-1.7, 0.02, 0.05], [-1.25, -0.42, 0.09], [-0.7, 0.02, 0.05]], 0.02, '#2b2d30');
  b.tube([[-0.3, 0.03, -0.05], [0.0, -0.3, -0.08], [0.15, -0.38, -0.06], [0.3, -0.25, -0.03]], 0.018, '#9b4a1f');
  b.tube([[1.1, 0.02, 0.04], [1.45, -0.55, 0.1], [1.9, 0.02, 0.04]], 0.022, '#3b3e42');
  // A loose cable dangling from the junction box, copper showing.
  b.tube([[0.48, -0.4, 0.02], [0.56, -0.75, 0.06], [0.5, -1.05, 0.1]], 0.016, '#2b2d30');
  b.cylinder(0.01, 0.01, 0.06, [0.5, -1.09, 0.1], '#e0913f', { segments: 6 });
  b.sphere(0.03, [0.5, -1.13, 0.1], '#ffd34d', { glow: true, segments: 6 });
  b.box([0.14, 0.012, 0.012], [0.5, -1.13, 0.1], '#ffb020', { glow: true, rot: [0, 0, 0.6] });
  b.box([0.12, 0.012, 0.012], [0.5, -1.13, 0.1], '#fff0a0', { glow: true, rot: [0, 0, -0.8] });
});
