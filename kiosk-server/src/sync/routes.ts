// /api/admin/sync/*: the forwarder's progress, its quarantine, and the operator's actions (retry or discard a
// quarantined statement, resume after a stop), and on a hub the parks' deliveries. Every route needs a staff session.
import { DiscardResponse, ParkList, QuarantineList, QuarantineParams, RetryResponse, SyncStatus } from '@ruyi/api-contract';
import type { Forwarder } from '@ruyi/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../errors.ts';
import { toQuarantined } from './status.ts';

const NO_TARGET = 'statement sync is off on this server: set RUYI_SYNC_URL, RUYI_SYNC_KEY and RUYI_SYNC_SECRET, then restart';

const routes: FastifyPluginAsyncZod<{ mode: 'kiosk' | 'hub' }> = async (app, { mode }) => {
  app.addHook('onRequest', app.admin.authenticate);
  const errors = { 401: ErrorBody, 403: ErrorBody };
  const forwarder = (): Forwarder => {
    if (!app.sync.forwarder) throw new ApiError(409, NO_TARGET);
    return app.sync.forwarder;
  };

  app.get('/', { schema: { response: { 200: SyncStatus, ...errors } } }, () => app.sync.status());

  app.get('/quarantine', { schema: { response: { 200: QuarantineList, ...errors } } }, async () => ({
    statements: app.sync.forwarder ? (await app.sync.forwarder.quarantined()).map(toQuarantined) : [],
  }));

  app.post(
    '/quarantine/:seq/retry',
    { schema: { params: QuarantineParams, response: { 200: RetryResponse, 400: ErrorBody, ...errors, 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const { seq } = request.params;
      const result = await forwarder().retry(seq);
      switch (result.kind) {
        case 'not-found':
          throw new ApiError(404, `seq: no quarantined statement has seq ${seq}; GET /api/admin/sync/quarantine lists them`);
        case 'discarded':
          throw new ApiError(409, `seq: statement ${seq} was discarded and is never sent`);
        case 'delivered':
          return { seq, outcome: 'delivered' as const, status: null, reason: null };
        case 'refused':
          return { seq, outcome: 'refused' as const, status: result.status, reason: result.reason };
        case 'unreachable':
          return { seq, outcome: 'unreachable' as const, status: null, reason: result.reason };
        case 'stopped':
          return { seq, outcome: 'stopped' as const, status: null, reason: result.reason };
      }
    },
  );

  app.post(
    '/quarantine/:seq/discard',
    { schema: { params: QuarantineParams, response: { 200: DiscardResponse, 400: ErrorBody, ...errors, 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const { seq } = request.params;
      const result = await forwarder().discard(seq);
      if (result.kind === 'not-found') throw new ApiError(404, `seq: no quarantined statement has seq ${seq}; GET /api/admin/sync/quarantine lists them`);
      return { statement: toQuarantined(result.entry) };
    },
  );

  // What each park's client delivered here: the statements stored under its credentials. A park's server forwards
  // and receives from no park, so it answers with an empty list rather than counting its local tools' statements.
  app.get('/parks', { schema: { response: { 200: ParkList, ...errors } } }, async () => {
    const parks = mode === 'hub' ? (await app.syncStore.deliveries()).map(({ name, ...d }) => ({ client: name, ...d })) : [];
    // Read after the list: no delivery it shows is later than "now".
    return { mode, now: new Date().toISOString(), parks };
  });

  app.post('/resume', { schema: { response: { 200: SyncStatus, ...errors, 409: ErrorBody } } }, async () => {
    forwarder();
    await app.sync.runner!.resume();
    return app.sync.status();
  });
};

export default routes;
