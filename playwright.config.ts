import { defineConfig } from '@playwright/test';

// RUYI_E2E_PORT lets several runs share a machine; each gets its own server and data folder.
export const PORT = Number(process.env.RUYI_E2E_PORT ?? 18765);
export const E2E_DATA_DIR = `.e2e-data/${PORT}`;

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the real kiosk-server serving the
// built app, with a fresh SQLite file each run. Software WebGL is slow, so one worker and generous timeouts.
export default defineConfig({
  testDir: 'test',
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    locale: 'zh-CN',
    // The kiosk's service worker answers the page's requests itself once it controls the page, and page.route() does
    // not see what a worker fetches: specs that replace answers need the page's own requests. offline.spec.ts allows
    // the worker (RUYI_E2E_SERVICE_WORKERS=allow runs every spec with it).
    serviceWorkers: process.env.RUYI_E2E_SERVICE_WORKERS === 'allow' ? 'allow' : 'block',
    launchOptions: {
      executablePath: process.env.RUYI_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node --import tsx kiosk-server/src/server.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), HOST: '127.0.0.1', RUYI_DATA_DIR: E2E_DATA_DIR, RUYI_LOG_LEVEL: 'warn' },
  },
});
