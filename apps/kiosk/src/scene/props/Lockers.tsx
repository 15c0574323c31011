// A 1.2 × 1.9 × 0.5 m row of three steel lockers.
import { definePropModel } from './definePropModel.tsx';

export const Lockers = definePropModel('lockers', 'Lockers', (b) => {
  b.block([1.16, 0.08, 0.46], [0, 0, 0], '#363c42');
  b.block([1.2, 1.8, 0.5], [0, 0.08, 0], '#4b5a66');
  b.block([1.22, 0.02, 0.52], [0, 1.88, 0], '#5c6c78');
  for (const x of [-0.4, 0, 0.4]) {
    b.box([0.38, 1.72, 0.015], [x, 0.98, 0.2575], '#7f97a9');
    for (let i = 0; i < 4; i++) b.box([0.22, 0.014, 0.006], [x, 1.62 + i * 0.04, 0.267], '#2a333b');
    for (let i = 0; i < 3; i++) b.box([0.22, 0.014, 0.006], [x, 0.25 + i * 0.04, 0.267], '#2a333b');
    b.box([0.025, 0.11, 0.025], [x + 0.14, 1.0, 0.275], '#c7ccd0');
    b.box([0.08, 0.05, 0.004], [x, 1.45, 0.267], '#f0f0ee');
  }
});
