// A 2 × 0.9 × 0.8 m workbench with a vice, tools, a toolbox and oily rags.
import { definePropModel, HALF_PI } from './definePropModel.tsx';

export const Workbench = definePropModel('workbench', 'Workbench', (b) => {
  b.block([2, 0.05, 0.8], [0, 0.85, 0], '#b27843');
  b.box([2, 0.012, 0.8], [0, 0.85, 0], '#8c5c31');
  for (const x of [-0.95, 0.95]) for (const z of [-0.35, 0.35]) b.block([0.06, 0.85, 0.06], [x, 0, z], '#56606a');
  b.box([1.9, 0.08, 0.04], [0, 0.8, 0.37], '#56606a');
  b.block([1.9, 0.03, 0.72], [0, 0.2, 0], '#7b858e');
  // Vice.
  b.block([0.18, 0.12, 0.14], [-0.75, 0.9, 0.32], '#36599a');
  b.box([0.18, 0.1, 0.03], [-0.75, 0.96, 0.41], '#36599a');
  b.rod([-0.75, 0.95, 0.42], [-0.75, 0.95, 0.52], 0.012, '#c0c4c8');
  b.rod([-0.82, 0.95, 0.52], [-0.68, 0.95, 0.52], 0.01, '#c0c4c8');
  // Toolbox.
  b.block([0.46, 0.2, 0.24], [0.55, 0.9, -0.15], '#c62828');
  b.box([0.3, 0.03, 0.03], [0.55, 1.13, -0.15], '#2a2a2a');
  // Hammer and a spanner.
  b.rod([-0.2, 0.915, 0.1], [0.12, 0.915, 0.2], 0.014, '#8b5a2b');
  b.box([0.05, 0.04, 0.12], [0.14, 0.92, 0.205], '#50565c', { rot: [0, 0.3, 0] });
  b.box([0.25, 0.01, 0.035], [-0.3, 0.905, -0.2], '#b9bec3', { rot: [0, 0.5, 0] });
  // Offcuts and a heap of oily rags on the shelf.
  b.block([0.45, 0.04, 0.12], [0.1, 0.9, -0.25], '#d9a86b');
  b.sphere(0.16, [-0.4, 0.3, 0.0], '#6f655a', { scale: [1.4, 0.5, 1], segments: 8 });
  b.sphere(0.12, [-0.25, 0.3, 0.08], '#857563', { scale: [1.3, 0.6, 1], segments: 8 });
  b.cylinder(0.13, 0.12, 0.3, [0.5, 0.365, 0.05], '#2e5c8f', { segments: 12 });
  b.torus(0.09, 0.008, [0.5, 0.53, 0.05], '#9aa1a7', { rot: [HALF_PI, 0, 0], segments: 10 });
});
