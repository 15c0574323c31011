import { audioRecognition } from '@ruyi/mechanics/audio-recognition';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { patternWords } from './view.ts';

function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    resources: { [lng]: { translation: { mechanics: { 'audio-recognition': audioRecognition.locales[lng] } } } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t;
}

describe('patternWords', () => {
  it('says each siren signal in words, in both languages', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(patternWords(en, { onSeconds: 36, offSeconds: 24, cycles: 3 })).toBe('sound 36 s, pause 24 s, 3 times, 3 min in all');
    expect(patternWords(en, { onSeconds: 6, offSeconds: 6, cycles: 15 })).toBe('sound 6 s, pause 6 s, 15 times, 3 min in all');
    expect(patternWords(en, { onSeconds: 180, offSeconds: 0, cycles: 1 })).toBe('continuous sound for 3 min');
    expect(patternWords(en, { onSeconds: 45, offSeconds: 0, cycles: 2 })).toBe('continuous sound for 1 min 30 s');
    expect(patternWords(zh, { onSeconds: 36, offSeconds: 24, cycles: 3 })).toBe('鸣响 36 秒，停 24 秒，反复 3 次，共 3 分钟');
    expect(patternWords(zh, { onSeconds: 180, offSeconds: 0, cycles: 1 })).toBe('连续鸣响 3 分钟');
  });
});
