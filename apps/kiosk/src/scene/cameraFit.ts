// Pure camera maths for the scene kit, kept apart from React so it is unit-tested.

export const DESIGN_FOV = 55;
export const DESIGN_ASPECT = 16 / 9;

/** The vertical field of view (degrees) that shows at least the design's horizontal extent at this aspect ratio. */
export function fovForAspect(aspect: number): number {
  if (!(aspect > 0) || aspect >= DESIGN_ASPECT) return DESIGN_FOV;
  const halfWidth = Math.tan(((DESIGN_FOV / 2) * Math.PI) / 180) * DESIGN_ASPECT;
  return (2 * Math.atan(halfWidth / aspect) * 180) / Math.PI;
}
