import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the real kiosk-server serving the
// built app. Each worker starts its own server with a fresh SQLite file (test/fixtures.ts), on RUYI_E2E_PORT + 100 +
// its index, so several runs can share a machine. Software WebGL is slow: generous timeouts.
// The longest specs are started first (a project runs its files before the next project's): with the short ones last,
// the two workers finish close together instead of one playing a whole headset visit while the other waits. Their
// tests are independent (`mode: 'parallel'` in each file), so a long file is shared by both workers. The rest keep
// their files whole: several start a server of their own on a fixed port in beforeAll. A spec run on its own is in one
// of the two projects, never both.
const LONG_FIRST = [
  'vr-fire-visit',
  'layout',
  'every-scenario',
  'mechanic-timed-choice',
  'mechanic-reaction',
  'mechanic-ordered-steps',
  'mechanic-audio-recognition',
  'double-tap',
  'fire-visit',
].map((name) => `**/${name}.spec.ts`);

export default defineConfig({
  testDir: 'test',
  workers: Number(process.env.RUYI_E2E_WORKERS ?? 2),
  fullyParallel: false,
  projects: [
    { name: 'long', testMatch: LONG_FIRST },
    { name: 'e2e', testIgnore: LONG_FIRST },
  ],
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
        // The page itself is composited in software, as on a machine without a GPU; WebGL still draws through
        // SwiftShader. Compositing every page frame through SwiftShader cost the browser about 40 % more CPU for the
        // same visit (measured on the fire visit), and the suite is bound by this machine's two cores.
        '--disable-gpu-compositing',
      ],
    },
    trace: 'off',
  },
});
