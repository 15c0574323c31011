// A wall-mounted distribution cabinet, 0.8 × 1.2 × 0.3 m, base at position.y, scorched and sparking.
import { definePropModel, HALF_PI } from './definePropModel.tsx';
import type { ModelBuilder, Vec3 } from '../modelBuilder.ts';

function spark(b: ModelBuilder, at: Vec3, size: number): void {
  b.box([size, size * 0.09, 0.01], at, '#ffd34d', { glow: true, rot: [0, 0, 0.5] });
  b.box([size * 0.8, size * 0.09, 0.01], at, '#ffb020', { glow: true, rot: [0, 0, -0.7] });
  b.box([size * 0.09, size * 0.75, 0.01], at, '#fff0a0', { glow: true, rot: [0, 0, 0.15] });
  b.sphere(size * 0.16, at, '#fffbe0', { glow: true, segments: 6 });
}

/**
 * An irregular burn mark: a cluster of small turned squares, pale and large at the rim, small and black at the core.
 * `lift` stretches it upwards (soot rising up a wall). Deterministic, so every instance is the same.
 */
function scorch(b: ModelBuilder, at: Vec3, radius: number, palette: readonly string[], seed: number, lift = 0): void {
  let state = seed;
  const rand = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const [x, y, z] = at;
  const dz = z < 0 ? -0.0007 : 0.0007;
  const pieces = 12;
  for (let i = 0; i < pieces; i++) {
    const t = i / (pieces - 1); // 0: rim, 1: core
    const r = radius * (1 - t) * 0.75 * Math.sqrt(rand());
    const angle = rand() * Math.PI * 2;
    const size = radius * (0.9 - 0.55 * t) * (0.7 + 0.5 * rand());
    const color = palette[Math.min(palette.length - 1, Math.floor(t * palette.length))] ?? '#111';
    b.box([size, size * (0.6 + 0.5 * rand()) * (1 + lift), 0.002], [x + Math.cos(angle) * r, y + Math.sin(angle) * r * (1 + lift), z + i * dz], color, {
      rot: [0, 0, rand() * Math.PI],
    });
  }
}

const BURN = ['#4a3b30', '#2c221b', '#17120e', '#0b0908'];
const SOOT = ['#6a625a', '#4d4640', '#37322e', '#26221f'];

export const ElectricalPanel = definePropModel('electrical-panel', 'ElectricalPanel', (b) => {
  b.block([0.8, 1.2, 0.3], [0, 0, 0], '#737c83');
  b.box([0.74, 1.13, 0.02], [0, 0.6, 0.155], '#949ea6');
  b.box([0.035, 0.16, 0.035], [0.31, 0.62, 0.18], '#23262a');
  b.box([0.025, 0.09, 0.03], [-0.375, 0.95, 0.16], '#3d4247');
  b.box([0.025, 0.09, 0.03], [-0.375, 0.25, 0.16], '#3d4247');
  // Louvres at the bottom of the door.
  for (let i = 0; i < 4; i++) b.box([0.3, 0.018, 0.01], [-0.12, 0.12 + i * 0.045, 0.168], '#4e565d');
  // Warning triangle with a lightning bolt.
  b.cylinder(0.115, 0.115, 0.006, [-0.13, 0.86, 0.168], '#141414', { segments: 3, rot: [-HALF_PI, 0, 0] });
  b.cylinder(0.09, 0.09, 0.006, [-0.13, 0.855, 0.171], '#f3c316', { segments: 3, rot: [-HALF_PI, 0, 0] });
  b.box([0.014, 0.06, 0.004], [-0.125, 0.875, 0.176], '#141414', { rot: [0, 0, -0.5] });
  b.box([0.014, 0.06, 0.004], [-0.135, 0.835, 0.176], '#141414', { rot: [0, 0, -0.5] });
  // Burn marks on the door and the cabinet top, and soot climbing the wall behind it.
  scorch(b, [0.14, 0.98, 0.166], 0.3, BURN, 7);
  scorch(b, [0.28, 0.56, 0.166], 0.13, BURN, 11);
  scorch(b, [-0.12, 1.1, 0.166], 0.11, BURN, 23);
  b.box([0.6, 0.012, 0.3], [0.1, 1.205, 0], '#15110e');
  scorch(b, [0.12, 1.32, -0.147], 0.32, SOOT, 5, 0.5);
  scorch(b, [0.08, 1.62, -0.142], 0.36, SOOT.slice(0, 3), 17, 0.6);
  b.box([0.05, 0.05, 0.004], [0.17, 0.97, 0.176], '#ff5a14', { glow: true, rot: [0, 0, 0.6] });
  // Cables leave the bottom into a wall trunking; one is burnt through and hangs out, sparking.
  b.box([0.5, 0.7, 0.08], [0, -0.35, -0.11], '#b7babd');
  for (const x of [-0.18, -0.06, 0.06]) b.rod([x, 0.01, -0.04], [x, -0.06, -0.04], 0.02, '#1f2124');
  b.tube([[0.16, 0.0, 0.0], [0.18, -0.15, 0.08], [0.2, -0.32, 0.1]], 0.018, '#0f0d0c', { segments: 8 });
  spark(b, [0.39, 1.08, 0.17], 0.22);
  spark(b, [0.2, -0.34, 0.1], 0.16);
  spark(b, [0.38, 0.4, 0.17], 0.12);
});
