// Shared Playwright fixtures: a page that fails the test on any console error, axe-core checks, the stored records
// (read straight from the kiosk-server's SQLite file), and the pack the visitor plays (read with the real loader).
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { SummaryResponse } from '@ruyi/api-contract';
import type { Pack } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { recordFromStatement, type Statement } from '@ruyi/xapi';
import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { adminCli, startServer, type ServerHandle } from './servers.ts';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const E2E_PORT = Number(process.env.RUYI_E2E_PORT ?? 18765);
/** A port for a spec's own extra server, clear of the workers' shared ones (E2E_PORT + 100 + worker). */
export const extraPort = (n: number) => E2E_PORT + n;

// Each Playwright worker is its own process with its own kiosk-server, so specs running side by side never read each
// other's statements or settings. Within a worker, specs share it, in file order.
let workerServer: ServerHandle | null = null;

/** This worker's kiosk-server: the one `baseURL` points at. */
export function sharedServer(): ServerHandle {
  if (!workerServer) throw new Error("the worker's kiosk-server is not running (use the test from test/fixtures.ts)");
  return workerServer;
}

// The statistics are for staff: a city analyst of this worker's server, made once with the admin CLI.
const ANALYST = { login: 'e2e-analyst', password: 'e2e analyst password' };
let analystOn: string | null = null;

/** GET /api/stats/summary of this worker's kiosk-server, logged in as an analyst. */
export async function readStatistics(request: APIRequestContext): Promise<SummaryResponse> {
  const server = sharedServer();
  if (analystOn !== server.dataDir) {
    adminCli(server.dataDir, ['account', 'add', ANALYST.login, '--role', 'analyst', '--scope', 'city'], `${ANALYST.password}\n`);
    analystOn = server.dataDir;
  }
  const session = await request.post(`${server.base}/api/admin/session`, { data: ANALYST });
  expect(session.status(), await session.text()).toBe(200);
  const { token } = (await session.json()) as { token: string };
  const summary = await request.get(`${server.base}/api/stats/summary`, { headers: { authorization: `Bearer ${token}` } });
  expect(summary.status()).toBe(200);
  return (await summary.json()) as SummaryResponse;
}

/** The base test with this worker's kiosk-server started and `baseURL` pointing at it. */
export const serverTest = base.extend<object, { kioskServer: ServerHandle }>({
  kioskServer: [
    async ({}, use, workerInfo) => {
      const port = E2E_PORT + 100 + workerInfo.parallelIndex;
      const dataDir = join('.e2e-data', String(port));
      rmSync(dataDir, { recursive: true, force: true });
      workerServer = await startServer({ port, dataDir });
      await use(workerServer);
      await workerServer.stop();
      workerServer = null;
    },
    { scope: 'worker', auto: true, timeout: 90_000 },
  ],
  baseURL: async ({ kioskServer }, use) => use(kioskServer.base),
});

export function loadFirePack(): Pack {
  const content = readContent('content');
  const pack = content.packs.find((p) => p.id === 'fire-dehui-2013');
  if (!pack) throw new Error(`the fire pack did not load: ${JSON.stringify(content.problems)}`);
  return pack;
}

/** The server's default RUYI_XAPI_BASE (the e2e server does not set one). */
export const XAPI_BASE = 'https://ruyi.localhost/xapi/';

export interface StoredRecord {
  id: string;
  type: string;
  visit_id: string;
  locale: string;
  platform: string;
  pack_id: string | null;
  scenario_id: string | null;
  area: string | null;
  score_scaled: number | null;
  /** The record the stored statement was made from (JSON), as the server reads it back. */
  body: string;
  /** The statement exactly as stored. */
  statement: string;
}

/**
 * The kiosk's records, as the server stored them: Ruyi's statements read back as records (one per record; a scenario
 * end's passed/failed twin is left out). `where` may use type, visit_id, at, platform, pack_id, area.
 */
export function storedRecords(where = '1 = 1', ...params: unknown[]): StoredRecord[] {
  const db = new Database(sharedServer().dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT * FROM (
           SELECT id, kind AS type, visit_id, locale, platform, pack_id, scenario_id, area, score_scaled, body AS statement, timestamp AS at, seq
           FROM statements WHERE kind IS NOT NULL AND kind <> 'scenario-verdict'
         ) WHERE ${where} ORDER BY at, seq`,
      )
      .all(...params) as (Omit<StoredRecord, 'body'> & { at: string; seq: number })[];
    return rows.map(({ at: _at, seq: _seq, ...row }) => {
      const read = recordFromStatement(JSON.parse(row.statement) as Statement, XAPI_BASE);
      if (!read) throw new Error(`stored statement ${row.id} does not read back as a Ruyi record`);
      return { ...row, body: JSON.stringify(read.record) };
    });
  } finally {
    db.close();
  }
}

/** Runs axe-core on the page as it is and fails on any violation, naming the rule and the elements. */
export async function expectNoA11yViolations(page: Page, screen: string) {
  // Evaluated, not added as a <script> tag: the server's content security policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe-core violations on the ${screen} screen`).toEqual([]);
}

/**
 * Collects the page's console errors, uncaught errors and content security policy violations into `errors`. `ignore`
 * leaves out console errors whose text it matches (never uncaught errors or violations).
 */
export async function watchErrors(page: Page, errors: string[], { ignore }: { ignore?: RegExp } = {}) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ignore?.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  // Content security policy violations: Chromium logs most as console errors, but not all (a refused worker, a
  // violation inside a frame); the page's own event catches every one.
  await page.exposeFunction('__ruyiCspViolation', (text: string) => errors.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __ruyiCspViolation(t: string): void }).__ruyiCspViolation(
        `CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    ),
  );
}

export const test = serverTest.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      await watchErrors(page, errors);
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * The scene's statistics once every change is drawn: no frame pending, and none drawn between two looks. One idle look
 * is not enough: a change shows in the page before the scene's effect asks for the frame that draws it.
 */
export async function settledScene(page: Page) {
  type Info = ReturnType<NonNullable<Window['__ruyiScene']>['info']>;
  let last: Info | null = null;
  await expect
    .poll(async () => {
      const now = await page.evaluate(() => (window.__ruyiScene?.idle ? window.__ruyiScene.info() : null));
      const settled = now !== null && last !== null && now.frame === last.frame;
      last = now;
      return settled;
    })
    .toBe(true);
  return last!;
}

export { expect };
