import { Matrix4, PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { DESIGN_ASPECT, DESIGN_FOV, FIT_MARGIN, fitCamera, fovForAspect, hitBoxMatrix, MAX_FOV, MIN_FOV, type Bounds, type Vec3 } from './cameraFit.ts';

const halfWidth = (fov: number, aspect: number) => Math.tan(((fov / 2) * Math.PI) / 180) * aspect;

describe('fovForAspect', () => {
  it('keeps the design field of view at 16:9 and wider', () => {
    expect(fovForAspect(DESIGN_ASPECT)).toBe(DESIGN_FOV);
    expect(fovForAspect(21 / 9)).toBe(DESIGN_FOV);
  });

  it('widens on narrower views so the same width of the room stays visible', () => {
    for (const aspect of [1.45, 1, 9 / 16]) {
      const fov = fovForAspect(aspect);
      expect(fov).toBeGreaterThan(DESIGN_FOV);
      expect(halfWidth(fov, aspect)).toBeCloseTo(halfWidth(DESIGN_FOV, DESIGN_ASPECT), 6);
    }
  });

  it('falls back to the design value for a degenerate size', () => {
    expect(fovForAspect(0)).toBe(DESIGN_FOV);
    expect(fovForAspect(Number.NaN)).toBe(DESIGN_FOV);
  });
});

/** Where each corner of the boxes lands on a canvas of this aspect, in normalised device coordinates (-1…1). */
function projected(position: Vec3, fit: { fov: number; target: Vec3 }, boxes: Bounds[], aspect: number) {
  const camera = new PerspectiveCamera(fit.fov, aspect, 0.1, 250);
  camera.position.set(...position);
  camera.lookAt(...fit.target);
  camera.updateMatrixWorld();
  const out = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const b of boxes)
    for (const x of [b.min[0], b.max[0]])
      for (const y of [b.min[1], b.max[1]])
        for (const z of [b.min[2], b.max[2]]) {
          const p = new Vector3(x, y, z).project(camera);
          out.minX = Math.min(out.minX, p.x);
          out.maxX = Math.max(out.maxX, p.x);
          out.minY = Math.min(out.minY, p.y);
          out.maxY = Math.max(out.maxY, p.y);
        }
  return out;
}

// A room's props, off to one side of where the pack's camera looks (as packs compose them: the camera in a corner).
const POSITION: Vec3 = [0, 1.7, 6];
const TARGET: Vec3 = [0, 1, 0];
const PROPS: Bounds[] = [
  { min: [-4.5, 0, -2], max: [-3.5, 2.4, -1] },
  { min: [1, 0, -3], max: [2.5, 1.2, -2] },
  { min: [0.5, 0.8, 0], max: [0.6, 0.9, 0.1] },
];

describe('fitCamera', () => {
  for (const [name, aspect] of [
    ['landscape 16:9', 16 / 9],
    ['a landscape scene beside its panel', 1.3],
    ['a portrait kiosk', 1080 / 920],
    ['a tall canvas', 9 / 16],
  ] as const)
    it(`frames every prop with a small margin on ${name}, filling the canvas one way`, () => {
      const fit = fitCamera(POSITION, TARGET, PROPS, aspect);
      const p = projected(fit.eye, fit, PROPS, aspect);
      // All in view…
      expect(p.minX).toBeGreaterThanOrEqual(-1);
      expect(p.maxX).toBeLessThanOrEqual(1);
      expect(p.minY).toBeGreaterThanOrEqual(-1);
      expect(p.maxY).toBeLessThanOrEqual(1);
      // …centred…
      expect(Math.abs(p.minX + p.maxX)).toBeLessThan(0.02);
      expect(Math.abs(p.minY + p.maxY)).toBeLessThan(0.02);
      // …and filling the canvas across or up, up to the margin: no empty third.
      const fill = Math.max(p.maxX - p.minX, p.maxY - p.minY) / 2;
      expect(fit.fov).toBeGreaterThan(MIN_FOV);
      expect(fill).toBeGreaterThan(1 / (1 + FIT_MARGIN) - 0.02);
    });

  it('keeps the design view when no prop is in front of the camera', () => {
    const fit = fitCamera(POSITION, TARGET, [{ min: [-1, 0, 8], max: [1, 1, 9] }], 16 / 9);
    expect(fit).toEqual({ eye: POSITION, fov: DESIGN_FOV, target: TARGET });
    expect(fitCamera(POSITION, TARGET, [], 1).fov).toBe(fovForAspect(1));
  });

  it('stands higher on a canvas taller than the design, never above the ceiling', () => {
    expect(fitCamera(POSITION, TARGET, PROPS, 16 / 9).eye).toEqual(POSITION);
    expect(fitCamera(POSITION, TARGET, PROPS, 21 / 9).eye).toEqual(POSITION);
    const portrait = fitCamera(POSITION, TARGET, PROPS, 1080 / 907).eye;
    expect(portrait[0]).toBe(POSITION[0]);
    expect(portrait[2]).toBe(POSITION[2]);
    expect(portrait[1]).toBeGreaterThan(POSITION[1] + 1);
    expect(fitCamera(POSITION, TARGET, PROPS, 9 / 16).eye[1]).toBeGreaterThanOrEqual(portrait[1]);
    expect(fitCamera(POSITION, TARGET, PROPS, 9 / 16, { ceiling: 2.5 }).eye[1]).toBeCloseTo(2.2);
    // A camera placed above a low ceiling is not pulled down.
    expect(fitCamera(POSITION, TARGET, PROPS, 9 / 16, { ceiling: 1.5 }).eye[1]).toBe(POSITION[1]);
  });

  it('on a portrait kiosk, a prop in front covers less of the one behind it than from the pack’s own position', () => {
    const front: Bounds = { min: [-0.6, 0, 1.5], max: [0.6, 0.9, 2.1] };
    const back: Bounds = { min: [-0.5, 0, -2.1], max: [0.5, 2.1, -2] };
    const aspect = 1080 / 907;
    const fit = fitCamera(POSITION, TARGET, [front, back], aspect);
    // The share of the back prop's height that shows above the front one's top.
    const uncovered = (eye: Vec3) => {
      const b = projected(eye, fit, [back], aspect);
      const f = projected(eye, fit, [front], aspect);
      return (b.maxY - Math.max(b.minY, f.maxY)) / (b.maxY - b.minY);
    };
    expect(uncovered(fit.eye)).toBeGreaterThan(uncovered(POSITION) + 0.1);
  });

  it('never asks for a fish-eye view, however wide the props spread', () => {
    const fit = fitCamera(POSITION, TARGET, [{ min: [-40, 0, 5], max: [40, 3, 5.5] }], 9 / 16);
    expect(fit.fov).toBeLessThanOrEqual(MAX_FOV);
  });
});

describe('hitBoxMatrix', () => {
  const camera = { position: POSITION, target: TARGET, fov: 50 };
  const HEIGHT = 900;
  const pxPerUnitAt = (depth: number) => HEIGHT / (2 * depth * Math.tan((25 * Math.PI) / 180));

  /** A touch box's extent as the camera sees it (view units) and its depth from the camera. */
  function seen(placement: Matrix4, matrix: Matrix4) {
    const world = placement.clone().multiply(matrix);
    const cam = new PerspectiveCamera(50, 16 / 9, 0.1, 250);
    cam.position.set(...POSITION);
    cam.lookAt(...TARGET);
    cam.updateMatrixWorld();
    const min = new Vector3(Infinity, Infinity, Infinity);
    const max = new Vector3(-Infinity, -Infinity, -Infinity);
    for (const x of [-0.5, 0.5])
      for (const y of [-0.5, 0.5])
        for (const z of [-0.5, 0.5]) {
          const c = new Vector3(x, y, z).applyMatrix4(world).applyMatrix4(cam.matrixWorldInverse);
          min.min(c);
          max.max(c);
        }
    const depth = -(min.z + max.z) / 2;
    return { across: (max.x - min.x) * pxPerUnitAt(depth), up: (max.y - min.y) * pxPerUnitAt(depth), thickness: max.z - min.z };
  }

  it('gives a thin prop a core of the touch size, and its whole length as an outline, in the prop’s own space', () => {
    // A wire 2 cm thick, 1 m long, on a prop placed 1 m to the left, turned 90° and scaled 2×.
    const placement = new Matrix4().makeRotationY(Math.PI / 2).scale(new Vector3(2, 2, 2)).setPosition(-1, 0, 0);
    const wire: Bounds = { min: [-1.5, 1, -0.01], max: [-0.5, 1.02, 0.01] };
    const boxes = hitBoxMatrix(wire, placement, camera, HEIGHT, 96)!;
    const core = seen(placement, boxes.core);
    expect(core.across).toBeCloseTo(96, 0);
    expect(core.up).toBeCloseTo(96, 0);
    // Depth stays the wire's own (a few cm): the box does not reach towards the camera.
    expect(core.thickness).toBeLessThan(0.1);
    // The wire runs along the view's depth here (turned 90°), so its outline is the core's height and its own length.
    const outline = seen(placement, boxes.outline!);
    expect(outline.up).toBeCloseTo(96, 0);
    expect(outline.thickness).toBeLessThan(2.1);
  });

  it('slides a core inwards to keep it whole on the canvas, and gives the smaller prop the smaller area', () => {
    const identity = new Matrix4();
    const cam = new PerspectiveCamera(50, 16 / 9, 0.1, 250);
    cam.position.set(...POSITION);
    cam.lookAt(...TARGET);
    cam.updateMatrixWorld();
    // A small sign at the right edge of the view (as an exit sign on a side wall).
    const halfW = 6 * Math.tan((25 * Math.PI) / 180) * (16 / 9);
    const sign: Bounds = { min: [halfW * 0.97, 1.6, 0], max: [halfW * 0.99, 1.7, 0.02] };
    const boxes = hitBoxMatrix(sign, identity, camera, HEIGHT, 96, 16 / 9)!;
    const xs = [-0.5, 0.5].map((x) => new Vector3(x, 0, 0).applyMatrix4(boxes.core).project(cam).x);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1 + 1e-6);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.05);
    const small = hitBoxMatrix({ min: [0, 1, 0], max: [0.05, 1.05, 0.05] }, identity, camera, HEIGHT, 96)!;
    const big = hitBoxMatrix({ min: [-1, 0, -1], max: [1, 2, 1] }, identity, camera, HEIGHT, 96)!;
    expect(small.area).toBeLessThan(big.area);
  });

  it('gives a prop smaller than the touch size only a core', () => {
    const boxes = hitBoxMatrix({ min: [0, 1, 0], max: [0.05, 1.05, 0.05] }, new Matrix4(), camera, HEIGHT, 96)!;
    expect(boxes.outline).toBeNull();
    expect(seen(new Matrix4(), boxes.core).up).toBeCloseTo(96, 0);
  });

  it('covers a big prop’s outline as seen, and leaves props behind the camera alone', () => {
    const identity = new Matrix4();
    const big = hitBoxMatrix({ min: [-1, 0, -1], max: [1, 2, 1] }, identity, camera, HEIGHT, 96)!;
    expect(seen(identity, big.core).across).toBeCloseTo(96, 0);
    const scale = new Vector3().setFromMatrixScale(big.outline!);
    // Across the view at least the box's width (2 m), up at least its height seen at an angle.
    expect(scale.x).toBeGreaterThanOrEqual(2 - 1e-9);
    expect(scale.y).toBeGreaterThanOrEqual(2 * Math.cos(Math.atan2(0.7, 6)) - 1e-6);
    expect(hitBoxMatrix({ min: [0, 1, 8], max: [0.01, 1.01, 8.01] }, identity, camera, HEIGHT, 96)).toBeNull();
    expect(hitBoxMatrix({ min: [0, 1, 0], max: [0.01, 1.01, 0.01] }, identity, camera, 0, 96)).toBeNull();
  });
});
