// Which entry of a language map a reader gets (the 'canonical' format): RFC 4647 lookup over the reader's
// languages in order, then any entry, so a reader always gets some text.

/**
 * The key of `available` that best fits `wanted` (best first, e.g. from Accept-Language): an exact match
 * (case-insensitive), else one of the same language with more detail ('zh' wanted → 'zh-CN'), else the wanted tag
 * cut back subtag by subtag ('zh-Hans-CN' wanted → 'zh'); '*' takes anything. Falls back to the first key;
 * undefined only when `available` is empty.
 */
export function pickLanguage(available: readonly string[], wanted: readonly string[]): string | undefined {
  const lowered = available.map((tag) => tag.toLowerCase());
  for (const want of wanted) {
    const w = want.trim().toLowerCase();
    if (w === '*') return available[0];
    const exact = lowered.indexOf(w);
    if (exact !== -1) return available[exact];
    const more = lowered.findIndex((tag) => tag.startsWith(`${w}-`));
    if (more !== -1) return available[more];
    const parts = w.split('-');
    for (let n = parts.length - 1; n > 0; n--) {
      const shorter = lowered.indexOf(parts.slice(0, n).join('-'));
      if (shorter !== -1) return available[shorter];
    }
  }
  return available[0];
}

/** An Accept-Language header as tags, best first (q=0 dropped; ties keep header order). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
