// No ghost input: a whole fire visit with every button (and every prop of the hunt) touched twice, 0 ms and 120 ms
// apart, stores exactly the statements of the same visit touched once; and no button pressed sits over a choice of the
// screen it leads to.
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, sharedServer, test } from './fixtures.ts';
import { screenSettled } from './play/words.ts';
import {
  answerQuiz,
  caseCard,
  endHunt,
  findHazards,
  playDecisions,
  resultAndLeave,
  startFireVisit,
  tap,
  visitSince,
  type Press,
} from './visit-steps.ts';

test.describe.configure({ mode: 'serial' });

/** What a statement says, without what differs between two plays of the same visit (ids, times, the run's shuffles). */
function statementsOf(visitId: string): string[] {
  const db = new Database(sharedServer().dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT body FROM statements WHERE visit_id = ? ORDER BY timestamp, seq').all(visitId) as { body: string }[];
    return rows.map(({ body }) => {
      const s = JSON.parse(body) as { verb: { id: string }; object: { id: string }; result?: Record<string, unknown> & { extensions?: Record<string, unknown> } };
      const { duration: _d, extensions = {}, ...result } = s.result ?? {};
      const kept = Object.fromEntries(Object.entries(extensions).filter(([k]) => !/\/(at-ms|choice-order)$/.test(k)));
      return JSON.stringify({ verb: s.verb.id, object: s.object.id, result: { ...result, extensions: kept } });
    });
  } finally {
    db.close();
  }
}

/** What the visitor sees as one screen: the route, the step, its heading and its question. */
const screenOf = (page: Page) =>
  page.evaluate(() =>
    [location.pathname, document.querySelector('main')?.className, document.querySelector('h1')?.textContent, document.querySelector('.prompt')?.textContent].join(' | '),
  );

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

interface Checked {
  presses: number;
  screenChanges: number;
  /** Screen changes that showed choices, each checked against the button pressed. */
  choiceScreens: number;
}

/**
 * Two touches at the middle of the control (real touch events, as a finger sends them), `gapMs` apart. The second
 * comes after the first has been handled: it lands on whatever the first one put there. When the screen changed, no
 * choice of the new screen may lie under the control pressed.
 */
function doubleTap(gapMs: number, checked: Checked): Press {
  return async (page: Page, control: Locator, at?: { x: number; y: number }) => {
    let rect: Rect | null = null;
    let point = at;
    if (!point) {
      // A locator waits for the screen to take touches (it says so while it does not), as the visitor's eye would.
      await expect(control).toBeEnabled();
      await control.scrollIntoViewIfNeeded();
      rect = await control.boundingBox();
      expect(rect, 'the control is on screen').not.toBeNull();
      point = { x: rect!.x + rect!.width / 2, y: rect!.y + rect!.height / 2 };
    } else await screenSettled(page);
    const before = await screenOf(page);
    await page.touchscreen.tap(point.x, point.y);
    // The gap is part of the touch itself (a finger's double tap), not a wait for the page.
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    await page.touchscreen.tap(point.x, point.y);
    checked.presses++;

    if (!rect || (await screenOf(page)) === before) return;
    checked.screenChanges++;
    const choices = await page.locator('.choice').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
    );
    if (choices.length === 0) return;
    checked.choiceScreens++;
    const under = choices.filter((c) => overlap(c, rect!));
    expect(under, `choices of the new screen (${await screenOf(page)}) under the button just pressed at ${JSON.stringify(rect)}`).toEqual([]);
  };
}

async function playWholeVisit(page: Page, press: Press): Promise<string> {
  const since = new Date().toISOString();
  await startFireVisit(page, press);
  const visitId = await visitSince(since);
  await caseCard(page, press);
  await findHazards(page, 0, 6, press);
  await endHunt(page, press);
  await playDecisions(page, press);
  await answerQuiz(page, 0, 7, press);
  await resultAndLeave(page, press);
  return visitId;
}

/** Waits until the server has the visit's end: every statement of the visit is in. */
async function storedVisit(visitId: string): Promise<string[]> {
  await expect.poll(() => statementsOf(visitId).some((s) => s.includes('terminated'))).toBe(true);
  return statementsOf(visitId);
}

let single: string[] = [];

test('the fire visit touched once: the statements to compare with', async ({ page }) => {
  single = await storedVisit(await playWholeVisit(page, tap));
  expect(single.length).toBeGreaterThan(20);
});

for (const gapMs of [0, 120]) {
  test(`every button touched twice, ${gapMs} ms apart, stores exactly the statements of single touches`, async ({ page }) => {
    expect(single.length, 'the single-touch visit ran first').toBeGreaterThan(0);
    const checked: Checked = { presses: 0, screenChanges: 0, choiceScreens: 0 };
    const since = new Date().toISOString();
    const visitId = await playWholeVisit(page, doubleTap(gapMs, checked));
    expect(await storedVisit(visitId)).toEqual(single);
    // The checks above really ran: every situation and question came after a press.
    expect(checked.presses).toBeGreaterThan(30);
    expect(checked.choiceScreens).toBeGreaterThanOrEqual(10);
    // The second touch on "finish" landed on the attract screen's start, which it must not have pressed.
    await expect(page).toHaveURL(/\/$/);
    const db = new Database(sharedServer().dbPath, { readonly: true, fileMustExist: true });
    try {
      const starts = db.prepare(`SELECT COUNT(*) AS n FROM statements WHERE kind = 'visit-start' AND timestamp >= ?`).get(since) as { n: number };
      expect(starts.n).toBe(1);
    } finally {
      db.close();
    }
  });
}
