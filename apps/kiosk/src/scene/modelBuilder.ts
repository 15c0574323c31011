// Builds a prop's low-poly model from primitives and merges it into (at most) three vertex-coloured geometries: `solid`
// (lit, MeshStandardMaterial), `glow` (unlit, for signs, sparks and lamps) and `flame` (unlit, flickering: see flame.ts).
// One prop = one draw call per part it has, and every instance of a kind shares the same geometry through the scene's
// asset registry.
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  CatmullRomCurve3,
  Color,
  type ColorRepresentation,
  CylinderGeometry,
  Euler,
  Matrix4,
  PlaneGeometry,
  Quaternion,
  SphereGeometry,
  TorusGeometry,
  TubeGeometry,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

export type Vec3 = readonly [number, number, number];

export interface PartOptions {
  /** Euler rotation in radians (XYZ order). */
  rot?: Vec3;
  /** Non-uniform scale applied before the rotation. */
  scale?: Vec3;
  /** Unlit part (drawn with the glow material): signs, sparks, lamps. */
  glow?: boolean;
  /** Unlit part that flickers (drawn with the flame material): flames. Its base should sit at the prop's y = 0. */
  flame?: boolean;
}

export interface BuiltModel {
  solid: BufferGeometry;
  glow: BufferGeometry | null;
  flame: BufferGeometry | null;
}

type PartKind = 'solid' | 'glow' | 'flame';

function partOf(opts: { glow?: boolean; flame?: boolean }): PartKind {
  return opts.flame ? 'flame' : opts.glow ? 'glow' : 'solid';
}

const Y_AXIS = new Vector3(0, 1, 0);

export class ModelBuilder {
  private readonly parts: Record<PartKind, BufferGeometry[]> = { solid: [], glow: [], flame: [] };
  private readonly matrix = new Matrix4();
  private readonly quat = new Quaternion();
  private readonly euler = new Euler();
  private readonly pos = new Vector3();
  private readonly scl = new Vector3();
  private readonly color = new Color();

  /** A box of size [w, h, d] centred at `at`. */
  box(size: Vec3, at: Vec3, color: ColorRepresentation, opts: PartOptions = {}): this {
    return this.add(new BoxGeometry(size[0], size[1], size[2]), at, color, opts);
  }

  /** A box whose bottom face sits at `base` (the point under its centre). */
  block(size: Vec3, base: Vec3, color: ColorRepresentation, opts: PartOptions = {}): this {
    return this.box(size, [base[0], base[1] + size[1] / 2, base[2]], color, opts);
  }

  /** A cylinder along local y, centred at `at`. */
  cylinder(
    radiusTop: number,
    radiusBottom: number,
    height: number,
    at: Vec3,
    color: ColorRepresentation,
    opts: PartOptions & { segments?: number; open?: boolean } = {},
  ): this {
    const geometry = new CylinderGeometry(radiusTop, radiusBottom, height, opts.segments ?? 10, 1, opts.open ?? false);
    return this.add(geometry, at, color, opts);
  }

  /** A cylinder (rod, pipe, cable) from point a to point b. */
  rod(a: Vec3, b: Vec3, radius: number, color: ColorRepresentation, opts: { segments?: number; glow?: boolean } = {}): this {
    const from = new Vector3(...a);
    const dir = new Vector3(...b).sub(from);
    const length = dir.length();
    const geometry = new CylinderGeometry(radius, radius, length, opts.segments ?? 8, 1, false);
    this.quat.setFromUnitVectors(Y_AXIS, dir.normalize());
    const mid = from.addScaledVector(new Vector3(...b).sub(new Vector3(...a)), 0.5);
    this.matrix.compose(mid, this.quat, this.scl.set(1, 1, 1));
    geometry.applyMatrix4(this.matrix);
    return this.push(geometry, color, opts.glow ? 'glow' : 'solid');
  }

  /** A smooth tube through the points (cables, hoses). */
  tube(points: readonly Vec3[], radius: number, color: ColorRepresentation, opts: { segments?: number; radial?: number } = {}): this {
    const curve = new CatmullRomCurve3(points.map((p) => new Vector3(...p)));
    const geometry = new TubeGeometry(curve, opts.segments ?? 12, radius, opts.radial ?? 5, false);
    return this.push(geometry, color, 'solid');
  }

  sphere(radius: number, at: Vec3, color: ColorRepresentation, opts: PartOptions & { segments?: number } = {}): this {
    const segments = opts.segments ?? 10;
    return this.add(new SphereGeometry(radius, segments, Math.max(4, Math.round(segments * 0.6))), at, color, opts);
  }

  torus(radius: number, tube: number, at: Vec3, color: ColorRepresentation, opts: PartOptions & { segments?: number; arc?: number } = {}): this {
    const geometry = new TorusGeometry(radius, tube, 4, opts.segments ?? 12, opts.arc ?? Math.PI * 2);
    return this.add(geometry, at, color, opts);
  }

  /** A flat rectangle in the local xy plane facing +z (use `rot` to lay it down). */
  quad(width: number, height: number, at: Vec3, color: ColorRepresentation, opts: PartOptions = {}): this {
    return this.add(new PlaneGeometry(width, height), at, color, opts);
  }

  /** Merges the parts; the builder must not be used afterwards. */
  build(): BuiltModel {
    const solid = merge(this.parts.solid);
    const glow = merge(this.parts.glow);
    const flame = merge(this.parts.flame);
    if (!solid) throw new Error('a prop model needs at least one solid part');
    return { solid, glow, flame };
  }

  private add(geometry: BufferGeometry, at: Vec3, color: ColorRepresentation, opts: PartOptions): this {
    const r = opts.rot ?? [0, 0, 0];
    const s = opts.scale ?? [1, 1, 1];
    this.quat.setFromEuler(this.euler.set(r[0], r[1], r[2]));
    this.matrix.compose(this.pos.set(at[0], at[1], at[2]), this.quat, this.scl.set(s[0], s[1], s[2]));
    geometry.applyMatrix4(this.matrix);
    return this.push(geometry, color, partOf(opts));
  }

  private push(geometry: BufferGeometry, color: ColorRepresentation, part: PartKind): this {
    geometry.deleteAttribute('uv');
    const count = geometry.getAttribute('position').count;
    const colors = new Float32Array(count * 3);
    this.color.set(color);
    for (let i = 0; i < count; i++) {
      colors[i * 3] = this.color.r;
      colors[i * 3 + 1] = this.color.g;
      colors[i * 3 + 2] = this.color.b;
    }
    geometry.setAttribute('color', new BufferAttribute(colors, 3));
    this.parts[part].push(geometry);
    return this;
  }
}

function merge(parts: BufferGeometry[]): BufferGeometry | null {
  if (parts.length === 0) return null;
  const merged = mergeGeometries(parts, false);
  for (const part of parts) part.dispose();
  if (!merged) throw new Error('could not merge prop parts');
  merged.computeBoundingBox();
  merged.computeBoundingSphere();
  return merged;
}

/** Builds a model with a recipe. */
export function buildModel(recipe: (b: ModelBuilder) => void): BuiltModel {
  const builder = new ModelBuilder();
  recipe(builder);
  return builder.build();
}
