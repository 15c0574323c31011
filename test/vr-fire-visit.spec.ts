// A whole fire visit in an emulated Meta Quest 3 (IWER), by controller selects only: a student of a 平安校园 class joins
// at the VR station by the teacher's link, the station hands the headset over, the student plays the case card, the
// hunt, the review, every decision, every quiz question, sees the result and leaves VR with the in-world exit button;
// the station is ready for the next visitor and offers the student's certificate. Checks the XR frames and per-eye
// budgets, that nothing is fetched from outside the kiosk-server, the records (platform 'vr') in SQLite, and that the
// certificate verifies. (Joining by keypad, and what the class sees, are classes-vr.spec.ts's.)
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { expectNoA11yViolations, loadFirePack, storedRecords, readStatistics } from './fixtures.ts';
import { appXrFrames, enterVr, exitVr, harnessFrames, isPresenting, select, waitForTarget, waitForXrFrames, xrInfoPerEye, XR_TIMEOUT, XR_VIEWPORT } from './xr/harness.ts';
import { expect, test } from './xr/fixtures.ts';
import { awaitRunVisit, countOf, playWholeScenario, pressPropUntil, stepOf, visitRecords } from './xr/scenario.ts';
import { stationEnterButton, stationReady, t } from './xr/station.ts';
import { fill } from './play/words.ts';
import { openClass, printStationCertificate } from './xr/stationClass.ts';

// The tests share nothing but the worker's server: each may run on either worker, so a long file does not keep
// one worker busy at the end of the run while the other waits.
test.describe.configure({ mode: 'parallel' });

const pack: Pack = loadFirePack();
const scenario: Scenario = pack.scenarios[0]!;
const hunt = stepOf(scenario, 'hazard-hunt');
const quiz = stepOf(scenario, 'quiz');

test.use({ viewport: XR_VIEWPORT });

test('a class student plays the whole fire scenario in an emulated Quest 3 with controllers, and prints the certificate at the station', async ({ page }) => {
  test.setTimeout(900_000);
  const since = new Date().toISOString();
  const opened = await openClass(page.request, { login: 'e2e-vr-visit-teacher', password: 'safe campus vr visit 2026' }, 'SCH-0078', 4, '1班');

  // The operator's list of scenarios, then the station, ready for a visitor; one tap hands the headset over and
  // enters VR. Both are 2D screens: axe-core checks them.
  await page.goto('/vr');
  await expect(page.getByRole('link').first()).toBeVisible();
  await expectNoA11yViolations(page, 'VR station list');
  // The teacher's link on the station: the keypad opens with the class's code; the station holds seat 1.
  await page.goto(`/vr/${pack.id}/${scenario.id}?join=${opened.cls.code}`);
  const keypad = page.getByRole('dialog', { name: t('classes.join.title') });
  await keypad.getByRole('button', { name: t('classes.join.submit'), exact: true }).click();
  await expect(page.getByTestId('station-class')).toHaveText(fill(t('vr.station.joined'), { class: opened.className, seat: 1 }));
  await stationReady(page);
  await expectNoA11yViolations(page, 'VR station ready');
  await enterVr(page, stationEnterButton(page));
  const framesAtEntry = await appXrFrames(page);
  await waitForXrFrames(page, 5);
  await expect.poll(() => appXrFrames(page), { message: 'XR frames keep coming' }).toBeGreaterThan(framesAtEntry);

  // Budgets per eye, measured at the start (the room, the case card) and again in the hunt with every marker shown.
  const budgets: { step: string; calls: number; triangles: number; eyes: number }[] = [];
  const measure = async (step: string) => {
    const info = await xrInfoPerEye(page);
    budgets.push({ step, ...info });
    expect(info.eyes, 'eyes drawn per XR frame').toBe(2);
    expect(info.calls, `draw calls per eye (${step})`).toBeGreaterThan(0);
    expect(info.calls, `draw calls per eye (${step})`).toBeLessThanOrEqual(100);
    expect(info.triangles, `triangles per eye (${step})`).toBeLessThanOrEqual(300_000);
  };
  await measure('case card');

  const visitId = await awaitRunVisit(scenario, since);
  const { taken, found } = await playWholeScenario(page, scenario, visitId, {
    afterHunt: () => measure('hunt, every hazard found'),
  });
  await measure('result');

  // Everything right: the engine's score for this run is the maximum.
  // Records reach the server through the device's IndexedDB outbox: wait for the last one rather than race it.
  await expect.poll(() => visitRecords(visitId).some((r) => r.type === 'scenario-end'), { message: 'a scenario-end record arrives', timeout: XR_TIMEOUT }).toBe(true);
  const records = visitRecords(visitId);
  const end = records.find((r) => r.type === 'scenario-end');
  expect(end, 'a scenario-end record').toBeDefined();
  const drill = stepOf(scenario, 'decisions');
  const max = hunt.hazards.length * hunt.pointsPerHazard + taken.length * drill.pointsPerSafeChoice + quiz.questions.length * quiz.pointsPerQuestion;
  const body = JSON.parse(end!.body);
  expect(body.score).toMatchObject({ raw: max, max, scaled: 1 });
  expect(body.passed).toBe(true);

  // Leave VR with the in-world button: back to 2D, the station ready for the next visitor.
  const framesBeforeExit = await harnessFrames(page);
  expect(framesBeforeExit, 'XR frames the harness counted').toBeGreaterThan(50);
  await exitVr(page);
  expect(await isPresenting(page)).toBe(false);
  await stationReady(page);

  // The records: this visit, all from the headset.
  await expect.poll(() => visitRecords(visitId).filter((r) => r.type === 'visit-end').length, { timeout: XR_TIMEOUT }).toBe(1);
  const all = visitRecords(visitId);
  const count = (type: string) => all.filter((r) => r.type === type).length;
  expect(new Set(all.map((r) => r.platform)), 'platform of every record of the visit').toEqual(new Set(['vr']));
  expect(count('visit-start')).toBe(1);
  expect(count('scenario-start')).toBe(1);
  expect(count('hazard-found')).toBe(found.length);
  expect(count('decision')).toBe(taken.length);
  expect(count('answer')).toBe(quiz.questions.length);
  expect(count('scenario-end')).toBe(1);
  expect(all.filter((r) => r.type === 'decision').map((r) => JSON.parse(r.body)).map((d) => ({ nodeId: d.nodeId, choiceId: d.choiceId, safe: d.safe }))).toEqual(taken);
  expect(all.filter((r) => r.type === 'answer').every((r) => JSON.parse(r.body).correct === true)).toBe(true);
  expect(all.find((r) => r.type === 'scenario-end')!.score_scaled).toBe(1);
  expect(all.find((r) => r.type === 'scenario-end')!.area).toBe('fire');
  expect(JSON.parse(all.find((r) => r.type === 'visit-end')!.body).reason).toBe('finished');

  // The statistics count a VR visit.
  const stats = await readStatistics(page.request);
  const vr = stats.platforms.find((p) => p.platform === 'vr')!;
  expect(vr.visits, 'VR visits in the statistics').toBeGreaterThanOrEqual(1);

  console.log(`per-eye budgets: ${JSON.stringify(budgets)}; XR frames ${framesBeforeExit}`);

  // The station's page offers the student's certificate; it prints and verifies.
  await printStationCertificate(page, opened, pack, scenario, visitId);
});

test('the touch screen hands its run to the headset and takes it back', async ({ page }) => {
  test.setTimeout(300_000);
  const since = new Date().toISOString();
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // "Enter VR" on the play screen: the same run goes on in the headset, recorded as VR from now on.
  await enterVr(page, page.getByRole('button', { name: t('vr.enter'), exact: true }));
  await expect(page.getByText(t('vr.presenting.heading'))).toBeVisible();
  await select(page, 'button:case-card.continue');
  await waitForTarget(page, 'button:hunt.done');
  const hazard = hunt.hazards.find((h) => h.prop === 'cardboard-stack') ?? hunt.hazards[0]!;
  const visitId = () => storedRecords(`type = 'scenario-start' AND scenario_id = ? AND at >= ?`, scenario.id, since).at(-1)?.visit_id;
  await expect.poll(visitId, { timeout: XR_TIMEOUT }).toBeDefined();
  await pressPropUntil(page, select, hazard.prop, async () => (await countOf(visitId()!, 'hazard-found')) >= 1);
  expect(visitRecords(visitId()!).find((r) => r.type === 'hazard-found')!.platform).toBe('vr');

  // Out of the headset: the touch screen shows the hunt where the headset left it.
  await exitVr(page);
  await expect(page.locator('.counter')).toBeVisible();
  await expect(page.getByRole('button', { name: t('vr.enter'), exact: true })).toBeEnabled();
});
