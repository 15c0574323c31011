// A pack's asset files as the app sees them: where the kiosk-server serves each one (GET /api/packs/<id>/assets/<file>,
// the pack version in force) and which asset a pack names for a prop's model, the case card's image and its narration.
// The only place that builds asset URLs.
import type { CaseCardStep } from '@ruyi/mechanics';
import { localize, type Asset, type AssetKind, type Locale, type Pack } from '@ruyi/pack-schema';

type CaseCard = Pick<CaseCardStep, 'image' | 'narration'>;

/**
 * The URL of a file in a pack's assets/ folder. Served with an ETag and revalidated, so a new pack version is picked up;
 * `version` (the server's `x-ruyi-asset-version`) makes it a URL the browser may keep.
 */
export function assetUrl(packId: string, file: string, version?: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  const url = `/api/packs/${encodeURIComponent(packId)}/assets/${path}`;
  return version ? `${url}?v=${encodeURIComponent(version)}` : url;
}

/** The asset with this id, if the pack has one of that kind. */
export function findAsset<K extends AssetKind>(pack: Pack, id: string, kind: K): Extract<Asset, { kind: K }> | null {
  return (pack.assets.find((a) => a.id === id && a.kind === kind) as Extract<Asset, { kind: K }> | undefined) ?? null;
}

/** For the scene kit's `assetUrl`: a model asset id → its URL, or null when the pack has no such model. */
export function modelUrlResolver(pack: Pack | null | undefined): (assetId: string) => string | null {
  return (assetId) => {
    const asset = pack ? findAsset(pack, assetId, 'model') : null;
    return pack && asset ? assetUrl(pack.id, asset.file) : null;
  };
}

export interface CaseCardImage {
  url: string;
  /** In the visitor's language. */
  alt: string;
}

/** The case card's picture, if it has one. */
export function caseCardImage(pack: Pack, card: CaseCard, locale: Locale | string): CaseCardImage | null {
  const asset = card.image ? findAsset(pack, card.image, 'image') : null;
  return asset ? { url: assetUrl(pack.id, asset.file), alt: localize(asset.alt, locale) } : null;
}

/**
 * The case card's narration in exactly the visitor's language, or null. There is no fallback: a visitor must never hear
 * a language other than the one they chose.
 */
export function caseCardNarration(pack: Pack, card: CaseCard, locale: Locale | string): string | null {
  const id = (card.narration as Partial<Record<string, string>> | undefined)?.[locale];
  const asset = id ? findAsset(pack, id, 'audio') : null;
  return asset ? assetUrl(pack.id, asset.file) : null;
}
