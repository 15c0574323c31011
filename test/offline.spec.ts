// The offline-first kiosk: once its service worker is installed, a kiosk whose server is down or restarting shows the
// park from its caches (never the browser's error page), records into its outbox and tells staff so in a corner; when
// the server is back the statements arrive once and the notice goes. Content installed while a kiosk is open reaches
// it within a minute. Each test has its own server (same port, fresh data folder), stopped and started for real.
import { test, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statementsOnDevice } from './device-storage.ts';
import { extraPort, loadFirePack, watchErrors } from './fixtures.ts';
import { archiveWithTitle } from './pack-copies.ts';
import { button, words } from './play/words.ts';
import { startServer, type ServerHandle } from './servers.ts';
import { stepOf } from './steps.ts';

test.use({ serviceWorkers: 'allow' });
// Each test starts a server twice and installs the worker (the app's 7 MB) on a machine with software GL.
test.describe.configure({ timeout: 360_000 });

const PORT = extraPort(61);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'offline staff 2026';
const pack = loadFirePack();
const scenario = pack.scenarios[0]!;
const PLAY = `/play/${pack.id}/${scenario.id}`;
/** What the browser says when the server is gone; every other console error fails the test. */
const OUTAGE_NOISE = /Failed to load resource|net::ERR_|ERR_CONNECTION_REFUSED/;

let root: string;
let servers: ServerHandle[] = [];

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-offline-e2e-'));
  servers = [];
});

test.afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(root, { recursive: true, force: true });
});

async function start(password?: string): Promise<ServerHandle> {
  const server = await startServer({ port: PORT, dataDir: join(root, 'data'), ...(password ? { password } : {}) });
  servers.push(server);
  return server;
}

/** The service worker controls the page and has cached the content and the kiosk settings. */
async function offlineReady(page: Page) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
  await expect
    .poll(() => page.evaluate(async () => Boolean((await caches.match('/api/content')) && (await caches.match('/api/kiosk/config')))), { timeout: 30_000 })
    .toBe(true);
}

/** The statements waiting in this browser's outbox. */
const queued = (page: Page) => statementsOnDevice(page);

/** The ids of the statements the server stored for a visit (its registration), read from its SQLite file. */
function storedIds(server: ServerHandle, visitId: string): string[] {
  const db = new Database(server.dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id FROM statements WHERE visit_id = ? ORDER BY id').all(visitId) as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

const staffBadge = (page: Page) => page.getByRole('complementary', { name: '工作人员提示' });

/** Starts a visit from the attract screen and opens the fire scenario's case card from the map. */
async function playToCaseCard(page: Page) {
  await page.locator('.attract-start').tap();
  const fire = page.locator(`.area-card[data-area="fire"] a[href="${PLAY}"]`);
  await expect(fire).toBeVisible();
  await fire.tap();
  await expect(page.locator('main.case-card').getByRole('heading', { level: 1 })).toHaveText(stepOf(scenario, 'case-card').title['zh-CN']);
}

test('a kiosk started while its server is down shows the park, records, tells staff, and sends once when it is back', async ({ page }) => {
  const errors: string[] = [];
  await watchErrors(page, errors, { ignore: OUTAGE_NOISE });
  let server = await start();
  await page.goto(`${BASE}/`);
  await expect(page.locator('.attract-start')).toBeVisible();
  await offlineReady(page);
  await expect(staffBadge(page)).toHaveCount(0);

  await server.stop();
  const answer = await page.reload();
  expect(page.url()).toBe(`${BASE}/`);
  expect(answer?.fromServiceWorker()).toBe(true);
  await expect(page.locator('.attract-start')).toBeVisible();

  await playToCaseCard(page);
  await button(page, words('case-card', 'begin', 'zh-CN')).tap();
  await expect.poll(async () => (await queued(page)).length).toBeGreaterThanOrEqual(2);
  const visitId = (await queued(page))[0]!.context!.registration!;

  const badge = staffBadge(page);
  await expect(badge.getByRole('status')).toContainText('无法连接服务器');
  const pendingShown = async () => (await badge.locator('li[data-kind="pending"]').allTextContents()).join();
  await expect.poll(async () => (await pendingShown()) === `等待发送的记录：${(await queued(page)).length} 条`).toBe(true);
  // A shape next to the words, never colour alone; taps go through the badge.
  await expect(badge.locator('li[data-kind="unreachable"] svg')).toHaveCount(1);
  await expect(badge).toHaveCSS('pointer-events', 'none');

  const sent = (await queued(page)).map((s) => s.id);
  server = await start();
  await expect.poll(async () => (await queued(page)).length, { timeout: 120_000 }).toBe(0);
  const stored = storedIds(server, visitId);
  expect(stored).toEqual(expect.arrayContaining(sent));
  expect(new Set(stored).size).toBe(stored.length);
  await expect(staffBadge(page)).toHaveCount(0, { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a server restart mid-visit: reloads and navigations during the downtime show the kiosk, nothing is lost', async ({ page }) => {
  const errors: string[] = [];
  await watchErrors(page, errors, { ignore: OUTAGE_NOISE });
  let server = await start();
  await page.goto(`${BASE}/`);
  await offlineReady(page);
  await playToCaseCard(page);

  await server.stop();
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(page.url()).toMatch(new RegExp(`^${BASE}/`));
  await expect(page).toHaveTitle(/Ruyi/);
  await expect(page.locator('#root main').first()).toBeVisible();

  const map = await page.goto(`${BASE}/map`);
  expect(map?.status()).toBe(200);
  expect(page.url()).toBe(`${BASE}/map`);
  const play = page.locator(`.area-card[data-area="fire"] a[href="${PLAY}"]`);
  await expect(play).toBeVisible();
  await expect(staffBadge(page).getByRole('status')).toContainText('无法连接服务器');
  // The visit goes on during the outage: what it records waits on the device. Reopening the scenario it was playing
  // records nothing new (the run resumes), so the visitor goes on past the case card; whatever the visit made before
  // the outage may or may not have left the device by now.
  await play.tap();
  await expect(page.locator('main.case-card')).toBeVisible();
  const before = (await queued(page)).length;
  await button(page, words('case-card', 'begin', 'zh-CN')).tap();
  await expect.poll(async () => (await queued(page)).length).toBeGreaterThan(before);
  const waiting = await queued(page);

  server = await start();
  const visitIds = [...new Set(waiting.map((s) => s.context!.registration!))];
  await expect.poll(async () => (await queued(page)).length, { timeout: 120_000 }).toBe(0);
  // With what the visit sent before the outage, each once.
  const stored = visitIds.flatMap((v) => storedIds(server, v));
  expect(stored).toEqual(expect.arrayContaining(waiting.map((s) => s.id)));
  expect(new Set(stored).size).toBe(stored.length);
  await expect(staffBadge(page)).toHaveCount(0, { timeout: 30_000 });
  expect(errors).toEqual([]);
});


test('a pack installed while a kiosk is open reaches it within a minute, and stays when the server goes', async ({ page }) => {
  const errors: string[] = [];
  await watchErrors(page, errors, { ignore: OUTAGE_NOISE });
  const server = await start(PASSWORD);
  const title = '离线测试：新版本标题';
  const archive = (await archiveWithTitle(root, pack, scenario, '9.1.0', title)).bytes;
  await page.goto(`${BASE}/map`);
  const fire = page.locator('.area-card[data-area="fire"]');
  await expect(fire).toBeVisible();
  await offlineReady(page);
  await expect(fire).not.toContainText(title);

  const login = await fetch(`${server.base}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const install = await fetch(`${server.base}/api/admin/packs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: Buffer.from(archive),
  });
  expect(install.status).toBe(201);
  await expect(fire).toContainText(title, { timeout: 60_000 });

  // The worker's copy is the new content: a restart of the kiosk during an outage shows it too.
  await server.stop();
  await page.reload();
  await expect(page.locator('.area-card[data-area="fire"]')).toContainText(title);
  expect(errors).toEqual([]);
});
