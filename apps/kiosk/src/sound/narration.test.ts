import { describe, expect, it } from 'vitest';
import { captionChunks, chooseNarration, chooseVoice, chunkAt, type VoiceInfo } from './narration.ts';

const voice = (lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({ voiceURI: `${lang}-${extra.name ?? 'v'}`, name: extra.name ?? lang, lang, localService: true, default: false, ...extra });

describe('chooseVoice', () => {
  const voices = [voice('en-US'), voice('zh-TW'), voice('zh-HK'), voice('zh-CN', { name: 'Huihui' }), voice('de-DE')];

  it('takes the mainland Mandarin voice for zh-CN, never a Cantonese or Taiwanese one', () => {
    expect(chooseVoice(voices, 'zh-CN')?.name).toBe('Huihui');
    expect(chooseVoice([voice('zh-TW'), voice('zh-HK')], 'zh-CN')).toBeNull();
  });

  it('reads the tags browsers report in other spellings', () => {
    expect(chooseVoice([voice('zh_CN', { name: 'android' })], 'zh-CN')?.name).toBe('android');
    expect(chooseVoice([voice('cmn-Hans-CN', { name: 'cmn' })], 'zh-CN')?.name).toBe('cmn');
  });

  it('takes any English for en, the exact tag first', () => {
    expect(chooseVoice([voice('en-GB', { name: 'gb' })], 'en')?.name).toBe('gb');
    expect(chooseVoice([voice('en-GB', { name: 'gb' }), voice('en', { name: 'plain' })], 'en')?.name).toBe('plain');
  });

  it('prefers a voice on the device to a network one (kiosks are often offline), then the default', () => {
    const online = voice('zh-CN', { name: 'online', localService: false, default: true });
    const local = voice('cmn-CN', { name: 'local' });
    expect(chooseVoice([online, local], 'zh-CN')?.name).toBe('local');
    expect(chooseVoice([online], 'zh-CN')?.name).toBe('online');
    expect(chooseVoice([voice('zh-CN', { name: 'a' }), voice('zh-CN', { name: 'b', default: true })], 'zh-CN')?.name).toBe('b');
  });

  it('finds nothing for a language without a voice', () => {
    expect(chooseVoice([voice('en-US')], 'zh-CN')).toBeNull();
    expect(chooseVoice([], 'en')).toBeNull();
  });
});

describe('chooseNarration', () => {
  const voices = [voice('zh-CN'), voice('en-US')];

  it('uses the pack recording first, even with a voice at hand', () => {
    expect(chooseNarration({ lang: 'zh-CN', recording: '/a.mp3', voices, speech: true })).toEqual({ kind: 'recording', src: '/a.mp3', lang: 'zh-CN' });
  });

  it('falls back to the voice of the language', () => {
    expect(chooseNarration({ lang: 'en', recording: null, voices, speech: true })).toMatchObject({ kind: 'speech', lang: 'en', voice: { lang: 'en-US' } });
  });

  it('offers nothing without a recording and a voice, or without speech synthesis', () => {
    expect(chooseNarration({ lang: 'zh-CN', voices: [voice('en-US')], speech: true })).toEqual({ kind: 'none' });
    expect(chooseNarration({ lang: 'zh-CN', voices, speech: false })).toEqual({ kind: 'none' });
  });
});

describe('captions', () => {
  it('cuts Chinese and English text at sentence ends, keeping numbers and addresses whole', () => {
    expect(captionChunks('发生了火灾。原因是电线短路！\n教训：立即报警')).toEqual(['发生了火灾。', '原因是电线短路！', '教训：立即报警']);
    expect(captionChunks('A fire broke out at 3.5 m. See www.example.org for more. Raise the alarm!')).toEqual([
      'A fire broke out at 3.5 m.',
      'See www.example.org for more.',
      'Raise the alarm!',
    ]);
    expect(captionChunks('  \n ')).toEqual([]);
  });

  it('cuts a long sentence at a comma, never longer than a caption line allows', () => {
    const long = `${'很长的一句话'.repeat(10)}，${'后面还有很多字'.repeat(10)}。`;
    const chunks = captionChunks(long);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 120)).toBe(true);
    expect(chunks.join('')).toBe(long);
  });

  it('shows each caption for its share of a recording', () => {
    const chunks = ['aaaa', 'bb', 'cccc'];
    expect(chunkAt(chunks, 0)).toBe(0);
    expect(chunkAt(chunks, 0.4)).toBe(1);
    expect(chunkAt(chunks, 0.7)).toBe(2);
    expect(chunkAt(chunks, 1)).toBe(2);
    expect(chunkAt([], 0.5)).toBe(-1);
  });
});
