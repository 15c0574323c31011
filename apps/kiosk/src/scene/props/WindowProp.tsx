// A 1.2 × 1.4 m two-casement window set in the wall (its back in the wall plane, bottom at position.y): a white frame,
// pale glass, a top vent pane tilted open, handles and a sill.
import { definePropModel } from './definePropModel.tsx';

const FRAME = '#eeeeea';
const GLASS = '#a9c9dc';

export const WindowProp = definePropModel('window', 'Window', (b) => {
  b.box([1.3, 0.06, 0.16], [0, -0.02, 0.05], '#d6d1c8');
  b.box([1.2, 0.07, 0.08], [0, 0.035, 0], FRAME);
  b.box([1.2, 0.07, 0.08], [0, 1.365, 0], FRAME);
  for (const x of [-0.565, 0, 0.565]) b.box([0.07, 1.4, 0.08], [x, 0.7, 0], FRAME);
  b.box([1.2, 0.05, 0.08], [0, 1.08, 0], FRAME);
  for (const x of [-0.283, 0.283]) {
    b.box([0.49, 1.0, 0.01], [x, 0.57, 0], GLASS);
    b.box([0.03, 0.1, 0.03], [x + (x < 0 ? 0.22 : -0.22), 0.6, 0.05], '#c7ccd0');
  }
  // Top vent pane tilted in for fresh air.
  b.box([0.49, 0.22, 0.012], [-0.283, 1.22, 0.04], GLASS, { rot: [-0.3, 0, 0] });
  b.box([0.49, 0.22, 0.01], [0.283, 1.22, 0], GLASS);
  // Sky beyond the glass, so the panes do not look like wall.
  b.box([1.16, 1.36, 0.004], [0, 0.7, -0.05], '#d7e4ee', { glow: true });
});
