// The kiosk's service worker (vite-plugin-pwa's generateSW: Workbox, built with the app). It keeps a kiosk showing the
// park while its kiosk-server is down or restarting:
// - the app shell (index.html, every JS and CSS chunk, the Noto Sans SC font subsets) is precached at install, so a
//   navigation never reaches the browser's error page: every page of the app is answered with the cached index.html;
// - the content and the kiosk settings are network-first with a short timeout: fresh whenever the server answers,
//   the last copy when it does not;
// - pack assets: a `?v=<version>` URL never changes (cache-first); a plain one may change with a new pack version, so
//   it is network-first like the content (a revalidation answered 304 is cheap on the park's LAN);
// - XR controller profiles only change with the app's dependencies: cache-first.
// Nothing else is handled by the worker: POSTs, /api/admin*, the admin page's data, the content event stream, the
// statements and /xapi/ always go to the network (Workbox routes match GET only, and only the URLs below).
// A new version waits until the app activates it between two visits (registerType 'prompt'; see register.ts).
// The matchers are copied into the worker as source text: they must not use anything from this module.
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** Seconds the worker waits for the server before it answers from its cache. */
const NETWORK_TIMEOUT_SECONDS = 4;

export const CACHE_NAMES = {
  content: 'ruyi-content',
  packAssets: 'ruyi-pack-assets',
  versionedPackAssets: 'ruyi-pack-assets-versioned',
  xrProfiles: 'ruyi-xr-profiles',
} as const;

export const kioskServiceWorker: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  filename: 'sw.js',
  registerType: 'prompt',
  // registered by the app itself (offline/register.ts), which decides when a new version may take over
  injectRegister: false,
  manifest: false,
  // `npm run dev` runs without a worker: nothing cached can hide a change being made.
  devOptions: { enabled: false },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,woff2}'],
    // The statistics dashboard (its charts library is ~190 KB gzip) is a staff page that needs the server anyway: no
    // kiosk should download it when its worker installs.
    globIgnores: ['**/DashboardScreen-*'],
    // The three.js chunk is over Workbox's default 2 MiB.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Hashed file names already change with their content.
    dontCacheBustURLsMatching: /^assets\//,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    cleanupOutdatedCaches: true,
    // The first page that installs the worker is controlled at once, so what it loads next is cached too.
    clientsClaim: true,
    skipWaiting: false,
    navigateFallback: 'index.html',
    // The API docs, the xAPI endpoint and files the server serves itself are never the app.
    navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/xapi(\/|$)/, /^\/xr-profiles(\/|$)/],
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname === '/api/content' || url.pathname === '/api/kiosk/config'),
        handler: 'NetworkFirst',
        method: 'GET',
        options: {
          cacheName: CACHE_NAMES.content,
          networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/packs\/[^/]+\/assets\//.test(url.pathname) && url.searchParams.has('v'),
        handler: 'CacheFirst',
        method: 'GET',
        options: {
          cacheName: CACHE_NAMES.versionedPackAssets,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 2000, purgeOnQuotaError: true },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/packs\/[^/]+\/assets\//.test(url.pathname) && !url.searchParams.has('v'),
        handler: 'NetworkFirst',
        method: 'GET',
        options: {
          cacheName: CACHE_NAMES.packAssets,
          networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 2000, purgeOnQuotaError: true },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/xr-profiles/'),
        handler: 'CacheFirst',
        method: 'GET',
        options: {
          cacheName: CACHE_NAMES.xrProfiles,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 200, purgeOnQuotaError: true },
        },
      },
    ],
  },
};
