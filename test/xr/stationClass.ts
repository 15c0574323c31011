// A 平安校园 class at a VR station, for the headset specs: a teacher's class opened through the API on the worker's
// server, and the certificate the station's page offers after a class visit finished in the headset (the kiosk's
// dialog, by keyboard), checked against the server at its QR code's address.
import type { APIRequestContext, Page } from '@playwright/test';
import { CertificateView, ClassReport, ClassSession } from '@ruyi/api-contract';
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { expect, expectNoA11yViolations, sharedServer, storedRecords } from '../fixtures.ts';
import { adminCli } from '../servers.ts';
import { fill } from '../play/words.ts';
import { XR_TIMEOUT } from './harness.ts';
import { t } from './station.ts';


export interface OpenedClass {
  /** The teacher's session token. */
  token: string;
  cls: ClassSession;
  school: string;
  grade: number;
  label: string;
  /** The class as the app names it ('5年级3班'). */
  className: string;
}

/** A teacher account of `school` (made once per server) and a class of theirs, opened for an hour. */
export async function openClass(request: APIRequestContext, teacher: { login: string; password: string }, school: string, grade = 5, label = '3班'): Promise<OpenedClass> {
  const server = sharedServer();
  adminCli(server.dataDir, ['account', 'add', teacher.login, '--role', 'teacher', '--scope', `school:${school}`], `${teacher.password}\n`);
  const session = await request.post(`${server.base}/api/admin/session`, { data: teacher });
  expect(session.status(), await session.text()).toBe(200);
  const token = ((await session.json()) as { token: string }).token;
  const opened = await request.post(`${server.base}/api/classes`, { headers: { authorization: `Bearer ${token}` }, data: { grade, label, minutes: 60 } });
  expect(opened.status(), await opened.text()).toBe(201);
  const cls = ClassSession.parse(await opened.json());
  return { token, cls, school, grade, label, className: fill(t('classes.className'), { grade, label }) };
}

export async function classReport(request: APIRequestContext, opened: OpenedClass): Promise<ClassReport> {
  const response = await request.get(`${sharedServer().base}/api/classes/${opened.cls.id}`, { headers: { authorization: `Bearer ${opened.token}` } });
  expect(response.status()).toBe(200);
  return ClassReport.parse(await response.json());
}

/** The station's line about its certificate offer: empty when there is none. */
export const stationCertificate = (page: Page) => page.getByTestId('station-certificate');

/**
 * After a class visit finished in the headset and the session ended: the station's page offers that visit's
 * certificate in words with an icon; printed with the kiosk's dialog by keyboard; staff dismiss the offer; the
 * certificate verifies at its QR code's address with no visitor data. Leaves the page on the verification page.
 */
export async function printStationCertificate(page: Page, opened: OpenedClass, pack: Pack, scenario: Scenario, visitId: string): Promise<void> {
  const server = sharedServer();
  const title = localize(scenario.title, 'zh-CN');
  const offer = stationCertificate(page);
  await expect(offer).toHaveText(fill(t('vr.station.certificate.ready'), { title }));
  await expect(offer.locator('svg')).toHaveCount(1);
  await expectNoA11yViolations(page, 'VR station, the certificate offered');
  // The dialog asks only once the run's end is stored: a 409 before that would be logged as a console error.
  await expect
    .poll(() => storedRecords('visit_id = ? AND type = ?', visitId, 'scenario-end').length, { message: 'the run end reached the server', timeout: XR_TIMEOUT })
    .toBe(1);
  await page.getByRole('button', { name: t('classes.certificate.print'), exact: true }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: t('classes.certificate.dialogTitle') });
  const certificate = dialog.getByTestId('certificate');
  await expect(certificate).toContainText(t('classes.certificate.title'), { timeout: XR_TIMEOUT });
  await expect(certificate).toContainText(title);
  await expect(certificate).toContainText(opened.className);
  await expect(dialog.getByRole('button', { name: t('classes.certificate.printNow') })).toBeFocused();
  const idText = (await certificate.getByText(/^证书编号 /).textContent()) ?? '';
  const certificateId = idText.replace('证书编号 ', '').trim();
  expect(certificateId).toMatch(/^[A-Za-z0-9_-]{10,64}$/);
  const certificateUrl = `${server.base}/certificate/${certificateId}`;
  await expect(certificate.getByRole('img', { name: fill(t('classes.certificate.qr'), { url: certificateUrl }) })).toBeVisible();
  await expect(certificate).not.toContainText(fill(t('classes.seat'), { seat: 1 }));
  await expectNoA11yViolations(page, 'VR station, the certificate');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Staff dismiss it: the page offers nothing more (and says nothing of it).
  await page.getByRole('button', { name: t('vr.station.certificate.dismiss'), exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(offer).toHaveText('');
  await expect(page.getByRole('button', { name: t('classes.certificate.print'), exact: true })).toHaveCount(0);

  // The QR code's address: the server issued it, for that class and scenario, with no visitor data.
  const verified = await page.request.get(`${server.base}/api/certificates/${certificateId}`);
  expect(verified.status()).toBe(200);
  const view = CertificateView.parse(await verified.json());
  expect(view).toMatchObject({ valid: true, scenario: `${pack.id}/${scenario.id}`, school: opened.school, grade: opened.grade, label: opened.label });
  expect(JSON.stringify(view)).not.toContain(visitId);
  await page.goto(certificateUrl);
  await expect(page.getByTestId('verify-result')).toHaveText(`✔ ${t('classes.verify.valid')}`);
  await expect(page.getByTestId('certificate')).toContainText(opened.className);
  await expectNoA11yViolations(page, 'the VR certificate checked');
}
