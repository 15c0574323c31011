// Staff accounts at /admin: the first admin (made by set-password) adds an analyst for one district with the keyboard,
// the page is axe-clean, the analyst logs in and sees who they are but not the park's floor, and once disabled by the
// admin the analyst's session is refused at once. The server is this spec's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoA11yViolations, extraPort, test } from './fixtures.ts';
import { startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(81);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'park staff only 2026';
const ANALYST_PASSWORD = 'district numbers 2026';
let server: ServerHandle | undefined;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-accounts-e2e-'));
  server = await startServer({ port: PORT, dataDir: join(root, 'data'), password: PASSWORD });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('an admin adds a district analyst; the analyst logs in, sees only their own page; disabled, they are out at once', async ({ browser, page, consoleErrors }) => {
  await page.goto(`${BASE}/admin`);
  await expect(page.getByLabel('登录名')).toBeFocused();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');

  const accounts = page.getByRole('region', { name: '工作人员账号' });
  await expect(accounts.getByRole('row', { name: /admin/ })).toContainText('这是你自己');
  await expect(page.getByText('已登录：admin（管理员，全市）。')).toBeVisible();

  const add = accounts.getByRole('form', { name: '添加账号' });
  await add.getByLabel('登录名').fill('nanguan-analyst');
  await add.getByLabel('角色').selectOption({ label: '统计分析员' });
  await add.getByLabel('范围').selectOption({ label: '区县' });
  await add.getByLabel('区县代码（6 位数字）').fill('220102');
  await add.getByLabel('密码', { exact: true }).fill(ANALYST_PASSWORD);
  await add.getByLabel('密码', { exact: true }).press('Enter');
  await expect(accounts.getByRole('status')).toHaveText('账号 nanguan-analyst 已添加。');
  const row = accounts.locator('tr[data-account="nanguan-analyst"]');
  await expect(row).toContainText('统计分析员');
  await expect(row).toContainText('区县 220102');
  await expectNoA11yViolations(page, 'admin with the accounts panel');

  // The analyst, in another browser: who they are, and no pack, sync or device sections (those are the floor's).
  const other = await browser.newContext({ locale: 'zh-CN' });
  const analyst = await other.newPage();
  await analyst.goto(`${BASE}/admin`);
  await analyst.getByLabel('登录名').fill('nanguan-analyst');
  await analyst.getByLabel('密码', { exact: true }).fill(ANALYST_PASSWORD);
  await analyst.getByRole('button', { name: '登录' }).click();
  await expect(analyst.getByText('已登录：nanguan-analyst（统计分析员，区县 220102）。')).toBeVisible();
  await expect(analyst.getByRole('heading', { name: '内容包', exact: true })).toHaveCount(0);
  await expect(analyst.getByRole('region', { name: '工作人员账号' })).toHaveCount(0);
  await expectNoA11yViolations(analyst, 'admin as an analyst');
  const token = await analyst.evaluate(async () => {
    const res = await fetch('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nanguan-analyst', password: 'district numbers 2026' }) });
    return ((await res.json()) as { token: string }).token;
  });
  const asAnalyst = { authorization: `Bearer ${token}` };
  // The park's server is the city's until told its park: a district analyst may not read its totals.
  expect((await analyst.request.get(`${BASE}/api/stats/summary`, { headers: asAnalyst })).status()).toBe(403);
  expect((await analyst.request.get(`${BASE}/api/stats/summary`)).status()).toBe(401);

  // Disabled by the admin: the session it holds is refused at once.
  await row.getByRole('button', { name: '停用 nanguan-analyst' }).click();
  await expect(accounts.getByRole('status')).toHaveText('nanguan-analyst 已停用，其登录已全部结束。');
  await expect(row).toContainText('已停用');
  expect((await analyst.request.delete(`${BASE}/api/admin/session`, { headers: asAnalyst })).status()).toBe(401);
  await other.close();

  // Chromium logs every 4xx answer as a console error: those above were meant.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 40[13]/.test(e)));
});
