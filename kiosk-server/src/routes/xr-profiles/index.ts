// GET /xr-profiles/*: the WebXR controller and hand profiles (JSON layouts and GLB models) from
// @webxr-input-profiles/assets, served by the park's own machine. @react-three/xr fetches a controller's profile
// before it registers any input from it; its default source is a CDN, which a park kiosk cannot reach, so without
// this route no controller works in VR (STACK.md trap 8). The app points `baseAssetPath` here.
//
// Only the profiles of the headsets a park uses (Meta Quest 2/3/Pro, PICO 4/4 Ultra/Neo 3) and the generic fallbacks
// are served, and profilesList.json is cut down to them: a headset the list does not know falls through to its
// generic fallback id (or @react-three/xr's default, generic-trigger) instead of asking for a profile this server
// refuses.
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { errorBody } from '../../errors.ts';

/** Where the app finds the profiles (its `baseAssetPath`); app.ts registers this plugin with it as prefix. */
export const XR_PROFILES_PREFIX = '/xr-profiles';

/**
 * Profile ids a browser may ask for. Quest 3/3S report meta-quest-touch-plus (newer firmware -v2), Quest Pro
 * meta-quest-touch-pro, Quest 2 oculus-touch-v3, PICO pico-4/pico-4u/pico-neo3; tracked hands use generic-hand (the
 * hand model) whatever they report; the generic-trigger-* ids are the fallbacks every controller lists last.
 */
export const XR_PROFILE_IDS = [
  'meta-quest-touch-plus',
  'meta-quest-touch-plus-v2',
  'meta-quest-touch-pro',
  'oculus-touch-v2',
  'oculus-touch-v3',
  'pico-4',
  'pico-4u',
  'pico-neo3',
  'generic-trigger',
  'generic-trigger-squeeze',
  'generic-trigger-squeeze-thumbstick',
  'generic-trigger-squeeze-touchpad',
  'generic-trigger-squeeze-touchpad-thumbstick',
  'generic-hand',
] as const;

/** The files a profile folder holds: its layout and one model per hand (`none` for a handless controller). */
const PROFILE_FILE = /^(?:profile\.json|(?:left|right|none)\.glb)$/;

/** The same package version always has the same files; a month's caching saves the 27 MB on every headset start. */
const CACHE = 'public, max-age=2592000';

export function profilesDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist', 'profiles');
}

/** `/meta-quest-touch-plus/left.glb` (the path below the prefix) is served only for an allowed profile and file. */
export function isAllowedProfilePath(path: string): boolean {
  const parts = path.replace(/^\/+/, '').split('/');
  if (parts.length !== 2) return false;
  const [id = '', file = ''] = parts;
  return (XR_PROFILE_IDS as readonly string[]).includes(id) && PROFILE_FILE.test(file);
}

/** profilesList.json with only the allowed profiles. */
export function filteredProfilesList(dir: string): Record<string, unknown> {
  const all = JSON.parse(readFileSync(join(dir, 'profilesList.json'), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter(([id]) => (XR_PROFILE_IDS as readonly string[]).includes(id)));
}

const xrProfiles: FastifyPluginAsync = async (app) => {
  const root = profilesDir();
  const list = JSON.stringify(filteredProfilesList(root));
  // Registered before the static files: a plain route wins over the wildcard.
  app.get('/profilesList.json', async (_request, reply) =>
    reply.header('cache-control', CACHE).type('application/json; charset=utf-8').send(list),
  );
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // The kiosk app's own @fastify/static decorates the reply; a second instance must not.
    decorateReply: false,
    index: false,
    list: false,
    cacheControl: false,
    setHeaders(res) {
      res.setHeader('cache-control', CACHE);
    },
    allowedPath: (pathName) => isAllowedProfilePath(decodeURIComponent(pathName)),
  });
  // Anything else under the prefix is a missing file, never the app's index.html (the SPA fallback would answer a
  // folder-like path with HTML, which a profile loader reports as a JSON parse error).
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(404, `no XR profile file ${request.url.split('?')[0]}`)));
};

export default xrProfiles;
