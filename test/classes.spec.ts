// 平安校园 end to end: a teacher (a staff account of a school, made with the admin CLI) opens a class visit at /classes;
// a student on a school PC (`?device=web`) joins with the code on the on-screen keypad (a wrong code first, said in
// words), plays a scenario to its result and prints a certificate; the teacher's live list shows the seat finished,
// the closed class's report names its questions, the CSV holds the seat, the certificate verifies at
// /certificate/<id>, and an anonymous browser gets the login form at /classes and 401 from the classes API. axe-core
// on the teacher's page, the keypad and the certificate. The server is this spec's own.
import type { Page } from '@playwright/test';
import type { MechanicName, StepConfigOf } from '@ruyi/mechanics';
import { localize, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoA11yViolations, extraPort, test, watchErrors } from './fixtures.ts';
import { NEEDS_CLOCK, TOUCH_PLAYERS, type PlayContext } from './play/index.ts';
import { fill } from './play/words.ts';
import { adminCli, startServer, type ServerHandle } from './servers.ts';

const PORT = extraPort(86);
const BASE = `http://127.0.0.1:${PORT}`;
const TEACHER = { login: 'e2e-teacher', password: 'safe campus 2026 teacher' };
const SCHOOL = 'SCH-0042';
const LOCALE = 'zh-CN';
type Texts = Record<string, string>;
const app = JSON.parse(readFileSync('apps/kiosk/src/locales/zh-CN.json', 'utf8')) as {
  classes: Texts & { join: Texts & { error: Texts }; certificate: Texts; verify: Texts; platform: Texts };
  map: Record<string, string>;
  play: Record<string, string>;
  result: Record<string, string>;
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A short scenario with no clock-driven step: case card, decisions, ordered steps, quiz.
const content = readContent('content');
const pack = content.packs.find((p) => p.id === 'confined-space')!;
const scenario = pack.scenarios[0]!;
const quiz = scenario.steps.find((s) => s.mechanic === 'quiz') as unknown as StepConfigOf<'quiz'> & { id: string };

let server: ServerHandle | undefined;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ruyi-classes-e2e-'));
  const dataDir = join(root, 'data');
  server = await startServer({ port: PORT, dataDir, password: 'park staff only 2026' });
  adminCli(dataDir, ['account', 'add', TEACHER.login, '--role', 'teacher', '--scope', `school:${SCHOOL}`], `${TEACHER.password}\n`);
});

test.afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Plays the scenario from its first step to the result, each step by its mechanic's touch player. */
async function playToResult(page: Page, played: Scenario) {
  const stepOf = new RegExp(`^${escape(app.play.stepOf!).replace(/\\\{\\\{n\\\}\\\}/, '(\\d+)').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+')}$`);
  const indicator = page.locator('.step-indicator');
  let previous = '';
  for (let turns = 0; turns < played.steps.length * 3; turns++) {
    let now = '';
    await expect
      .poll(async () => {
        now = ((await indicator.textContent({ timeout: 1000 }).catch(() => null)) ?? '').trim();
        return now !== previous && (stepOf.test(now) || now === app.play.resultName);
      })
      .toBe(true);
    if (now === app.play.resultName) return;
    previous = now;
    const step = played.steps[Number(stepOf.exec(now)![1]) - 1]!;
    expect(NEEDS_CLOCK.has(step.mechanic as MechanicName), `${step.id} needs no clock`).toBe(false);
    const ctx: PlayContext = { page, scenario: played, locale: LOCALE, skill: 'good', clock: false, checkpoint: async () => undefined };
    const player = TOUCH_PLAYERS[step.mechanic as MechanicName] as (ctx: PlayContext, step: StepConfigOf<MechanicName>) => Promise<unknown>;
    await player(ctx, step as unknown as StepConfigOf<MechanicName>);
  }
  throw new Error('the scenario did not reach its result');
}

test('a teacher opens a class; a student joins on a school PC, plays, gets a certificate; the report, the CSV, and no one else', async ({ browser, page, consoleErrors }) => {
  // Three browsers and a whole scenario played by touch, on software WebGL.
  test.setTimeout(600_000);
  // The teacher logs in at /classes and opens a class visit.
  await page.goto(`${BASE}/classes`);
  await expect(page.getByLabel('登录名')).toBeFocused();
  await page.keyboard.type(TEACHER.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(TEACHER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByText(fill(app.classes.signedInAs!, { login: TEACHER.login }))).toBeVisible();
  await expect(page.getByText(app.classes.listEmpty!)).toBeVisible();
  await expectNoA11yViolations(page, 'classes, logged in');

  const form = page.getByRole('form', { name: app.classes.newHeading });
  await form.getByLabel(app.classes.grade!).selectOption({ label: fill(app.classes.gradeOption!, { grade: 4 }) });
  await form.getByLabel(app.classes.label!, { exact: true }).fill('2班');
  await form.getByLabel(app.classes.minutes!).selectOption({ label: fill(app.classes.minutesOption!, { minutes: 60 }) });
  await form.getByRole('button', { name: app.classes.create }).click();
  const className = fill(app.classes.className!, { grade: 4, label: '2班' });
  await expect(page.getByRole('heading', { name: className, level: 2 })).toBeVisible();
  const code = ((await page.getByTestId('class-code').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
  const joinUrl = `${BASE}/?join=${code}`;
  await expect(page.getByRole('img', { name: fill(app.classes.qrLabel!, { class: className, url: joinUrl }) })).toBeVisible();
  await expect(page.getByTestId('class-summary')).toHaveText(fill(app.classes.summary!, { seats: 0, finished: 0 }));
  await expectNoA11yViolations(page, 'classes, a class open');

  // A student on a school PC: "join a class", the keypad, a wrong code said in words, then the right one.
  const studentContext = await browser.newContext({ locale: LOCALE, viewport: { width: 1920, height: 1080 }, hasTouch: true, serviceWorkers: 'block' });
  const student = await studentContext.newPage();
  const studentErrors: string[] = [];
  // Chromium logs the refused wrong code (401) and the certificate asked before the run's end is stored (409).
  await watchErrors(student, studentErrors, { ignore: /status of 40[19]/ });
  await student.goto(`${BASE}/?device=web`);
  await student.getByRole('button', { name: app.classes.join.open }).tap();
  const keypad = student.getByRole('dialog', { name: app.classes.join.title });
  await expect(keypad).toBeVisible();
  const key = (ch: string) => keypad.getByRole('group', { name: app.classes.join.keypad }).getByRole('button', { name: ch, exact: true });
  await expectNoA11yViolations(student, 'the join keypad');
  const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
  for (const ch of wrong) await key(ch).tap();
  await expect(keypad.getByTestId('join-code')).toContainText(fill(app.classes.join.typed!, { code: 'ZZZ ZZZ'.replace(/Z/g, wrong[0]!), typed: 6, length: 6 }));
  await keypad.getByRole('button', { name: app.classes.join.submit, exact: true }).tap();
  await expect(keypad.getByRole('alert')).toHaveText(`⚠ ${app.classes.join.error.unknown}`);
  await keypad.getByRole('button', { name: app.classes.join.clear, exact: true }).tap();
  // A look-alike typed on the keyboard is named, not taken.
  await student.keyboard.press('O');
  await expect(keypad.getByText(fill(app.classes.join.refusedChars!, { chars: 'O' }))).toBeVisible();
  for (const ch of code.slice(0, 5)) await key(ch).tap();
  await student.keyboard.press(code[5]!.toLowerCase());
  await expect(keypad.getByTestId('join-code')).toContainText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await keypad.getByRole('button', { name: app.classes.join.submit, exact: true }).tap();
  await expect(student).toHaveURL(`${BASE}/map`);
  await expect(student.getByTestId('class-badge')).toHaveText(fill(app.classes.badge!, { class: className, seat: 1 }));

  // The teacher's live list has the seat (a school PC), not finished yet.
  const seatRow = page.locator('tr[data-seat="1"]');
  await expect(seatRow).toContainText(fill(app.classes.seat!, { seat: 1 }));
  await expect(seatRow).toContainText(app.classes.platform.web!);

  // The student plays the scenario from the map to its result, and asks for the certificate.
  const card = student.locator(`.area-card[data-area="${pack.area}"]`);
  await card.getByRole('link', { name: fill(app.map.play!, { title: localize(scenario.title, LOCALE) }), exact: true }).tap();
  await playToResult(student, scenario);
  await expect(student.getByTestId('class-badge')).toBeVisible();
  await student.getByRole('button', { name: app.classes.certificate.print }).tap();
  const dialog = student.getByRole('dialog', { name: app.classes.certificate.dialogTitle });
  const certificate = dialog.getByTestId('certificate');
  await expect(certificate).toContainText(app.classes.certificate.title!);
  await expect(certificate).toContainText(localize(scenario.title, LOCALE));
  await expect(certificate).toContainText(className);
  await expect(certificate).toContainText(localize(content.park!.name, LOCALE));
  const idText = (await certificate.getByText(/^证书编号 /).textContent()) ?? '';
  const certificateId = idText.replace('证书编号 ', '').trim();
  expect(certificateId).toMatch(/^[A-Za-z0-9_-]{10,64}$/);
  const certificateUrl = `${BASE}/certificate/${certificateId}`;
  await expect(certificate.getByRole('img', { name: fill(app.classes.certificate.qr!, { url: certificateUrl }) })).toBeVisible();
  // No seat number, no visit id on it.
  await expect(certificate).not.toContainText(fill(app.classes.seat!, { seat: 1 }));
  await expectNoA11yViolations(student, 'the certificate');
  // On paper, the certificate alone.
  await student.emulateMedia({ media: 'print' });
  // (The dialog around it is hidden on paper, so it is found by its test id here, not within the named dialog.)
  await expect(student.getByTestId('certificate')).toBeVisible();
  await expect(student.getByRole('heading', { name: app.result.heading, level: 1 })).toBeHidden();
  await student.emulateMedia({ media: 'screen' });

  // Every statement the visit sent carries the class.
  const db = new Database(server!.dbPath, { readonly: true, fileMustExist: true });
  const classCode = `${SCHOOL}/${code}`;
  const claims = db.prepare(`SELECT count(*) AS n FROM statements WHERE body LIKE ?`).get(`%"${classCode}"%`) as { n: number };
  const visit = db.prepare(`SELECT visit_id FROM statements WHERE body LIKE ? LIMIT 1`).get(`%"${classCode}"%`) as { visit_id: string };
  const all = db.prepare(`SELECT count(*) AS n FROM statements WHERE visit_id = ?`).get(visit.visit_id) as { n: number };
  db.close();
  expect(claims.n).toBeGreaterThan(scenario.steps.length);
  expect(claims.n).toBe(all.n);

  // The teacher sees the seat finished, closes the class and reads the report.
  await expect(seatRow).toContainText(app.classes.finished!);
  await expect(page.getByTestId('class-summary')).toHaveText(fill(app.classes.summary!, { seats: 1, finished: 1 }));
  await page.getByRole('button', { name: app.classes.close }).click();
  await page.getByRole('dialog').getByRole('button', { name: app.classes.close }).click();
  await expect(page.getByRole('heading', { name: app.classes.reportHeading, level: 3 })).toBeVisible();
  await expect(page.getByTestId('class-code')).toHaveCount(0);
  const weakest = page.locator('table.class-weakest');
  await expect(weakest.getByRole('rowheader', { name: localize(quiz.questions[0]!.prompt, LOCALE) })).toBeVisible();
  await expect(weakest).toContainText(localize(scenario.title, LOCALE));
  await expectNoA11yViolations(page, 'classes, the report');

  // The CSV holds the seat: a school PC, finished.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: app.classes.csv }).click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('seat,platform,joined_at,last_seen_at,scenarios_started,scenarios_completed,scenarios_passed,average_score,finished');
  expect(rows).toHaveLength(1);
  const played = `${pack.id}/${scenario.id}`;
  expect(rows[0]).toMatch(new RegExp(`^1,web,[^,]+,[^,]+,${played},${played},${played},[0-9.]+,true$`));

  // The certificate verifies at its address, for anyone; an unknown one is not found.
  const anonymous = await browser.newContext({ locale: LOCALE, serviceWorkers: 'block' });
  const visitor = await anonymous.newPage();
  await visitor.goto(certificateUrl);
  await expect(visitor.getByTestId('verify-result')).toHaveText(`✔ ${app.classes.verify.valid}`);
  await expect(visitor.getByTestId('certificate')).toContainText(className);
  await expect(visitor.getByTestId('certificate')).toContainText(localize(scenario.title, LOCALE));
  await expectNoA11yViolations(visitor, 'the certificate check');
  await visitor.goto(`${BASE}/certificate/AAAAAAAAAAAAAAAA`);
  await expect(visitor.getByTestId('verify-result')).toHaveText(`✘ ${fill(app.classes.verify.notFound!, { id: 'AAAAAAAAAAAAAAAA' })}`);

  // An anonymous browser gets the login form at /classes and 401 from the classes API.
  await visitor.goto(`${BASE}/classes`);
  await expect(visitor.getByLabel('登录名')).toBeVisible();
  await expect(visitor.getByTestId('class-code')).toHaveCount(0);
  const someId = '5b0c6a57-2f7e-4c1b-9d62-0c8f3b1a7e10';
  for (const [method, path] of [
    ['GET', '/api/classes'],
    ['POST', '/api/classes'],
    ['GET', `/api/classes/${someId}`],
    ['GET', `/api/classes/${someId}/students.csv`],
    ['POST', `/api/classes/${someId}/close`],
  ] as const) {
    const response = await visitor.request.fetch(`${BASE}${path}`, { method, data: method === 'POST' ? { grade: 4, label: '2班' } : undefined });
    expect(response.status(), `${method} ${path}`).toBe(401);
  }

  // The teacher's QR link, opened on another PC, brings up the keypad with the code; the class is over now, and the
  // student is told so.
  await visitor.goto(`${joinUrl}&device=web`);
  const again = visitor.getByRole('dialog', { name: app.classes.join.title });
  await expect(again.getByTestId('join-code')).toContainText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await again.getByRole('button', { name: app.classes.join.submit, exact: true }).click();
  await expect(again.getByRole('alert')).toHaveText(`⚠ ${app.classes.join.error.closed}`);

  await anonymous.close();
  await studentContext.close();
  expect(studentErrors, 'console errors of the student').toEqual([]);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 40[13]/.test(e)));
});
