// The kiosk-server's API as the app sees it. Every response is validated: a bad pack or a server mismatch becomes a
// clear message, never a blank screen on the park floor.
import { Pack, Park } from '@ruyi/pack-schema';
import { RecordBatch, type VisitRecord } from '@ruyi/records';
import { z } from 'zod';

const PackErrorSchema = z.object({
  file: z.string(),
  path: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  message: z.string(),
});

export const ContentResponse = z.object({
  park: Park.nullable(),
  packs: z.array(Pack),
  problems: z.array(z.object({ dir: z.string(), errors: z.array(PackErrorSchema) })),
});
export type ContentResponse = z.infer<typeof ContentResponse>;

export const KioskConfig = z.object({
  idleSeconds: z.number().int().positive(),
  idleCountdownSeconds: z.number().int().positive(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

async function getJson<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url}: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const fetchContent = () => getJson('/api/content', ContentResponse);
export const fetchKioskConfig = () => getJson('/api/kiosk/config', KioskConfig);

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
