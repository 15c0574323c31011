// 平安校园 at a VR station: a teacher's class is opened through the API; at the station's 2D page (/vr/<pack>/<scenario>)
// a student joins with the keypad by keyboard, the headset enters VR (IWER, an emulated Quest 3), the case card is
// continued, and every statement the server stored of that visit carries the class code, says platform 'vr' and is
// noted under seat 1; the teacher's live list shows seat 1 on a VR headset with the scenario. After the session the
// station is ready again with no class, and offers no certificate (the run was not finished: the whole visit to its
// certificate is vr-fire-visit.spec.ts's). A join link (`?join=CODE`) on the station brings the keypad with the code,
// and staff can let a held seat go. axe-core on the station's 2D screens.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import Database from 'better-sqlite3';
import { expectNoA11yViolations, loadFirePack, sharedServer } from './fixtures.ts';
import { enterVr, exitVr, select, waitForTarget, XR_TIMEOUT, XR_VIEWPORT } from './xr/harness.ts';
import { expect, test } from './xr/fixtures.ts';
import { awaitRunVisit, visitRecords } from './xr/scenario.ts';
import { stationEnterButton, stationReady, t } from './xr/station.ts';
import { fill } from './play/words.ts';
import { classReport, openClass, stationCertificate } from './xr/stationClass.ts';

const TEACHER = { login: 'e2e-vr-teacher', password: 'safe campus vr teacher 2026' };
const SCHOOL = 'SCH-0077';
const pack: Pack = loadFirePack();
const scenario: Scenario = pack.scenarios[0]!;

test.use({ viewport: XR_VIEWPORT });

test('a student joins a class at the VR station by keypad, plays in the headset, and the class counts it as VR', async ({ page }) => {
  test.setTimeout(600_000);
  const since = new Date().toISOString();

  // The teacher's class, opened through the API.
  const opened = await openClass(page.request, TEACHER, SCHOOL);
  const { cls, className } = opened;

  // The station, ready; "join a class" and the keypad, all by keyboard.
  await page.goto(`/vr/${pack.id}/${scenario.id}`);
  await stationReady(page);
  await page.getByRole('button', { name: t('classes.join.open'), exact: true }).focus();
  await page.keyboard.press('Enter');
  const keypad = page.getByRole('dialog', { name: t('classes.join.title') });
  await expect(keypad).toBeVisible();
  await expect(keypad.getByRole('group', { name: t('classes.join.keypad') }).getByRole('button').first()).toBeFocused();
  await expectNoA11yViolations(page, 'VR station, the join keypad');
  await page.keyboard.type(cls.code.toLowerCase());
  await expect(keypad.getByTestId('join-code')).toContainText(`${cls.code.slice(0, 3)} ${cls.code.slice(3)}`);
  await keypad.getByRole('button', { name: t('classes.join.submit'), exact: true }).focus();
  await page.keyboard.press('Enter');

  // Held by the station until the headset's visit takes it; the next step, the hand-over, has the focus.
  await expect(keypad).toBeHidden();
  await expect(page.getByTestId('station-class')).toHaveText(fill(t('vr.station.joined'), { class: className, seat: 1 }));
  await expect(stationEnterButton(page)).toBeFocused();
  await expect(page.getByRole('button', { name: t('classes.join.open'), exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page, 'VR station, a class joined');
  const joined = await classReport(page.request, opened);
  expect(joined.students.map((s) => [s.seat, s.platform])).toEqual([[1, 'vr']]);

  // Into the headset; past the case card.
  await enterVr(page, stationEnterButton(page));
  const visitId = await awaitRunVisit(scenario, since);
  await select(page, 'button:case-card.continue');
  await waitForTarget(page, 'button:hunt.done');

  // What the server stored of the visit: every statement with the class code, from the headset, under seat 1.
  const db = () => new Database(sharedServer().dbPath, { readonly: true, fileMustExist: true });
  const stored = () => {
    const d = db();
    try {
      return d.prepare(`SELECT platform, body FROM statements WHERE visit_id = ? ORDER BY seq`).all(visitId) as { platform: string; body: string }[];
    } finally {
      d.close();
    }
  };
  await expect.poll(() => stored().length, { message: 'the case card step reached the server', timeout: XR_TIMEOUT }).toBeGreaterThanOrEqual(3);
  const rows = stored();
  for (const row of rows) {
    expect(row.platform).toBe('vr');
    expect(row.body).toContain(`"${cls.classCode}"`);
  }
  const d = db();
  const seatVisit = d.prepare(`SELECT seat FROM class_seat_visits WHERE class_id = ? AND visit_id = ?`).get(cls.id, visitId) as { seat: number } | undefined;
  const facts = d.prepare(`SELECT DISTINCT platform, school FROM statement_facts WHERE visit_id = ?`).all(visitId);
  d.close();
  expect(seatVisit?.seat).toBe(1);
  expect(facts).toEqual([{ platform: 'vr', school: SCHOOL }]);

  // The teacher's live list: seat 1, a VR headset, playing the scenario.
  await expect
    .poll(async () => (await classReport(page.request, opened)).students.map((s) => ({ seat: s.seat, platform: s.platform, scenarios: s.scenarios.map((x) => x.scenario) })))
    .toEqual([{ seat: 1, platform: 'vr', scenarios: [`${pack.id}/${scenario.id}`] }]);

  // Out of the headset: the station is ready for the next visitor, in no class (the seat ended with the visit).
  await exitVr(page);
  await stationReady(page);
  await expect(page.getByRole('button', { name: t('classes.join.open'), exact: true })).toBeVisible();
  await expect(page.getByTestId('station-class')).toHaveText('');
  await expect.poll(() => visitRecords(visitId).some((r) => r.type === 'visit-end'), { message: 'the visit ended', timeout: XR_TIMEOUT }).toBe(true);
  expect(stored().every((s) => s.platform === 'vr' && s.body.includes(`"${cls.classCode}"`))).toBe(true);
  // The run was left at its first step: nothing to certify.
  await expect(stationCertificate(page)).toHaveText('');
  await expect(page.getByRole('button', { name: t('classes.certificate.print'), exact: true })).toHaveCount(0);

  // The teacher's QR link on the station: the keypad opens with the code; the seat (2) is held, and staff let it go.
  await page.goto(`/vr/${pack.id}/${scenario.id}?join=${cls.code}`);
  const again = page.getByRole('dialog', { name: t('classes.join.title') });
  await expect(again.getByTestId('join-code')).toContainText(`${cls.code.slice(0, 3)} ${cls.code.slice(3)}`);
  await again.getByRole('button', { name: t('classes.join.submit'), exact: true }).click();
  await expect(page.getByTestId('station-class')).toHaveText(fill(t('vr.station.joined'), { class: className, seat: 2 }));
  await page.getByRole('button', { name: t('vr.station.leaveClass'), exact: true }).click();
  await expect(page.getByRole('button', { name: t('classes.join.open'), exact: true })).toBeVisible();
  await expect(page.getByTestId('station-class')).toHaveText('');
});
