// The class-visit and certificate routes of the kiosk-server, as the app sees them (kiosk-server: /api/classes,
// /api/certificates). Every answer is checked against its schema; a refusal becomes an AdminApiError with the server's
// message, or for a student's join a JoinRefused naming why in words the keypad can say.
import {
  CertificateView,
  Certificate,
  CLASS_SEAT_HEADER,
  classCodeRefusal,
  ClassList,
  ClassReport,
  ClassSession,
  ErrorBody,
  JoinClassResponse,
  type ClassCodeRefusal,
  type NewClassBody,
} from '@ruyi/api-contract';
import { z } from 'zod';
import { AdminApiError } from '../admin/api.ts';
import { deviceToken } from '../enroll/enrollment.ts';

export type { CertificateView, ClassReport, ClassSession, ClassStudent, JoinClassResponse } from '@ruyi/api-contract';

function errorOf(status: number, text: string): AdminApiError {
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success) return new AdminApiError(status, body.data.message, body.data.details);
  } catch {
    /* not JSON: said by status below */
  }
  return new AdminApiError(status, text || `HTTP ${status}`);
}

async function call<T extends z.ZodType>(method: string, url: string, schema: T, headers: Record<string, string>, body?: unknown, signal?: AbortSignal): Promise<z.output<T>> {
  const all: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) all['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  if (!response.ok) throw errorOf(response.status, text);
  const parsed = schema.safeParse(text ? JSON.parse(text) : null);
  if (!parsed.success) throw new AdminApiError(0, `${url}: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const staff = (token: string) => ({ authorization: `Bearer ${token}` });

// The teacher's page.
export const createClass = (token: string, body: NewClassBody) => call('POST', '/api/classes', ClassSession, staff(token), body);
export const listClasses = (token: string, signal?: AbortSignal) => call('GET', '/api/classes', ClassList, staff(token), undefined, signal).then((r) => r.classes);
export const getClassReport = (token: string, id: string, signal?: AbortSignal) =>
  call('GET', `/api/classes/${encodeURIComponent(id)}`, ClassReport, staff(token), undefined, signal);
export const closeClass = (token: string, id: string) => call('POST', `/api/classes/${encodeURIComponent(id)}/close`, ClassSession, staff(token));

/** The class list as CSV, fetched with the staff token (a plain link could not send it) for a download. */
export async function classCsv(token: string, id: string): Promise<Blob> {
  const response = await fetch(`/api/classes/${encodeURIComponent(id)}/students.csv`, { headers: { ...staff(token), accept: 'text/csv' } });
  if (!response.ok) throw errorOf(response.status, await response.text());
  return response.blob();
}

// A student's device.
export class JoinRefused extends Error {
  constructor(
    /** unknown or closed code; invalid: not a code's shape; too-many: wrong codes from this device; offline; other. */
    readonly reason: ClassCodeRefusal | 'invalid' | 'too-many' | 'offline' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'JoinRefused';
  }
}

const deviceAuth = (): Record<string, string> => {
  const token = deviceToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

export async function joinClass(code: string, platform: 'kiosk' | 'web' | 'vr'): Promise<z.output<typeof JoinClassResponse>> {
  let response: Response;
  try {
    response = await fetch('/api/classes/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...deviceAuth() },
      body: JSON.stringify({ code, platform }),
    });
  } catch (error) {
    throw new JoinRefused('offline', String(error));
  }
  const text = await response.text();
  if (!response.ok) {
    const error = errorOf(response.status, text);
    const reason =
      response.status === 429 ? 'too-many' : response.status === 400 ? 'invalid' : (classCodeRefusal({ details: error.details }) ?? 'other');
    throw new JoinRefused(reason, error.message);
  }
  const parsed = JoinClassResponse.safeParse(JSON.parse(text));
  if (!parsed.success) throw new JoinRefused('other', `/api/classes/join: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A certificate for a class visit's completed scenario: asked with the device's and the seat's credentials. */
export const requestCertificate = (visitId: string, scenario: string, seatToken: string) =>
  call('POST', '/api/certificates', Certificate, { ...deviceAuth(), [CLASS_SEAT_HEADER]: seatToken }, { visitId, scenario });

/** What the server says of a certificate id: its content, or null when it knows none (404). */
export async function verifyCertificate(id: string, signal?: AbortSignal): Promise<z.output<typeof CertificateView> | null> {
  try {
    return await call('GET', `/api/certificates/${encodeURIComponent(id)}`, CertificateView, {}, undefined, signal);
  } catch (error) {
    // A malformed id (400) is not found either: the page says the same.
    if (error instanceof AdminApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}
