// POST /api/statements: the kiosk app's own statements (made on the device from its records, see @ruyi/xapi). What
// keeps it honest is that only Ruyi's statements about the loaded content are taken, with no extension Ruyi does not
// use. Each is validated as xAPI, then admitted (records/admission.ts: read back as its record and checked against the
// packs, against its run, and a scenario end against the run's own evidence), then the batch is stored all or none
// with the facts admission derived (in a transaction shared with the other requests of the moment, xapi/store.ts),
// and answered 2xx only after the commit is on disk: the kiosk drops statements from its IndexedDB outbox on a 2xx.
// Other tools write to /xapi/statements with their own credentials.
import { DeviceStatementsResponse } from '@ruyi/api-contract';
import { validateStatements, type Statement } from '@ruyi/xapi';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody, summarize, type ErrorDetail } from '../../errors.ts';
import { createAdmission } from '../../records/admission.ts';
import { StatementConflict } from '../../xapi/store.ts';

/** A kiosk's outbox sends 50 at most; more in one request is a client bug, not a visit. */
export const MAX_DEVICE_BATCH = 200;

export interface DeviceStatementsOptions {
  base: string;
  parkIri: string;
}

const deviceStatements: FastifyPluginAsyncZod<DeviceStatementsOptions> = async (app, { base, parkIri }) => {
  const store = app.statements;
  const admission = createAdmission(store, { base, content: () => app.content.index() });
  const authority = { objectType: 'Agent' as const, account: { homePage: parkIri, name: 'kiosk-app' } };

  app.post(
    '/statements',
    {
      // Only enrolled devices and exempt addresses (src/devices/), or a class seat's token (src/classes/), checked
      // before the body is read.
      onRequest: app.classes.authenticate,
      // 50 statements with their bilingual definitions are ~150 KiB; a full batch of 200 fits in 1 MiB.
      bodyLimit: 1024 * 1024,
      schema: {
        description: "The kiosk app's own xAPI statements (Ruyi's, about the loaded content). Other clients use /xapi/statements.",
        body: z.array(z.record(z.string(), z.unknown())).min(1, { error: 'send at least one statement' }).max(MAX_DEVICE_BATCH, {
          error: `send at most ${MAX_DEVICE_BATCH} statements at once`,
        }),
        response: { 200: DeviceStatementsResponse, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody, 503: ErrorBody, 507: ErrorBody },
      },
    },
    async (request) => {
      const body = request.body as unknown[];
      const problems: ErrorDetail[] = validateStatements(body).map((p) => ({ path: p.path, message: p.message }));
      if (problems.length) throw new ApiError(400, summarize(problems), problems);

      const statements = body as Statement[];
      // A seat of a class has its own budget: a school's computer room may share one address.
      const seat = request.classSeat;
      app.floor.admit(seat && !request.deviceId ? `seat:${seat.classId}/${seat.seat}` : request, 'device', statements);
      // After the budget is charged: a flood of forged statements spends it like any other.
      const facts = await admission.admit({
        statements,
        clientId: null,
        device: { parkIri, deviceId: request.deviceId ?? null },
        classSeat: seat ? { classCode: seat.class.classCode, closesAt: seat.class.closesAt } : null,
        at: (i) => `[${i}].`,
      });
      // Which visits sit at the seat, before their statements are stored: the class report groups them by seat.
      if (seat) await app.classes.store.noteVisits(seat.classId, seat.seat, facts.flatMap((f) => (f ? [f.visitId] : [])));
      try {
        const result = await store.insert(
          statements.map((statement, i) => ({ statement, body: JSON.stringify(statement), facts: facts[i] })),
          { authority, clientId: null },
        );
        if (result.stored.length) app.sync.nudge();
        return { stored: result.stored.length, duplicates: result.duplicates.length };
      } catch (error) {
        if (error instanceof StatementConflict)
          throw new ApiError(409, `${error.message}; nothing from this batch was stored`, [{ path: `[${error.index}].id`, message: 'already stored with different content' }]);
        throw error;
      }
    },
  );
};

export default deviceStatements;
