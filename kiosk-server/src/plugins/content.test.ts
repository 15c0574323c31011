import type { Content } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import { createContentService } from './content.ts';

const snapshot = (ids: string[]): Content =>
  ({ park: null, packs: ids.map((id) => ({ id, scenarios: [] })), problems: [], warnings: [] }) as unknown as Content;

describe('content service', () => {
  it('serves one snapshot until reloaded, then the new one, and tells listeners', () => {
    let ids = ['a'];
    const service = createContentService(() => snapshot(ids));
    const seen: string[][] = [];
    const stop = service.onChange((c) => seen.push(c.packs.map((p) => p.id)));
    expect(service.current().packs.map((p) => p.id)).toEqual(['a']);
    ids = ['a', 'b'];
    expect(service.current().packs.map((p) => p.id)).toEqual(['a']);
    service.reload();
    expect(service.current().packs.map((p) => p.id)).toEqual(['a', 'b']);
    expect(service.index().packIds).toEqual(['a', 'b']);
    stop();
    service.reload();
    expect(seen).toEqual([['a', 'b']]);
  });
});
