// A hub's /operator: two parks' kiosk-servers forward to a real hub (RUYI_MODE=hub, each park's client made with the
// real CLI) and report their own state to it next to the statements they forward. Staff log in on the hub's
// /operator and read each park's server in words, in either language: reachable or not, its devices, what is still to
// forward, the last sync. Every server is this spec's own, in a temporary folder.
import type { DeviceHeartbeat } from '@ruyi/api-contract';
import type { VisitRecord } from '@ruyi/mechanics';
import { statementsFromRecord } from '@ruyi/xapi';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoA11yViolations, extraPort, test, XAPI_BASE } from './fixtures.ts';
import { adminCli, startServer, type ServerHandle } from './servers.ts';

const PORTS = { hub: extraPort(96), east: extraPort(97), west: extraPort(98) };
const HUB = `http://127.0.0.1:${PORTS.hub}`;
const EAST = `http://127.0.0.1:${PORTS.east}`;
const PASSWORD = 'city staff only 2026';
/** The server's default RUYI_PARK_IRI (these servers do not set one). */
const PARK_IRI = 'https://ruyi.localhost/parks/local';
let servers: ServerHandle[] = [];
let root: string;
let eastAuth: string;

/** A park's client on the hub, made with the real CLI: the credentials that park syncs and reports with. */
function hubClient(hubDir: string, name: string): Record<string, string> {
  const [key, secret] = adminCli(hubDir, ['client', 'add', name, '--role', 'kiosk']).trim().split('\n').at(-1)!.split(':') as [string, string];
  // Reports every second, so the hub hears about a change while the test waits, not a minute later.
  return { RUYI_SYNC_URL: `${HUB}/xapi/`, RUYI_SYNC_KEY: key, RUYI_SYNC_SECRET: secret, RUYI_FLEET_REPORT_SECONDS: '1' };
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-hub-operator-e2e-'));
  const dirs = { hub: join(root, 'hub'), east: join(root, 'east'), west: join(root, 'west') };
  const east = hubClient(dirs.hub, 'park-east');
  eastAuth = `Basic ${Buffer.from(`${east.RUYI_SYNC_KEY}:${east.RUYI_SYNC_SECRET}`).toString('base64')}`;
  const west = hubClient(dirs.hub, 'park-west');
  // One after the other: the hub is up before a park first reports, and three servers compiling at once on a busy
  // machine can each miss the start-up deadline. afterAll stops whichever started.
  for (const options of [
    { port: PORTS.hub, dataDir: dirs.hub, password: PASSWORD, env: { RUYI_MODE: 'hub' } },
    { port: PORTS.east, dataDir: dirs.east, env: east },
    { port: PORTS.west, dataDir: dirs.west, env: west },
  ])
    servers.push(await startServer(options));
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  if (root) rmSync(root, { recursive: true, force: true });
});

test('staff on the hub’s /operator read each park’s server in words', async ({ page }) => {
  // Park east has a kiosk on its map and one visit begun, forwarded to the hub; park west has neither.
  const heartbeat: DeviceHeartbeat = {
    deviceId: randomUUID(),
    surface: 'kiosk',
    screen: { width: 1080, height: 1920 },
    view: 'map',
    playing: null,
    appVersion: 'e2e',
    content: [],
    pending: 0,
    refused: { count: 0, latest: null },
    lastError: null,
    sentAt: new Date().toISOString(),
  };
  const beat = await fetch(`${EAST}/api/fleet/heartbeat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(heartbeat) });
  expect(beat.status, await beat.clone().text()).toBe(200);
  const record: VisitRecord = { type: 'visit-start', id: randomUUID(), visitId: randomUUID(), at: new Date().toISOString(), platform: 'kiosk', locale: 'zh-CN' };
  const statements = statementsFromRecord(record, { base: XAPI_BASE, parkIri: PARK_IRI, deviceId: heartbeat.deviceId, pack: () => undefined });
  const posted = await fetch(`${EAST}/api/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(statements) });
  expect(posted.status, await posted.clone().text()).toBe(200);

  await page.goto(`${HUB}/operator`);
  // The parks' servers are for staff only.
  await expect(page.getByText('设备状态仅供工作人员查看')).toBeVisible();
  await expect(page.getByText('park-east')).toHaveCount(0);
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  const parks = page.getByRole('region', { name: '各园区服务器' });
  await expect(parks).toBeVisible();
  // A hub has no devices of its own: only the parks' servers are listed.
  await expect(page.getByRole('heading', { name: '设备', exact: true })).toHaveCount(0);
  const east = parks.getByRole('listitem').filter({ hasText: 'park-east' });
  const west = parks.getByRole('listitem').filter({ hasText: 'park-west' });
  // Once the park has forwarded its visit and said so in its next report.
  await expect(east).toContainText('上次同步：', { timeout: 30_000 });
  await expect(east).toContainText(/^在线park-east · .*在线 · 1 台设备，0 台离线 · 记录已全部转发 · 上次同步：.* · 应用 \S+$/);
  await expect(west).toContainText(/^在线park-west · .*在线 · 0 台设备，0 台离线 · 记录已全部转发 · 尚未同步过 · 应用 \S+$/);
  // The hub holds the forwarded statement itself, not only word of it.
  const onHub = await fetch(`${HUB}/xapi/statements?statementId=${statements[0]!.id}`, { headers: { authorization: eastAuth, 'x-experience-api-version': '1.0.3' } });
  expect(onHub.status).toBe(200);
  await expectNoA11yViolations(page, 'hub operator with the parks’ servers');

  await page.getByRole('button', { name: 'English' }).click();
  const inEnglish = page.getByRole('region', { name: 'Park servers' });
  await expect(inEnglish.getByRole('listitem').filter({ hasText: 'park-east' })).toContainText(
    /^Onlinepark-east · online, heard .* · 1 device, 0 offline · every statement forwarded · last sync .* · app \S+$/,
  );
  await expect(inEnglish.getByRole('listitem').filter({ hasText: 'park-west' })).toContainText(
    /^Onlinepark-west · online, heard .* · 0 devices, 0 offline · every statement forwarded · never synced yet · app \S+$/,
  );
  await expectNoA11yViolations(page, 'hub operator with the parks’ servers, in English');
});
