// The statistics as a store plugin: `app.statistics` (the operator screen's summary) and `app.reports` (the dashboard's,
// from the roll-up cubes), over the SQLite file or PostgreSQL, whichever the server uses.
import fp from 'fastify-plugin';
import { createStatisticsReader, type StatisticsReader } from '../../statistics/reader.ts';
import { createStatsRepository, type StatsRepository } from './summary.ts';

declare module 'fastify' {
  interface FastifyInstance {
    statistics: StatsRepository;
    /** The dashboard's reports, read from the roll-up cubes (statistics/). */
    reports: StatisticsReader;
  }
}

export default fp(
  async (app) => {
    app.decorate('statistics', createStatsRepository(app.storage));
    const reports = createStatisticsReader(app.storage);
    app.decorate('reports', reports);
    app.addHook('onClose', () => reports.close());
  },
  { name: 'ruyi-statistics', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
