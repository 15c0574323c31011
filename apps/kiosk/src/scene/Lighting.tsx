// A hemisphere light and one warm directional light; no shadows. The warm key and the dark, smoky background give a
// quiet fire-emergency mood without anything flashing.
import type { JSX } from 'react';

export const BACKGROUND = '#211c19';

export function Lighting(): JSX.Element {
  return (
    <>
      <color attach="background" args={[BACKGROUND]} />
      <hemisphereLight args={['#fff1de', '#4d3526', 1.35]} />
      <directionalLight position={[4, 9, 7]} intensity={2.1} color="#ffd3a3" />
    </>
  );
}
