// The string formats xAPI statements use (Data part, section 4): UUIDs, IRIs, language tags, timestamps,
// durations, hashes. Each check is as strict as the spec's MUSTs and no stricter, because the conformance suites
// send both sides of every rule (e.g. 'de-CH-1901' must pass, 'de-419-DE' must fail).

/** Any version and variant, either case: the spec asks for "standard string form", nothing more. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/**
 * An absolute IRI: a scheme (RFC 3986: a letter, then letters, digits, '+', '-', '.'), a colon and a rest without
 * whitespace. A full RFC 3987 parse would reject IRIs other LRSs accept; the spec allows best effort (Data 2.2.s4.b6).
 */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f\u007f]+$/u;
export const isIri = (s: string): boolean => IRI.test(s);

const MAILTO = /^mailto:[^\s@]+@[^\s@]+$/i;
export const isMailtoIri = (s: string): boolean => MAILTO.test(s);

export const isSha1Hex = (s: string): boolean => /^[0-9a-f]{40}$/i.test(s);
/** SHA-224, -256, -384 or -512, hex (the attachment's `sha2`). */
export const isSha2Hex = (s: string): boolean => /^(?:[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i.test(s);

/** RFC 6838 type/subtype with optional parameters, e.g. 'text/plain; charset=ascii'. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;.*)?$/is;
export const isMediaType = (s: string): boolean => MEDIA_TYPE.test(s);

// RFC 5646 section 2.1 ABNF, case-insensitive; less one thing: a 4-letter primary language subtag, which the ABNF
// allows but section 2.2.1 reserves (no tag may use one). The ADL conformance suite sends {"test": …} as a language
// map and expects 400.
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{5,8})';
const SCRIPT = '(?:-[a-z]{4})';
const REGION = '(?:-(?:[a-z]{2}|[0-9]{3}))';
const VARIANT = '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))';
const EXTENSION = '(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)';
const PRIVATE_USE = '(?:x(?:-[a-z0-9]{1,8})+)';
const LANGTAG = new RegExp(`^(?:${LANGUAGE}${SCRIPT}?${REGION}?${VARIANT}*${EXTENSION}*(?:-${PRIVATE_USE})?|${PRIVATE_USE})$`, 'i');
const GRANDFATHERED = new Set(
  [
    'en-GB-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo',
    'i-pwn', 'i-tao', 'i-tay', 'i-tsu', 'sgn-BE-FR', 'sgn-BE-NL', 'sgn-CH-DE', 'art-lojban', 'cel-gaulish', 'no-bok',
    'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
  ].map((tag) => tag.toLowerCase()),
);

/** Well-formed per RFC 5646 (not checked against the IANA registry), including its two rules the grammar cannot say. */
export function isLanguageTag(tag: string): boolean {
  const lower = tag.toLowerCase();
  if (GRANDFATHERED.has(lower)) return true;
  if (!LANGTAG.test(lower)) return false;
  // Section 2.2.6 and 2.2.5: an extension singleton and a variant each appear at most once (before private use).
  const subtags = lower.split('-');
  const end = subtags.indexOf('x') === -1 ? subtags.length : subtags.indexOf('x');
  const seen = new Set<string>();
  for (let i = 1; i < end; i++) {
    const subtag = subtags[i] as string;
    const isSingleton = subtag.length === 1;
    const isVariant = subtag.length >= 5 || (subtag.length === 4 && /^[0-9]/.test(subtag));
    if (!isSingleton && !isVariant) continue;
    if (seen.has(subtag)) return false;
    seen.add(subtag);
    // Subtags after a singleton belong to its extension; they may repeat across extensions.
    if (isSingleton) while (i + 1 < end && (subtags[i + 1] as string).length > 1) i++;
  }
  return true;
}

// ISO 8601 durations, format of ISO 8601:2004 4.4.3.2 (e.g. PT4H35M59.14S, P3Y, P4W); not the alternative format,
// and weeks stand alone ('P4W1D' is not valid, Data 4.6).
const NUMBER = '\\d+(?:[.,]\\d+)?';
const DURATION = new RegExp(
  `^P(?:${NUMBER}W|(?=.)(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}D)?(?:T(?=.)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?)$`,
);
export const isDuration = (s: string): boolean => DURATION.test(s);

const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?:\d{2})?)$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time with a time zone (extended or basic format), digits past
 * the millisecond truncated; null when it is not one. A time without a zone is refused: it names no instant, and
 * '-00:00' (RFC 3339's "offset unknown") is refused for the same reason.
 */
export function parseTimestamp(s: string): number | null {
  const m = EXTENDED.exec(s) ?? BASIC.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as number[] as [
    number, number, number, number, number, number,
  ];
  const fraction = m[7] ?? '';
  const zone = m[8] as string;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = hours * 60 + minutes;
    if (offsetMinutes === 0 && zone.startsWith('-')) return null;
    if (zone.startsWith('-')) offsetMinutes = -offsetMinutes;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  return date.getTime() - offsetMinutes * 60_000;
}

export const isTimestamp = (s: string): boolean => parseTimestamp(s) !== null;

/** X-Experience-API-Version and a statement's `version`: 1.0 or 1.0.x (Communication 3.3, Data 2.4.10). */
export const isVersion10 = (s: string): boolean => /^1\.0(?:\.\d+)?$/.test(s);
