import { describe, expect, it } from 'vitest';
import { batchPayload, checkAcknowledgement, describeResponse } from './payload.ts';

describe('batchPayload', () => {
  it('joins the stored texts unchanged', () => {
    expect(batchPayload(['{"a": 1.0}', '{ "b":"é" }'])).toBe('[{"a": 1.0},{ "b":"é" }]');
  });
});

describe('describeResponse', () => {
  it('takes the message of a JSON error body, else the text, shortened', () => {
    expect(describeResponse(400, '{"error":"Bad Request","message":"statement.verb: is required"}')).toBe('HTTP 400: statement.verb: is required');
    expect(describeResponse(409, '{"error":"Conflict"}')).toBe('HTTP 409: Conflict');
    expect(describeResponse(502, '')).toBe('HTTP 502');
    expect(describeResponse(500, 'x'.repeat(600))).toHaveLength('HTTP 500: '.length + 501);
  });
});

describe('checkAcknowledgement', () => {
  it('accepts the ids sent, in any order and case, or some of them (an LRS may leave out ids it already held)', () => {
    expect(checkAcknowledgement('["A-1","b-2"]', ['b-2', 'a-1'])).toBeNull();
    expect(checkAcknowledgement('["a"]', ['a', 'b'])).toBeNull();
    expect(checkAcknowledgement('[]', ['a', 'b'])).toBeNull();
  });
  it('refuses a page, another shape, or other ids', () => {
    expect(checkAcknowledgement('<html>', ['a'])).toContain('without a JSON body');
    expect(checkAcknowledgement('{"ok":true}', ['a'])).toContain('array of statement ids');
    expect(checkAcknowledgement('["a","c"]', ['a', 'b'])).toContain('not sent ("c")');
    expect(checkAcknowledgement('["a","a"]', ['a'])).toContain('not sent');
  });
});
