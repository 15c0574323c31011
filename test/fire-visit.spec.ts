// A whole visit to the fire area at a 1920×1080 touch kiosk, by taps, in Chinese and then in English.
import type { Page } from '@playwright/test';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { validateStatement } from '@ruyi/xapi';
import { PNG } from 'pngjs';
import { expect, expectNoA11yViolations, loadFirePack, storedRecords, test, readStatistics } from './fixtures.ts';
import { stepOf } from './steps.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

const pack: Pack = loadFirePack();
const scenario: Scenario = pack.scenarios[0]!;
const caseCard = stepOf(scenario, 'case-card');
const hazardHunt = stepOf(scenario, 'hazard-hunt');
const decisions = stepOf(scenario, 'decisions');
const quiz = stepOf(scenario, 'quiz');
// The areas the park's content opens (other packs open other areas).
const openAreas = new Set(readContent('content').packs.map((p) => p.area)).size;

interface Plan {
  locale: 'zh-CN' | 'en';
  languageButton: string;
  /** Hazards to find; the rest are missed. */
  find: string[];
  /** At the first decision take an unsafe choice, to see its consequence and the branch it leads to. */
  firstChoiceUnsafe: boolean;
  /** Quiz questions to answer wrongly. */
  wrong: string[];
  waitForHint: boolean;
}

const allHazards = hazardHunt.hazards.map((h) => h.id);
const plans: Plan[] = [
  { locale: 'zh-CN', languageButton: '中文', find: allHazards, firstChoiceUnsafe: false, wrong: [], waitForHint: true },
  {
    locale: 'en',
    languageButton: 'English',
    find: allHazards.slice(1),
    firstChoiceUnsafe: true,
    wrong: [quiz.questions[0]!.id],
    waitForHint: false,
  },
];

async function canvasIsDrawn(page: Page) {
  const png = PNG.sync.read(await page.locator('canvas').screenshot());
  const colours = new Set<number>();
  let differing = 0;
  const [r0, g0, b0] = [png.data[0]!, png.data[1]!, png.data[2]!];
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    colours.add((r << 16) | (g << 8) | b);
    if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 24) differing++;
  }
  return { colours: colours.size, differingShare: differing / (png.data.length / (4 * 7)) };
}

async function tapProp(page: Page, propId: string) {
  // A touch at a point does not wait, as a locator's tap does, for the screen to take touches after a change.
  await expect(page.locator('#root')).not.toHaveAttribute('aria-disabled', 'true');
  const point = await page.evaluate((id) => window.__ruyiScene?.propScreenPoint(id) ?? null, propId);
  expect(point, `prop ${propId} is on screen`).not.toBeNull();
  await page.touchscreen.tap(point!.x, point!.y);
}

for (const plan of plans) {
  test(`a visitor plays the whole fire visit by touch in ${plan.locale}`, async ({ page }) => {
    const l = (text: Parameters<typeof localize>[0]) => localize(text, plan.locale);
    const startedAt = new Date().toISOString();

    // 1. Attract screen
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.locale === 'zh-CN' ? '如意溪安全教育体验公园' : /如意溪/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoA11yViolations(page, 'attract');
    await expect(page.locator('.attract-start')).toHaveCSS('animation-name', 'breathe');
    await page.getByRole('button', { name: plan.languageButton }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', plan.locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.locale === 'zh-CN' ? '如意溪安全教育体验公园' : 'Ruyi Creek Safety Education Park');
    await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '轻触屏幕开始体验' : 'Touch the screen to start' }).tap();

    // 2. Park map: eight areas, only those with content can be entered
    await expect(page).toHaveURL(/\/map$/);
    await expect(page.locator('.area-card')).toHaveCount(8);
    await expect(page.locator('.area-card.open')).toHaveCount(openAreas);
    await expect(page.locator('.area-card.closed')).toHaveCount(8 - openAreas);
    // An area without content (while there is one) says so, and cannot be entered.
    if (openAreas < 8) await expect(page.locator('.area-card.closed').first()).toContainText(plan.locale === 'zh-CN' ? '即将开放' : 'Coming soon');
    await expect(page.locator('.area-card.closed a, .area-card.closed button')).toHaveCount(0);
    await expectNoA11yViolations(page, 'map');
    await page.locator(`.area-card[data-area="fire"] a[href="/play/${pack.id}/${scenario.id}"]`).tap();
    await expect(page).toHaveURL(`/play/${pack.id}/${scenario.id}`);

    // 3a. Case card
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l(caseCard.title));
    await expect(page.locator('.case-card')).toContainText(l(caseCard.cause));
    await expect(page.locator('.sources li')).toHaveCount(caseCard.sources.length);
    await expect(page.locator('.step-indicator')).toHaveText(
      plan.locale === 'zh-CN' ? `第 1 步，共 ${scenario.steps.length} 步：事故案例` : `Step 1 of ${scenario.steps.length}: Accident case`,
    );
    await expectNoA11yViolations(page, 'case card');
    await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '开始体验' : 'Begin', exact: true }).tap();

    // 3b. Hazard hunt in the 3D scene
    await page.waitForFunction(() => window.__ruyiScene?.ready === true);
    const counter = page.locator('.counter');
    const total = hazardHunt.hazards.length;
    await expect(counter).toContainText(`${0}`);
    if (plan.waitForHint) {
      const first = hazardHunt.hazards[0]!;
      await expect(page.locator('.hint')).toContainText(l(first.hint), { timeout: (hazardHunt.hintAfterSeconds + 15) * 1000 });
      // The hinted prop pulses: frames keep coming while the hint shows (reduced-motion.spec.ts checks they stop).
      const frame = () => page.evaluate(() => window.__ruyiScene!.info().frame);
      const before = await frame();
      await expect.poll(frame).toBeGreaterThan(before + 2);
    }
    const drawn = await canvasIsDrawn(page);
    expect(drawn.colours, 'distinct colours in the 3D view').toBeGreaterThan(50);
    expect(drawn.differingShare, 'share of pixels unlike the corner pixel').toBeGreaterThan(0.2);

    const decoy = scenario.scene.props.find((p) => !hazardHunt.hazards.some((h) => h.prop === p.id))!;
    await tapProp(page, decoy.id);
    await expect(page.locator('.feedback')).toContainText(l(decoy.label));
    await expect(counter).toContainText(`0`);

    let found = 0;
    for (const hazardId of plan.find) {
      const hazard = hazardHunt.hazards.find((h) => h.id === hazardId)!;
      await tapProp(page, hazard.prop);
      found++;
      await expect(page.locator('.feedback')).toContainText(l(hazard.name));
      await expect(counter).toContainText(plan.locale === 'zh-CN' ? `已找到 ${found} / ${total}` : `Found ${found} of ${total}`);
    }
    // Tapping a found hazard again does not count twice.
    await tapProp(page, hazardHunt.hazards.find((h) => h.id === plan.find[0])!.prop);
    await expect(counter).toContainText(plan.locale === 'zh-CN' ? `已找到 ${found} / ${total}` : `Found ${found} of ${total}`);

    const info = await page.evaluate(() => window.__ruyiScene!.info());
    expect(info.calls).toBeGreaterThan(0);
    expect(info.calls, 'draw calls per frame').toBeLessThanOrEqual(100);
    expect(info.triangles, 'triangles per frame').toBeLessThanOrEqual(300_000);
    await expectNoA11yViolations(page, 'hazard hunt');
    await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '完成寻找' : 'Finish searching' }).tap();

    // 3c. Review of found and missed hazards
    await expect(page.locator('.review-list li')).toHaveCount(total);
    await expect(page.locator('.review-list li.missed')).toHaveCount(total - plan.find.length);
    await expectNoA11yViolations(page, 'hazard review');
    await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '继续' : 'Continue', exact: true }).tap();

    // 3d. Escape decisions, following the branches the pack defines
    let nodeId: string | undefined = decisions.start;
    const taken: { nodeId: string; choiceId: string; safe: boolean }[] = [];
    while (nodeId) {
      const node = decisions.nodes.find((n) => n.id === nodeId)!;
      await expect(page.locator('.prompt')).toHaveText(l(node.prompt));
      const choice =
        taken.length === 0 && plan.firstChoiceUnsafe ? node.choices.find((c) => !c.safe)! : node.choices.find((c) => c.safe)!;
      if (taken.length === 0) await expectNoA11yViolations(page, 'decision');
      await page.getByRole('button', { name: l(choice.label), exact: true }).tap();
      await expect(page.locator('.consequence')).toContainText(l(choice.consequence));
      await expect(page.locator('.consequence .verdict')).toContainText(
        choice.safe ? (plan.locale === 'zh-CN' ? '正确的选择' : 'Safe choice') : plan.locale === 'zh-CN' ? '危险的选择' : 'Dangerous choice',
      );
      taken.push({ nodeId: node.id, choiceId: choice.id, safe: choice.safe });
      await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '继续' : 'Continue', exact: true }).tap();
      nodeId = choice.next;
    }
    expect(taken.length).toBeGreaterThanOrEqual(3);

    // 3e. Quiz
    const questions = quiz.questions;
    for (const [i, q] of questions.entries()) {
      await expect(page.locator('.quiz .prompt')).toHaveText(l(q.prompt));
      const answerIds = plan.wrong.includes(q.id) ? [q.choices.find((c) => !q.answer.includes(c.id))!.id] : q.answer;
      for (const id of answerIds) {
        const choice = q.choices.find((c) => c.id === id)!;
        await page.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: l(choice.label), exact: true }).tap();
      }
      if (i === 0) await expectNoA11yViolations(page, 'quiz question');
      await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '提交答案' : 'Submit answer' }).tap();
      await expect(page.locator('.explanation')).toContainText(l(q.explanation));
      const right = !plan.wrong.includes(q.id);
      await expect(page.locator('.explanation .verdict')).toContainText(
        right ? (plan.locale === 'zh-CN' ? '回答正确' : 'Correct') : plan.locale === 'zh-CN' ? '回答错误' : 'Not quite',
      );
      if (i === 0) await expectNoA11yViolations(page, 'quiz explanation');
      const last = i === questions.length - 1;
      await page
        .getByRole('button', { name: last ? (plan.locale === 'zh-CN' ? '查看成绩' : 'See my result') : plan.locale === 'zh-CN' ? '下一题' : 'Next question' })
        .tap();
    }

    // 3f. Result: score from the pack's points, the lessons, play again / back to the map
    const raw =
      plan.find.length * hazardHunt.pointsPerHazard +
      taken.filter((d) => d.safe).length * decisions.pointsPerSafeChoice +
      (questions.length - plan.wrong.length) * quiz.pointsPerQuestion;
    const max = total * hazardHunt.pointsPerHazard + taken.length * decisions.pointsPerSafeChoice + questions.length * quiz.pointsPerQuestion;
    await expect(page.getByTestId('score')).toContainText(`${raw} / ${max}`);
    const quizShare = (questions.length - plan.wrong.length) / questions.length;
    const passed = raw / max >= scenario.result.passScore && quizShare >= (quiz.passAt ?? 0.6);
    await expect(page.getByTestId('verdict')).toContainText(
      passed ? (plan.locale === 'zh-CN' ? '通过！' : 'Passed!') : plan.locale === 'zh-CN' ? '未通过' : 'Not passed yet',
    );
    // What was missed, under each step's name: the hazards not found and the questions answered wrongly.
    const missed = [...hazardHunt.hazards.filter((h) => !plan.find.includes(h.id)).map((h) => h.name), ...questions.filter((q) => plan.wrong.includes(q.id)).map((q) => q.prompt)];
    await expect(page.locator('.result-missed li')).toHaveCount(missed.length + taken.filter((d) => !d.safe).length);
    for (const text of missed) await expect(page.locator('.result-missed')).toContainText(l(text));
    await expect(page.locator('.lessons li')).toHaveCount(scenario.result.lessons.length);
    await expectNoA11yViolations(page, 'result');

    // Records: every step reached the kiosk-server's SQLite file.
    const visitStart = () => storedRecords(`type = 'visit-start' AND locale = ? AND at >= ?`, plan.locale, startedAt);
    await expect.poll(() => visitStart().length).toBe(1);
    const visitId = visitStart()[0]!.visit_id;
    await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-end').length).toBe(1);
    const records = storedRecords('visit_id = ?', visitId);
    const count = (type: string) => records.filter((r) => r.type === type).length;
    expect(count('scenario-start')).toBe(1);
    // The run's seed is recorded with its start (the server replays the run with it).
    expect(JSON.parse(records.find((r) => r.type === 'scenario-start')!.body).seed).toEqual(expect.any(Number));
    // Every step is recorded as it ends, in the order played.
    expect(records.filter((r) => r.type === 'step-end').map((r) => JSON.parse(r.body).stepId)).toEqual(scenario.steps.map((s) => s.id));
    expect(count('hazard-found')).toBe(plan.find.length);
    // What is stored is xAPI 1.0.3: every statement of the visit passes the validator the LRS uses.
    for (const r of records) expect(validateStatement(JSON.parse(r.statement)), `statement ${r.id}`).toEqual([]);
    expect(count('decision')).toBe(taken.length);
    expect(count('answer')).toBe(questions.length);
    const end = JSON.parse(records.find((r) => r.type === 'scenario-end')!.body);
    expect(end.score).toMatchObject({ raw, max });
    expect(records.find((r) => r.type === 'scenario-end')!.area).toBe('fire');
    const decisionBodies = records.filter((r) => r.type === 'decision').map((r) => JSON.parse(r.body));
    expect(decisionBodies.map((d) => ({ nodeId: d.nodeId, choiceId: d.choiceId, safe: d.safe }))).toEqual(taken);

    // Statistics include this visit.
    const stats = await readStatistics(page.request);
    const fire = stats.areas.find((a) => a.area === 'fire')!;
    expect(stats.visits).toBeGreaterThanOrEqual(1);
    expect(fire.completedScenarios).toBeGreaterThanOrEqual(1);
    expect(fire.averageScore).toBeGreaterThan(0);

    // Play again starts a fresh run at the case card; back to the map; end the visit.
    await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '再玩一次' : 'Play again' }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l(caseCard.title));
    await page.getByRole('link', { name: plan.locale === 'zh-CN' ? '返回地图' : 'Back to the map' }).tap();
    await expect(page).toHaveURL(/\/map$/);
    await page.getByRole('button', { name: plan.locale === 'zh-CN' ? '结束体验' : 'End my visit' }).tap();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end').length).toBe(1);
    expect(JSON.parse(storedRecords('visit_id = ? AND type = ?', visitId, 'visit-end')[0]!.body).reason).toBe('finished');
    // The second scenario-start (play again) was recorded as its own run.
    const runs = new Set(storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-start').map((r) => JSON.parse(r.body).runId));
    expect(runs.size).toBe(2);
  });
}
