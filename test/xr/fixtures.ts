// Playwright fixtures for headset tests: the shared ones (console errors fail the test), plus IWER installed in the
// page before the app loads, and every request to a host other than the kiosk-server collected (the park is offline:
// controller profiles, fonts and models must all come from the kiosk-server).
import type { IwerOptions } from './iwer.ts';
import { installIwer } from './harness.ts';
import { expect, test as base } from '../fixtures.ts';

export const test = base.extend<{ iwer: IwerOptions; foreignRequests: string[] }>({
  iwer: [{ headset: 'metaQuest3', stereo: true }, { option: true }],
  page: async ({ page, iwer }, use) => {
    await installIwer(page, iwer);
    await use(page);
  },
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const home = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== home) foreign.push(`${request.method()} ${url}`);
      });
      await use(foreign);
      expect(foreign, 'requests to hosts other than the kiosk-server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
