// A 2 × 2.2 × 0.6 m pallet-rack style shelf with goods on four levels.
import { definePropModel } from './definePropModel.tsx';

const LEVELS = [0.1, 0.78, 1.46, 2.12];

export const Shelf = definePropModel('shelf', 'Shelf', (b) => {
  for (const x of [-0.965, 0.965]) {
    for (const z of [-0.265, 0.265]) b.block([0.07, 2.2, 0.07], [x, 0, z], '#2b5c9e');
    for (let i = 0; i < 3; i++) {
      const y0 = 0.15 + i * 0.68;
      b.rod([x, y0, -0.265], [x, y0 + 0.62, 0.265], 0.014, '#2b5c9e');
    }
  }
  for (const y of LEVELS) {
    for (const z of [-0.27, 0.27]) b.box([1.9, 0.08, 0.05], [0, y, z], '#e2681d');
    b.box([1.86, 0.025, 0.5], [0, y + 0.03, 0], '#a4acb3');
  }
  const goods: Array<[number, number, number, number, number, string]> = [
    // level, x, w, h, d, colour
    [0, -0.6, 0.55, 0.45, 0.45, '#b5864f'],
    [0, 0.05, 0.5, 0.5, 0.45, '#c39460'],
    [0, 0.62, 0.45, 0.4, 0.42, '#a57846'],
    [1, -0.62, 0.5, 0.28, 0.4, '#2f6fb5'],
    [1, -0.08, 0.5, 0.28, 0.4, '#2f6fb5'],
    [1, 0.5, 0.55, 0.45, 0.45, '#b5864f'],
    [2, -0.55, 0.6, 0.5, 0.45, '#c39460'],
    [2, 0.2, 0.3, 0.35, 0.3, '#e8e2d4'],
    [2, 0.6, 0.35, 0.3, 0.35, '#c9a227'],
    [3, -0.4, 0.5, 0.35, 0.45, '#a57846'],
    [3, 0.35, 0.45, 0.25, 0.4, '#b5864f'],
  ];
  for (const [level, x, w, h, d, color] of goods) b.block([w, h, d], [x, (LEVELS[level] ?? 0) + 0.043, 0], color);
});
