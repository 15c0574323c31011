// GET /api/content and GET /api/kiosk/config: what every kiosk reads at start.
import { z } from 'zod';

export { ContentSnapshot as ContentResponse } from '@ruyi/pack-schema';

export const KioskConfigResponse = z.object({
  /** Seconds without input before the kiosk asks "still there?". */
  idleSeconds: z.number().int().positive(),
  /** Seconds that question counts down before the visit ends and the next visitor starts clean. */
  idleCountdownSeconds: z.number().int().positive(),
});
export type KioskConfigResponse = z.infer<typeof KioskConfigResponse>;
