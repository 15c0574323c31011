// The kiosk-server's API as the app sees it. Every response is validated: a bad pack or a server mismatch becomes a
// clear message, never a blank screen on the park floor.
import { ContentResponse, KioskConfigResponse } from '@ruyi/api-contract';
import type { Statement } from '@ruyi/xapi';
import { z } from 'zod';

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

/** Resolves once the server has the statements on disk (2xx); a 4xx means they will never be accepted. */
export async function postStatements(statements: Statement[]): Promise<void> {
  const body = JSON.stringify(statements);
  const response = await fetch('/api/statements', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    // keepalive lets a send finish while the page unloads, but browsers refuse keepalive bodies over 64 KiB.
    keepalive: body.length < 60_000,
  });
  if (response.ok) return;
  const text = await response.text();
  // 429 (too many at once) is worth retrying; every other 4xx says the statements are wrong.
  if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new StatementsRejected(`HTTP ${response.status}: ${text}`);
  throw new Error(`HTTP ${response.status}: ${text}`);
}
