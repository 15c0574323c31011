// POST /api/statements: the kiosk app's own statements (made on the device from its records, see @ruyi/xapi). The
// same origin as the app, so no credentials: what keeps it honest is that only Ruyi's statements about the loaded
// content are taken. Each is validated as xAPI, read back as its record and checked against the packs (a hazard the
// scenario does not have, a "correct" answer that is wrong, a score that does not add up), then the batch is stored in
// ONE transaction and answered 2xx only after the commit is on disk: the kiosk drops statements from its IndexedDB
// outbox on a 2xx. Other tools write to /xapi/statements with their own credentials.
import { DeviceStatementsResponse } from '@ruyi/api-contract';
import { recordFromStatement, validateStatements, type Statement } from '@ruyi/xapi';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody, summarize, type ErrorDetail } from '../../errors.ts';
import { checkRecords } from '../../records/check.ts';
import { createStatementStore, StatementConflict } from '../../xapi/store.ts';

/** A kiosk's outbox sends 50 at most; more in one request is a client bug, not a visit. */
export const MAX_DEVICE_BATCH = 200;

export interface DeviceStatementsOptions {
  base: string;
  parkIri: string;
}

/** Where a record field lives in its statement, so an error names the statement's own path. */
const STATEMENT_PATH: Record<string, string> = {
  packId: 'object.id',
  scenarioId: 'object.id',
  hazardId: 'object.id',
  propId: 'object.id',
  nodeId: 'object.id',
  questionId: 'object.id',
  choiceId: 'result.response',
  choiceIds: 'result.response',
  safe: 'result.success',
  correct: 'result.success',
  passed: 'result.success',
  score: 'result.score',
};

function statementPath(recordPath: string, index: number): string {
  const field = /^records\[\d+\]\.([a-zA-Z]+)(.*)$/.exec(recordPath);
  if (!field) return `[${index}]`;
  const [, name, rest] = field;
  const mapped = STATEMENT_PATH[name!];
  if (!mapped) return `[${index}]`;
  // score.raw → result.score.raw; choiceIds[1] → result.response (one string holds them all).
  return `[${index}].${mapped}${name === 'score' ? rest : ''}`;
}

const deviceStatements: FastifyPluginAsyncZod<DeviceStatementsOptions> = async (app, { base, parkIri }) => {
  const store = createStatementStore(app.db, { base });
  const authority = { objectType: 'Agent' as const, account: { homePage: parkIri, name: 'kiosk-app' } };

  app.post(
    '/statements',
    {
      // 50 statements with their bilingual definitions are ~150 KiB; a full batch of 200 fits in 1 MiB.
      bodyLimit: 1024 * 1024,
      schema: {
        description: "The kiosk app's own xAPI statements (Ruyi's, about the loaded content). Other clients use /xapi/statements.",
        body: z.array(z.record(z.string(), z.unknown())).min(1, { error: 'send at least one statement' }).max(MAX_DEVICE_BATCH, {
          error: `send at most ${MAX_DEVICE_BATCH} statements at once`,
        }),
        response: { 200: DeviceStatementsResponse, 400: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request) => {
      const body = request.body as unknown[];
      const problems: ErrorDetail[] = validateStatements(body).map((p) => ({ path: p.path, message: p.message }));
      if (problems.length) throw new ApiError(400, summarize(problems), problems);

      const statements = body as Statement[];
      const read = statements.map((statement, i) => {
        const found = recordFromStatement(statement, base);
        if (!found) problems.push({ path: `[${i}]`, message: `not a Ruyi statement under ${base} (this route takes the kiosk app's own; other tools post to /xapi/statements)` });
        else if ((statement.actor as { account?: { homePage?: string } }).account?.homePage !== parkIri)
          problems.push({ path: `[${i}].actor.account.homePage`, message: `must be this park's IRI, ${parkIri}` });
        return found;
      });
      if (problems.length) throw new ApiError(400, summarize(problems), problems);

      const records = read.map((r) => r!.record);
      for (const issue of checkRecords(records, app.content.index())) {
        const index = Number(/^records\[(\d+)\]/.exec(issue.path)?.[1] ?? 0);
        problems.push({ path: statementPath(issue.path, index), message: issue.message });
      }
      if (problems.length) throw new ApiError(400, summarize(problems), problems);

      try {
        const result = store.insert(
          statements.map((statement) => ({ statement, body: JSON.stringify(statement) })),
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
