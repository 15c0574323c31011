// The kiosk-server's API as the app sees it. Every response is validated: a bad pack or a server mismatch becomes a
// clear message, never a blank screen on the park floor.
import type { CodeRefusal, ContentResponse as ContentSchema, EnrollResponse, ErrorBody, KioskConfigResponse } from '@ruyi/api-contract';
import { CLASS_SEAT_HEADER } from '../classes/seatHeader.ts';
import type { Statement } from '@ruyi/xapi';
import type { z } from 'zod';
import { deviceToken, markAccepted, markNotEnrolled, useEnrollment } from '../enroll/enrollment.ts';
import { reportReachable } from '../offline/reachability.ts';

export type ContentResponse = z.infer<typeof ContentSchema>;

type Schemas = typeof import('./schemas.ts');
/** The schemas the answers are checked with (schemas.ts), loaded once, beside the first request. */
const schemas = (): Promise<Schemas> => import('./schemas.ts');
export type KioskConfig = KioskConfigResponse;

/** Waits before each retry of a request the network failed (no answer at all); an HTTP error is not retried. */
const RETRY_DELAYS_MS = [500, 1500];

/**
 * A GET, retried while the network fails, then answered from the service worker's caches if they hold the URL: a page
 * the worker does not control yet (its first load) still starts from what an earlier one cached.
 */
async function fetchWithFallback(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        const cached = typeof caches === 'undefined' ? undefined : await caches.match(url).catch(() => undefined);
        if (cached) return cached;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function getJson<K extends 'ContentResponse' | 'KioskConfigResponse'>(url: string, name: K): Promise<z.output<Schemas[K]>> {
  const [response, { z, ...schema }] = await Promise.all([fetchWithFallback(url, { headers: { accept: 'application/json' } }), schemas()]);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = (schema[name] as Schemas[K]).safeParse(await response.json()) as z.ZodSafeParseResult<z.output<Schemas[K]>>;
  if (!parsed.success) throw new Error(`${url}: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const fetchContent = (): Promise<ContentResponse> => getJson('/api/content', 'ContentResponse');
export const fetchKioskConfig = (): Promise<KioskConfig> => getJson('/api/kiosk/config', 'KioskConfigResponse');

export class StatementsRejected extends Error {}
/** The server wants this device enrolled first: the statements are fine and must wait, not be dropped. */
export class DeviceNotEnrolled extends Error {}

const authorization = (): Record<string, string> => {
  const token = deviceToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

function errorBody({ ErrorBody }: Schemas, text: string): ErrorBody | undefined {
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
export async function postStatements(statements: Statement[], seatToken: string | null = null): Promise<void> {
  const body = JSON.stringify(statements);
  let response: Response;
  try {
    response = await fetch('/api/statements', {
      method: 'POST',
      // A class visit's statements go with its seat token (classes/seatDelivery.ts sends one visit's seat per request).
      headers: { 'content-type': 'application/json', ...authorization(), ...(seatToken ? { [CLASS_SEAT_HEADER]: seatToken } : {}) },
      body,
      // keepalive lets a send finish while the page unloads, but browsers refuse keepalive bodies over 64 KiB.
      keepalive: body.length < 60_000,
    });
  } catch (error) {
    // No answer at all: the staff indicator says so at once, without waiting for its next check.
    reportReachable(false);
    throw error;
  }
  reportReachable(true);
  if (response.ok) {
    if (useEnrollment.getState().status === 'not-enrolled') markAccepted(deviceToken() ? 'enrolled' : 'exempt');
    return;
  }
  const text = await response.text();
  // A seat token the server no longer knows (its class long over): those statements will never be taken; kept, counted.
  if (response.status === 401 && seatToken && errorBody(await schemas(), text)?.details?.some((d) => d.path === CLASS_SEAT_HEADER))
    throw new StatementsRejected(`HTTP 401: ${text}`);
  // Any other 401 here is about the device, never the statements: keeping them is the safe side even if the body is not ours.
  if (response.status === 401) {
    markNotEnrolled();
    const api = await schemas();
    throw new DeviceNotEnrolled(`HTTP 401: ${api.isNotEnrolled(errorBody(api, text)) ? 'device not enrolled' : text}`);
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
  const { DeviceStatus } = await schemas();
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
  const api = await schemas();
  const { EnrollResponse, z } = api;
  if (!response.ok) {
    const body = errorBody(api, text);
    const reason = response.status === 429 ? 'too-many' : response.status === 400 ? 'invalid' : (api.codeRefusal(body) ?? 'other');
    throw new EnrollmentRefused(reason, body?.message ?? `HTTP ${response.status}`);
  }
  const parsed = EnrollResponse.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`/api/devices/enroll: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
