// GET /api/kiosk/config: settings the kiosk app takes from the server, so a park changes them in one place.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const KioskConfigResponse = z.object({
  /** Seconds without input before the kiosk asks "still there?". */
  idleSeconds: z.number().int().positive(),
  /** Seconds that question counts down before the visit ends and the next visitor starts clean. */
  idleCountdownSeconds: z.number().int().positive(),
});

export interface KioskRouteOptions {
  idleSeconds: number;
  idleCountdownSeconds: number;
}

const kiosk: FastifyPluginAsyncZod<KioskRouteOptions> = async (app, { idleSeconds, idleCountdownSeconds }) => {
  app.get('/kiosk/config', { schema: { response: { 200: KioskConfigResponse } } }, async () => ({
    idleSeconds,
    idleCountdownSeconds,
  }));
};

export default kiosk;
