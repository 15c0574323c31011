// The two text functions the step views take, so they stay pure (tests pass stand-ins; components pass i18next's t and
// useLocalize's l).
import type { LocalizedText } from '@ruyi/pack-schema';

/** An app string (locales/*.json) in the visitor's language. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
/** Pack text in the visitor's language. */
export type Localize = (text: LocalizedText) => string;
