import type { Pack } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import { packAssetUrls } from './warm.ts';

const pack = (id: string, files: string[]) => ({ id, assets: files.map((file, i) => ({ id: `a${i}`, kind: 'image', file })) }) as unknown as Pack;

describe('packAssetUrls', () => {
  it('lists every asset of every pack once, as the app requests it', () => {
    expect(packAssetUrls([pack('fire', ['images/card.png', 'models/panel.glb', 'images/card.png']), pack('home', ['a b.png'])])).toEqual([
      '/api/packs/fire/assets/images/card.png',
      '/api/packs/fire/assets/models/panel.glb',
      '/api/packs/home/assets/a%20b.png',
    ]);
    expect(packAssetUrls([])).toEqual([]);
  });
});
