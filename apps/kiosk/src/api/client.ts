// The kiosk-server's API as the app sees it. Every response is validated: a bad pack or a server mismatch becomes a
// clear message, never a blank screen on the park floor.
import { codeRefusal, ContentResponse, DeviceStatus, EnrollResponse, ErrorBody, isNotEnrolled, KioskConfigResponse, type CodeRefusal } from '@ruyi/api-contract';
import type { Statement } from '@ruyi/xapi';
import { z } from 'zod';
import { deviceToken, markAccepted, markNotEnrolled, useEnrollment } from '../enroll/enrollment.ts';

export type ContentResponse = z.infer<typeof ContentResponse>;
export type KioskConfig = KioskConfigResponse;

async function getJson<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url}: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const fetchContent = () => getJson('/api/content', ContentResponse);
export const fetchKioskConfig = () => getJson('/api/kiosk/config', KioskConfigResponse);

export class StatementsRejected extends Error {}
/** The server wants this device enrolled first: the statements are fine and must wait, not be dropped. */
export class DeviceNotEnrolled extends Error {}

const authorization = (): Record<string, string> => {
  const token = deviceToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

function errorBody(text: string): ErrorBody | undefined {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves once the server has the statements on disk (2xx). A 4xx means they will never be accepted, except 429
 * (too many at once) and 401 (this device is not enrolled yet, or no longer): both are retried.
 */
export async function postStatements(statements: Statement[]): Promise<void> {
  const body = JSON.stringify(statements);
  const response = await fetch('/api/statements', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization() },
    body,
    // keepalive lets a send finish while the page unloads, but browsers refuse keepalive bodies over 64 KiB.
    keepalive: body.length < 60_000,
  });
  if (response.ok) {
    if (useEnrollment.getState().status === 'not-enrolled') markAccepted(deviceToken() ? 'enrolled' : 'exempt');
    return;
  }
  const text = await response.text();
  // Any 401 here is about the device, never the statements: keeping them is the safe side even if the body is not ours.
  if (response.status === 401) {
    markNotEnrolled();
    throw new DeviceNotEnrolled(`HTTP 401: ${isNotEnrolled(errorBody(text)) ? 'device not enrolled' : text}`);
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new StatementsRejected(`HTTP ${response.status}: ${text}`);
  throw new Error(`HTTP ${response.status}: ${text}`);
}

/** Asks the server whether this device may post statements, and updates the enrollment state. */
export async function checkEnrollment(): Promise<void> {
  const response = await fetch('/api/devices/me', { headers: { accept: 'application/json', ...authorization() } });
  if (response.status === 401) return markNotEnrolled();
  // A hub has no devices (404); anything else is not worth a notice on the kiosk: the statement posts will tell.
  if (!response.ok) return;
  const parsed = DeviceStatus.safeParse(await response.json());
  if (!parsed.success) return;
  const { via, label } = parsed.data;
  markAccepted(via, via === 'enrolled' ? label : undefined);
}

export class EnrollmentRefused extends Error {
  constructor(
    /** unknown, used or expired code; 'too-many' after too many wrong codes; 'invalid' for a code of the wrong shape. */
    readonly reason: CodeRefusal | 'too-many' | 'invalid' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'EnrollmentRefused';
  }
}

/** Trades a one-time code from the admin page for this device's token; throws EnrollmentRefused or a network error. */
export async function enrollDevice(code: string): Promise<EnrollResponse> {
  const response = await fetch('/api/devices/enroll', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code }),
  });
  const text = await response.text();
  if (!response.ok) {
    const body = errorBody(text);
    const reason = response.status === 429 ? 'too-many' : response.status === 400 ? 'invalid' : (codeRefusal(body) ?? 'other');
    throw new EnrollmentRefused(reason, body?.message ?? `HTTP ${response.status}`);
  }
  const parsed = EnrollResponse.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`/api/devices/enroll: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
