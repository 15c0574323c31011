// People, as a few boxes and a ball: shared by the crowd (standing) and the manikin (lying on its back). Low-poly on
// purpose: a crowd repeats the figure hundreds of times. Also a seeded random source, so every copy of a kind is the same.
import type { ModelBuilder } from '../modelBuilder.ts';

export const SKIN = '#d9a37f';

/** Park–Miller: the same sequence for the same seed, on every kiosk. */
export function seededRandom(seed: number): () => number {
  let state = Math.max(1, Math.floor(seed)) % 2147483647;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

export interface FigureLook {
  /** Standing height in metres. */
  height: number;
  coat: string;
  trousers: string;
  hair: string;
}

/**
 * A person standing at (x, z) on the floor, facing +z turned by `turn` radians about y: legs, coat, arms, head.
 * About 90 triangles.
 */
export function standingFigure(b: ModelBuilder, x: number, z: number, turn: number, look: FigureLook): void {
  const k = look.height / 1.7;
  const c = Math.cos(turn);
  const s = Math.sin(turn);
  // The figure's own frame: u across the shoulders, w forward.
  const at = (u: number, y: number, w: number): [number, number, number] => [x + u * c + w * s, y * k, z - u * s + w * c];
  const rot: [number, number, number] = [0, turn, 0];
  for (const u of [-0.09, 0.09]) b.box([0.13, 0.8, 0.15], at(u, 0.4, 0), look.trousers, { rot, scale: [1, k, 1] });
  b.box([0.42, 0.66, 0.24], at(0, 1.12, 0), look.coat, { rot, scale: [1, k, 1] });
  for (const u of [-0.26, 0.26]) b.box([0.1, 0.6, 0.12], at(u, 1.12, 0.01), look.coat, { rot, scale: [1, k, 1] });
  b.sphere(0.11, at(0, 1.58, 0), SKIN, { segments: 6, scale: [1, 1.12 * k, 1] });
  b.sphere(0.112, at(0, 1.62, -0.015), look.hair, { segments: 6, scale: [1, 0.8 * k, 1] });
}

/** A person lying on their back, head towards -x, face up; 1.72 m long, about 0.22 m high. */
export function lyingFigure(b: ModelBuilder, look: Omit<FigureLook, 'height'>): void {
  // Legs, slightly apart.
  for (const z of [-0.1, 0.1]) {
    b.box([0.86, 0.14, 0.15], [0.4, 0.08, z], look.trousers);
    b.box([0.08, 0.14, 0.11], [0.86, 0.09, z], '#26221f');
  }
  // Torso and arms along the sides, palms down.
  b.box([0.64, 0.2, 0.42], [-0.3, 0.11, 0], look.coat);
  for (const z of [-0.29, 0.29]) {
    b.box([0.6, 0.1, 0.11], [-0.3, 0.06, z], look.coat);
    b.box([0.14, 0.05, 0.09], [0.06, 0.035, z], SKIN);
  }
  b.box([0.08, 0.08, 0.1], [-0.65, 0.1, 0], SKIN);
  b.sphere(0.11, [-0.79, 0.11, 0], SKIN, { segments: 8, scale: [1.15, 1, 1] });
  b.sphere(0.112, [-0.82, 0.1, 0], look.hair, { segments: 8, scale: [1.1, 0.85, 1.02] });
}
