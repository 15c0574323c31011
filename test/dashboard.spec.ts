// The statistics dashboard (/dashboard) on a server of this spec's own, in district 220104, holding made-up visits
// (the seed generator's, posted as a kiosk posts them) in June of this year and of last year: an anonymous browser gets
// the login and the API refuses it; a district analyst sees the figures in Chinese and English, names from the packs,
// a CSV of the days with exactly the visits made, no axe violation, and an A4-wide print layout; an analyst of
// another district sees an empty report of their own and is refused this one, in words; an ended session brings the
// login back.
import type { APIRequestContext, Page } from '@playwright/test';
import type { StatisticsReport } from '@ruyi/api-contract';
import { localize, type LocalizedText } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { dayNumber, generateVisits, singlePark, visitStatements, type SeedVisit } from '@ruyi/xapi/seed';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoA11yViolations, extraPort, test, XAPI_BASE } from './fixtures.ts';
import { adminCli, startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(61);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'dashboard admin 2026';
const ANALYST = { login: 'chaoyang-analyst', password: 'chaoyang numbers 2026' };
const OTHER = { login: 'nanguan-analyst', password: 'nanguan numbers 2026' };
// The server's default park IRI: its statements' park code is 'local'.
const PARK_IRI = 'https://ruyi.localhost/parks/local';
const YEAR = new Date().getFullYear();
const JUNE = { from: `${YEAR}-06-01`, to: `${YEAR}-06-30` };
/** Visits made in last year's June. */
const LAST_JUNE = 20;

const content = readContent('content');
const packs = new Map(content.packs.map((p) => [p.id, p]));
let server: ServerHandle | undefined;
let root: string;
/** The visits made in this year's June, per day. */
const visitsPerDay = new Map<string, number>();
let visitsThisJune = 0;

function plan(seed: number, visits: number, year: number): SeedVisit[] {
  return [
    ...generateVisits({
      seed,
      visits,
      from: dayNumber(`${year}-06-01`)!,
      to: dayNumber(`${year}-06-30`)!,
      parks: [singlePark(PARK_IRI, '220104', 'local')],
      // Walk-in visitors only: a class visit's statements need the seats its teacher's class hands out.
      schools: [],
      packs: content.packs,
    }),
  ];
}

async function post(request: APIRequestContext, visits: SeedVisit[]) {
  const statements = visits.flatMap((v) => visitStatements(v, { base: XAPI_BASE, pack: (id) => packs.get(id) }));
  // In order, in requests under the route's 1 MiB body limit.
  for (let i = 0; i < statements.length; i += 150) {
    const res = await request.post(`${BASE}/api/statements`, { data: statements.slice(i, i + 150) });
    expect(res.status(), await res.text()).toBe(200);
  }
}

async function tokenOf(request: APIRequestContext, account: { login: string; password: string }) {
  const res = await request.post(`${BASE}/api/admin/session`, { data: account });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(420_000);
  root = mkdtempSync(join(tmpdir(), 'ruyi-dashboard-e2e-'));
  const dataDir = join(root, 'data');
  server = await startServer({
    port: PORT,
    dataDir,
    password: PASSWORD,
    env: { RUYI_DISTRICT: '220104', RUYI_DEVICE_STATEMENTS_PER_MINUTE: '1000000', RUYI_DEVICE_BYTES_PER_MINUTE: '1073741824' },
  });
  adminCli(dataDir, ['account', 'add', ANALYST.login, '--role', 'analyst', '--scope', 'district:220104'], `${ANALYST.password}\n`);
  adminCli(dataDir, ['account', 'add', OTHER.login, '--role', 'analyst', '--scope', 'district:220102'], `${OTHER.password}\n`);
  const thisJune = plan(11, 40, YEAR);
  for (const v of thisJune) visitsPerDay.set(v.date, (visitsPerDay.get(v.date) ?? 0) + 1);
  visitsThisJune = thisJune.length;
  const request = await playwright.request.newContext();
  try {
    await post(request, [...plan(12, LAST_JUNE, YEAR - 1), ...thisJune]);
    // The statistics follower rolls them up within seconds.
    const token = await tokenOf(request, ANALYST);
    await expect
      .poll(
        async () => {
          const res = await request.get(`${BASE}/api/stats/report?from=${JUNE.from}&to=${JUNE.to}`, { headers: { authorization: `Bearer ${token}` } });
          const report = (await res.json()) as StatisticsReport;
          return [report.totals.visits, report.previousYear.visits];
        },
        { timeout: 240_000 },
      )
      .toEqual([visitsThisJune, LAST_JUNE]);
  } finally {
    await request.dispose();
  }
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Chromium logs every 4xx answer as a console error: those the test asked for are meant. */
const meant = (errors: string[]) => errors.splice(0, errors.length, ...errors.filter((e) => !/status of 40[13]/.test(e)));

async function logIn(page: Page, account: { login: string; password: string }) {
  await page.goto(`${BASE}/dashboard`);
  await page.getByLabel('登录名').fill(account.login);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
}

// ECharts marks each chart's box with this attribute name, which minifiers keep: it finds ECharts in any chunk.
const ECHARTS_MARKER = '_echarts_instance_';

test('the kiosk\'s first screen loads no ECharts; an anonymous browser gets the login, and the report route refuses it', async ({ page, request }) => {
  const scripts: { url: string; echarts: boolean }[] = [];
  await page.route(/\.m?js(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    scripts.push({ url: new URL(route.request().url()).pathname, echarts: body.includes(ECHARTS_MARKER) });
    await route.fulfill({ response, body });
  });
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('如意溪安全教育体验公园');
  expect(scripts.length, 'scripts of the first screen').toBeGreaterThan(0);
  expect(scripts.filter((s) => s.echarts), 'scripts with ECharts on the first screen').toEqual([]);

  await page.goto(`${BASE}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('统计报表');
  await expect(page.getByLabel('登录名')).toBeFocused();
  await expect(page.locator('.dashboard-section')).toHaveCount(0);
  expect((await request.get(`${BASE}/api/stats/report?from=${JUNE.from}&to=${JUNE.to}`)).status()).toBe(401);
  await expectNoA11yViolations(page, 'dashboard login');
});

test('a district analyst reads this June in Chinese and English, downloads a CSV and prints on A4', async ({ page, request, consoleErrors }) => {
  const report = (await (
    await request.get(`${BASE}/api/stats/report?from=${JUNE.from}&to=${JUNE.to}`, { headers: { authorization: `Bearer ${await tokenOf(request, ANALYST)}` } })
  ).json()) as StatisticsReport;
  await logIn(page, ANALYST);
  await expect(page.getByText(`已登录：${ANALYST.login}（统计分析员，区县 220104）。`)).toBeVisible();
  // The default: this year's safety month, for the account's own district.
  await expect(page.getByLabel('常用时段')).toHaveValue('safetyMonth');
  await expect(page.getByLabel('起始日')).toHaveValue(JUNE.from);
  await expect(page.locator('.dashboard-for')).toHaveText(`区县 220104，${JUNE.from} 至 ${JUNE.to}`);
  await expect(page.locator('[data-headline="visits"] .dashboard-figure')).toHaveText(String(visitsThisJune));
  await expect(page.locator('[data-headline="visits"] .dashboard-previous')).toHaveText(`去年同期：${LAST_JUNE}`);

  // Every section, each chart an image named in words, with its figures also in a table.
  for (const heading of ['安全生产月报告：与去年同期对比', '每日参与情况', '每周参与情况', '按展区', '设备、平台与语言', '题目：答对率与最常选的错误答案', '隐患：发现各隐患的游客比例', '决策：游客选择的路径', '学校排名', '园区排名'])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  const dayChart = page.getByRole('img', { name: '折线图：每天的参观人次和完成的场景数。' });
  await expect(dayChart.locator('canvas')).toBeVisible();

  // Names from the packs, in the staff language: the first question's prompt and its scenario's title.
  const question = report.questions[0]!;
  const [packId, scenarioId] = question.scenario.split('/');
  const scenario = packs.get(packId!)!.scenarios.find((s) => s.id === scenarioId)!;
  const step = (scenario.steps as unknown as { id: string; questions?: { id: string; prompt: LocalizedText }[] }[]).find((s) => s.id === question.step)!;
  const prompt = step.questions!.find((q) => q.id === question.item)!.prompt;
  const questions = page.locator('[data-table="questions"] table');
  await expect(questions.getByRole('row', { name: localize(prompt, 'zh-CN') }).first()).toContainText(localize(scenario.title, 'zh-CN'));
  await expect(page.locator('[data-table="parks"] tbody tr')).toHaveCount(1);
  // Safe and unsafe paths are told in words, not by colour.
  await expect(page.locator('[data-table="decisions"] tbody')).toContainText('✓ 安全');
  await expect(page.locator('[data-table="decisions"] tbody')).toContainText('✗ 不安全');
  // The dashboard's own chunk is the one with ECharts in it.
  expect(await page.evaluate((marker) => document.querySelector('.dashboard-chart')!.hasAttribute(marker), ECHARTS_MARKER)).toBe(true);
  await expectNoA11yViolations(page, 'dashboard (zh-CN)');

  // The CSV of the days: UTF-8 with a byte-order mark, a row per day with exactly the visits made that day.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV：每日参与情况' }).click()]);
  expect(download.suggestedFilename()).toBe(`ruyi-days-${JUNE.from}_${JUNE.to}-district-220104.csv`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('日期,参观人次,开始的场景,完成,通过,完成率（%）,通过率（%）,平均得分（满分 100）,平均用时（秒）');
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(Object.fromEntries(rows.map((r) => [r[0], Number(r[1])]))).toEqual(Object.fromEntries(visitsPerDay));

  // English: the same figures, the packs' English names.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics dashboard');
  await expect(page.locator('[data-headline="visits"] dt')).toHaveText('Visits');
  await expect(page.locator('[data-headline="visits"] .dashboard-figure')).toHaveText(String(visitsThisJune));
  await expect(questions.getByRole('row', { name: localize(prompt, 'en') }).first()).toContainText(localize(scenario.title, 'en'));
  await expect(page.getByRole('img', { name: 'Line chart: visits and completed scenarios each day.' })).toBeVisible();
  await expectNoA11yViolations(page, 'dashboard (en)');

  // Print: A4 (210 mm is 794 CSS pixels), the report alone, nothing wider than the page, a section a page.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('form.dashboard-controls')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the report' })).toBeHidden();
  await expect(page.locator('.dashboard-csv').first()).toBeHidden();
  await expect(page.locator('.dashboard-printed')).toBeVisible();
  const layout = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    widest: Math.max(...[...document.querySelectorAll('.dashboard-chart canvas, .dashboard table')].map((e) => e.getBoundingClientRect().right)),
    breaks: [...document.querySelectorAll('.dashboard-section')].map((s) => getComputedStyle(s).breakBefore),
    a4: [...document.styleSheets].some((sheet) => {
      try {
        return [...sheet.cssRules].some((r) => /@page\s*\{[^}]*size:\s*A4/i.test(r.cssText));
      } catch {
        return false;
      }
    }),
  }));
  expect(layout.width, 'page width in print').toBeLessThanOrEqual(794);
  expect(layout.widest, 'the widest chart or table').toBeLessThanOrEqual(794);
  expect(layout.breaks.slice(1).every((b) => b === 'page'), `page breaks: ${layout.breaks.join(' ')}`).toBe(true);
  expect(layout.a4, '@page { size: A4 }').toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('an analyst of another district sees their own empty report and is refused this one; an ended session logs out', async ({ page, request, consoleErrors }) => {
  const sessions: string[] = [];
  page.on('response', async (res) => {
    if (res.url().endsWith('/api/admin/session') && res.request().method() === 'POST' && res.ok()) sessions.push(((await res.json()) as { token: string }).token);
  });
  await logIn(page, OTHER);
  await expect(page.getByRole('status').filter({ hasText: '没有记录' })).toHaveText(`区县 220102在 ${JUNE.from} 至 ${JUNE.to} 期间没有记录。请换一个时段或范围。`);
  await expect(page.locator('.dashboard-section')).toHaveCount(0);
  await expectNoA11yViolations(page, 'dashboard, empty');

  // Asking for district 220104: the server refuses (403) and the page says why.
  await page.getByLabel('区县代码（6 位数字）').fill('220104');
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/stats/report') && r.url().includes('district=220104')),
    page.getByRole('button', { name: '显示报表' }).click(),
  ]);
  expect(refused.status()).toBe(403);
  await expect(page.getByRole('alert')).toHaveText('区县 220104超出了你的账号管辖范围（区县 220102）：你只能查看该范围内的报表。');
  await expect(page.locator('.dashboard-section')).toHaveCount(0);
  // A park of that district is refused just the same.
  await page.getByLabel('报表范围').selectOption({ label: '园区' });
  await page.getByLabel('园区编号').fill('local');
  await page.getByRole('button', { name: '显示报表' }).click();
  await expect(page.getByRole('alert')).toHaveText('园区 local超出了你的账号管辖范围（区县 220102）：你只能查看该范围内的报表。');

  // The session ends elsewhere (logged out): the next report brings the login back, saying so.
  expect(sessions).toHaveLength(1);
  expect((await request.delete(`${BASE}/api/admin/session`, { headers: { authorization: `Bearer ${sessions[0]}` } })).status()).toBe(204);
  await page.getByRole('button', { name: '显示报表' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登录已失效' })).toHaveText('登录已失效，请重新登录。');
  await expect(page.getByLabel('登录名')).toBeVisible();
  meant(consoleErrors);
});
