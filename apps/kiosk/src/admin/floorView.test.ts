import { describe, expect, it } from 'vitest';
import { formatSize } from './floorView.ts';

describe('formatSize', () => {
  it('says GiB from one GiB up, MiB (rounded down, never up to the floor) below', () => {
    expect(formatSize(1024 ** 3, 'en')).toBe('1 GiB');
    expect(formatSize(79.14 * 1024 ** 3, 'en')).toBe('79.1 GiB');
    expect(formatSize(1024 ** 3 - 1, 'en')).toBe('1,023 MiB');
    expect(formatSize(200 * 1024 ** 2, 'zh-CN')).toBe('200 MiB');
  });
});
