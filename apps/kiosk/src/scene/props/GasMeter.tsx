// A 0.3 × 0.26 × 0.16 m household gas meter on the wall (bottom at position.y): a grey case with its counter window,
// the inlet and outlet pipes leaving the top.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const GasMeter = definePropModel('gas-meter', 'GasMeter', (b) => {
  b.block([0.3, 0.26, 0.16], [0, 0, 0], '#b9bec2');
  b.block([0.32, 0.02, 0.17], [0, 0.26, 0], '#9ca2a7');
  b.box([0.17, 0.06, 0.006], [0, 0.17, 0.082], '#20272d');
  for (let i = 0; i < 6; i++) b.box([0.018, 0.03, 0.004], [-0.055 + i * 0.022, 0.17, 0.086], i === 5 ? '#c0392b' : '#eeeeee');
  b.box([0.2, 0.05, 0.004], [0, 0.075, 0.081], '#eceae2');
  b.box([0.14, 0.01, 0.003], [0, 0.08, 0.084], '#4d5358');
  // Inlet and outlet unions and pipes into the wall and up.
  for (const x of [-0.1, 0.1]) {
    b.cylinder(0.022, 0.022, 0.04, [x, 0.3, 0], '#c9a63c', { segments: 8 });
    b.cylinder(0.014, 0.014, 0.36, [x, 0.5, 0], '#d6d6d0', { segments: 8 });
  }
  b.cylinder(0.014, 0.014, 0.1, [0.1, 0.68, -0.05], '#d6d6d0', { rot: [HALF_PI, 0, 0], segments: 8 });
});
