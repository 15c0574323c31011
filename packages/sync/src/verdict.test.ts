import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict.ts';

const response = (status: number, retryAfterMs?: number) => ({ kind: 'response' as const, status, body: '', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe('verdictOf', () => {
  it('sorts every answer into deliver / retry / split / stop', () => {
    expect(verdictOf({ kind: 'network', message: 'ECONNRESET' })).toEqual({ kind: 'retry' });
    expect([200, 204].map((s) => verdictOf(response(s)).kind)).toEqual(['delivered', 'delivered']);
    expect([408, 425, 429, 500, 502, 503, 504].map((s) => verdictOf(response(s)).kind)).toEqual(Array(7).fill('retry'));
    expect(verdictOf(response(429, 2000))).toEqual({ kind: 'retry', retryAfterMs: 2000 });
    expect([400, 409, 413].map((s) => verdictOf(response(s)))).toEqual([400, 409, 413].map((status) => ({ kind: 'refused', status })));
    expect([201, 301, 302, 307, 401, 403, 404, 405, 415].map((s) => verdictOf(response(s)).kind)).toEqual(Array(9).fill('stop'));
  });
});
