// A heated brick bed (火炕), 2.4 m wide, 1.8 m deep and 0.65 m high: brick sides, a reed mat on top, a low kang table,
// folded quilts against the back wall (-z) and the stoking hole in front where the smoke flues begin.
import { definePropModel } from './definePropModel.tsx';

const BRICK = '#8e4a38';
const MORTAR = '#b6a898';

export const HeatedBed = definePropModel('heated-bed', 'HeatedBed', (b) => {
  b.block([2.4, 0.6, 1.8], [0, 0, 0], BRICK);
  for (let i = 1; i < 6; i++) b.box([2.4, 0.012, 0.004], [0, i * 0.1, 0.902], MORTAR);
  for (let i = 0; i < 6; i++)
    for (let j = 0; j < 12; j++) b.box([0.008, 0.1, 0.004], [-1.2 + (j + (i % 2) * 0.5 + 0.5) * 0.2, 0.05 + i * 0.1, 0.902], MORTAR);
  // The edge beam and the mat.
  b.block([2.44, 0.06, 0.12], [0, 0.6, 0.86], '#5e3d22');
  b.block([2.36, 0.02, 1.7], [0, 0.6, -0.04], '#d4b36a');
  for (let i = 1; i < 8; i++) b.box([0.01, 0.004, 1.7], [-1.18 + i * 0.295, 0.622, -0.04], '#b8954f');
  // Stoking hole, with soot above it.
  b.box([0.3, 0.26, 0.02], [0.7, 0.17, 0.9], '#151312');
  b.box([0.4, 0.2, 0.004], [0.7, 0.4, 0.902], '#3a2a24');
  // Kang table and folded quilts.
  b.block([0.7, 0.04, 0.45], [-0.3, 0.87, 0.1], '#a0522d');
  for (const x of [-0.6, 0]) for (const z of [-0.08, 0.28]) b.block([0.05, 0.25, 0.05], [x, 0.62, z], '#7a3f22');
  const quilts = ['#c0392b', '#2e6da4', '#e0b83a', '#3f8f5a'];
  quilts.forEach((c, i) => b.block([0.9, 0.12, 0.5], [0.6, 0.62 + i * 0.12, -0.55], c));
});
