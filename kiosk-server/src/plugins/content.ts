// The park's content (park.yaml and every pack), validated when read. A broken pack is logged with file:line and
// left out; the others still serve, so one editor's mistake never takes the park floor down. Content can be read
// again while the server runs (a pack installed, a file saved during preview): readers always get a whole, validated
// snapshot, never a half-read one, and listeners hear about each new snapshot.
import { formatError, type Content } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { indexContent, type ContentIndex } from '../records/check.ts';

export interface ContentService {
  /** The snapshot in force now. */
  current(): Content;
  /** The same snapshot, indexed for record checks. */
  index(): ContentIndex;
  /** Reads the content again and makes it current; returns the new snapshot. */
  reload(): Content;
  /** Called after every reload; returns a function that stops listening. */
  onChange(listener: (content: Content) => void): () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    content: ContentService;
  }
}

export interface ContentPluginOptions {
  contentDir: string;
  /** How to read the content; defaults to the content folder alone. */
  read?: () => Content;
}

export function createContentService(read: () => Content, log?: FastifyBaseLogger): ContentService {
  const listeners = new Set<(content: Content) => void>();
  let snapshot = load();
  let indexed = indexContent(snapshot);

  function load(): Content {
    const content = read();
    for (const problem of content.problems)
      for (const error of problem.errors) log?.warn({ pack: problem.dir }, `content problem: ${formatError(error)}`);
    log?.info(
      { packs: content.packs.map((p) => p.id), problems: content.problems.length },
      `content loaded: ${content.packs.length} pack(s), ${content.problems.length} with problems`,
    );
    return content;
  }

  return {
    current: () => snapshot,
    index: () => indexed,
    reload() {
      snapshot = load();
      indexed = indexContent(snapshot);
      for (const listener of listeners) listener(snapshot);
      return snapshot;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export default fp<ContentPluginOptions>(
  async (app, { contentDir, read }) => {
    app.decorate('content', createContentService(read ?? (() => readContent(contentDir)), app.log));
  },
  { name: 'ruyi-content', fastify: '5.x' },
);
