// The park's content (park.yaml and every pack), read and validated once at start. A broken pack is logged with
// file:line and left out; the others still serve, so one editor's mistake never takes the park floor down.
import { formatError, type Content } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    content: Content;
  }
}

export interface ContentPluginOptions {
  contentDir: string;
}

export default fp<ContentPluginOptions>(
  async (app, { contentDir }) => {
    const content = readContent(contentDir);
    for (const problem of content.problems)
      for (const error of problem.errors) app.log.warn({ pack: problem.dir }, `content problem: ${formatError(error)}`);
    app.log.info(
      { contentDir, packs: content.packs.map((p) => p.id), problems: content.problems.length },
      `content loaded: ${content.packs.length} pack(s), ${content.problems.length} with problems`,
    );
    app.decorate('content', content);
  },
  { name: 'ruyi-content', fastify: '5.x' },
);
