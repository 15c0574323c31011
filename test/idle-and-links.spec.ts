// A visitor who walks away, deep links that operators and QR codes use, and the operator's content screen.
import { expect, expectNoA11yViolations, loadFirePack, storedRecords, test } from './fixtures.ts';
import { stepOf } from './steps.ts';

const pack = loadFirePack();
const scenario = pack.scenarios[0]!;

test('an idle kiosk warns, counts down, then clears the visit and returns to the attract screen', async ({ page }) => {
  const startedAt = new Date().toISOString();
  // Short timeouts for this kiosk through the start-up URL (the server default is 90 s + 10 s); long enough for the
  // three screens before the hunt, each of which takes touches only once it has settled.
  await page.goto('/?idleSeconds=6&idleCountdownSeconds=4');
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByRole('button', { name: 'Touch the screen to start' }).tap();
  await page.locator(`.area-card[data-area="fire"] a[href="/play/${pack.id}/${scenario.id}"]`).tap();
  await page.getByRole('button', { name: 'Begin', exact: true }).tap();
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);

  // The warning appears; "I'm still here" keeps the visit going where it was.
  const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog).toContainText(/In \d seconds/);
  await expectNoA11yViolations(page, 'idle warning');
  await dialog.getByRole('button', { name: "I'm still here" }).tap();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`/play/${pack.id}/${scenario.id}`);
  await expect(page.locator('.counter')).toBeVisible();

  // Left alone, the visit ends: attract screen, Chinese again, nothing of the visitor left.
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(/\/$/, { timeout: 10_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '轻触屏幕开始体验' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');

  const visit = storedRecords(`type = 'visit-start' AND at >= ?`, startedAt)[0]!;
  await expect.poll(() => storedRecords('visit_id = ? AND type = ?', visit.visit_id, 'visit-end').length).toBe(1);
  expect(JSON.parse(storedRecords('visit_id = ? AND type = ?', visit.visit_id, 'visit-end')[0]!.body).reason).toBe('timeout');

  // The next visitor starts a new visit, at the start of the scenario.
  await page.getByRole('button', { name: '轻触屏幕开始体验' }).tap();
  await page.locator(`.area-card[data-area="fire"] a[href="/play/${pack.id}/${scenario.id}"]`).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stepOf(scenario, 'case-card').title['zh-CN']);
  await expect.poll(() => storedRecords(`type = 'visit-start' AND at >= ?`, startedAt).length).toBe(2);
});

test('a deep link opens its scenario directly and starts a visit', async ({ page }) => {
  const startedAt = new Date().toISOString();
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stepOf(scenario, 'case-card').title['zh-CN']);
  await expect.poll(() => storedRecords(`type = 'scenario-start' AND at >= ?`, startedAt).length).toBe(1);
  expect(storedRecords(`type = 'visit-start' AND at >= ?`, startedAt)).toHaveLength(1);
  expect(storedRecords(`at >= ?`, startedAt).map((r) => r.platform)).toEqual(['kiosk', 'kiosk']);
});

test('a school PC opened once with ?device=web records as web from then on', async ({ page }) => {
  const startedAt = new Date().toISOString();
  await page.goto(`/play/${pack.id}/${scenario.id}?device=web`);
  await expect.poll(() => storedRecords(`type = 'scenario-start' AND at >= ?`, startedAt).map((r) => r.platform)).toEqual(['web']);
  // The browser remembers it: a later visit without the query is still the school's PC. (A page load alone goes on
  // with the visit: this one ends first.)
  await page.getByRole('link', { name: '返回地图' }).first().tap();
  await page.getByRole('button', { name: '结束体验' }).tap();
  await expect(page).toHaveURL(/\/$/);
  const secondAt = new Date().toISOString();
  await page.goto('/');
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await expect.poll(() => storedRecords(`type = 'scenario-start' AND at >= ?`, secondAt).map((r) => r.platform)).toEqual(['web']);
});

test('a deep link to a scenario that does not exist explains itself and leads back to the map', async ({ page }) => {
  await page.goto('/play/no-such-pack/nothing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个体验项目。');
  await expect(page.getByText('no-such-pack')).toBeVisible();
  await expectNoA11yViolations(page, 'not found');
  await page.getByRole('link', { name: '返回地图' }).tap();
  await expect(page).toHaveURL(/\/map$/);
});

test('the operator screen lists the live packs', async ({ page }) => {
  await page.goto('/operator');
  await expect(page.getByRole('cell', { name: pack.id, exact: true })).toBeVisible();
  await expect(page.getByText('所有内容包均有效。')).toBeVisible();
  await expectNoA11yViolations(page, 'operator');
});
