// Flames: unlit, vertex-coloured, and flickering on the GPU. The vertex shader stretches and sways each flame about its
// base from one `time` uniform, so a frame costs one number written, whatever the number of fires, and the instanced
// fires still draw in one call each part. Under reduced motion the time stays put and the flames stand still.
import { MeshBasicMaterial, type IUniform } from 'three';

/** The uniform the frame loop writes (seconds); shared by every flame of the scene. */
export interface FlameMaterial {
  material: MeshBasicMaterial;
  time: IUniform<number>;
}

const FLICKER = /* glsl */ `
#include <begin_vertex>
{
  float phase = 0.0;
#ifdef USE_INSTANCING
  phase = instanceMatrix[3].x * 1.7 + instanceMatrix[3].z * 2.3;
#endif
#ifdef USE_COLOR
  // Yellow cores and orange tongues move apart.
  phase += color.g * 3.0;
#endif
  // Swings of 2 Hz and below, small ones above: a flicker, never a strobe.
  float stretch = 1.0 + 0.12 * sin(flameTime * 7.1 + phase) + 0.06 * sin(flameTime * 12.3 + phase * 1.7);
  float sway = 0.07 * sin(flameTime * 4.3 + phase * 0.6);
  float h = max(transformed.y, 0.0);
  transformed.y *= stretch;
  transformed.x += h * sway;
}
`;

export function createFlameMaterial(): FlameMaterial {
  const time: IUniform<number> = { value: 0 };
  const material = new MeshBasicMaterial({ vertexColors: true });
  material.onBeforeCompile = (shader) => {
    shader.uniforms.flameTime = time;
    shader.vertexShader = `uniform float flameTime;\n${shader.vertexShader.replace('#include <begin_vertex>', FLICKER)}`;
  };
  // Not the glow material's program: three tells programs apart by this key.
  material.customProgramCacheKey = () => 'ruyi-flame';
  return { material, time };
}
