import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'object' && v ? values(v) : [v as string]));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('kiosk strings', () => {
  it('exist in zh-CN and en with the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('are never empty, and each translation uses the same placeholders', () => {
    for (const v of [...values(en), ...values(zhCN)]) expect(v.trim()).not.toBe('');
    const get = (obj: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const key of keys(en)) expect(placeholders(get(zhCN, key)), key).toEqual(placeholders(get(en, key)));
  });
});
