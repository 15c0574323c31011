// GET /api/health: is the server up, is its database sound, and how much content did it load. For monitoring and the
// operator screen. 200 while all is well; 503 once the database was found damaged (plugins/db-health.ts), with the
// restore steps in `message`, so a monitor that only looks at the status code still raises the alarm.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const HealthResponse = z.object({
  /** 'damaged': the database failed a check or a query met damage; writes are refused until it is restored. */
  status: z.enum(['ok', 'damaged']),
  /** Packs that loaded and serve. */
  packs: z.number().int(),
  /** Packs (or park.yaml) left out because of errors: see GET /api/content. */
  packProblems: z.number().int(),
  uptimeSeconds: z.number().int(),
  /** Only when damaged: what was found, when, and what to do. */
  database: z
    .object({
      problem: z.string(),
      damagedAt: z.string(),
      message: z.string(),
    })
    .optional(),
});

const health: FastifyPluginAsyncZod = async (app) => {
  const startedAt = Date.now();
  app.get('/health', { schema: { response: { 200: HealthResponse, 503: HealthResponse } } }, async (_request, reply) => {
    const damage = app.dbHealth.damage;
    const body = {
      status: damage ? ('damaged' as const) : ('ok' as const),
      packs: app.content.current().packs.length,
      packProblems: app.content.current().problems.length,
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
      ...(damage ? { database: { problem: damage.problem, damagedAt: new Date(damage.at).toISOString(), message: damage.message } } : {}),
    };
    return reply.code(damage ? 503 : 200).send(body);
  });
};

export default health;
