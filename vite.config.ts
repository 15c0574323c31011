import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./apps/kiosk', import.meta.url));

// The kiosk app. `npm run build` writes apps/kiosk/dist, which the kiosk-server serves; `npm run dev` proxies the API.
export default defineConfig({
  root,
  plugins: [react()],
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
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
