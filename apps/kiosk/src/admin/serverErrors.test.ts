import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { knownRefusal } from './serverErrors.ts';

const lookup = (locale: Record<string, unknown>, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], locale);

describe('admin API refusals in the staff language', () => {
  it('recognises the server wording with its params', () => {
    expect(knownRefusal("pack 'fire-x' has no previous version to roll back to (only 1.0.0 was installed)")).toEqual({
      key: 'admin.server.noPrevious',
      params: { id: 'fire-x', current: '1.0.0' },
    });
    expect(knownRefusal('too many wrong passwords from this address: try again in 42 s')).toEqual({ key: 'admin.server.locked', params: { seconds: '42' } });
    expect(knownRefusal('something new')).toBeNull();
  });

  it('has a text in both languages for every refusal it knows', () => {
    for (const message of [
      "pack 'a' is built in and has no installed versions to roll back to",
      "no installed pack 'a'",
      "pack 'a' has no previous version to roll back to (only 1 was installed)",
      'the folder of a 1.0.0 is missing; install that version again',
      "pack 'a' is built in (content/packs/a) and cannot be removed here; remove it from the content folder and restart the server",
      'too many wrong passwords from this address: try again in 3 s',
      'too many logins are being checked right now: try again in a second',
      'the session has expired or was ended: log in again',
      'body: send the .ruyipack.tgz file itself as the body, with Content-Type: application/octet-stream',
      'network error: the upload did not reach the server',
    ]) {
      const known = knownRefusal(message);
      expect(known, message).not.toBeNull();
      expect(typeof lookup(en, known!.key), known!.key).toBe('string');
      expect(lookup(zhCN, known!.key), known!.key).toMatch(/\p{Script=Han}/u);
    }
  });
});
