// xAPI statements wait in the kiosk's IndexedDB outbox until the kiosk-server has them on disk: a server that cannot
// be reached, a reload in between, and an answer lost after the server stored the batch lose nothing and count
// nothing twice.
import type { Page } from '@playwright/test';
import { recordFromStatement, type Statement } from '@ruyi/xapi';
import { statementsOnDevice } from './device-storage.ts';
import { expect, loadFirePack, serverTest as test, storedRecords, XAPI_BASE } from './fixtures.ts';
import { stepOf } from './steps.ts';

const pack = loadFirePack();
const scenario = pack.scenarios[0]!;

/** The statements queued in this browser's outbox (the app's IndexedDB database), read back as records. */
async function queued(page: Page): Promise<{ id: string; visitId: string; type: string }[]> {
  const statements = await statementsOnDevice(page);
  return statements.map((s) => {
    const read = recordFromStatement(s, XAPI_BASE);
    if (!read) throw new Error(`queued statement ${s.id} is not Ruyi's`);
    return read.record;
  });
}

/** Console errors other than the failed record posts this test causes on purpose. */
function unexpectedErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource|ERR_FAILED|api\/statements/.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

test('statements made while the server is unreachable survive a reload and arrive once', async ({ page }) => {
  const errors = unexpectedErrors(page);
  await page.route('**/api/statements', (route) => route.abort('connectionrefused'));
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stepOf(scenario, 'case-card').title['zh-CN']);
  await expect.poll(async () => (await queued(page)).map((r) => r.type)).toEqual(['visit-start', 'scenario-start']);
  const [first] = await queued(page);
  expect(storedRecords('visit_id = ?', first!.visitId)).toEqual([]);

  // The kiosk is restarted while the server is still away: the statements are still queued.
  await page.reload();
  await page.goto('/');
  expect((await queued(page)).filter((r) => r.visitId === first!.visitId)).toHaveLength(2);

  // The server is back: the next start of the app sends them, once.
  await page.unroute('**/api/statements');
  await page.reload();
  await expect.poll(() => storedRecords('visit_id = ?', first!.visitId).map((r) => r.type)).toEqual(['visit-start', 'scenario-start']);
  await expect.poll(async () => (await queued(page)).length).toBe(0);
  expect(errors).toEqual([]);
});

test('a batch the server stored but whose answer was lost is resent and counted once', async ({ page }) => {
  const errors = unexpectedErrors(page);
  const since = new Date().toISOString();
  let posts = 0;
  await page.route('**/api/statements', async (route) => {
    posts++;
    if (posts === 1) {
      // The server gets the batch and commits it; the answer never reaches the kiosk.
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.goto(`/play/${pack.id}/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stepOf(scenario, 'case-card').title['zh-CN']);
  await expect.poll(async () => (await queued(page)).length, { timeout: 20_000 }).toBe(0);
  expect(posts).toBeGreaterThanOrEqual(2);
  const visitId = storedRecords(`type = 'visit-start' AND at >= ?`, since)[0]!.visit_id;
  const stored = storedRecords('visit_id = ?', visitId);
  expect(stored.map((r) => r.type)).toEqual(['visit-start', 'scenario-start']);
  expect(new Set(stored.map((r) => r.id)).size).toBe(stored.length);
  expect(errors).toEqual([]);
});

test('records an older version of the app left queued are sent as statements once, and its outbox is removed', async ({ page }) => {
  const errors = unexpectedErrors(page);
  // The old database is made on a page of the origin where the app does not run: an app starting meanwhile would look
  // for it at once, and might find it still empty and remove it with what the test is putting in.
  await page.goto('/api/health');
  const visitId = crypto.randomUUID();
  const legacy = [
    { type: 'visit-start', id: crypto.randomUUID(), visitId, at: new Date().toISOString(), platform: 'kiosk', locale: 'zh-CN' },
    { type: 'scenario-start', id: crypto.randomUUID(), visitId, at: new Date().toISOString(), platform: 'kiosk', locale: 'zh-CN', packId: pack.id, scenarioId: scenario.id, runId: crypto.randomUUID() },
  ];
  // The old app's database: 'ruyi-outbox', store 'outbox', auto-incremented keys.
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ruyi-outbox', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('outbox', { autoIncrement: true });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          for (const r of records) tx.objectStore('outbox').add(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    legacy,
  );
  await page.goto('/');
  // The app's start, the old database's reading and the send: on a loaded machine that passed 15 s once.
  await expect.poll(() => storedRecords('visit_id = ?', visitId).map((r) => r.type), { timeout: 60_000 }).toEqual(['visit-start', 'scenario-start']);
  expect(storedRecords('visit_id = ?', visitId).map((r) => r.id)).toEqual(legacy.map((r) => r.id));
  await page.reload();
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('ruyi-outbox');
  expect(storedRecords('visit_id = ?', visitId)).toHaveLength(2);
  expect(errors).toEqual([]);
});
