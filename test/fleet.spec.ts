// The fleet view: a kiosk's heartbeat reaches /operator, where staff (after the staff login) read the device's state
// in words with the area's name and the scenario's title; a statement the server refuses is kept on the kiosk and
// shown there too. The kiosk runs in its own browser context (its own device id), the operator page in another.
import { localize } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { recordFromStatement, type Statement } from '@ruyi/xapi';
import { statementsOnDevice } from './device-storage.ts';
import { expect, expectNoA11yViolations, loadFirePack, test, XAPI_BASE } from './fixtures.ts';
import { adminCli } from './servers.ts';

const PASSWORD = 'fleet staff only 2026';
const pack = loadFirePack();
const scenario = pack.scenarios[0]!;
const area = readContent('content').park!.areas.find((a) => a.id === pack.area)!;

// The service worker would answer the kiosk's API calls itself, out of page.route's sight.
test.use({ serviceWorkers: 'block' });

test.beforeAll(({ kioskServer }) => {
  // This worker's shared server reads the password at each login: no restart needed.
  adminCli(kioskServer.dataDir, ['set-password'], `${PASSWORD}\n`);
});

test('a kiosk’s heartbeat and a refused statement reach /operator, in words', async ({ browser }) => {
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  // The server must refuse one real statement of the kiosk: its scenario-start, made to name a scenario the pack
  // does not have, every time it is sent (the outbox resends a refused batch one statement at a time).
  const refusedIds = new Set<string>();
  await kiosk.route('**/api/statements', async (route) => {
    const statements = JSON.parse(route.request().postData() ?? '[]') as Statement[];
    for (const s of statements) if (recordFromStatement(s, XAPI_BASE)?.record.type === 'scenario-start') refusedIds.add(s.id!);
    const changed = statements.map((s) =>
      refusedIds.has(s.id!) ? { ...s, object: { ...(s.object as { id: string }), id: `${(s.object as { id: string }).id}-gone` } } : s,
    );
    await route.continue({ postData: JSON.stringify(changed) });
  });
  await kiosk.goto(`/play/${pack.id}/${scenario.id}?heartbeatSeconds=2`);
  await expect(kiosk.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => refusedIds.size).toBe(1);
  // Kept on the device, in its own store: not in the outbox, not dropped.
  await expect.poll(async () => (await statementsOnDevice(kiosk, 'ruyi-refused')).length).toBe(1);

  const staffContext = await browser.newContext();
  const operator = await staffContext.newPage();
  await operator.goto('/operator');
  // The packs are listed with their area's name without a login; the devices need one.
  await expect(operator.getByRole('cell', { name: localize(area.name, 'zh-CN'), exact: true }).first()).toBeVisible();
  await expect(operator.getByText('设备状态仅供工作人员查看')).toBeVisible();
  await operator.getByLabel('登录名').fill('admin');
  await operator.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await operator.getByRole('button', { name: '登录' }).click();

  const title = localize(scenario.title, 'zh-CN');
  // Kiosks of earlier tests on this server are listed too: this one is the one with a refused statement.
  const device = operator.getByRole('listitem').filter({ hasText: `正在玩：${title}` }).filter({ hasText: '服务器拒收 1 条' });
  await expect(device).toContainText('在线');
  await expect(device).toContainText(`触摸屏 1920×1080 · ${localize(area.name, 'zh-CN')} · 正在玩：${title} · `);
  await expect(device).toContainText('服务器拒收 1 条：记录未通过服务器的检查（HTTP 400');
  await expect(device).toContainText('没有待发送的记录');
  await expectNoA11yViolations(operator, 'operator with the fleet');

  // The same in English.
  await operator.getByRole('button', { name: 'English' }).click();
  const inEnglish = operator
    .getByRole('listitem')
    .filter({ hasText: `playing: ${localize(scenario.title, 'en')}` })
    .filter({ hasText: 'the server refused 1 statement' });
  await expect(inEnglish).toContainText(`Touch kiosk 1920×1080 · ${localize(area.name, 'en')} · `);
  await expect(inEnglish).toContainText("the server refused 1 statement: it did not pass the server's checks (HTTP 400");

  // The kiosk moves on to the map: the next heartbeat says so.
  await kiosk.goto('/map?heartbeatSeconds=2');
  await expect(operator.getByRole('listitem').filter({ hasText: 'park map' }).filter({ hasText: 'the server refused 1 statement' })).toBeVisible();

  await kioskContext.close();
  await staffContext.close();
});

