// The pack store (packs installed at run time, in <dataDir>/packs) and the content source that composes them with the
// content folder. Loaded before the content service, which reads through `app.packs.source`. At start it cleans up
// whatever an interrupted install left behind, so the version that was live before the crash is the one that serves.
import fp from 'fastify-plugin';
import { createContentSource, type ContentSource } from '../packs/content-source.ts';
import { PackStore } from '../packs/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    packs: { store: PackStore; source: ContentSource };
  }
}

export interface PacksPluginOptions {
  dataDir: string;
  contentDir: string;
}

export default fp<PacksPluginOptions>(
  async (app, { dataDir, contentDir }) => {
    const store = new PackStore(dataDir, contentDir);
    const removed = store.recover();
    if (removed.length) app.log.warn({ removed }, `removed ${removed.length} leftover(s) of an interrupted pack install`);
    app.decorate('packs', { store, source: createContentSource(contentDir, store, (m) => app.log.warn(m)) });
  },
  { name: 'ruyi-packs', fastify: '5.x' },
);
