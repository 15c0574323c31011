// A light truck (轻型货车), 5.6 × 2.2 × 1.9 m, facing +x: a blue flat-fronted cab and an open cargo bed with low
// drop sides, empty: a bed, not a seat.
import { definePropModel } from './definePropModel.tsx';
import { wheel } from './Car.tsx';

const CAB = '#2f62a8';
const GLASS = '#26323d';
const BED = '#9aa1a7';

export const LightTruck = definePropModel('light-truck', 'LightTruck', (b) => {
  b.box([5.4, 0.2, 0.9], [0, 0.6, 0], '#232528');
  for (const x of [-1.7, 1.75]) for (const z of [-0.72, 0.72]) wheel(b, x, z, 0.38, 0.25);
  // Cab.
  b.block([1.55, 1.5, 1.9], [1.9, 0.7, 0], CAB);
  b.box([0.03, 0.62, 1.7], [2.68, 1.78, 0], GLASS);
  for (const z of [-0.96, 0.96]) b.box([0.8, 0.5, 0.02], [2.0, 1.8, z], GLASS);
  b.box([0.05, 0.3, 1.6], [2.69, 0.98, 0], '#c9ced3');
  for (const z of [-0.7, 0.7]) b.box([0.03, 0.15, 0.3], [2.69, 1.25, z], '#f5f3da', { glow: true });
  b.box([0.1, 0.18, 1.9], [2.7, 0.78, 0], '#1d1f22');
  // Cargo bed: floor, headboard and low drop sides, with the hinges.
  b.block([3.7, 0.08, 2.0], [-0.85, 0.72, 0], BED);
  b.block([0.06, 1.1, 2.0], [1.05, 0.8, 0], BED);
  for (const z of [-0.98, 0.98]) b.block([3.7, 0.42, 0.04], [-0.85, 0.8, z], BED);
  b.block([0.04, 0.42, 2.0], [-2.68, 0.8, 0], BED);
  for (let i = 0; i < 4; i++) for (const z of [-1.005, 1.005]) b.box([0.06, 0.42, 0.01], [-2.3 + i * 0.95, 1.01, z], '#7d848a');
  for (const z of [-0.8, 0.8]) b.box([0.03, 0.1, 0.2], [-2.71, 0.9, z], '#b31d1d');
  b.box([0.02, 0.22, 0.44], [-2.71, 0.55, 0], '#e2b52a');
});
