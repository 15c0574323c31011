// GET /api/content and GET /api/kiosk/config: what every kiosk reads at start.
import { z } from 'zod';

export { ContentSnapshot as ContentResponse } from '@ruyi/pack-schema';

export const KioskConfigResponse = z.object({
  /** Seconds without input before the kiosk asks "still there?". */
  idleSeconds: z.number().int().positive(),
  /** Seconds that question counts down before the visit ends and the next visitor starts clean. */
  idleCountdownSeconds: z.number().int().positive(),
  /** What the device needs to make its xAPI statements (see packages/xapi/README.md). */
  xapi: z.object({
    /** Where Ruyi's activity IRIs start. */
    base: z.url(),
    /** The park's IRI: the homePage of each visitor's anonymous account. */
    parkIri: z.url(),
  }),
});
export type KioskConfigResponse = z.infer<typeof KioskConfigResponse>;

/** POST /api/statements: what the kiosk-server answers once a device's statements are on disk. */
export const DeviceStatementsResponse = z.object({
  /** Statements newly stored. */
  stored: z.number().int(),
  /** Statements already stored with the same content (a resend): not stored twice. */
  duplicates: z.number().int(),
});
export type DeviceStatementsResponse = z.infer<typeof DeviceStatementsResponse>;
