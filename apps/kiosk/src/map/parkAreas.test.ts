import { describe, expect, it } from 'vitest';
import { parkAreas } from './parkAreas.ts';

const text = (en: string) => ({ 'zh-CN': en, en });
const area = (id: string) => ({ id, name: text(id), description: text(`${id} description`) });

describe('parkAreas', () => {
  it('keeps the park order, gathers each area\'s scenarios pack by pack, and closes areas no pack serves', () => {
    const packs = [
      { id: 'b', area: 'fire', scenarios: [{ id: 'b1' }] },
      { id: 'a', area: 'traffic', scenarios: [{ id: 'a1' }, { id: 'a2' }] },
      { id: 'c', area: 'fire', scenarios: [{ id: 'c1' }] },
      { id: 'x', area: 'not-in-park', scenarios: [{ id: 'x1' }] },
    ];
    const entries = parkAreas([area('traffic'), area('fire'), area('home')], packs);
    expect(entries.map((e) => [e.area.id, e.open, e.scenarios.map((s) => `${s.pack.id}/${s.scenario.id}`)])).toEqual([
      ['traffic', true, ['a/a1', 'a/a2']],
      ['fire', true, ['b/b1', 'c/c1']],
      ['home', false, []],
    ]);
  });
});
