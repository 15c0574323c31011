// When the disk falls under the floor, statement writes stop (507) and the admin page says why and what to do, in
// zh-CN and en, in words and a shape, not only a colour. A real server whose floor is set above the disk's free space
// stands for a full disk; another with the default floor shows the one-line status.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoA11yViolations, extraPort, test } from './fixtures.ts';
import { startServers, type ServerHandle } from './servers.ts';

const PASSWORD = 'park staff only 2026';
const LOW = { port: extraPort(41), floorMb: '100000000' };
const ENOUGH = { port: extraPort(42), floorMb: '1' };
let servers: ServerHandle[] = [];
let root: string;

const options = ({ port, floorMb }: { port: number; floorMb: string }, name: string) => ({
  port,
  dataDir: join(root, name),
  password: PASSWORD,
  env: { RUYI_LOG_LEVEL: 'fatal', RUYI_DISK_FLOOR_MB: floorMb },
});

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-floor-e2e-'));
  servers = await startServers([options(LOW, 'low'), options(ENOUGH, 'enough')]);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  if (root) rmSync(root, { recursive: true, force: true });
});

async function logIn(page: import('@playwright/test').Page, port: number) {
  await page.goto(`http://127.0.0.1:${port}/admin`);
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a nearly full disk: the admin page says records are not saved, why, and what to do, in both languages', async ({ page }) => {
  await logIn(page, LOW.port);
  const section = page.getByRole('region', { name: '磁盘空间' });
  const notice = section.getByRole('alert');
  await expect(notice.getByRole('heading', { name: '记录未能保存：磁盘空间即将用尽' })).toBeVisible();
  await expect(notice).toContainText('处理方法：');
  await expect(notice).toContainText('无需重启');
  // Not only a colour: a heading in words and a shape beside it.
  await expect(notice.locator('.sync-shape.square')).toBeVisible();
  await expectNoA11yViolations(page, 'admin with a full disk');

  await page.getByRole('button', { name: 'English' }).click();
  const en = page.getByRole('region', { name: 'Disk space' });
  await expect(en.getByRole('heading', { name: 'Records are not being saved: the disk is nearly full' })).toBeVisible();
  await expect(en).toContainText('What to do: free space');
  await expectNoA11yViolations(page, 'admin with a full disk (en)');
});

test('enough space: one line with the free space and the floor, no notice', async ({ page }) => {
  await logIn(page, ENOUGH.port);
  const section = page.getByRole('region', { name: '磁盘空间' });
  await expect(section).toContainText(/可用 [\d.,]+ (GiB|MiB)。低于 1 MiB 时/);
  await expect(section.getByRole('heading', { level: 3 })).toHaveCount(0);
  await expectNoA11yViolations(page, 'admin with enough disk');
});
