// The room: a concrete floor with a tile grid and yellow aisle lines, back and side walls with a dado band. The front
// wall and the ceiling are left open for the camera. Outdoors (`setting: outdoor`) there are no walls: the room's
// width and depth are a paved square with a kerb, in open asphalt ground that reaches past where the eye stops. One
// merged geometry, one draw call, either way.
import type { JSX } from 'react';
import type { Scene } from '@ruyi/pack-schema';
import { buildModel, type ModelBuilder } from './modelBuilder.ts';
import { useOwned } from './useOwned.ts';
import { useSharedAssets } from './useSharedAssets.ts';

const HALF_PI = Math.PI / 2;
const WALL = 0.2;

export type SceneSetting = NonNullable<Scene['setting']>;

export interface RoomProps {
  room: Scene['room'];
  setting?: SceneSetting;
}

/** Half the side of the open ground outdoors, in metres: its edge lies deep in the outdoor fog (Lighting.tsx). */
export const GROUND_HALF = 150;

/** Paving in 1 m squares on the room's footprint, a kerb round it, asphalt to the horizon. */
function outdoorGround(b: ModelBuilder, w: number, d: number): void {
  const flat = { rot: [-HALF_PI, 0, 0] } as const;
  // The open ground: four strips round the paved square, so nothing lies under it to flicker through.
  const far = GROUND_HALF;
  const asphalt = '#5d6062';
  b.quad(2 * far, far - d / 2, [0, 0, -(far + d / 2) / 2], asphalt, flat);
  b.quad(2 * far, far - d / 2, [0, 0, (far + d / 2) / 2], asphalt, flat);
  b.quad(far - w / 2, d, [-(far + w / 2) / 2, 0, 0], asphalt, flat);
  b.quad(far - w / 2, d, [(far + w / 2) / 2, 0, 0], asphalt, flat);
  b.quad(w, d, [0, 0, 0], '#8e8b84', flat);
  for (let x = -w / 2 + 1; x < w / 2 - 0.01; x += 1) b.quad(0.02, d, [x, 0.003, 0], '#77746e', flat);
  for (let z = -d / 2 + 1; z < d / 2 - 0.01; z += 1) b.quad(w, 0.02, [0, 0.003, z], '#77746e', flat);
  const kerb = '#b3b0a8';
  b.block([w + 0.3, 0.12, 0.15], [0, 0, -d / 2 - 0.075], kerb);
  b.block([w + 0.3, 0.12, 0.15], [0, 0, d / 2 + 0.075], kerb);
  b.block([0.15, 0.12, d], [-w / 2 - 0.075, 0, 0], kerb);
  b.block([0.15, 0.12, d], [w / 2 + 0.075, 0, 0], kerb);
}

export function Room({ room, setting = 'indoor' }: RoomProps): JSX.Element {
  const { materials } = useSharedAssets();
  const { width: w, depth: d, height: h } = room;
  const geometry = useOwned(
    () =>
      buildModel((b) => {
        if (setting === 'outdoor') {
          outdoorGround(b, w, d);
          return;
        }
        b.quad(w, d, [0, 0, 0], '#6d6a64', { rot: [-HALF_PI, 0, 0] });
        // Saw-cut joints every 2 m.
        for (let x = -w / 2 + 2; x < w / 2 - 0.01; x += 2) b.quad(0.025, d, [x, 0.004, 0], '#5a5752', { rot: [-HALF_PI, 0, 0] });
        for (let z = -d / 2 + 2; z < d / 2 - 0.01; z += 2) b.quad(w, 0.025, [0, 0.004, z], '#5a5752', { rot: [-HALF_PI, 0, 0] });
        // Yellow walkway lines, 0.6 m in from the walls.
        const inset = 0.6;
        b.quad(0.08, d - inset, [-w / 2 + inset, 0.006, inset / 2], '#d6ad1f', { rot: [-HALF_PI, 0, 0] });
        b.quad(0.08, d - inset, [w / 2 - inset, 0.006, inset / 2], '#d6ad1f', { rot: [-HALF_PI, 0, 0] });
        b.quad(w - 2 * inset, 0.08, [0, 0.006, -d / 2 + inset], '#d6ad1f', { rot: [-HALF_PI, 0, 0] });
        // Walls (outside the room volume) with a darker dado band and a skirting.
        b.box([w + 2 * WALL, h, WALL], [0, h / 2, -d / 2 - WALL / 2], '#a39e94');
        b.box([WALL, h, d], [-w / 2 - WALL / 2, h / 2, 0], '#9b968c');
        b.box([WALL, h, d], [w / 2 + WALL / 2, h / 2, 0], '#9b968c');
        b.quad(w, 1.2, [0, 0.6, -d / 2 + 0.003], '#7f8a86');
        b.quad(d, 1.2, [-w / 2 + 0.003, 0.6, 0], '#7a8581', { rot: [0, HALF_PI, 0] });
        b.quad(d, 1.2, [w / 2 - 0.003, 0.6, 0], '#7a8581', { rot: [0, -HALF_PI, 0] });
        b.quad(w, 0.1, [0, 0.05, -d / 2 + 0.006], '#3e4442');
        b.quad(d, 0.1, [-w / 2 + 0.006, 0.05, 0], '#3e4442', { rot: [0, HALF_PI, 0] });
        b.quad(d, 0.1, [w / 2 - 0.006, 0.05, 0], '#3e4442', { rot: [0, -HALF_PI, 0] });
        // Columns along the side walls every 6 m.
        for (let z = -d / 2 + 0.3; z < d / 2; z += 6) {
          b.box([0.4, h, 0.4], [-w / 2 + 0.2, h / 2, z], '#b0aba1');
          b.box([0.4, h, 0.4], [w / 2 - 0.2, h / 2, z], '#b0aba1');
        }
        // Roof beams above the open ceiling give the space a top edge.
        for (let z = -d / 2 + 0.3; z < d / 2; z += 6) b.box([w, 0.5, 0.25], [0, h - 0.25, z], '#6a655f');
      }).solid,
    [w, d, h, setting],
  );
  return <mesh geometry={geometry} material={materials.solid} />;
}
