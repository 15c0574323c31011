// Hand tracking in an emulated Meta Quest 3 (IWER): no controllers, the visitor pinches (thumb to index) with the ray
// of a tracked hand. The case card's continue button and a hazard prop respond to a pinch; the run advances and the
// hazard reaches the kiosk-server as a VR record.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { loadFirePack } from './fixtures.ts';
import { appXrFrames, endSessionFromDevice, enterVr, pinch, setInputMode, waitForTarget, xrTargets, XR_VIEWPORT } from './xr/harness.ts';
import { expect, test } from './xr/fixtures.ts';
import { awaitRunVisit, countOf, pressPropUntil, stepOf, visitRecords } from './xr/scenario.ts';
import { stationEnterButton, stationReady } from './xr/station.ts';

const pack: Pack = loadFirePack();
const scenario: Scenario = pack.scenarios[0]!;

test.use({ viewport: XR_VIEWPORT });

test('a visitor with tracked hands pinches the case card and a hazard', async ({ page }) => {
  test.setTimeout(300_000);
  const since = new Date().toISOString();
  await page.goto(`/vr/${pack.id}/${scenario.id}`);
  await stationReady(page);
  await enterVr(page, stationEnterButton(page));
  const visitId = await awaitRunVisit(scenario, since);

  // Put the controllers down: IWER swaps them for two tracked hands (an inputsourceschange the app must follow).
  await setInputMode(page, 'hand');
  const hands = await page.evaluate(() => [...window.__iwer!.activeSession!.inputSources].map((s) => [s.handedness, Boolean(s.hand)]));
  expect(hands.sort()).toEqual([
    ['left', true],
    ['right', true],
  ]);

  // Case card → hunt by a pinch.
  await waitForTarget(page, 'button:case-card.continue');
  await pinch(page, 'button:case-card.continue');
  await waitForTarget(page, 'button:hunt.done');
  await expect
    .poll(async () => (await xrTargets(page)).find((t) => t.id === 'button:case-card.continue')?.visible ?? false, {
      message: 'the case card is gone',
    })
    .toBe(false);

  // One hazard, pinched with the left hand this time.
  const hazard = stepOf(scenario, 'hazard-hunt').hazards[0]!;
  await pressPropUntil(page, (p, id, o) => pinch(p, id, { ...o, hand: 'left' }), hazard.prop, async () => (await countOf(visitId, 'hazard-found')) >= 1);
  const recorded = visitRecords(visitId).filter((r) => r.type === 'hazard-found');
  expect(recorded).toHaveLength(1);
  expect(JSON.parse(recorded[0]!.body).hazardId).toBe(hazard.id);
  expect(recorded[0]!.platform).toBe('vr');
  expect(await appXrFrames(page)).toBeGreaterThan(0);

  // The visitor takes the headset off: the session ends from the device's side, the station is ready again.
  await endSessionFromDevice(page);
  await stationReady(page);
});
