// A classroom desk for one (0.6 × 0.75 × 0.45 m) on a steel frame, with its chair behind it (+z: the pupil faces -z,
// towards the blackboard), a book on the desk and a bag hook.
import { definePropModel } from './definePropModel.tsx';

const STEEL = '#5d6a75';
const BOARD = '#d8b98a';

export const SchoolDesk = definePropModel('school-desk', 'SchoolDesk', (b) => {
  b.block([0.6, 0.025, 0.45], [0, 0.725, 0], BOARD);
  b.block([0.56, 0.1, 0.38], [0, 0.6, -0.02], '#c3a173');
  for (const x of [-0.27, 0.27]) {
    b.block([0.03, 0.6, 0.03], [x, 0, -0.18], STEEL);
    b.block([0.03, 0.6, 0.03], [x, 0, 0.18], STEEL);
    b.box([0.03, 0.03, 0.4], [x, 0.08, 0], STEEL);
  }
  b.box([0.1, 0.01, 0.03], [0.33, 0.6, 0.1], STEEL);
  b.box([0.21, 0.02, 0.28], [0.1, 0.76, 0.0], '#2e6da4', { rot: [0, 0.15, 0] });
  // Chair.
  const cz = 0.45;
  b.block([0.4, 0.02, 0.38], [0, 0.42, cz], BOARD);
  b.block([0.4, 0.22, 0.02], [0, 0.58, cz + 0.19], BOARD);
  for (const x of [-0.18, 0.18])
    for (const z of [cz - 0.16, cz + 0.17]) b.block([0.025, 0.42, 0.025], [x, 0, z], STEEL);
  for (const x of [-0.18, 0.18]) b.block([0.025, 0.4, 0.025], [x, 0.42, cz + 0.18], STEEL);
});
