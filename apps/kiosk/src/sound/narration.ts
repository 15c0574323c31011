// Which reading a text gets, decided without a browser: the pack's recording when it has one in the visitor's
// language, else a speech-synthesis voice of that language, else none (the text stays on screen and no button offers
// what cannot be heard). A voice of another language is never used: a Chinese text read by an English voice is noise.

/** What the decision needs of a speech-synthesis voice (SpeechSynthesisVoice has these). */
export interface VoiceInfo {
  voiceURI: string;
  name: string;
  lang: string;
  /** On the device, so it works offline (a park kiosk often is). */
  localService: boolean;
  default: boolean;
}

export type NarrationSource =
  | { kind: 'recording'; src: string; lang: string }
  | { kind: 'speech'; voice: VoiceInfo; lang: string }
  | { kind: 'none' };

/** BCP 47 tags as browsers report them vary (`zh_CN` on some Android builds, `cmn-Hans-CN` on others). */
const normal = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

/**
 * The tags that speak a language, best first. Mainland Mandarin only for zh-CN: a Cantonese (zh-HK) or Taiwanese
 * (zh-TW) voice reads the characters in another way than the visitor learns them.
 */
function tagsFor(lang: string): { exact: string[]; prefix: string | null } {
  const l = normal(lang);
  if (l === 'zh-cn' || l === 'zh' || l === 'zh-hans') return { exact: ['zh-cn', 'cmn-hans-cn', 'zh-hans-cn', 'cmn-cn', 'zh-hans', 'zh'], prefix: null };
  const base = l.split('-')[0]!;
  return { exact: [l], prefix: base };
}

/** Ranks a voice for `lang` (lower is better), or null when it does not speak it. */
function rank(voice: VoiceInfo, lang: string): number | null {
  const tag = normal(voice.lang);
  const { exact, prefix } = tagsFor(lang);
  const i = exact.indexOf(tag);
  let r: number;
  if (i >= 0) r = i;
  else if (prefix && (tag === prefix || tag.startsWith(`${prefix}-`))) r = exact.length;
  else return null;
  // A voice on the device beats a better-matching one that needs the network; the browser's default breaks ties.
  return r + (voice.localService ? 0 : 100) + (voice.default ? 0 : 0.5);
}

/** The best voice for `lang` among `voices`, or null when none speaks it. */
export function chooseVoice(voices: readonly VoiceInfo[], lang: string): VoiceInfo | null {
  let best: VoiceInfo | null = null;
  let bestRank = Infinity;
  for (const v of voices) {
    const r = rank(v, lang);
    if (r !== null && r < bestRank) {
      best = v;
      bestRank = r;
    }
  }
  return best;
}

/** The source for a text in `lang`: its recording (already in that language), else a voice, else none. */
export function chooseNarration(input: { lang: string; recording?: string | null; voices: readonly VoiceInfo[]; speech: boolean }): NarrationSource {
  if (input.recording) return { kind: 'recording', src: input.recording, lang: input.lang };
  if (!input.speech) return { kind: 'none' };
  const voice = chooseVoice(input.voices, input.lang);
  return voice ? { kind: 'speech', voice, lang: input.lang } : { kind: 'none' };
}

/** Longest caption (and spoken piece): a line or two on screen; some engines also stop long utterances half-way. */
const MAX_CHUNK = 120;

/**
 * The text as captions, in reading order: one per sentence (Chinese and Western sentence ends), long ones cut at a
 * comma or, failing that, at the length limit. Each is also spoken as one utterance, so the caption is what is heard.
 */
export function captionChunks(text: string): string[] {
  const sentences = text
    .split(/\n+/)
    // After a Chinese sentence end, or a Western one followed by a space (so 3.5 or e.g. a URL stays whole).
    .flatMap((line) => line.split(/(?<=[。！？；])|(?<=[.!?;])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const out: string[] = [];
  for (const sentence of sentences) {
    let rest = sentence;
    while (rest.length > MAX_CHUNK) {
      const window = rest.slice(0, MAX_CHUNK);
      const cut = Math.max(window.lastIndexOf('，'), window.lastIndexOf(', '), window.lastIndexOf('、'), window.lastIndexOf(' '));
      const at = cut > MAX_CHUNK / 3 ? cut + 1 : MAX_CHUNK;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest) out.push(rest);
  }
  return out;
}

/**
 * The caption showing at `fraction` (0–1) of a recording: recordings come with no timings, so each caption holds the
 * share of the time its share of the text takes to read.
 */
export function chunkAt(chunks: readonly string[], fraction: number): number {
  if (chunks.length === 0) return -1;
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const target = Math.min(1, Math.max(0, fraction)) * total;
  let sum = 0;
  for (let i = 0; i < chunks.length; i++) {
    sum += chunks[i]!.length;
    if (target < sum) return i;
  }
  return chunks.length - 1;
}
