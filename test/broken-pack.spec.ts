// An editor's mistake in a pack must show up as a clear message for staff, never as a blank kiosk screen.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, expectNoA11yViolations, extraPort, loadFirePack, test } from './fixtures.ts';

const PORT = extraPort(1);
const pack = loadFirePack();
const scenario = pack.scenarios[0]!;
let server: ChildProcess;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-broken-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  // A typo an editor could make: a quiz answer that is not one of the question's choices.
  const file = join(root, 'content', 'packs', pack.id, 'scenarios', `${scenario.id}.yaml`);
  const text = readFileSync(file, 'utf8');
  const broken = text.replace(/(\n\s*answer:\s*)(\[[^\]]*\]|\n(\s*-\s*\S+\n?)+)/, '$1[zz]\n');
  expect(broken, 'the fixture edit changed the file').not.toBe(text);
  writeFileSync(file, broken);
  server = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/src/server.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', RUYI_DATA_DIR: join(root, 'data'), RUYI_CONTENT_DIR: join(root, 'content'), RUYI_LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  await expect
    .poll(async () => fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

test('a broken pack is reported to staff with file, line and reason; its deep link explains itself', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORT}/operator`);
  const problem = page.getByRole('region', { name: `packs/${pack.id}` });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(`packs/${pack.id}/scenarios/${scenario.id}.yaml:`);
  // In the staff's language (the page starts in Chinese), from the problem's code.
  await expect(problem).toContainText('“zz”不是本题的选项之一');
  await expect(problem).toContainText('steps[3].questions[0].answer[0]');
  await expectNoA11yViolations(page, 'operator with a broken pack');

  await page.goto(`http://127.0.0.1:${PORT}/play/${pack.id}/${scenario.id}`);
  await expect(page.getByText('这个内容包有错误，暂时无法使用。请联系工作人员。')).toBeVisible();

  // The broken pack's scenario is not offered; the area stays open for its other pack.
  await page.goto(`http://127.0.0.1:${PORT}/map`);
  const fire = page.locator('.area-card[data-area="fire"]');
  await expect(fire).toHaveClass(/open/);
  await expect(fire.getByRole('link', { name: new RegExp(scenario.title['zh-CN']) })).toHaveCount(0);
  await expect(fire.getByRole('link')).not.toHaveCount(0);
});
