// A person lying on their back on the floor, head towards -x: 1.72 m long, in a blue top and dark trousers.
import { definePropModel } from './definePropModel.tsx';
import { lyingFigure } from './figures.ts';

export const Manikin = definePropModel('manikin', 'Manikin', (b) => {
  lyingFigure(b, { coat: '#3a6ea8', trousers: '#2a2d33', hair: '#1a1411' });
});
