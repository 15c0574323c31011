import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { ASSET_FILE, createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { allowInlineStyles, CONTENT_SECURITY_POLICY } from './security-headers.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

/** Every header the issue asks for, and none of those that would break a plain-http park. */
function expectSecurityHeaders(headers: Record<string, unknown>, what: string, policy = CONTENT_SECURITY_POLICY) {
  expect(headers['content-security-policy'], what).toBe(policy);
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

describe('security headers', () => {
  it('the policy forbids framing, inline and foreign scripts, and never upgrades the plain-http LAN to https', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(allowInlineStyles(CONTENT_SECURITY_POLICY)).toContain("style-src 'self' 'unsafe-inline';");
    expect(allowInlineStyles(CONTENT_SECURITY_POLICY)).toContain("script-src 'self';");
  });

  async function start(builtApp = true): Promise<App> {
    env = createTestEnv({ builtApp, brokenPack: false });
    return env.start();
  }

  it.each([
    ['the app page', '/', 200],
    ['an app route (SPA fallback)', '/admin', 200],
    ['a static asset', `/assets/${ASSET_FILE}`, 200],
    ['JSON API', '/api/health', 200],
    ['the content', '/api/content', 200],
    ['the OpenAPI document', '/api/openapi.json', 200],
    ['the API docs page', '/api/docs/', 200],
    ['a Swagger UI file', '/api/docs/static/swagger-ui-bundle.js', 200],
    ['the XR profiles list', '/xr-profiles/profilesList.json', 200],
    ['an XR profile file', '/xr-profiles/generic-trigger/profile.json', 200],
    ['a missing API route', '/api/nothing', 404],
    ['a missing file', '/assets/missing.js', 404],
    ['a missing XR profile', '/xr-profiles/nothing/profile.json', 404],
  ])('%s (%s) carries them', async (what, url, status) => {
    const app = await start();
    const res = await app.inject({ url });
    expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(status);
    // Swagger UI adds a <style> element: its pages alone allow inline styles (scripts stay files only).
    expectSecurityHeaders(res.headers, what, url.startsWith('/api/docs/') ? allowInlineStyles(CONTENT_SECURITY_POLICY) : CONTENT_SECURITY_POLICY);
  });

  it('error answers carry them: a bad body (400), a request without a staff session (401/403), a wrong method (404), an unbuilt app (503)', async () => {
    const app = await start(false);
    const bad = await app.inject({ method: 'POST', url: '/api/admin/session', payload: '{', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expectSecurityHeaders(bad.headers, 'bad JSON');
    const refused = await app.inject({ method: 'GET', url: '/api/admin/packs' });
    expect([401, 403]).toContain(refused.statusCode);
    expectSecurityHeaders(refused.headers, 'no session');
    const method = await app.inject({ method: 'DELETE', url: '/nothing' });
    expect(method.statusCode).toBe(404);
    expectSecurityHeaders(method.headers, 'wrong method');
    const unbuilt = await app.inject({ url: '/' });
    expect(unbuilt.statusCode).toBe(503);
    expectSecurityHeaders(unbuilt.headers, 'unbuilt app');
  });
});
