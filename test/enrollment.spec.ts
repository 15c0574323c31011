// Kiosks on the park LAN must be enrolled before their statements are taken. This spec's own server exempts no
// address (RUYI_ENROLLMENT_EXEMPT=none), so the browser here stands for a kiosk elsewhere on the LAN. Staff create a
// code at /admin; the kiosk opens the QR code's address and its statements — those made before it was enrolled too —
// are stored. After staff revoke it, the kiosk shows the staff notice and keeps its statements until it is enrolled
// again by typing a code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, extraPort, test, watchErrors } from './fixtures.ts';
import { statementsOnDevice } from './device-storage.ts';
import { startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(31);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'park staff only 2026';
const LABEL = '东门 1 号机';
let server: ServerHandle | undefined;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-enrollment-e2e-'));
  server = await startServer({ port: PORT, dataDir: join(root, 'data'), password: PASSWORD, env: { RUYI_ENROLLMENT_EXEMPT: 'none' } });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Visit starts stored by this spec's server. */
function storedVisitStarts(): number {
  const db = new Database(server!.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT COUNT(*) FROM statements WHERE kind = 'visit-start'").pluck().get() as number;
  } finally {
    db.close();
  }
}

/** How many statements wait in the kiosk's outbox. */
const queued = async (page: Page) => (await statementsOnDevice(page)).length;

/**
 * A kiosk: its own browser context (its own localStorage and IndexedDB). The 401s the server answers while it is not
 * enrolled are logged by the browser as failed loads; every other console error or CSP violation fails the test.
 */
async function openKiosk(browser: Browser) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'zh-CN', viewport: { width: 1920, height: 1080 }, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  await watchErrors(page, errors, { ignore: /status of 401/ });
  return { context, page, errors };
}

/** Starts a visit on the attract screen: the app records its visit-start statement and posts it. */
async function startVisit(page: Page) {
  await page.goto('/');
  // A page load goes on with a visit under way (the kiosk keeps it across reloads): that visitor ends it first.
  const start = page.getByRole('button', { name: '轻触屏幕开始体验' });
  const end = page.getByRole('button', { name: '结束体验' });
  await expect(start.or(end)).toBeVisible();
  const post = () => page.waitForResponse((r) => r.url().endsWith('/api/statements') && r.request().method() === 'POST');
  if (await end.isVisible()) {
    const ended = post();
    await end.click();
    await expect(start).toBeVisible();
    await ended;
  }
  const posted = post();
  await start.click();
  return posted;
}

async function staffDevices(page: Page) {
  await page.goto(`${BASE}/admin`);
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const devices = page.getByRole('region', { name: '设备', exact: true });
  await expect(devices).toBeVisible();
  return devices;
}

async function createCode(devices: ReturnType<Page['getByRole']>, previous?: string) {
  await devices.getByLabel('设备名称').fill(LABEL);
  await devices.getByRole('button', { name: '生成登记码' }).click();
  const code = devices.locator('.devices-code-text');
  // The new code, not the one shown before it (already used).
  if (previous) await expect(code).not.toHaveText(previous);
  await expect(code).toHaveText(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  return (await code.textContent())!;
}

test('a kiosk enrolled by QR address sends what it kept; revoked, it keeps new statements until enrolled again by typed code', async ({ page, browser }) => {
  const kiosk = await openKiosk(browser);
  const k = kiosk.page;

  // 1. Not enrolled: the first visit's statement is refused with 401, kept on the kiosk, and staff are told.
  const refused = await startVisit(k);
  expect(refused.status()).toBe(401);
  // The not-enrolled notice (the staff badge, another complementary region, may show the waiting statements too).
  const notice = k.getByRole('complementary', { name: '登记本设备' });
  await expect(notice).toContainText('本设备尚未登记');
  await expect(notice.getByRole('link', { name: '登记本设备' })).toBeVisible();
  await expect.poll(() => queued(k)).toBeGreaterThan(0);
  expect(storedVisitStarts()).toBe(0);
  await expectNoA11yViolations(k, 'kiosk map with the not-enrolled notice');

  // 2. Staff create a code: shown large, as a QR code of the enrollment address, with its countdown.
  const devices = await staffDevices(page);
  const code = await createCode(devices);
  const url = `${BASE}/enroll?code=${code}`;
  await expect(devices.getByRole('img', { name: `登记地址 ${url} 的二维码` })).toBeVisible();
  await expect(devices.getByRole('timer')).toContainText(/还可使用 (9 分|10 分 0 秒)/);
  await expect(devices.locator('code')).toHaveText(url);
  // Opened as 127.0.0.1 here: the page warns that other devices cannot use that address.
  await expect(devices.getByRole('note')).toContainText('127.0.0.1');
  await expect(devices).toContainText('尚无已登记的设备');
  await expectNoA11yViolations(page, 'admin devices (code shown)');

  // 3. The kiosk opens the QR code's address: enrolled, it sends the statement it kept, then shows the start screen.
  await k.goto(url);
  await expect(k.getByRole('status').filter({ hasText: `本设备已登记为“${LABEL}”` })).toBeVisible();
  await expectNoA11yViolations(k, 'enrollment done');
  await expect.poll(storedVisitStarts).toBe(1);
  await expect.poll(() => queued(k)).toBe(0);
  await expect(k).toHaveURL(`${BASE}/`);
  await expect(notice).toHaveCount(0);
  const token = await k.evaluate(() => localStorage.getItem('ruyi.device-token'));
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // A visit now goes straight through.
  expect((await startVisit(k)).status()).toBe(200);
  await expect.poll(storedVisitStarts).toBe(2);

  // The code was used: the staff's list shows the device (it refreshes by itself while a code is shown).
  const row = devices.getByRole('row', { name: new RegExp(LABEL) });
  await expect(row).toContainText('有效');

  // 4. Staff revoke it (asked first; cancel is the default).
  await row.getByRole('button', { name: `撤销 ${LABEL}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`撤销“${LABEL}”？`);
  await expectNoA11yViolations(page, 'admin devices (revoke dialog)');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(devices.getByRole('status')).toHaveText(`已撤销“${LABEL}”。`);
  await expect(row).toContainText('已撤销');
  await expect(row.getByRole('button')).toHaveCount(0);

  // 5. The revoked kiosk: its next visit is refused, kept, and the notice is back.
  const again = await startVisit(k);
  expect(again.status()).toBe(401);
  await expect(notice).toContainText('本设备尚未登记');
  await expect.poll(() => queued(k)).toBeGreaterThan(0);
  expect(storedVisitStarts()).toBe(2);

  // 6. Enrolled again by typing a code (a device without a camera): a wrong code is explained, a right one works.
  const second = await createCode(devices, code);
  await k.getByRole('link', { name: '登记本设备' }).click();
  await expect(k.getByRole('heading', { name: '登记本设备' })).toBeVisible();
  const input = k.getByLabel('登记码');
  await input.fill('ABCD-EFGH');
  await input.press('Enter');
  await expect(k.getByRole('alert')).toContainText('登记码无效');
  await expectNoA11yViolations(k, 'enrollment screen (wrong code)');
  await input.fill(second.toLowerCase().replace('-', ''));
  await k.getByRole('button', { name: '登记', exact: true }).click();
  await expect(k.getByRole('status').filter({ hasText: `本设备已登记为“${LABEL}”` })).toBeVisible();
  await expect.poll(storedVisitStarts).toBe(3);
  await expect.poll(() => queued(k)).toBe(0);
  await k.getByRole('button', { name: '前往首页' }).click();
  await expect(k.getByRole('button', { name: '轻触屏幕开始体验' })).toBeVisible();

  expect(kiosk.errors, 'kiosk console errors').toEqual([]);
  await kiosk.context.close();
});

test('the enrollment screen explains an unknown code and works by keyboard alone', async ({ browser }) => {
  const kiosk = await openKiosk(browser);
  const page = kiosk.page;
  await page.goto('/enroll');
  // The screen's code loads after the app's first screen: check it once it is there, not its loading message.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page, 'enrollment screen');
  // A code that was never issued, typed and sent with the keyboard only.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('登记码')).toBeFocused();
  await page.keyboard.type('2345-6789');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('登记码无效');
  await expect(page.getByLabel('登记码')).toBeFocused();
  expect(kiosk.errors, 'kiosk console errors').toEqual([]);
  await kiosk.context.close();
});
