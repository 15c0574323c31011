// The document store as a plugin: `app.documents`, the xAPI State, Activity Profile and Agent Profile documents.
// The embedded SQLite file or PostgreSQL, whichever app.storage is; routes only see the DocumentStore interface.
import fp from 'fastify-plugin';
import { createPostgresDocumentStore } from './postgres.ts';
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
    const settings = { maxPerOwner: options.maxPerClient ?? MAX_DOCUMENTS_PER_CLIENT };
    const { storage } = app;
    app.decorate(
      'documents',
      storage.dialect === 'postgres' ? createPostgresDocumentStore(storage.db, settings) : createSqliteDocumentStore(storage.sqlite!, settings),
    );
  },
  { name: 'ruyi-xapi-documents', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
