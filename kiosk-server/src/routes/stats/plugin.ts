// The statistics as a store plugin: `app.statistics`, over the SQLite file or PostgreSQL, whichever the server uses.
import fp from 'fastify-plugin';
import { createStatsRepository, type StatsRepository } from './summary.ts';

declare module 'fastify' {
  interface FastifyInstance {
    statistics: StatsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('statistics', createStatsRepository(app.storage));
  },
  { name: 'ruyi-statistics', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
