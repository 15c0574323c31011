// What bench/run.ts and the benchmark page say to each other.
import type { Scene } from '@ruyi/pack-schema';

export interface BenchCase {
  /** Also the React key: a new name mounts the scene afresh. */
  name: string;
  scene: Scene;
  found: string[];
  hinted: string | null;
}

export interface Frame {
  calls: number;
  triangles: number;
}

export interface Measurement {
  /** A WebGL frame from the pack's camera (three culls what is out of view). */
  view: Frame;
  /** A WebGL frame with nothing culled: the worst case for a visitor looking around in a headset. */
  all: Frame;
  /** drawStats() of the same graph, counted without a GPU: must equal `all`. */
  headless: Frame;
}

export interface BenchApi {
  /** Mounts a case (null: unmounts the scene, keeping the renderer) and waits until it has drawn. */
  show(c: BenchCase | null): Promise<void>;
  measure(): Measurement;
  /** GPU resources alive now (renderer.info.memory). */
  memory(): { geometries: number; textures: number };
}
