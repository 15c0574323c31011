// The API description is generated from the routes' own schemas: these tests check it covers the routes and says
// what they say, and that its browsable page works with no internet.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DEVICE_BATCH } from '../routes/statements/index.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

async function start() {
  env = createTestEnv();
  return env.start();
}

describe('GET /api/openapi.json', () => {
  it('describes every API route with its methods', async () => {
    const app = await start();
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Ruyi kiosk-server', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const methods = Object.fromEntries(Object.entries(doc.paths as Record<string, object>).map(([path, ops]) => [path, Object.keys(ops).sort()]));
    expect(methods).toMatchObject({
      '/api/health': ['get'],
      '/api/content': ['get'],
      '/api/content/events': ['get'],
      '/api/kiosk/config': ['get'],
      '/api/statements': ['post'],
      '/api/stats/summary': ['get'],
      '/api/admin/session': ['delete', 'post'],
      '/api/admin/packs': ['get', 'post'],
      '/api/admin/packs/{id}/rollback': ['post'],
      '/api/admin/packs/{id}': ['delete'],
      '/api/admin/sync/': ['get'],
      '/api/admin/sync/quarantine': ['get'],
      '/api/admin/sync/quarantine/{seq}/retry': ['post'],
      '/api/admin/sync/quarantine/{seq}/discard': ['post'],
      '/api/admin/sync/resume': ['post'],
      '/xapi/about': ['get'],
      '/xapi/activities': ['get'],
      '/xapi/agents': ['get'],
      '/xapi/statements': ['get', 'post', 'put'],
    });
    // The document itself and the docs page are not API.
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/docs') || p === '/api/openapi.json')).toBe(false);
  });

  it('carries the routes’ own schemas: limits, enums and the archive upload as bytes', async () => {
    const app = await start();
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const statements = doc.paths['/api/statements'].post.requestBody.content['application/json'].schema;
    expect(statements).toMatchObject({ type: 'array', minItems: 1, maxItems: MAX_DEVICE_BATCH });
    const summary = doc.paths['/api/stats/summary'].get.responses['200'].content['application/json'].schema;
    expect(summary.properties.platforms.items.properties.platform.enum).toEqual(['kiosk', 'vr', 'web']);
    const upload = doc.paths['/api/admin/packs'].post.requestBody.content;
    expect(upload['application/octet-stream'].schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(upload['application/json']).toBeUndefined();
    expect(doc.paths['/api/admin/packs/{id}'].delete.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });
});

describe('GET /api/docs/', () => {
  it('serves a browsable page whose every file comes from this server', async () => {
    const app = await start();
    const page = await app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/https?:\/\//);
    const files = [...page.body.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(files).toContain('static/swagger-ui-bundle.js');
    for (const file of files) expect((await app.inject({ url: `/api/docs/${file}` })).statusCode, file).toBe(200);
    // Swagger UI would send the document to validator.swagger.io unless told not to.
    const init = await app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expect(init.body).toMatch(/"validatorUrl":\s*null/);
  });
});
