// POST /api/records: a batch of visit records from a kiosk. Checked against the schema, then against the loaded
// content; stored all-or-nothing in one transaction; answered 2xx only after the commit is on disk, because the kiosk
// drops records from its outbox on a 2xx. A resent record (same id, same body) is counted as a duplicate, not an error.
import { RecordBatch } from '@ruyi/records';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody, summarize } from '../../errors.ts';
import { checkRecords, packOf } from '../../records/check.ts';
import { createRecordsRepository, RecordConflict } from '../../records/repository.ts';

export const RecordsResponse = z.object({
  /** Records newly stored. */
  stored: z.number().int(),
  /** Records already stored with the identical body (a resend): not stored twice. */
  duplicates: z.number().int(),
});

const records: FastifyPluginAsyncZod = async (app) => {
  const repository = createRecordsRepository(app.db);
  /** The body as parsed from JSON, before validation: what is stored, field order and all. */
  const received = new WeakMap<object, unknown>();

  app.post(
    '/records',
    {
      schema: {
        body: RecordBatch,
        response: { 200: RecordsResponse, 400: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
      preValidation: async (request) => {
        received.set(request, request.body);
      },
    },
    async (request) => {
      const { records: batch } = request.body;
      const index = app.content.index();
      const issues = checkRecords(batch, index);
      if (issues.length) throw new ApiError(400, summarize(issues), issues);

      const raw = (received.get(request) as { records: unknown[] }).records;
      const rows = batch.map((record, i) => ({
        record,
        body: JSON.stringify(raw[i]),
        area: packOf(index, record)?.area ?? null,
      }));
      try {
        return repository.insertBatch(rows);
      } catch (error) {
        if (error instanceof RecordConflict)
          throw new ApiError(409, `${error.message}; nothing from this batch was stored`, [
            { path: `records[${error.index}].id`, message: 'already stored with a different body' },
          ]);
        throw error;
      }
    },
  );
};

export default records;
