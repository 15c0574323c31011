import type { z } from 'zod';
import type { PackErrorSchema } from './snapshot.ts';

export type { Asset, ModelAsset, ImageAsset, AudioAsset, AssetKind, Locale, LocalizedText, AreaId, PropKind, Prop, Scene, Source, Scenario, Step, Manifest, Pack, Area, Park } from './schema.ts';

export type PackError = z.infer<typeof PackErrorSchema>;

/** A text file as read from disk (or from an archive later). */
export interface SourceFile {
  path: string;
  text: string;
}
