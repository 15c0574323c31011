import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { kioskServiceWorker } from './apps/kiosk/src/offline/sw-config.ts';

const root = fileURLToPath(new URL('./apps/kiosk', import.meta.url));

// @react-three/xr can start IWER's headset emulator itself (a dynamic import of the emulator and its rooms, ~5 MB). The
// kiosk never emulates (createXRStore gets `emulate: false`; tests install IWER themselves), so that import resolves to
// a stub and none of IWER is built into the kiosk app.
const noXrEmulator: Plugin = {
  name: 'ruyi-no-xr-emulator',
  enforce: 'pre',
  resolveId: (source, importer) => (source === './emulate.js' && importer && /[\\/]@pmndrs[\\/]xr[\\/]/.test(importer) ? '\0ruyi-no-xr-emulator' : null),
  load: (id) => (id === '\0ruyi-no-xr-emulator' ? 'export function emulate() { throw new Error("Ruyi: the kiosk app never emulates a headset"); }' : null),
};

// The kiosk app. `npm run build` writes apps/kiosk/dist, which the kiosk-server serves; `npm run dev` proxies the API.
export default defineConfig({
  root,
  plugins: [react(), noXrEmulator, VitePWA(kioskServiceWorker)],
  // The app's version for its heartbeat (apps/kiosk/src/fleet/appVersion.ts): staff see which build each device runs.
  define: { __RUYI_APP_VERSION__: JSON.stringify((JSON.parse(readFileSync(new URL('./apps/kiosk/package.json', import.meta.url), 'utf8')) as { version: string }).version) },
  resolve: { dedupe: ['three', 'react', 'react-dom', '@react-three/fiber'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The app imports one small helper from the module of @ruyi/pack-schema that reads YAML (the server's side):
      // the yaml package, unmarked, would stay in the bundle for its supposed side effects. It has none the app needs.
      treeshake: { moduleSideEffects: (id) => (/[\\/]node_modules[\\/]yaml[\\/]/.test(id) ? false : undefined) },
      output: {
        // three and R3F change rarely: a separate chunk stays cached across app updates. Only the 3D views import it
        // (dynamic imports: scene/LazyScene.tsx, xr/LazyVrPlayView.tsx), so the first screen loads without it. A group
        // takes its modules' dependencies with it: React, zustand and Vite's preload helper (the XR kit's own dynamic
        // imports use it), which the first screen needs too, are claimed first by their own group (the first group
        // listed wins), or the entry would import them from the three chunk.
        advancedChunks: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand|use-sync-external-store)[\\/]|vite[\\/]preload-helper/ },
            { name: 'three', test: /node_modules[\\/](three|@react-three)[\\/]/ },
            // No group for zod: the first screen makes no schema (the modules that do are loaded later: api/schemas.ts,
            // stores/recording.ts, the play), so zod stays out of it, and no-eval.ts, first in the entry, tells zod not to
            // probe for eval (a policy violation here) before any of those chunks runs.
          ],
        },
      },
    },
  },
  // RUYI_API_PORT: a dev server next to a kiosk-server on another port than 8080 (several developers on one machine).
  // /xr-profiles: the VR view's controller and hand profiles, served by the kiosk-server too.
  server: {
    proxy: Object.fromEntries(['/api', '/xr-profiles'].map((path) => [path, `http://127.0.0.1:${process.env.RUYI_API_PORT ?? 8080}`])),
  },
});
