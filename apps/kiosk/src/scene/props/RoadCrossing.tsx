// A patch of two-lane road, 12 m along x and 7 m across (z), with a zebra crossing across it at x = 0: the white bars
// lie along the traffic, side by side from kerb to kerb. Stop lines, the yellow centre line (broken off at the
// crossing), lane edges, and kerbs along both sides.
import { definePropModel } from './definePropModel.tsx';

const LENGTH = 12;
const ACROSS = 7;
const WHITE = '#e9e9e4';
const flat = { rot: [-Math.PI / 2, 0, 0] } as const;

export const RoadCrossing = definePropModel('road-crossing', 'RoadCrossing', (b) => {
  b.box([LENGTH, 0.02, ACROSS], [0, 0.0, 0], '#3d3f42');
  // Zebra: 0.45 m bars every 0.9 m, 4 m long.
  for (let z = -ACROSS / 2 + 0.5; z <= ACROSS / 2 - 0.4; z += 0.9) b.quad(4, 0.45, [0, 0.012, z], WHITE, flat);
  // Stop lines 3 m before the crossing, across each lane.
  b.quad(0.3, ACROSS / 2 - 0.2, [-5, 0.012, ACROSS / 4], WHITE, flat);
  b.quad(0.3, ACROSS / 2 - 0.2, [5, 0.012, -ACROSS / 4], WHITE, flat);
  // Double yellow centre line, stopping short of the crossing.
  for (const dz of [-0.1, 0.1])
    for (const x of [-(LENGTH / 2 + 2.5) / 2 - 0.5, (LENGTH / 2 + 2.5) / 2 + 0.5]) b.quad(LENGTH / 2 - 3, 0.12, [x, 0.012, dz], '#e0b52a', flat);
  for (const z of [-ACROSS / 2 + 0.25, ACROSS / 2 - 0.25]) b.quad(LENGTH, 0.12, [0, 0.012, z], WHITE, flat);
  // Kerbs.
  for (const z of [-ACROSS / 2 - 0.1, ACROSS / 2 + 0.1]) b.block([LENGTH, 0.15, 0.2], [0, 0, z], '#b3b0a8');
});
