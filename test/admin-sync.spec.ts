// The operators' sync page: a kiosk-server forwarding to a real hub (RUYI_MODE=hub, its client made with the real CLI)
// shows statements delivered, a statement the hub refuses (409: the hub holds its id with other content) in quarantine
// where it is retried and discarded, and a revoked client as a stop with the reason and "resume". A second kiosk-server
// without RUYI_SYNC_URL shows how to turn sync on. The hub's own sync page lists the park's client with its last
// delivery. Every server is this spec's own, in a temporary folder.
import type { VisitRecord } from '@ruyi/mechanics';
import { statementsFromRecord, type Statement } from '@ruyi/xapi';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, extraPort, serverTest, test, watchErrors, XAPI_BASE } from './fixtures.ts';
import { adminCli, startServers, type ServerHandle } from './servers.ts';

const PORTS = { hub: extraPort(21), kiosk: extraPort(22), unsynced: extraPort(23) };
const HUB = `http://127.0.0.1:${PORTS.hub}`;
const KIOSK = `http://127.0.0.1:${PORTS.kiosk}`;
const UNSYNCED = `http://127.0.0.1:${PORTS.unsynced}`;
/** The server's default RUYI_PARK_IRI (these servers do not set one). */
const PARK_IRI = 'https://ruyi.localhost/parks/local';
const PASSWORD = 'park staff only 2026';
const CLIENT = 'park-east';
let servers: ServerHandle[] = [];
let root: string;
let hubAuth: string;
let hubKey: string;
let hubSecret: string;

/** One visit's start, as the kiosk app makes it (the real mapping). */
function visitStart(): Statement {
  const record: VisitRecord = { type: 'visit-start', id: randomUUID(), visitId: randomUUID(), at: new Date().toISOString(), platform: 'kiosk', locale: 'zh-CN' };
  const [statement] = statementsFromRecord(record, { base: XAPI_BASE, parkIri: PARK_IRI, deviceId: randomUUID(), pack: () => undefined });
  return statement!;
}

async function postToKiosk(statements: Statement[]) {
  const send = () => fetch(`${KIOSK}/api/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(statements) });
  // A kept-alive connection the server closed as idle (10 s) while this loaded process's timers lagged is refused at
  // once ("other side closed"); sent again, as the kiosk's outbox would: a statement's id makes the repeat harmless.
  const response = await send().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    return send();
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const hubHeaders = () => ({ authorization: hubAuth, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' });

async function logIn(page: Page, base: string) {
  await page.goto(`${base}/admin`);
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const sync = page.getByRole('region', { name: '记录同步' });
  await expect(sync).toBeVisible();
  return sync;
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-admin-sync-e2e-'));
  const dirs = { hub: join(root, 'hub'), kiosk: join(root, 'kiosk'), unsynced: join(root, 'unsynced') };
  const added = adminCli(dirs.hub, ['client', 'add', CLIENT, '--role', 'kiosk']).trim().split('\n');
  const [key, secret] = added.at(-1)!.split(':') as [string, string];
  hubKey = key;
  hubSecret = secret;
  hubAuth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  servers = await startServers([
    { port: PORTS.hub, dataDir: dirs.hub, password: PASSWORD, env: { RUYI_MODE: 'hub' } },
    { port: PORTS.kiosk, dataDir: dirs.kiosk, password: PASSWORD, env: { RUYI_SYNC_URL: `${HUB}/xapi/`, RUYI_SYNC_KEY: key, RUYI_SYNC_SECRET: secret } },
    { port: PORTS.unsynced, dataDir: dirs.unsynced, password: PASSWORD },
  ]);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  if (root) rmSync(root, { recursive: true, force: true });
});

test('without RUYI_SYNC_URL the page says sync is off and how to turn it on', async ({ page }) => {
  const sync = await logIn(page, UNSYNCED);
  await expect(sync.locator('.sync-state[role="status"]')).toContainText('未开启');
  await expect(sync).toContainText('本服务器未开启记录同步');
  for (const name of ['RUYI_SYNC_URL', 'RUYI_SYNC_KEY', 'RUYI_SYNC_SECRET', 'npm run admin -- client add']) await expect(sync).toContainText(name);
  await expect(sync.getByRole('table')).toHaveCount(0);
  await expectNoA11yViolations(page, 'admin sync (off)');
});

test('delivered, refused (quarantine: retry, discard), and stopped by a revoked client (reason, resume)', async ({ page }) => {
  const sync = await logIn(page, KIOSK);
  const state = sync.locator('.sync-state[role="status"]');
  const fact = (name: string) => sync.locator(`[data-fact="${name}"]`);
  await expect(state).toContainText('已全部送达');
  await expect(sync).toContainText(`${HUB}/xapi/`);
  await expect(sync).toContainText(hubKey);
  await expect(sync).not.toContainText(hubSecret);
  await expect(fact('last-success')).toHaveText('从未');
  await expect(sync).toContainText('没有被拒收的记录');
  await expectNoA11yViolations(page, 'admin sync (idle)');

  // 1. Delivered: the page refreshes by itself to an empty queue and a last success; the hub has them.
  const delivered = [visitStart(), visitStart(), visitStart()];
  await postToKiosk(delivered);
  await expect(fact('last-success')).not.toHaveText('从未');
  await expect(fact('backlog')).toHaveText('0');
  await expect(state).toContainText('已全部送达');
  for (const s of delivered) {
    const atHub = await fetch(`${HUB}/xapi/statements?statementId=${s.id}`, { headers: hubHeaders() });
    expect(atHub.status).toBe(200);
  }

  // 2. Refused: the hub already holds this id with other content (409) → quarantine; the rest still goes.
  const refused = visitStart();
  const refusedId = refused.id!;
  const other = { ...refused, timestamp: new Date(Date.parse(refused.timestamp!) - 3_600_000).toISOString() };
  const direct = await fetch(`${HUB}/xapi/statements`, { method: 'POST', headers: hubHeaders(), body: JSON.stringify(other) });
  expect(direct.status, await direct.text()).toBe(200);
  await postToKiosk([refused, visitStart()]);
  const row = sync.locator('tr[data-seq]').filter({ hasText: refusedId });
  await expect(row).toContainText('HTTP 409');
  await expect(row).toContainText('目标已有同一 ID 的不同记录');
  await expect(row.locator('td').nth(4)).toHaveText('1');
  await expect(fact('backlog')).toHaveText('0');
  await expectNoA11yViolations(page, 'admin sync (quarantine)');

  const seq = await row.getAttribute('data-seq');
  await row.getByRole('button', { name: `重试 ${seq}` }).click();
  await expect(sync.getByRole('status').filter({ hasText: `序号 ${seq} 的记录再次被拒收` })).toContainText('HTTP 409');
  await expect(row.locator('td').nth(4)).toHaveText('2');

  await row.getByRole('button', { name: `放弃 ${seq}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(refusedId);
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await expectNoA11yViolations(page, 'admin sync (confirm discard)');
  await dialog.getByRole('button', { name: '确定放弃' }).click();
  await expect(sync.getByRole('status').filter({ hasText: `序号 ${seq} 的记录已放弃` })).toBeVisible();
  await expect(sync.locator('tr[data-seq]')).toHaveCount(0);
  await expect(sync).toContainText('已放弃 1 条');
  await expect(sync.getByRole('heading', { name: '被拒收的记录（隔离区）' })).toBeFocused();

  // 3. Stopped: the hub revokes the client; the next send is refused (401) and the page says what to do.
  adminCli(join(root, 'hub'), ['client', 'revoke', CLIENT]);
  await postToKiosk([visitStart()]);
  await expect(state).toContainText('已停止，需要处理');
  const notice = sync.getByRole('group', { name: /同步已停止/ });
  await expect(notice).toContainText('目标服务器拒绝了本服务器的凭据');
  await expect(notice).toContainText('RUYI_SYNC_KEY');
  await expect(fact('backlog')).toHaveText('1');
  await expect(fact('last-error')).toContainText('HTTP 401');
  const progress = sync.getByRole('progressbar', { name: '同步进度' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^已发送 \d+ \/ \d+ 条$/);
  await expectNoA11yViolations(page, 'admin sync (stopped)');

  await notice.getByRole('button', { name: '恢复同步' }).click();
  await expect(sync.getByRole('status').filter({ hasText: '已恢复同步' })).toBeVisible();
  // Still revoked: it stops again, and says so.
  await expect(state).toContainText('已停止，需要处理');
  await expect(fact('backlog')).toHaveText('1');
});

/** A client on the hub made with the real CLI, and the Authorization header a park's server would send with it. */
function hubClient(name: string): string {
  const [key, secret] = adminCli(join(root, 'hub'), ['client', 'add', name, '--role', 'kiosk']).trim().split('\n').at(-1)!.split(':') as [string, string];
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

async function deliverToHub(authorization: string, statements: Statement[]) {
  const headers = { authorization, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' };
  const response = await fetch(`${HUB}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(statements) });
  expect(response.status, await response.clone().text()).toBe(200);
}

// Its own console watch: on a hub the device panel's list answers 404 by design (a hub enrolls no devices), which
// Chromium logs as a failed resource.
serverTest("the hub's sync page lists each park's client with its last delivery and the records it delivered", async ({ page }) => {
  const errors: string[] = [];
  await watchErrors(page, errors, { ignore: /status of 404/ });
  const north = hubClient('park-north');
  await deliverToHub(north, [visitStart(), visitStart(), visitStart(), visitStart()]);
  const closed = hubClient('park-closed');
  await deliverToHub(closed, [visitStart()]);
  adminCli(join(root, 'hub'), ['client', 'revoke', 'park-closed']);
  hubClient('park-west'); // not heard from yet

  const sync = await logIn(page, HUB);
  const parks = sync.getByRole('region', { name: '向本中心发送记录的园区' });
  const table = parks.getByRole('table', { name: '向本中心发送记录的园区' });
  await expect(table.getByRole('columnheader')).toHaveText(['客户端', '类型', '最近送达', '已送达记录数']);
  // By its client, whatever the page's language.
  const row = (client: string) => page.locator(`tr[data-client="${client}"]`);
  await expect(row('park-north').getByRole('cell')).toHaveText(['园区服务器', /前）$/, '4']);
  await expect(row('park-closed').getByRole('rowheader')).toContainText('凭据已吊销');
  await expect(row('park-closed').getByRole('cell')).toHaveText(['园区服务器', /前）$/, '1']);
  await expect(row('park-west').getByRole('cell')).toHaveText(['园区服务器', '从未', '0']);
  await expectNoA11yViolations(page, 'admin sync (hub parks)');

  // Read again on request, and in English.
  await deliverToHub(north, [visitStart(), visitStart()]);
  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('region', { name: 'Parks sending to this hub' });
  await expect(english.getByRole('columnheader')).toHaveText(['Client', 'Kind', 'Last delivery', 'Records delivered']);
  await english.getByRole('button', { name: 'Refresh park list' }).click();
  await expect(row('park-north').getByRole('cell')).toHaveText(['Park server', / ago\)$/, '6']);
  await expect(row('park-closed').getByRole('rowheader')).toContainText('Credentials revoked');
  expect(errors, 'console errors').toEqual([]);
});

test("a park's server shows no parks section", async ({ page }) => {
  const sync = await logIn(page, KIOSK);
  await expect(sync.locator('.sync-state[role="status"]')).toBeVisible();
  await expect(sync.getByRole('region', { name: '向本中心发送记录的园区' })).toHaveCount(0);
});
