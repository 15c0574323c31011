// GET /api/health: is the server up, and how much content did it load. For monitoring and the operator screen.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  /** Packs that loaded and serve. */
  packs: z.number().int(),
  /** Packs (or park.yaml) left out because of errors: see GET /api/content. */
  packProblems: z.number().int(),
  uptimeSeconds: z.number().int(),
});

const health: FastifyPluginAsyncZod = async (app) => {
  const startedAt = Date.now();
  app.get('/health', { schema: { response: { 200: HealthResponse } } }, async () => ({
    status: 'ok' as const,
    packs: app.content.current().packs.length,
    packProblems: app.content.current().problems.length,
    uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
  }));
};

export default health;
