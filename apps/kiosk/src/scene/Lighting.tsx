// A hemisphere light and one directional light; no shadows. Indoors, the warm key and the dark, smoky background give
// a quiet fire-emergency mood without anything flashing. Outdoors, a pale winter sky and daylight, and a haze of the
// sky's colour far off, so the open ground fades into the sky instead of ending at an edge. The fog costs no draw call.
import type { JSX } from 'react';
import { GROUND_HALF, type SceneSetting } from './Room.tsx';

export const BACKGROUND = '#211c19';
export const SKY = '#b7c6d3';

const LIGHTS = {
  indoor: { background: BACKGROUND, sky: '#fff1de', ground: '#4d3526', hemisphere: 1.35, sun: '#ffd3a3', key: 2.1 },
  outdoor: { background: SKY, sky: '#e3edf6', ground: '#5d5a52', hemisphere: 1.5, sun: '#fff4e2', key: 2.4 },
} as const;

/** Where the outdoor haze begins and where it hides everything, in metres from the eye. */
export const OUTDOOR_FOG = { near: 60, far: GROUND_HALF * 0.9 } as const;

export function Lighting({ setting = 'indoor' }: { setting?: SceneSetting }): JSX.Element {
  const l = LIGHTS[setting];
  return (
    <>
      <color attach="background" args={[l.background]} />
      {setting === 'outdoor' && <fog attach="fog" args={[SKY, OUTDOOR_FOG.near, OUTDOOR_FOG.far]} />}
      <hemisphereLight args={[l.sky, l.ground, l.hemisphere]} />
      <directionalLight position={[4, 9, 7]} intensity={l.key} color={l.sun} />
    </>
  );
}
