// A 2 × 1.5 m double bed, 0.5 m to the top of the mattress: a wooden frame and headboard (at -z), two pillows and a quilt.
import { definePropModel } from './definePropModel.tsx';

const WOOD = '#8a5a33';

export const Bed = definePropModel('bed', 'Bed', (b) => {
  b.block([1.5, 0.3, 2.0], [0, 0.05, 0], WOOD);
  for (const x of [-0.72, 0.72]) for (const z of [-0.96, 0.96]) b.block([0.06, 0.1, 0.06], [x, 0, z], '#5d3c22');
  b.block([1.44, 0.18, 1.94], [0, 0.32, 0.01], '#f2efe8');
  b.block([1.56, 1.0, 0.06], [0, 0, -1.02], WOOD);
  b.block([1.56, 0.45, 0.05], [0, 0, 1.0], WOOD);
  for (const x of [-0.36, 0.36]) b.box([0.56, 0.12, 0.34], [x, 0.56, -0.72], '#ffffff');
  b.block([1.5, 0.12, 1.3], [0, 0.48, 0.3], '#c0504d');
  b.block([1.52, 0.02, 0.2], [0, 0.6, -0.28], '#e8e3da');
});
