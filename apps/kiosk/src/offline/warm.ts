// Fills the service worker's runtime caches with what a kiosk needs offline. The page that installs the worker loaded
// the content before the worker controlled it, and a pack's assets are otherwise fetched only when a visitor reaches
// them: without this, a kiosk started while its server is down could lack the park or a pack's pictures.
import type { Pack } from '@ruyi/pack-schema';
import { assetUrl } from '../api/assets.ts';

export const CONTENT_URLS = ['/api/content', '/api/kiosk/config'] as const;

/** Every asset file of the installed packs, as the app requests them. */
export function packAssetUrls(packs: readonly Pack[]): string[] {
  return [...new Set(packs.flatMap((pack) => pack.assets.map((asset) => assetUrl(pack.id, asset.file))))];
}

/** Requests each URL through the worker (which caches it), a few at a time; failures are left for the next warm-up. */
export async function warm(urls: readonly string[], concurrency = 2): Promise<void> {
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const response = await fetch(url);
        // The body must be read for the worker's copy to be complete before the next request.
        await response.arrayBuffer();
      } catch {
        // offline or gone: the worker keeps what it had
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
