// GET /api/kiosk/config: settings the kiosk app takes from the server, so a park changes them in one place.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KioskConfigResponse } from '@ruyi/api-contract';

export interface KioskRouteOptions {
  idleSeconds: number;
  idleCountdownSeconds: number;
  xapi: { base: string; parkIri: string };
}

const kiosk: FastifyPluginAsyncZod<KioskRouteOptions> = async (app, { idleSeconds, idleCountdownSeconds, xapi }) => {
  app.get('/kiosk/config', { schema: { response: { 200: KioskConfigResponse } } }, async () => ({
    idleSeconds,
    idleCountdownSeconds,
    xapi: { base: xapi.base, parkIri: xapi.parkIri },
  }));
};

export default kiosk;
