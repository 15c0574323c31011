// A 5 kg carbon dioxide extinguisher, 0.7 m: a slimmer, taller red cylinder than the powder one, no pressure gauge, a
// black discharge horn on a hose (hold the horn by its handle: it gets freezing cold) and a black label band.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

const RED = '#c81d1d';

export const FireExtinguisherCo2 = definePropModel('fire-extinguisher-co2', 'FireExtinguisherCo2', (b) => {
  b.cylinder(0.075, 0.075, 0.03, [0, 0.015, 0], '#1b1b1b', { segments: 14 });
  b.cylinder(0.072, 0.072, 0.56, [0, 0.31, 0], RED, { segments: 14 });
  b.sphere(0.072, [0, 0.59, 0], RED, { scale: [1, 0.6, 1], segments: 14 });
  b.cylinder(0.024, 0.024, 0.06, [0, 0.66, 0], '#a7adb2', { segments: 8 });
  b.box([0.05, 0.04, 0.045], [0, 0.7, 0], '#3a3a3a');
  b.box([0.13, 0.012, 0.03], [0.04, 0.73, 0], '#a7adb2', { rot: [0, 0, -0.2] });
  b.box([0.11, 0.012, 0.03], [0.04, 0.705, 0], '#a7adb2');
  b.cylinder(0.016, 0.016, 0.012, [-0.02, 0.705, 0.026], '#f2c200', { rot: [HALF_PI, 0, 0], segments: 8 });
  b.box([0.09, 0.16, 0.004], [0, 0.34, 0.073], '#f1f1ee');
  b.box([0.1, 0.035, 0.004], [0, 0.44, 0.073], '#1a1a1a');
  b.tube(
    [
      [-0.02, 0.7, 0],
      [-0.08, 0.66, 0.02],
      [-0.1, 0.5, 0.04],
      [-0.1, 0.4, 0.06],
    ],
    0.011,
    '#141414',
    { segments: 8, radial: 5 },
  );
  // The horn, hooked on the cylinder, mouth down.
  b.cylinder(0.012, 0.045, 0.22, [-0.1, 0.28, 0.07], '#161616', { segments: 10 });
  b.box([0.02, 0.06, 0.03], [-0.1, 0.41, 0.07], '#2b2b2b');
});
