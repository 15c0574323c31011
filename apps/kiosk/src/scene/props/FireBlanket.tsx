// A fire blanket in its red wall case, 0.32 × 0.36 × 0.06 m (bottom edge at position.y): a white label, and the two
// black pull tapes hanging from the bottom, to pull down hard with both hands.
import { definePropModel } from './definePropModel.tsx';

export const FireBlanket = definePropModel('fire-blanket', 'FireBlanket', (b) => {
  b.block([0.32, 0.36, 0.06], [0, 0, 0], '#c81d1d');
  b.block([0.3, 0.02, 0.05], [0, 0.36, 0], '#a5161a');
  b.box([0.22, 0.14, 0.004], [0, 0.23, 0.031], '#f4f4f2');
  b.box([0.16, 0.025, 0.003], [0, 0.27, 0.034], '#c81d1d');
  for (let i = 0; i < 3; i++) b.box([0.14, 0.008, 0.003], [0, 0.235 - i * 0.02, 0.034], '#444');
  // A white arrow down to the tapes.
  b.box([0.02, 0.07, 0.003], [0, 0.11, 0.031], '#f4f4f2');
  b.cylinder(0.03, 0.03, 0.003, [0, 0.065, 0.031], '#f4f4f2', { segments: 3, rot: [Math.PI / 2, 0, 0] });
  for (const x of [-0.08, 0.08]) {
    b.box([0.035, 0.12, 0.006], [x, -0.05, 0.02], '#151515');
    b.box([0.05, 0.03, 0.012], [x, -0.12, 0.02], '#151515');
  }
});
