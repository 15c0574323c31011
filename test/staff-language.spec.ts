// Staff read /admin in their language: without a password it says at once what to run on the server; after
// set-password and login, switching the language changes the page's texts, its dates' format and a rejected pack's
// validator messages (here a full-width colon typed on a Chinese keyboard), each at its file:line:column.
import { buildPackArchive } from '@ruyi/pack-archive';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { handMadeArchive, packFiles } from '../kiosk-server/src/test-support/archives.ts';
import { expect, expectNoA11yViolations, extraPort, loadFirePack, test } from './fixtures.ts';
import { adminCli, startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(71);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'staff in two languages';
const pack = loadFirePack();
let server: ServerHandle | undefined;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-staff-language-'));
  server = await startServer({ port: PORT, dataDir: join(root, 'data') });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The fire pack at another version, built into a .ruyipack.tgz file. */
async function archive(version: string): Promise<string> {
  const copy = join(root, `copy-${version}`);
  cpSync('content', copy, { recursive: true });
  const manifest = join(copy, 'packs', pack.id, 'pack.yaml');
  const doc = parseDocument(readFileSync(manifest, 'utf8'));
  doc.set('version', version);
  writeFileSync(manifest, doc.toString());
  const built = await buildPackArchive(join(copy, 'packs', pack.id), { contentDir: copy });
  const file = join(root, built.fileName);
  writeFileSync(file, built.bytes);
  return file;
}

/** An archive whose pack.yaml has `area：fire`, with the full-width colon; returns its file and the line of that key. */
function archiveWithFullWidthColon(): { file: string; line: number } {
  const files = packFiles({ id: pack.id, version: '9.0.1' });
  const text = stringify(JSON.parse(Buffer.from(files.get('pack.yaml')!).toString('utf8'))).replace('\narea: ', '\narea：');
  files.set('pack.yaml', Buffer.from(text));
  const file = join(root, 'colon.ruyipack.tgz');
  writeFileSync(file, handMadeArchive(files, { id: pack.id, version: '9.0.1' }));
  return { file, line: text.split('\n').findIndex((l) => l.startsWith('area：')) + 1 };
}

test('/admin speaks the staff language: the password command at once, texts, dates and a rejected pack', async ({ page, consoleErrors }) => {
  await page.goto(`${BASE}/admin`);
  // No password yet: what to run, before anyone types one.
  await expect(page.getByRole('heading', { name: '还没有设置管理员密码' })).toBeVisible();
  await expect(page.locator('.admin-no-password code')).toHaveText('npm run admin -- set-password');
  await expect(page.getByLabel('密码', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'No staff password yet' })).toBeVisible();
  await expect(page.getByText('On the server machine, in the Ruyi folder, run:')).toBeVisible();
  await expectNoA11yViolations(page, 'admin without a password');

  adminCli(server!.dataDir, ['set-password'], `${PASSWORD}\n`);
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.getByLabel('Login name').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Packs and record sync');

  // An installed pack shows when it was installed, as the chosen language writes dates; its area by name.
  await page.getByLabel('Pack archive (.ruyipack.tgz)').setInputFiles(await archive('1.1.0'));
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is installed' })).toBeVisible();
  const row = page.locator(`tr[data-pack="${pack.id}"]`);
  const installed = row.locator('[data-installed-at]');
  await expect(installed).toHaveText(/^installed [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/);
  await expect(row.locator('td').nth(1)).toHaveText('Fire safety');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(h1).toHaveText('内容包与记录同步');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(installed).toHaveText(/^安装于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  await expect(row.locator('td').nth(1)).toHaveText('消防安全');

  // A rejected pack: the validator's message in Chinese, then in English, at file:line:column.
  const broken = archiveWithFullWidthColon();
  await page.getByLabel('内容包文件（.ruyipack.tgz）').setInputFiles(broken.file);
  await page.getByRole('button', { name: '安装', exact: true }).click();
  const rejection = page.locator('.admin-rejected');
  await expect(rejection).toContainText('内容包未安装');
  await expect(rejection.locator('tbody tr')).toHaveCount(1);
  const cells = rejection.locator('tbody tr td');
  await expect(cells.nth(0)).toHaveText(`packs/${pack.id}/pack.yaml:${broken.line}:5`);
  await expect(cells.nth(2)).toHaveText('“area”后面是全角冒号“：”：YAML 需要半角冒号“:”再加一个空格（写成“area: …”）；请把输入法切换到英文标点');
  await expectNoA11yViolations(page, 'admin with a rejected pack, in Chinese');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(rejection).toContainText('The pack was not installed');
  await expect(cells.nth(2)).toHaveText(
    "a full-width colon '：' after 'area': YAML needs the plain colon ':' followed by a space (write 'area: …'); switch the keyboard to English punctuation",
  );

  // The language chosen stays for the next staff page opened on this device.
  await page.reload();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();

  // Chromium logs every 4xx answer as a console error: the rejected pack (400) was meant.
  const i = consoleErrors.findIndex((e) => e.includes('status of 400 (Bad Request)'));
  expect(i, 'the expected 400 was logged').toBeGreaterThanOrEqual(0);
  consoleErrors.splice(i, 1);
});
