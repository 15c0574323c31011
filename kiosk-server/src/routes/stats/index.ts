// GET /api/stats/summary: visits, completed scenarios and average score per area and per platform (kiosk, VR, web),
// for the operator screen.
// Open for now: statistics hold no personal data (visit ids are random). A later issue adds staff login in front of it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SummaryResponse } from '@ruyi/api-contract';

const stats: FastifyPluginAsyncZod = async (app) => {
  app.get('/stats/summary', { schema: { response: { 200: SummaryResponse } } }, async () =>
    app.statistics.summary(app.content.current().park?.areas.map((a) => a.id) ?? []),
  );
};

export default stats;
