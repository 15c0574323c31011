import { REFUSAL_CODES, refusalDetail } from '@ruyi/api-contract';
import { coded, localizeProblem, withReason } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { knownRefusal, REFUSAL_KEYS, UPLOAD_CODES } from './serverErrors.ts';

const lookup = (locale: Record<string, unknown>, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], locale);

describe('admin API refusals in the staff language', () => {
  it('reads the code and params the server sends, never the wording', () => {
    const details = [refusalDetail('pack.no-previous', 'whatever the server says', { id: 'fire-x', current: '1.0.0' })];
    expect(knownRefusal(details)).toEqual({ key: 'admin.server.noPrevious', params: { id: 'fire-x', current: '1.0.0' } });
    expect(knownRefusal([refusalDetail('admin.locked', 'x', { seconds: 42 })])).toEqual({ key: 'admin.server.locked', params: { seconds: 42 } });
    // The English wording alone is not recognised any more.
    expect(knownRefusal([{ path: '', message: "pack 'fire-x' has no previous version to roll back to (only 1.0.0 was installed)" }])).toBeNull();
    expect(knownRefusal([{ path: '', message: 'x', code: 'something.new' }])).toBeNull();
    expect(knownRefusal(undefined)).toBeNull();
  });

  it('has a text in both languages for every code the server or this page can send', () => {
    for (const code of [...REFUSAL_CODES, ...UPLOAD_CODES]) {
      const key = REFUSAL_KEYS[code];
      expect(typeof lookup(en, key), key).toBe('string');
      expect(lookup(zhCN, key), key).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('a refused archive is not a refusal of the request', () => {
  // An upload's problems (the archive reader's, the validator's) go to the problem table, which says each from its
  // catalogue code; only the admin API's own refusals are looked up here.
  const archive = [
    { file: '(archive)', ...coded('archive.cut-short') },
    { file: '(archive)', ...coded('archive.entry-path', { ...withReason(coded('reason.entry-climbs')), path: 'pack/../x' }) },
  ].map((p) => ({ ...p, path: '' }));

  it('has no refusal code, so the page lists it instead', () => {
    expect(knownRefusal(archive)).toBeNull();
  });

  it('reads in either language from its code', () => {
    expect(archive.map((p) => localizeProblem(p, 'zh-CN'))).toEqual(['压缩包不完整：gzip 数据提前结束（可能没有下载完）', '路径“pack/../x”用“..”跳出了压缩包']);
    expect(archive.map((p) => localizeProblem(p, 'en'))).toEqual([
      'the archive is cut short: the gzip data ends too early (an incomplete download?)',
      "'pack/../x' climbs out of the archive with '..'",
    ]);
  });
});
