// Park staff install a pack at /admin without a rebuild: log in, upload two versions of the fire pack with changed
// titles, see the new one on the map, roll back, see a rejected upload explained. The server is this spec's own, with
// its password set through the real CLI, so it never touches the shared e2e server's data.
import { localize } from '@ruyi/pack-schema';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handMadeArchive, packFiles } from '../kiosk-server/src/test-support/archives.ts';
import { expect, expectNoA11yViolations, extraPort, loadFirePack, test } from './fixtures.ts';
import { archiveWithTitle } from './pack-copies.ts';
import { startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(2);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'park staff only 2026';
const pack = loadFirePack();
const scenario = pack.scenarios[0]!;
let server: ServerHandle | undefined;
let root: string;

/** A copy of the fire pack with another version and scenario title, written as a .ruyipack.tgz file. */
async function archiveFile(version: string, title: string): Promise<string> {
  const built = await archiveWithTitle(root, pack, scenario, version, title);
  const file = join(root, built.fileName);
  writeFileSync(file, built.bytes);
  return file;
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-admin-e2e-'));
  server = await startServer({ port: PORT, dataDir: join(root, 'data'), password: PASSWORD });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('staff log in, install two versions, see the new one on the map, roll back, and see a rejection explained', async ({ page, consoleErrors }) => {
  const v110 = await archiveFile('1.1.0', '管理测试：第一版标题');
  const v120 = await archiveFile('1.2.0', '管理测试：第二版标题');
  const originalTitle = localize(scenario.title, 'zh-CN');

  await page.goto(`${BASE}/admin`);
  const loginName = page.getByLabel('登录名');
  const password = page.getByLabel('密码', { exact: true });
  await expect(loginName).toBeFocused();
  await expectNoA11yViolations(page, 'admin login');
  await loginName.fill('admin');
  await password.fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('登录名或密码错误。');
  await password.fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  const row = page.locator(`tr[data-pack="${pack.id}"]`);
  await expect(row).toContainText('内置');
  await expect(row).toContainText(pack.version);

  const fileInput = page.getByLabel('内容包文件（.ruyipack.tgz）');
  const install = page.getByRole('button', { name: '安装', exact: true });
  for (const file of [v110, v120]) {
    await fileInput.setInputFiles(file);
    await install.click();
    await expect(page.getByRole('status').filter({ hasText: '已安装' })).toBeVisible();
  }
  await expect(row).toContainText('1.2.0');
  await expect(row).toContainText('已安装');
  await expect(row.locator('td').nth(3)).toHaveText('1.1.0');
  await expectNoA11yViolations(page, 'admin pack list');

  // A rejected pack: every validator message, with file:line, path and message.
  const broken = packFiles({ id: pack.id, version: '9.0.0', area: 'nowhere' });
  const brokenFile = join(root, 'broken.ruyipack.tgz');
  writeFileSync(brokenFile, handMadeArchive(broken, { id: pack.id, version: '9.0.0' }));
  await fileInput.setInputFiles(brokenFile);
  await install.click();
  const rejection = page.locator('.admin-rejected');
  await expect(rejection).toContainText('内容包未安装');
  await expect(rejection.locator('tbody tr')).toHaveCount(1);
  await expect(rejection).toContainText(`packs/${pack.id}/pack.yaml:`);
  await expect(rejection).toContainText('area');
  await expectNoA11yViolations(page, 'admin with a rejected upload');
  await expect(row).toContainText('1.2.0');

  // The map shows the version in force.
  const map = await page.context().newPage();
  await map.goto(`${BASE}/map`);
  const fire = map.locator('.area-card[data-area="fire"]');
  await expect(fire).toContainText('管理测试：第二版标题');

  await page.getByRole('button', { name: `回退 ${pack.id}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('1.1.0');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await dialog.getByRole('button', { name: '确定回退' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已回退到版本 1.1.0' })).toBeVisible();
  await expect(row).toContainText('1.1.0');

  await map.reload();
  await expect(fire).toContainText('管理测试：第一版标题');

  // Removing the installed versions brings the built-in pack back.
  await page.getByRole('button', { name: `删除 ${pack.id}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByRole('status').filter({ hasText: '内置版本重新生效' })).toBeVisible();
  await expect(row).toContainText('内置');
  await map.reload();
  await expect(fire).toContainText(originalTitle);
  await map.close();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('密码', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'admin after logout');

  // Chromium logs every 4xx answer as a console error: the wrong password (401) and the rejected pack (400) were meant.
  for (const status of ['401 (Unauthorized)', '400 (Bad Request)']) {
    const i = consoleErrors.findIndex((e) => e.includes(`status of ${status}`));
    expect(i, `the expected ${status} was logged`).toBeGreaterThanOrEqual(0);
    consoleErrors.splice(i, 1);
  }
});
