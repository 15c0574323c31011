// The kiosk-server's API as the app sees it. Every response is validated: a bad pack or a server mismatch becomes a
// clear message, never a blank screen on the park floor.
import { ContentResponse, KioskConfigResponse } from '@ruyi/api-contract';
import { RecordBatch, type VisitRecord } from '@ruyi/records';
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

export class RecordRejected extends Error {}

/** Resolves once the server has the records on disk (2xx); a 4xx means they will never be accepted. */
export async function postRecords(records: VisitRecord[]): Promise<void> {
  const body: RecordBatch = { records };
  const response = await fetch('/api/records', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    keepalive: true,
  });
  if (response.ok) return;
  const text = await response.text();
  if (response.status >= 400 && response.status < 500) throw new RecordRejected(`HTTP ${response.status}: ${text}`);
  throw new Error(`HTTP ${response.status}: ${text}`);
}
