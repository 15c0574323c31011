// A broken archive uploaded at /admin: what the archive reader found (a link, a path that climbs out of the archive)
// is listed in the staff's language, from the codes the server sends, and again in English after switching.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handMadeArchive, packFiles } from '../kiosk-server/src/test-support/archives.ts';
import { expect, expectNoA11yViolations, extraPort, loadFirePack, test } from './fixtures.ts';
import { startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(94);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'archives in two languages';
const pack = loadFirePack();
let server: ServerHandle | undefined;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-admin-archive-'));
  server = await startServer({ port: PORT, dataDir: join(root, 'data'), password: PASSWORD });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('a broken archive’s problems in the staff’s language', async ({ page, consoleErrors }) => {
  const meta = { id: pack.id, version: '9.0.2' };
  const file = join(root, 'broken.ruyipack.tgz');
  writeFileSync(
    file,
    handMadeArchive(packFiles(meta), meta, [
      { path: 'pack/assets/passwd', type: 'symlink', linkpath: '/etc/passwd' },
      { path: 'pack/../escaped.txt', bytes: Buffer.from('x') },
    ]),
  );

  await page.goto(`${BASE}/admin`);
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('内容包文件（.ruyipack.tgz）').setInputFiles(file);
  await page.getByRole('button', { name: '安装', exact: true }).click();

  const rejection = page.locator('.admin-rejected');
  await expect(rejection).toContainText('内容包未安装：共 2 个问题');
  const messages = rejection.locator('tbody tr td:nth-child(3)');
  await expect(messages).toHaveText(['“pack/assets/passwd”是符号链接（指向“/etc/passwd”）：内容包压缩包只能包含普通文件', '路径“pack/../escaped.txt”用“..”跳出了压缩包']);
  await expect(rejection.locator('tbody tr td:nth-child(1)')).toHaveText(['整个压缩包', '整个压缩包']);
  await expectNoA11yViolations(page, 'admin with a broken archive, in Chinese');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(rejection).toContainText('The pack was not installed: 2 problem(s)');
  await expect(messages).toHaveText([
    "'pack/assets/passwd' is a symbolic link (to '/etc/passwd'): a pack archive holds only plain files",
    "'pack/../escaped.txt' climbs out of the archive with '..'",
  ]);
  await expect(rejection.locator('tbody tr td:nth-child(1)').first()).toHaveText('The archive as a whole');

  // Chromium logs every 4xx answer as a console error: the refused archive (400) was meant.
  const i = consoleErrors.findIndex((e) => e.includes('status of 400 (Bad Request)'));
  expect(i, 'the expected 400 was logged').toBeGreaterThanOrEqual(0);
  consoleErrors.splice(i, 1);
});
