// A content editor previews a pack: each save shows on screen within a second or two, the visitor's place is kept, and
// an invalid save shows the validator's message over the last valid version until it is fixed.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localize } from '@ruyi/pack-schema';
import { expect, expectNoA11yViolations, extraPort, loadFirePack, test } from './fixtures.ts';
import { stepOf } from './steps.ts';

const PORT = extraPort(3);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const pack = loadFirePack();
const scenario = pack.scenarios[0]!;
const quiz = stepOf(scenario, 'quiz');
const drill = stepOf(scenario, 'decisions');
const q1 = quiz.questions[0]!;
const q2 = quiz.questions[1]!;
const l = (text: Parameters<typeof localize>[0]) => localize(text, 'zh-CN');
const NEW_PROMPT = `${l(q2.prompt)}（编辑后）`;

let preview: ChildProcess;
let output = '';
let root: string;
let scenarioFile: string;
let original: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-preview-e2e-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  scenarioFile = join(root, 'content', 'packs', pack.id, 'scenarios', `${scenario.id}.yaml`);
  original = readFileSync(scenarioFile, 'utf8');
  expect(original, 'the second question prompt is in the file as written').toContain(l(q2.prompt));
  preview = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/pack-cli/src/preview/cli.ts', pack.id, '--content', join(root, 'content'), '--port', String(PORT), '--no-open'],
    { env: { ...process.env, HOST: '127.0.0.1', RUYI_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  preview.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  preview.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(async () => fetch(`${ORIGIN}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 30_000 })
    .toBe(200);
  expect(output).toContain(`${ORIGIN}/play/${pack.id}/${scenario.id}?preview=1`);
});

test.afterAll(async () => {
  if (preview && preview.exitCode === null) {
    const exited = new Promise((resolve) => preview.once('close', resolve));
    preview.kill('SIGINT');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

test('a saved edit shows in place within 2 s; an invalid save shows the validator message until fixed', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${ORIGIN}/play/${pack.id}/${scenario.id}?preview=1`);

  // Play to the quiz's second question.
  await page.getByRole('button', { name: '开始体验', exact: true }).tap();
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  await page.getByRole('button', { name: '完成寻找' }).tap();
  await page.getByRole('button', { name: '继续', exact: true }).tap();
  let nodeId: string | undefined = drill.start;
  while (nodeId) {
    const node = drill.nodes.find((n) => n.id === nodeId)!;
    const choice = node.choices.find((c) => c.safe)!;
    await expect(page.locator('.decisions .prompt')).toHaveText(l(node.prompt));
    await page.getByRole('button', { name: l(choice.label), exact: true }).tap();
    await page.getByRole('button', { name: '继续', exact: true }).tap();
    nodeId = choice.next;
  }
  await expect(page.locator('.quiz .prompt')).toHaveText(l(q1.prompt));
  await page.getByRole(q1.kind === 'single' ? 'radio' : 'checkbox', { name: l(q1.choices.find((c) => c.id === q1.answer[0])!.label), exact: true }).tap();
  await page.getByRole('button', { name: '提交答案' }).tap();
  await page.getByRole('button', { name: '下一题' }).tap();
  await expect(page.locator('.quiz .prompt')).toHaveText(l(q2.prompt));
  const progress = `第 2 题，共 ${quiz.questions.length} 题`;
  await expect(page.locator('.quiz h1')).toContainText(progress);
  const picked = l(q2.choices[0]!.label);
  await page.getByRole(q2.kind === 'single' ? 'radio' : 'checkbox', { name: picked, exact: true }).tap();

  // 1. A valid edit of that question's prompt: the new text appears on the same question, the choice still picked.
  await page.evaluate((text) => {
    const w = window as unknown as { __seenAt?: number };
    const check = () => {
      if (w.__seenAt === undefined && document.querySelector('.quiz .prompt')?.textContent === text) w.__seenAt = Date.now();
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, NEW_PROMPT);
  const writtenAt = Date.now();
  writeFileSync(scenarioFile, original.replace(l(q2.prompt), NEW_PROMPT));
  await expect(page.locator('.quiz .prompt')).toHaveText(NEW_PROMPT, { timeout: 5_000 });
  const seenAt = await page.evaluate(() => (window as unknown as { __seenAt?: number }).__seenAt);
  const latency = seenAt! - writtenAt;
  console.log(`preview reload latency, file write → text on screen: ${latency} ms`);
  test.info().annotations.push({ type: 'reload latency (ms)', description: String(latency) });
  expect(latency).toBeLessThan(2_000);
  await expect(page.locator('.quiz h1')).toContainText(progress);
  await expect(page.getByRole(q2.kind === 'single' ? 'radio' : 'checkbox', { name: picked, exact: true })).toBeChecked();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // 2. An invalid edit: the validator's message (file:line and reason) over the view; the last valid version stays.
  const edited = original.replace(l(q2.prompt), NEW_PROMPT);
  // The second question's answer names a choice it does not have.
  const answerLine = new RegExp(`(\\n\\s*answer:\\s*)\\[${q2.answer.join(',\\s*')}\\]`);
  const broken = edited.replace(answerLine, '$1[not-a-choice]');
  expect(broken).not.toBe(edited);
  writeFileSync(scenarioFile, broken);
  const panel = page.getByRole('alert').filter({ hasText: '预览：内容有错误' });
  await expect(panel).toBeVisible({ timeout: 5_000 });
  await expect(panel).toContainText(new RegExp(`packs/${pack.id}/scenarios/${scenario.id}\\.yaml:\\d+:\\d+`));
  await expect(panel).toContainText('steps[3].questions[1].answer[0]');
  await expect(panel).toContainText('“not-a-choice”不是本题的选项之一');
  await expect(page.locator('.quiz .prompt')).toHaveText(NEW_PROMPT);
  await expect(page.locator('.quiz h1')).toContainText(progress);
  await expectNoA11yViolations(page, 'preview with content errors');

  // The editor may close the panel; it stays closed for the same errors.
  await panel.getByRole('button', { name: '关闭错误列表' }).tap();
  await expect(panel).toHaveCount(0);

  // 3. Fixed: the message is gone and the play goes on from the same place.
  writeFileSync(scenarioFile, edited);
  await expect.poll(() => output, { timeout: 5_000 }).toMatch(/✘[\s\S]*✔ fire-dehui-2013 \S+ is valid/);
  // A new error brings the panel back; fixing it takes it away by itself.
  writeFileSync(scenarioFile, broken);
  await expect(panel).toBeVisible({ timeout: 5_000 });
  writeFileSync(scenarioFile, edited);
  await expect(panel).toHaveCount(0, { timeout: 5_000 });
  await expect(page.locator('.quiz h1')).toContainText(progress);
  await page.getByRole('button', { name: '提交答案' }).tap();
  await expect(page.locator('.explanation')).toContainText(l(q2.explanation));
});

test('a scenario removed while it is played says so and leads back to the map; restored, it plays again', async ({ page }) => {
  const packDir = join(root, 'content', 'packs', pack.id);
  const saved = join(root, 'saved-pack');
  // The visit's first statements must reach the server while the pack is there (it refuses statements of unknown packs).
  let posted = 0;
  let inFlight = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/statements') && inFlight++));
  page.on('requestfinished', (r) => void (r.url().endsWith('/api/statements') && (inFlight--, posted++)));
  await page.goto(`${ORIGIN}/play/${pack.id}/${scenario.id}?preview=1`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l(stepOf(scenario, 'case-card').title));
  await expect.poll(() => posted > 0 && inFlight === 0).toBe(true);

  cpSync(packDir, saved, { recursive: true });
  rmSync(packDir, { recursive: true, force: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('这个体验已不可用', { timeout: 5_000 });
  await expectNoA11yViolations(page, 'scenario gone');
  await expect(page.getByRole('link', { name: '返回地图' })).toBeVisible();

  cpSync(saved, packDir, { recursive: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(l(stepOf(scenario, 'case-card').title), { timeout: 5_000 });
  await page.getByRole('link', { name: '返回地图' }).tap();
  await expect(page).toHaveURL(/\/map$/);
});
