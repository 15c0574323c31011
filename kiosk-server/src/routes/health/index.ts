// GET /api/health: is the server up, which database does it use and is that sound, and how much content did it load.
// For monitoring and the operator screen. 200 while all is well; 503 once the SQLite file was found damaged
// (plugins/db-health.ts), with the restore steps in `message`, or while PostgreSQL does not answer, so a monitor that
// only looks at the status code still raises the alarm.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const HealthResponse = z.object({
  /**
   * 'damaged': the SQLite file failed a check or a query met damage; writes are refused until it is restored.
   * 'unavailable': the PostgreSQL database did not answer.
   */
  status: z.enum(['ok', 'damaged', 'unavailable']),
  /** Packs that loaded and serve. */
  packs: z.number().int(),
  /** Packs (or park.yaml) left out because of errors: see GET /api/content. */
  packProblems: z.number().int(),
  uptimeSeconds: z.number().int(),
  /** The store in use: the embedded SQLite file (a park's server) or PostgreSQL (a city's hub). */
  store: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    /** The SQLite file's path, or the PostgreSQL URL without its password. */
    location: z.string(),
    state: z.enum(['ok', 'damaged', 'unavailable']),
    /** PostgreSQL: how long a `select 1` took to come back, in milliseconds. */
    roundTripMs: z.number().nonnegative().optional(),
    /** PostgreSQL, when unavailable: why. */
    problem: z.string().optional(),
  }),
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
    const store = await app.dbHealth.probe();
    const damage = app.dbHealth.damage;
    const body = {
      status: store.state,
      packs: app.content.current().packs.length,
      packProblems: app.content.current().problems.length,
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
      store,
      ...(damage ? { database: { problem: damage.problem, damagedAt: new Date(damage.at).toISOString(), message: damage.message } } : {}),
    };
    return reply.code(store.state === 'ok' ? 200 : 503).send(body);
  });
};

export default health;
