// A 0.12 m red manual call point on a wall, bottom edge at position.y.
import { definePropModel } from './definePropModel.tsx';

export const FireAlarm = definePropModel('fire-alarm', 'FireAlarm', (b) => {
  b.block([0.12, 0.12, 0.045], [0, 0, 0], '#d21f1f');
  b.box([0.078, 0.078, 0.004], [0, 0.066, 0.0235], '#f4f4f2');
  b.box([0.03, 0.03, 0.003], [0, 0.066, 0.026], '#222222', { rot: [0, 0, Math.PI / 4] });
  b.box([0.08, 0.01, 0.003], [0, 0.015, 0.0235], '#f4f4f2');
  b.sphere(0.006, [0.045, 0.107, 0.024], '#ff4040', { glow: true, segments: 6 });
  // Sign plate above it.
  b.box([0.14, 0.06, 0.006], [0, 0.17, -0.018], '#d21f1f');
  b.box([0.1, 0.012, 0.003], [0, 0.17, -0.014], '#f4f4f2');
});
