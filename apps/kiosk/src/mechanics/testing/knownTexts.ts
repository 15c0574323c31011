// Whether a text a view shows comes from where visitor texts may come from: the pack (in the visitor's language) or
// the app's locale strings (interpolated). A text written into a view's code, an id shown instead of a label, or a
// string of another language is none of these. Numbers, marks and punctuation may join known texts.

/** Pack fields that hold ids, names of files or references: never shown to a visitor. */
const NOT_SHOWN = /^(id|.*Id|.*Ids|mechanic|kind|file|start|next|goto|signal|prop|props|sources|answer|area|version|schemaVersion|locales|authors|image|narration|model)$/;

const isLocalized = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['zh-CN'] === 'string' && typeof (v as Record<string, unknown>).en === 'string';

/** The texts of a pack a visitor of `locale` may see: its texts in that language (and their child versions), and plain strings that are not ids. */
export function packTexts(value: unknown, locale: string, key = ''): string[] {
  if (typeof value === 'string') return NOT_SHOWN.test(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => packTexts(v, locale, key));
  if (isLocalized(value)) {
    const child = value.child as Record<string, unknown> | undefined;
    return [value[locale], child?.[locale]].filter((s): s is string => typeof s === 'string');
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => packTexts(v, locale, k));
  return [];
}

/** Every string leaf of a locale tree. */
export function localeStrings(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (typeof tree === 'object' && tree !== null) return Object.values(tree).flatMap(localeStrings);
  return [];
}

/** Joins and decorates known texts in views: spaces, punctuation, numbers, the marks drawn as text. */
const GLUE = /[\s\p{P}\p{S}\d]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /\{\{\s*[\w.-]+(?:\s*,[^}]*)?\s*\}\}/g;

export interface KnownTexts {
  /** Null when the text is made only of known texts; otherwise the part not accounted for. */
  unknownPart(text: string): string | null;
}

export function knownTexts(strings: Iterable<string>): KnownTexts {
  const exact = new Set<string>();
  const templates: { re: RegExp; longestLiteral: string }[] = [];
  for (const raw of strings) {
    const s = raw.trim();
    if (!s) continue;
    const literals = s.split(PLACEHOLDER);
    if (literals.length === 1) {
      exact.add(s);
      continue;
    }
    // A template that is only placeholders and glue ("{{n}} / {{count}}") says nothing of its own: its parts are
    // checked as texts of their own.
    if (!literals.some((l) => [...l].some((c) => !GLUE.test(c)))) continue;
    templates.push({
      re: new RegExp(`^${literals.map(escape).join('[\\s\\S]+?')}$`, 'u'),
      longestLiteral: literals.reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), ''),
    });
  }
  const exacts = [...exact].sort((a, b) => b.length - a.length);

  return {
    unknownPart(text) {
      const t = text.replace(/\s+/g, ' ').trim();
      if (!t || exact.has(t)) return null;
      // Which positions can be reached by gluing known pieces together from the start (dynamic programming: a
      // regular expression of alternatives would backtrack exponentially on a miss).
      const candidates = exacts.filter((e) => t.includes(e));
      const shapes = templates.filter((tp) => t.includes(tp.longestLiteral));
      const reach = new Array<boolean>(t.length + 1).fill(false);
      reach[0] = true;
      let furthest = 0;
      for (let i = 0; i < t.length; i++) {
        if (!reach[i]) continue;
        furthest = Math.max(furthest, i);
        if (GLUE.test(t[i]!)) reach[i + 1] = true;
        for (const e of candidates) if (t.startsWith(e, i)) reach[i + e.length] = true;
        for (const { re } of shapes) for (let j = t.length; j > i; j--) if (!reach[j] && re.test(t.slice(i, j))) reach[j] = true;
      }
      if (reach[t.length]) return null;
      for (let i = t.length; i >= 0; i--)
        if (reach[i]) {
          furthest = i;
          break;
        }
      return t.slice(furthest);
    },
  };
}
