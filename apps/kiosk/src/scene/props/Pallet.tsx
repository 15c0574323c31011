// A 1.2 × 0.15 × 1.0 m wooden pallet carrying stretch-wrapped goods up to 1.1 m.
import { definePropModel } from './definePropModel.tsx';

const WOOD = '#b89466';
const BLOCK = '#9c7a4e';
const FILM = '#cddbe3';

export const Pallet = definePropModel('pallet', 'Pallet', (b) => {
  for (const z of [-0.45, 0, 0.45]) b.block([1.2, 0.022, 0.1], [0, 0, z], WOOD);
  for (const x of [-0.55, 0, 0.55]) for (const z of [-0.45, 0, 0.45]) b.block([0.1, 0.08, 0.1], [x, 0.022, z], BLOCK);
  for (const x of [-0.55, 0, 0.55]) b.block([0.1, 0.022, 1.0], [x, 0.102, 0], WOOD);
  for (const z of [-0.43, -0.215, 0, 0.215, 0.43]) b.block([1.2, 0.024, 0.13], [0, 0.124, z], '#c9a574');
  // Goods: two layers of cartons held by bands of pale stretch film.
  const cartons = ['#b5864f', '#a57846', '#c39460', '#b07f4a'];
  for (let layer = 0; layer < 2; layer++) {
    for (let i = 0; i < 4; i++) {
      const x = i % 2 === 0 ? -0.285 : 0.285;
      const z = i < 2 ? -0.237 : 0.237;
      b.block([0.56, 0.46, 0.47], [x, 0.148 + layer * 0.47, z], cartons[(i + layer) % 4] ?? '#b5864f');
    }
  }
  for (const y of [0.2, 0.43, 0.68, 0.92]) b.block([1.16, 0.11, 0.98], [0, y, 0], FILM);
  b.block([1.15, 0.012, 0.97], [0, 1.088, 0], '#e3eaee');
  b.box([0.2, 0.12, 0.006], [0.3, 0.6, 0.478], '#ffffff');
});
