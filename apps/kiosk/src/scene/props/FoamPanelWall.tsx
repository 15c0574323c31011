// A 4 × 3 × 0.15 m section of metal-skinned sandwich panel; the cut end and a torn skin show its yellow foam core.
import { definePropModel } from './definePropModel.tsx';

const SKIN = '#d3d9de';
const RIB = '#b3bbc2';
const FOAM = '#e8b62f';

export const FoamPanelWall = definePropModel('foam-panel-wall', 'FoamPanelWall', (b) => {
  b.block([4, 3, 0.13], [0, 0, 0], FOAM);
  b.block([3.9, 3, 0.01], [-0.05, 0, -0.07], '#aab2b9');
  // Front skin: three whole panels and a torn fourth one (x from 1.0 to 1.9; the last 10 cm is cut back).
  for (const x of [-1.5, -0.5, 0.5]) {
    b.block([0.99, 3, 0.01], [x, 0, 0.07], SKIN);
    for (let y = 0.2; y < 3; y += 0.25) b.box([0.97, 0.035, 0.014], [x, y, 0.078], RIB);
  }
  b.box([0.9, 1.6, 0.01], [1.45, 2.2, 0.07], SKIN);
  b.box([0.2, 1.4, 0.01], [1.1, 0.7, 0.07], SKIN);
  b.box([0.7, 0.3, 0.01], [1.55, 0.15, 0.07], SKIN);
  for (let y = 1.45; y < 3; y += 0.25) b.box([0.88, 0.035, 0.014], [1.45, y, 0.078], RIB);
  // The peeled-back flap of skin.
  b.box([0.45, 0.9, 0.01], [1.05, 0.85, 0.25], '#bcc4ca', { rot: [0, -0.9, 0.05] });
  // Foam exposed in the tear, darker where it is rough.
  b.box([0.5, 0.6, 0.01], [1.6, 0.8, 0.068], '#d39d22', { rot: [0, 0, 0.3] });
  // Panel joints and trims.
  for (const x of [-1, 0, 1]) b.box([0.025, 3, 0.016], [x, 1.5, 0.079], '#858e96');
  b.box([4.02, 0.07, 0.17], [0, 0.035, 0], '#7c858c');
  // The top is cut too: foam shows along it, the skins' edges just proud of it.
  b.box([4, 0.02, 0.13], [0, 3.0, 0], '#f0c140');
  // Ragged foam at the cut edge.
  const chunks: Array<[number, number, number, number, string]> = [
    [0.3, 0.45, 2.03, 0.12, '#f1c443'],
    [0.9, 0.3, 2.02, 0.1, '#d9a526'],
    [1.5, 0.5, 2.04, 0.13, '#f4cb52'],
    [2.1, 0.35, 2.02, 0.11, '#dcaa2b'],
    [2.6, 0.4, 2.035, 0.12, '#efbf3f'],
  ];
  for (const [y, h, x, d, color] of chunks) b.box([0.1, h, d], [x - 0.04, y, 0], color);
});
