import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the real kiosk-server serving the
// built app. Each worker starts its own server with a fresh SQLite file (test/fixtures.ts), on RUYI_E2E_PORT + 100 +
// its index, so several runs can share a machine. Software WebGL is slow: generous timeouts.
export default defineConfig({
  testDir: 'test',
  workers: Number(process.env.RUYI_E2E_WORKERS ?? 2),
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  use: {
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
});
