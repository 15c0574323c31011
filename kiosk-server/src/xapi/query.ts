// The parameters of GET /xapi/statements (xAPI 1.0.3 Communication 2.1.3), checked and turned into a store query,
// and the opaque `more` cursor that carries a query and its position to the next page.
import { z } from 'zod';
import { ApiError, summarize, type ErrorDetail } from '../errors.ts';
import { agentKey, isUuid, parseAgentParam, parseTimestamp } from './lib.ts';
import type { StatementQuery } from './store.ts';

/** Statements per page when the client asks for none (limit absent or 0), and the most it may ask for. */
export const MAX_PAGE = 500;

export const FORMATS = ['exact', 'ids', 'canonical'] as const;
export type Format = (typeof FORMATS)[number];

/** The query string of GET (and HEAD) /xapi/statements: every parameter xAPI defines, nothing else. */
export const StatementsQuerystring = z
  .object({
    statementId: z.string().optional(),
    voidedStatementId: z.string().optional(),
    agent: z.string().optional().describe('an Agent or identified Group as JSON'),
    verb: z.string().optional(),
    activity: z.string().optional(),
    registration: z.string().optional(),
    related_activities: z.enum(['true', 'false']).optional(),
    related_agents: z.enum(['true', 'false']).optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    limit: z.string().regex(/^\d+$/, { error: 'must be a whole number (0 = the server maximum)' }).optional(),
    format: z.enum(FORMATS).optional(),
    attachments: z.enum(['true', 'false']).optional(),
    ascending: z.enum(['true', 'false']).optional(),
    more: z.string().optional().describe('the opaque cursor from a StatementResult'),
  })
  .strict();
export type StatementsQuerystring = z.infer<typeof StatementsQuerystring>;

export type GetRequest =
  | { kind: 'single'; id: string; voided: boolean; format: Format; attachments: boolean }
  | { kind: 'query'; query: StatementQuery; filters: StatementsQuerystring; format: Format; attachments: boolean };

const bad = (details: ErrorDetail[]) => new ApiError(400, summarize(details), details);
/** 9999-12-31T23:59:59.999Z: the latest time with a four-digit year. */
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Reads the checked query string (or a decoded `more` cursor) as a single-statement or filtered request. */
export function readGetParams(params: StatementsQuerystring): GetRequest {
  if (params.more !== undefined) {
    const others = Object.keys(params).filter((k) => k !== 'more');
    if (others.length) throw bad([{ path: 'more', message: `must be used alone (got also ${others.join(', ')}); it already carries the query` }]);
    return fromCursor(params.more);
  }
  const format = params.format ?? 'exact';
  const attachments = params.attachments === 'true';
  const single = params.statementId ?? params.voidedStatementId;
  if (single !== undefined) {
    const name = params.statementId !== undefined ? 'statementId' : 'voidedStatementId';
    const allowed = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);
    const others = Object.keys(params).filter((k) => !allowed.has(k));
    const details: ErrorDetail[] = [];
    if (params.statementId !== undefined && params.voidedStatementId !== undefined)
      details.push({ path: 'voidedStatementId', message: 'cannot be used together with statementId' });
    if (others.length) details.push({ path: name, message: `can only be combined with format and attachments (got also ${others.join(', ')})` });
    if (!isUuid(single)) details.push({ path: name, message: 'must be a UUID' });
    if (details.length) throw bad(details);
    return { kind: 'single', id: single.toLowerCase(), voided: name === 'voidedStatementId', format, attachments };
  }

  const details: ErrorDetail[] = [];
  const query: StatementQuery = { limit: MAX_PAGE, ascending: params.ascending === 'true' };
  if (params.agent !== undefined) {
    const parsed = parseAgentParam(params.agent);
    const key = parsed.ok ? agentKey(parsed.agent) : null;
    if (key) query.agent = key;
    else details.push({ path: 'agent', message: parsed.ok ? 'must identify an Agent or Group (mbox, mbox_sha1sum, openid or account)' : parsed.message });
  }
  if (params.verb !== undefined) query.verb = params.verb;
  if (params.activity !== undefined) query.activity = params.activity;
  if (params.registration !== undefined) {
    if (isUuid(params.registration)) query.registration = params.registration.toLowerCase();
    else details.push({ path: 'registration', message: 'must be a UUID' });
  }
  query.relatedAgents = params.related_agents === 'true';
  query.relatedActivities = params.related_activities === 'true';
  for (const name of ['since', 'until'] as const) {
    const value = params[name];
    if (value === undefined) continue;
    const time = parseTimestamp(value);
    if (time === null) details.push({ path: name, message: 'must be an ISO 8601 timestamp with a time zone, e.g. 2026-06-01T09:30:00Z' });
    // Stored times are all toISOString() (UTC, milliseconds), so normalised times compare as strings. An offset can
    // carry 9999-12-31 into year 10000, which toISOString() spells '+010000-…' (less than any stored time as a string):
    // the last millisecond of 9999 selects the same statements, since nothing is stored later.
    else query[name] = new Date(Math.min(time, LAST_TIME)).toISOString();
  }
  if (params.limit !== undefined) {
    const limit = Number(params.limit);
    query.limit = limit === 0 ? MAX_PAGE : Math.min(limit, MAX_PAGE);
  }
  if (details.length) throw bad(details);
  return { kind: 'query', query, filters: params, format, attachments };
}

interface Cursor {
  /** The original query parameters. */
  q: StatementsQuerystring;
  a: number;
  m: number;
}

export function moreLink(prefix: string, filters: StatementsQuerystring, next: { afterSeq: number; maxSeq: number }): string {
  const cursor: Cursor = { q: filters, a: next.afterSeq, m: next.maxSeq };
  return `${prefix}/statements?more=${Buffer.from(JSON.stringify(cursor)).toString('base64url')}`;
}

function fromCursor(more: string): GetRequest {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(more, 'base64url').toString('utf8')) as Cursor;
    if (!Number.isInteger(cursor.a) || !Number.isInteger(cursor.m)) throw new Error('bad position');
  } catch {
    throw bad([{ path: 'more', message: 'is not a cursor this server made; use the `more` value of a StatementResult as it is' }]);
  }
  const parsed = StatementsQuerystring.safeParse(cursor.q);
  if (!parsed.success || parsed.data.more !== undefined)
    throw bad([{ path: 'more', message: 'is not a cursor this server made; use the `more` value of a StatementResult as it is' }]);
  const request = readGetParams(parsed.data);
  if (request.kind !== 'query') throw bad([{ path: 'more', message: 'does not carry a filtered query' }]);
  request.query.afterSeq = cursor.a;
  request.query.maxSeq = cursor.m;
  return request;
}
