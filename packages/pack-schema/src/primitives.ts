// The building blocks every part of a pack is written with: texts in the visitor's languages and ids. Kept apart from
// the pack format itself so the mechanics, which each own the format of their steps, can use them without the pack
// format (which is built from the mechanics) being their dependency.
import { z } from 'zod';
import { codedError } from './messages/coded.ts';

/** Locales every visitor-facing text must have. */
export const REQUIRED_LOCALES = ['zh-CN', 'en'] as const;
/** Locales a pack may add; a missing one falls back to English. */
export const OPTIONAL_LOCALES = ['ja', 'ko', 'ru'] as const;
export const LOCALES = [...REQUIRED_LOCALES, ...OPTIONAL_LOCALES] as const;
export type Locale = (typeof LOCALES)[number];
export const Locale = z.enum(LOCALES);

const nonEmpty = z.string().trim().min(1, { error: codedError('schema.not-empty') });

const localizedTextShape_ = {
  'zh-CN': nonEmpty.describe('Chinese (simplified). Required.'),
  en: nonEmpty.describe('English. Required; also shown when a visitor chose a language this text does not have.'),
  ja: nonEmpty.describe('Japanese (only if the pack lists ja under locales).').optional(),
  ko: nonEmpty.describe('Korean (only if the pack lists ko under locales).').optional(),
  ru: nonEmpty.describe('Russian (only if the pack lists ru under locales).').optional(),
};
const LOCALIZED_TEXT_HELP = 'A text visitors see, in each language: { zh-CN: …, en: … }. Write Chinese text on one line.';

export const localizedTextShape = localizedTextShape_;

/** The simpler words a child sees; a text without them shows the general one. */
export const ChildText = z
  .strictObject(localizedTextShape_)
  .describe('Optional: the same text in simpler words for children, { zh-CN: …, en: … }. Without it children see the general text.');

export const LocalizedText = z.strictObject({ ...localizedTextShape_, child: ChildText.optional() }).describe(LOCALIZED_TEXT_HELP);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Ids are used in URLs, records and (later) xAPI activity IRIs, so keep them to URL-safe kebab-case. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: codedError('schema.kebab-case') })
  .max(64, { error: codedError('schema.max-chars', { max: 64 }) });

export type Id = z.infer<typeof Id>;

/** The id of one of the pack's sources (pack.yaml sources:). */
export const SourceRef = Id;

/** Who a text is for: children see a text's `child` version where it has one. */
export const AUDIENCES = ['general', 'child'] as const;
export type Audience = (typeof AUDIENCES)[number];
