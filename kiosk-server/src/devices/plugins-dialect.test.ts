// The records' store plugins on both databases, in a Fastify app of their own (the storage plugin and theirs only):
// each decorates the same name with the implementation for app.storage's dialect, and what it writes lands in that
// database. The full app's tests (devices.test.ts, fleet.test.ts, xapi/documents/) run on PostgreSQL too with
// RUYI_TEST_STORE=postgres.
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import storagePlugin from '../storage/plugin.ts';
import { createTestDatabase } from '../storage/test-postgres.ts';
import { DIALECTS } from '../test-support/dialect-storage.ts';
import documentsPlugin from '../xapi/documents/plugin.ts';
import devicesPlugin from './plugin.ts';

let app: FastifyInstance | null = null;
let dir: string | null = null;
afterEach(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = null;
  dir = null;
});

async function build(dialect: string): Promise<FastifyInstance> {
  dir = mkdtempSync(join(tmpdir(), 'ruyi-records-'));
  const base = process.env.RUYI_TEST_DATABASE_URL;
  if (dialect === 'postgres' && !base) throw new Error('RUYI_TEST_DATABASE_URL is not set: run through the vitest config (its globalSetup starts PostgreSQL)');
  app = Fastify({ logger: false });
  await app.register(storagePlugin, { dataDir: dir, databaseUrl: dialect === 'postgres' ? await createTestDatabase(base!) : null });
  await app.register(documentsPlugin, { maxPerClient: 5 });
  await app.register(devicesPlugin, { enrollment: 'required', exempt: [] });
  app.get('/who', { onRequest: (request, reply) => app!.devices.authenticate(request, reply) }, async (request) => ({ deviceId: request.deviceId }));
  await app.ready();
  return app;
}

describe.each(DIALECTS)('records plugins on %s', (dialect) => {
  it('app.documents and app.devices write to the database app.storage opened', async () => {
    const app = await build(dialect);
    expect(app.storage.dialect).toBe(dialect);
    const key = { kind: 'state' as const, activityId: 'http://example.com/a', agent: 'mbox:mailto:a@example.com', registration: '', id: 's' };
    await app.documents.change(key, 1, () => ({ action: 'write', content: Buffer.from('{"a":1}'), contentType: 'application/json' }));
    const docs = await app.storage.db.selectFrom('xapi_documents').select(['doc_id', 'owner']).execute();
    expect(docs).toEqual([{ doc_id: 's', owner: 1 }]);

    const { code } = await app.devices.registry.createCode('east gate');
    const { device, token } = await app.devices.registry.enroll(code);
    expect((await app.storage.db.selectFrom('devices').select('label').execute()).map((r) => r.label)).toEqual(['east gate']);

    // The authenticate hook awaits the registry: an enrolled token passes, a revoked one is refused.
    const who = () => app.inject({ url: '/who', headers: { authorization: `Bearer ${token}` }, remoteAddress: '192.168.1.5' });
    expect((await who()).json()).toEqual({ deviceId: device.id });
    await app.devices.registry.revoke(device.id);
    expect((await who()).statusCode).toBe(401);
  });
});
