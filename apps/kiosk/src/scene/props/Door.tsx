// A 0.9 × 2.05 m single door in its frame (front facing +z, in the wall plane), wooden, with a lever handle.
import { definePropModel } from './definePropModel.tsx';

const FRAME = '#d8cfc0';

export const Door = definePropModel('door', 'Door', (b) => {
  b.box([0.07, 2.12, 0.14], [-0.485, 1.06, 0], FRAME);
  b.box([0.07, 2.12, 0.14], [0.485, 1.06, 0], FRAME);
  b.box([1.04, 0.07, 0.14], [0, 2.085, 0], FRAME);
  b.box([0.9, 2.04, 0.045], [0, 1.02, 0], '#a77446');
  for (const y of [0.55, 1.45]) b.box([0.64, 0.7, 0.052], [0, y, 0], '#96673c');
  b.box([0.05, 0.08, 0.02], [0.36, 1.0, 0.035], '#c9ced3');
  b.box([0.13, 0.022, 0.022], [0.31, 1.02, 0.05], '#c9ced3');
});
