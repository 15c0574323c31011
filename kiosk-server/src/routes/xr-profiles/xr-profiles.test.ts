// GET /xr-profiles/*: the controller and hand profiles the VR view loads instead of a CDN's.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';
import { isAllowedProfilePath, XR_PROFILE_IDS } from './index.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

describe('GET /xr-profiles/*', () => {
  it('serves the Quest 3 controller profile and its model with long cache headers', async () => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    const profile = await app.inject({ url: '/xr-profiles/meta-quest-touch-plus/profile.json' });
    expect(profile.statusCode).toBe(200);
    expect(profile.headers['content-type']).toContain('application/json');
    expect(profile.headers['cache-control']).toBe('public, max-age=2592000');
    expect(profile.json()).toMatchObject({ profileId: 'meta-quest-touch-plus', layouts: { left: expect.any(Object), right: expect.any(Object) } });
    const model = await app.inject({ url: '/xr-profiles/meta-quest-touch-plus/left.glb' });
    expect(model.statusCode).toBe(200);
    expect(model.rawPayload.subarray(0, 4).toString('ascii')).toBe('glTF');
    const hand = await app.inject({ url: '/xr-profiles/generic-hand/right.glb' });
    expect(hand.statusCode).toBe(200);
  });

  it('lists only the served profiles, so an unknown headset falls back to a generic one', async () => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    const res = await app.inject({ url: '/xr-profiles/profilesList.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=2592000');
    const list = res.json() as Record<string, { path: string }>;
    expect(Object.keys(list).sort()).toEqual([...XR_PROFILE_IDS].sort());
    expect(list['pico-4']).toEqual({ path: 'pico-4/profile.json' });
    // Every path the list names is served.
    for (const { path } of Object.values(list)) expect((await app.inject({ url: `/xr-profiles/${path}` })).statusCode, path).toBe(200);
  });

  it('404s a profile or file that is not on the allow-list, and never falls back to the app', async () => {
    env = createTestEnv({ builtApp: true });
    const app = await env.start();
    for (const url of [
      '/xr-profiles/htc-vive/profile.json',
      '/xr-profiles/meta-quest-touch-plus/README.md',
      '/xr-profiles/meta-quest-touch-plus/../htc-vive/profile.json',
      '/xr-profiles/%2e%2e/%2e%2e/package.json',
      '/xr-profiles/',
      '/xr-profiles/meta-quest-touch-plus/',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/json');
    }
  });
});

describe('isAllowedProfilePath', () => {
  it('takes one allowed profile folder and one of its files', () => {
    expect(isAllowedProfilePath('/pico-4u/right.glb')).toBe(true);
    expect(isAllowedProfilePath('/generic-trigger/none.glb')).toBe(true);
    expect(isAllowedProfilePath('/generic-trigger')).toBe(false);
    expect(isAllowedProfilePath('/generic-trigger/sub/left.glb')).toBe(false);
    expect(isAllowedProfilePath('/valve-index/profile.json')).toBe(false);
    expect(isAllowedProfilePath('/../generic-hand/left.glb')).toBe(false);
  });
});
