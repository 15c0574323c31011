import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [react(), noXrEmulator],
  resolve: { dedupe: ['three', 'react', 'react-dom', '@react-three/fiber'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // three and R3F change rarely: a separate chunk stays cached across app updates.
        advancedChunks: { groups: [{ name: 'three', test: /node_modules[\\/](three|@react-three)[\\/]/ }] },
      },
    },
  },
  // RUYI_API_PORT: a dev server next to a kiosk-server on another port than 8080 (several developers on one machine).
  // /xr-profiles: the VR view's controller and hand profiles, served by the kiosk-server too.
  server: {
    proxy: Object.fromEntries(['/api', '/xr-profiles'].map((path) => [path, `http://127.0.0.1:${process.env.RUYI_API_PORT ?? 8080}`])),
  },
});
