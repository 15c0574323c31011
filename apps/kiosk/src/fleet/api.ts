// GET /api/admin/fleet for the /operator page, with the staff session's token; the answer is checked against the
// contract. A refusal becomes an AdminApiError (401: the session ended).
import { ErrorBody, FleetResponse } from '@ruyi/api-contract';
import { AdminApiError } from '../admin/api.ts';

export async function fetchFleet(token: string, signal?: AbortSignal): Promise<FleetResponse> {
  const response = await fetch('/api/admin/fleet', { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: reported below */
  }
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    throw new AdminApiError(response.status, body.success ? body.data.message : `HTTP ${response.status}`);
  }
  const parsed = FleetResponse.safeParse(json);
  if (!parsed.success) throw new AdminApiError(0, '/api/admin/fleet: unexpected response');
  return parsed.data;
}
