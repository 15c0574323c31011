// GET /api/stats/summary: visits, completed scenarios and average score per area, for the operator screen.
// Open for now: statistics hold no personal data (visit ids are random). A later issue adds staff login in front of it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRecordsRepository } from '../../records/repository.ts';

export const SummaryResponse = z.object({
  /** Distinct visits that sent a visit-start. */
  visits: z.number().int(),
  /** scenario-end records, in every area. */
  completedScenarios: z.number().int(),
  /** Every area of the park, in park order; areas with no data have 0 and a null average. */
  areas: z.array(
    z.object({
      area: z.string(),
      completedScenarios: z.number().int(),
      averageScore: z.number().min(0).max(1).nullable(),
    }),
  ),
});

const stats: FastifyPluginAsyncZod = async (app) => {
  const repository = createRecordsRepository(app.db);
  app.get('/stats/summary', { schema: { response: { 200: SummaryResponse } } }, async () =>
    repository.summary(app.content.current().park?.areas.map((a) => a.id) ?? []),
  );
};

export default stats;
