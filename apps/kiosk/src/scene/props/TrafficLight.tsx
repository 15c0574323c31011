// A 3.2 m traffic light pole: the vehicle head on top facing +z (red lit, amber and green dark), and a pedestrian head
// below it (the red standing figure lit).
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const POLE = '#5a6168';
const HOUSING = '#1d1f22';

export const TrafficLight = definePropModel('traffic-light', 'TrafficLight', (b) => {
  b.cylinder(0.18, 0.2, 0.08, [0, 0.04, 0], '#8b9096', { segments: 10 });
  b.cylinder(0.06, 0.07, 3.2, [0, 1.6, 0], POLE, { segments: 10 });
  // Vehicle head: three lamps in a housing with visors.
  b.block([0.34, 0.95, 0.24], [0, 2.25, 0.15], HOUSING);
  const lamps: [number, string, boolean][] = [
    [3.04, '#ff2a1a', true],
    [2.73, '#5a4a14', false],
    [2.42, '#143f22', false],
  ];
  for (const [y, color, lit] of lamps) {
    b.cylinder(0.11, 0.11, 0.02, [0, y, 0.275], color, { rot: [HALF_PI, 0, 0], segments: 14, glow: lit });
    b.box([0.26, 0.015, 0.12], [0, y + 0.125, 0.33], HOUSING);
  }
  // Pedestrian head: the red standing man lit.
  b.block([0.3, 0.5, 0.2], [0, 1.35, 0.13], HOUSING);
  b.box([0.24, 0.2, 0.01], [0, 1.71, 0.235], '#3a0d0a');
  b.sphere(0.022, [0, 1.78, 0.242], '#ff3a24', { glow: true, segments: 6 });
  b.box([0.05, 0.1, 0.004], [0, 1.7, 0.242], '#ff3a24', { glow: true });
  for (const x of [-0.015, 0.015]) b.box([0.018, 0.06, 0.004], [x, 1.63, 0.242], '#ff3a24', { glow: true });
  b.box([0.24, 0.2, 0.01], [0, 1.48, 0.235], '#0d2a16');
});
