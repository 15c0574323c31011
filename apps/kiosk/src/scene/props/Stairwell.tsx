// A flight of stairs rising towards -z: 1.2 m wide, 10 steps of 0.16 × 0.28 m from z = 1.4 up to a 1.2 m landing at
// 1.6 m, with a handrail on balusters on the open side (+x), a wall rail on the other, and a green exit arrow.
import { definePropModel } from './definePropModel.tsx';

const CONCRETE = '#b4afa6';
const NOSING = '#d0a32a';
const RAIL = '#8f4a2a';

const STEPS = 10;
const RISE = 0.16;
const GOING = 0.28;
const W = 1.2;
const START = 1.4;

export const Stairwell = definePropModel('stairwell', 'Stairwell', (b) => {
  for (let i = 0; i < STEPS; i++) {
    const top = (i + 1) * RISE;
    const z = START - (i + 0.5) * GOING;
    b.block([W, top, GOING], [0, 0, z], i % 2 === 0 ? CONCRETE : '#aca79e');
    b.box([W, 0.012, 0.04], [0, top + 0.006, z + GOING / 2 - 0.02], NOSING);
  }
  const landingZ = START - STEPS * GOING - 0.6;
  b.block([W, STEPS * RISE, 1.2], [0, 0, landingZ], CONCRETE);
  // Side wall (-x) with its rail.
  const wallTop = STEPS * RISE + 1.1;
  b.block([0.12, wallTop, START - landingZ + 0.6], [-W / 2 - 0.06, 0, (START + landingZ - 0.6) / 2], '#d9d4c9');
  const railAt = (z: number, lift: number): [number, number, number] => {
    const along = Math.min(Math.max((START - z) / GOING, 0), STEPS);
    return [0, along * RISE + lift, z];
  };
  const first = START - 0.14;
  const last = START - STEPS * GOING + 0.14;
  for (const x of [W / 2 - 0.05, -W / 2 + 0.04]) {
    const a = railAt(first, 0.9);
    const c = railAt(last, 0.9);
    b.rod([x, a[1], a[2]], [x, c[1], c[2]], 0.025, RAIL);
    b.rod([x, c[1], c[2]], [x, c[1], landingZ - 0.5], 0.025, RAIL);
  }
  for (let i = 0; i < STEPS; i += 2) {
    const z = START - (i + 0.5) * GOING;
    const [, y] = railAt(z, 0);
    b.rod([W / 2 - 0.05, y + RISE / 2, z], [W / 2 - 0.05, y + 0.9, z], 0.012, '#3b3f44');
  }
  b.rod([W / 2 - 0.05, STEPS * RISE, landingZ - 0.5], [W / 2 - 0.05, STEPS * RISE + 0.9, landingZ - 0.5], 0.012, '#3b3f44');
  // Exit sign on the side wall: a green arrow up the stairs.
  b.box([0.005, 0.16, 0.4], [-W / 2 + 0.002, 1.9, 0.2], '#0fa64a', { glow: true });
  b.box([0.006, 0.03, 0.2], [-W / 2 + 0.005, 1.9, 0.22], '#f6fff8', { glow: true });
  b.cylinder(0.05, 0.05, 0.006, [-W / 2 + 0.005, 1.9, 0.09], '#f6fff8', { glow: true, segments: 3, rot: [Math.PI, 0, Math.PI / 2] });
});
