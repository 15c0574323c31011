// Broad outdoor steps, 3 m wide, rising towards -z: four steps of 0.15 × 0.35 m up to a 1.2 m deep platform at 0.6 m,
// with yellow warning edges and a handrail down the middle.
import { definePropModel } from './definePropModel.tsx';

const STONE = '#a8a49b';
const W = 3;
const STEPS = 4;
const RISE = 0.15;
const GOING = 0.35;

export const Steps = definePropModel('steps', 'Steps', (b) => {
  const start = (STEPS * GOING + 1.2) / 2;
  for (let i = 0; i < STEPS; i++) {
    const z = start - (i + 0.5) * GOING;
    b.block([W, (i + 1) * RISE, GOING], [0, 0, z], i % 2 === 0 ? STONE : '#9f9b92');
    b.box([W, 0.01, 0.06], [0, (i + 1) * RISE + 0.005, z + GOING / 2 - 0.03], '#e0b52a');
  }
  b.block([W, STEPS * RISE, 1.2], [0, 0, start - STEPS * GOING - 0.6], STONE);
  const rail = '#8d949a';
  const top = start - STEPS * GOING;
  b.rod([0, 0.9, start - 0.05], [0, STEPS * RISE + 0.9, top], 0.025, rail);
  b.rod([0, STEPS * RISE + 0.9, top], [0, STEPS * RISE + 0.9, top - 0.8], 0.025, rail);
  b.rod([0, 0, start - 0.05], [0, 0.9, start - 0.05], 0.02, rail);
  b.rod([0, RISE * 2, start - 2 * GOING], [0, RISE * 2 + 0.9, start - 2 * GOING], 0.02, rail);
  b.rod([0, STEPS * RISE, top - 0.8], [0, STEPS * RISE + 0.9, top - 0.8], 0.02, rail);
});
