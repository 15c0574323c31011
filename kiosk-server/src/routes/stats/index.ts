// The statistics routes, staff only (every /api/stats/ route is guarded in plugins/admin.ts):
// - GET /api/stats/summary: visits, completed scenarios and average score per area and per platform (kiosk, VR, web),
//   for the operator screen: this server's own place.
// - GET /api/stats/report: the dashboard's figures for a period and a place (the city, a district, a park, a school),
//   by default the account's own scope; a place outside it is refused. Reports are kept as sent until the roll-up
//   moves on (report-cache.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ReportQuery, StatisticsReport, SummaryResponse } from '@ruyi/api-contract';
import { refusalFor, type Scope } from '../../admin/scopes.ts';
import { refusal } from '../../refusal.ts';
import { createReportCache } from './report-cache.ts';

const stats: FastifyPluginAsyncZod = async (app) => {
  const reports = createReportCache();
  app.get('/stats/summary', { schema: { response: { 200: SummaryResponse } } }, async () =>
    app.statistics.summary(app.content.current().park?.areas.map((a) => a.id) ?? []),
  );

  app.get(
    '/stats/report',
    {
      config: { staff: { action: 'statistics', target: 'route' } },
      schema: { querystring: ReportQuery, response: { 200: StatisticsReport } },
    },
    async (request, reply) => {
      const { from, to, district, park, school } = request.query;
      const staff = request.staff!;
      const place: Scope = district ? { kind: 'district', id: district } : park ? { kind: 'park', id: park } : school ? { kind: 'school', id: school } : staff.scope;
      const refused = refusalFor(staff, 'statistics', place, app.admin.places);
      if (refused) throw refusal(403, 'staff.scope', refused, { role: staff.role });
      // Checked above: from here on the place is one this caller may see, and it is the cache's key.
      const key = JSON.stringify([from, to, place.kind, place.kind === 'city' ? null : place.id]);
      // Made (off the event loop on SQLite) as the route's serializer would send it: checked against the schema, JSON.
      const body = await reports.get(key, await app.reports.cursor(), () => app.reports.reportJson({ from, to }, place));
      // Sent as is (JSON already): the schema above still documents it and has checked it.
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
};

export default stats;
