// The document store as a plugin: `app.documents`, the xAPI State, Activity Profile and Agent Profile documents.
// Embedded SQLite (the server's own database file) for now; another implementation plugs in here.
import fp from 'fastify-plugin';
import { createSqliteDocumentStore, type DocumentStore } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    documents: DocumentStore;
  }
}

/** The most documents one client keeps (a new one beyond is refused with 403; replacing and deleting still work). */
export const MAX_DOCUMENTS_PER_CLIENT = 10_000;

export interface DocumentsPluginOptions {
  /** Only tests pass a smaller bound. */
  maxPerClient?: number;
}

export default fp<DocumentsPluginOptions>(
  async (app, options) => {
    app.decorate('documents', createSqliteDocumentStore(app.db, { maxPerOwner: options.maxPerClient ?? MAX_DOCUMENTS_PER_CLIENT }));
  },
  { name: 'ruyi-xapi-documents', fastify: '5.x', dependencies: ['ruyi-db'] },
);
