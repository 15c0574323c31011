// The statement store as a plugin: `app.statements`, the xAPI statements on SQLite (a park's file) or PostgreSQL (a
// city's hub), whichever `app.storage` holds. One store per database: group commit needs every writer in one queue.
import fp from 'fastify-plugin';
import { createPostgresStatementStore } from './store-postgres.ts';
import { statementStoreOf, type StatementStore } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    statements: StatementStore;
  }
}

export default fp(
  async (app) => {
    // On SQLite the same store as statementStoreOf(app.db), for code that still reaches it that way.
    const store = app.storage.dialect === 'postgres' ? createPostgresStatementStore(app.storage.db) : statementStoreOf(app.storage.sqlite!);
    app.decorate('statements', store);
    // Registered after the storage plugin, so this runs before the database closes: inserts under way still commit.
    app.addHook('onClose', async () => {
      await store.close();
    });
  },
  { name: 'ruyi-statements', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
