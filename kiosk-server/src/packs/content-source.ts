// What the content service reads: park.yaml and the built-in packs from the content folder, plus the current version
// of each installed pack (which wins over a built-in pack with the same id). It also remembers, for the snapshot it
// last produced, which folder each live pack comes from, so its assets are served from the version in force.
import type { Content } from '@ruyi/pack-schema';
import { join } from 'node:path';
import { composeContent } from './pack-format.ts';
import type { PackStore } from './store.ts';

export interface PackSource {
  source: 'built-in' | 'installed';
  /** The pack folder (holds pack.yaml, scenarios/, assets/). */
  dir: string;
  /** Changes whenever the files served for this pack may change: `installed-<version>-<digest8>` or `built-in-<version>`. */
  versionKey: string;
}

export interface ContentSource {
  read(): Content;
  /** Where the live pack `id` comes from, as of the last read(); null when no such pack is live. */
  packSource(id: string): PackSource | null;
}

export function createContentSource(contentDir: string, store: PackStore, warn?: (message: string) => void): ContentSource {
  let sources = new Map<string, PackSource>();
  return {
    read() {
      const installed = store.currentVersions((id, error) => warn?.(`installed pack '${id}' left out: ${String(error)}`));
      const content = composeContent(contentDir, installed);
      const next = new Map<string, PackSource>();
      for (const pack of content.packs) {
        const version = installed.find((v) => v.id === pack.id);
        next.set(
          pack.id,
          version
            ? { source: 'installed', dir: version.dir, versionKey: `installed-${version.key}` }
            : { source: 'built-in', dir: join(contentDir, 'packs', pack.id), versionKey: `built-in-${pack.version}` },
        );
      }
      sources = next;
      return content;
    },
    packSource: (id) => sources.get(id) ?? null,
  };
}
