// The pure parts of the document resources: which ETags a precondition names, and how parameters are read.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { isJsonType, namesEtag, parametersOf, readTarget, RESOURCES } from './resource.ts';

const etag = 'a'.repeat(40);

describe('namesEtag', () => {
  it('matches *, the quoted tag, a weak one, one of a list, and (leniently) the bare tag', () => {
    expect(namesEtag('*', etag)).toBe(true);
    expect(namesEtag(`"${etag}"`, etag)).toBe(true);
    expect(namesEtag(`W/"${etag}"`, etag)).toBe(true);
    expect(namesEtag(`"${'b'.repeat(40)}", "${etag}"`, etag)).toBe(true);
    expect(namesEtag(etag, etag)).toBe(true);
    expect(namesEtag(`"${'1'.repeat(40)}"`, etag)).toBe(false);
    expect(namesEtag('', etag)).toBe(false);
  });
});

describe('readTarget', () => {
  const state = RESOURCES.state;
  const agent = JSON.stringify({ mbox: 'mailto:Learner@Example.com' });

  it('reads the scope, with the Agent as its identifier and the registration in lower case', () => {
    const target = readTarget(state, {
      method: 'GET',
      params: { activityId: 'http://example.com/a', agent, registration: '6F1E9C3A-0000-4000-8000-000000000001', since: '2026-01-01T00:00:00Z' },
    });
    expect(target.scope).toEqual({ kind: 'state', activityId: 'http://example.com/a', agent: 'mbox:mailto:Learner@example.com', registration: '6f1e9c3a-0000-4000-8000-000000000001' });
    expect(target.id).toBeUndefined();
    expect(target.since).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('names every problem at once', () => {
    try {
      readTarget(state, { method: 'PUT', params: { activityId: 'not an iri', agent: '{"name":"no id"}', registration: 'x', since: 'y', extra: '1' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      const paths = (error as ApiError).details!.map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['activityId', 'agent', 'registration', 'stateId', 'since', 'extra']));
      expect((error as ApiError).statusCode).toBe(400);
    }
  });

  it('takes a repeated parameter as an error, and since only on GET and HEAD', () => {
    expect(() => readTarget(RESOURCES['agent-profile'], { method: 'GET', params: { agent: [agent, agent], profileId: 'p' } })).toThrow(/once/);
    expect(parametersOf(state, 'DELETE')).not.toContain('since');
    expect(parametersOf(RESOURCES['activity-profile'], 'HEAD')).toEqual(['activityId', 'profileId', 'since']);
  });

  it('asks a profile DELETE for its id, but lets State delete a whole scope', () => {
    expect(() => readTarget(RESOURCES['activity-profile'], { method: 'DELETE', params: { activityId: 'http://example.com/a' } })).toThrow(/profileId/);
    expect(readTarget(state, { method: 'DELETE', params: { activityId: 'http://example.com/a', agent } }).id).toBeUndefined();
  });
});

describe('isJsonType', () => {
  it('compares the media type only, in any case', () => {
    expect(isJsonType('application/json')).toBe(true);
    expect(isJsonType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonType('application/ld+json')).toBe(false);
    expect(isJsonType(undefined)).toBe(false);
  });
});
