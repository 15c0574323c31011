// A 0.12 m round carbon monoxide alarm on the wall (bottom edge at position.y): white case, speaker slots, test button
// and its green power light.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const CoAlarm = definePropModel('co-alarm', 'CoAlarm', (b) => {
  const face = { rot: [HALF_PI, 0, 0] } as const;
  b.cylinder(0.06, 0.062, 0.035, [0, 0.06, 0], '#f3f3f0', { ...face, segments: 16 });
  b.cylinder(0.045, 0.045, 0.004, [0, 0.06, 0.019], '#e3e3df', { ...face, segments: 16 });
  for (let i = 0; i < 4; i++) b.box([0.05, 0.004, 0.003], [0, 0.075 + i * 0.008, 0.021], '#9a9a96');
  b.cylinder(0.012, 0.012, 0.006, [0, 0.038, 0.021], '#b8bcc0', { ...face, segments: 10 });
  b.sphere(0.005, [0.03, 0.045, 0.021], '#35e06b', { glow: true, segments: 6 });
  // "CO" in red bars on the face.
  b.box([0.016, 0.003, 0.002], [-0.02, 0.058, 0.022], '#c0392b');
  b.box([0.003, 0.014, 0.002], [-0.027, 0.058, 0.022], '#c0392b');
});
