// The kiosk-server's admin API as the admin page sees it (kiosk-server/src/routes/admin). Every response is validated;
// a refusal becomes an AdminApiError carrying the server's message and, for a rejected pack, every validator message.
import {
  AccountList,
  AdminPackList,
  AdminStatus,
  DeviceList,
  EnrollmentCodeResponse,
  RevokeDeviceResponse,
  DiscardResponse,
  ErrorBody,
  InstallResponse,
  ParkList,
  QuarantineList,
  RemoveResponse,
  RetryResponse,
  RollbackResponse,
  NewAccountBody,
  SessionResponse,
  StaffAccount,
  SyncStatus,
  type ErrorDetail,
} from '@ruyi/api-contract';
import { z } from 'zod';

export type {
  AdminPack,
  ErrorDetail,
  InstallResponse as InstallResult,
  ParkDelivery,
  ParkList,
  QuarantinedStatement,
  RetryResponse as RetryResult,
  SessionResponse as Session,
  SyncStatus,
} from '@ruyi/api-contract';

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

/** A refusal this page says itself, with its code (serverErrors.ts) like the server's. */
const saidHere = (code: 'upload.network' | 'upload.empty', message: string) => new AdminApiError(0, message, [{ path: '', message, code }]);

function toError(status: number, text: string): AdminApiError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new AdminApiError(status, text || `HTTP ${status}`);
  }
  const body = ErrorBody.safeParse(json);
  return body.success ? new AdminApiError(status, body.data.message, body.data.details) : new AdminApiError(status, `HTTP ${status}`);
}

function parse<T extends z.ZodType>(url: string, schema: T, json: unknown): z.output<T> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AdminApiError(0, `${url}: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function call<T extends z.ZodType>(
  method: string,
  url: string,
  schema: T,
  token?: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.output<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  if (!response.ok) throw toError(response.status, text);
  return parse(url, schema, text ? JSON.parse(text) : null);
}

/** Whether a staff password is set (public: the page says what to run before anyone types a password). */
export const getAdminStatus = () => call('GET', '/api/admin/status', AdminStatus);
export const login = (name: string, password: string) => call('POST', '/api/admin/session', SessionResponse, undefined, { login: name, password });

// Staff accounts (admins, within their scope).
export type { NewAccountBody as NewAccount, StaffAccount, StaffIdentity, StaffRole, StaffScope } from '@ruyi/api-contract';
export const listAccounts = (token: string) => call('GET', '/api/admin/accounts', AccountList, token).then((r) => r.accounts);
export const createAccount = (token: string, account: z.input<typeof NewAccountBody>) => call('POST', '/api/admin/accounts', StaffAccount, token, account);
export const changeAccount = (token: string, id: number, change: { disabled?: boolean }) =>
  call('PATCH', `/api/admin/accounts/${id}`, StaffAccount, token, change);
export const resetPassword = (token: string, id: number, password: string) =>
  call('POST', `/api/admin/accounts/${id}/password`, z.null(), token, { password });
export const logout = (token: string) => call('DELETE', '/api/admin/session', z.null(), token);
export const listPacks = (token: string) => call('GET', '/api/admin/packs', AdminPackList, token).then((r) => r.packs);
export const rollbackPack = (token: string, id: string) => call('POST', `/api/admin/packs/${encodeURIComponent(id)}/rollback`, RollbackResponse, token);
export const removePack = (token: string, id: string) => call('DELETE', `/api/admin/packs/${encodeURIComponent(id)}`, RemoveResponse, token);

// The statement forwarder (/api/admin/sync). The polled reads take a signal: leaving the page cancels them.
export const getSyncStatus = (token: string, signal?: AbortSignal) => call('GET', '/api/admin/sync', SyncStatus, token, undefined, signal);
export const listQuarantine = (token: string, signal?: AbortSignal) =>
  call('GET', '/api/admin/sync/quarantine', QuarantineList, token, undefined, signal).then((r) => r.statements);
export const retryQuarantined = (token: string, seq: number) => call('POST', `/api/admin/sync/quarantine/${seq}/retry`, RetryResponse, token);
export const discardQuarantined = (token: string, seq: number) =>
  call('POST', `/api/admin/sync/quarantine/${seq}/discard`, DiscardResponse, token).then((r) => r.statement);
export const resumeSync = (token: string) => call('POST', '/api/admin/sync/resume', SyncStatus, token);
/** On a hub: each park's client with its last delivery (a park's server answers mode 'kiosk' and no parks). */
export const listParks = (token: string, signal?: AbortSignal) => call('GET', '/api/admin/sync/parks', ParkList, token, undefined, signal);

// Enrolled devices (/api/admin/devices): one-time codes, the list, revoking.
export type { Device, EnrollmentCodeResponse as EnrollmentCode } from '@ruyi/api-contract';
export const listDevices = (token: string) => call('GET', '/api/admin/devices', DeviceList, token).then((r) => r.devices);
export const createEnrollmentCode = (token: string, label: string) => call('POST', '/api/admin/devices/codes', EnrollmentCodeResponse, token, { label });
export const revokeDevice = (token: string, id: string) =>
  call('POST', `/api/admin/devices/${encodeURIComponent(id)}/revoke`, RevokeDeviceResponse, token).then((r) => r.device);

/** Uploads an archive; `onProgress` gets the share sent (0–1). XMLHttpRequest, because fetch reports no upload progress. */
export function uploadPack(token: string, file: Blob, onProgress: (sent: number) => void): Promise<z.output<typeof InstallResponse>> {
  const url = '/api/admin/packs';
  // An empty file would only be refused by the server: say so before sending anything.
  if (file.size === 0) return Promise.reject(saidHere('upload.empty', 'the file is empty: choose the .ruyipack.tgz file itself'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parse(url, InstallResponse, JSON.parse(xhr.responseText)));
        } catch (error) {
          reject(error instanceof AdminApiError ? error : new AdminApiError(0, `${url}: the answer is not JSON`));
        }
      } else reject(toError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(saidHere('upload.network', 'network error: the upload did not reach the server'));
    xhr.send(file);
  });
}
