// GET /api/stats/report as the dashboard asks it: the answer checked against the shared contract; a refusal becomes an
// AdminApiError like the admin page's, so the same words and the same 401 handling apply.
import { ErrorBody, StatisticsReport, type ReportQuery } from '@ruyi/api-contract';
import { z } from 'zod';
import { AdminApiError } from '../admin/api.ts';

export type { StatisticsReport } from '@ruyi/api-contract';

export function reportUrl(query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  for (const key of ['district', 'park', 'school'] as const) if (query[key]) params.set(key, query[key]);
  return `/api/stats/report?${params}`;
}

export async function fetchReport(token: string, query: ReportQuery, signal?: AbortSignal): Promise<StatisticsReport> {
  const url = reportUrl(query);
  const response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new AdminApiError(response.ok ? 0 : response.status, `${url}: the answer is not JSON (HTTP ${response.status})`);
  }
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    throw body.success ? new AdminApiError(response.status, body.data.message, body.data.details) : new AdminApiError(response.status, `HTTP ${response.status}`);
  }
  const parsed = StatisticsReport.safeParse(json);
  if (!parsed.success) throw new AdminApiError(0, `${url}: unexpected response: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
