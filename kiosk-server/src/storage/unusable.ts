// Why the server cannot use its PostgreSQL database at start, said for the operator: the database's address without
// the password, the driver's reason, and what to check. Null for any other error (a bug keeps its stack trace).
import { redactDatabaseUrl } from './url.ts';

/** Node's network errors: nothing answers at that address. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** PostgreSQL's SQLSTATEs for a refused connection: 08 connection, 28 authorization, 3D000 no such database, 53300 too
 * many connections, 57P03 starting up or shutting down. */
const REFUSED = /^(08...|28...|3D000|53300|57P03)$/;

/** `then`: what the operator does once the database answers (the server is started again, a command run again). */
export function postgresUnusable(databaseUrl: string, error: unknown, then = 'start the server again'): string | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const timedOut = error instanceof Error && /timeout/i.test(error.message) && /connect/i.test(error.message);
  if (!UNREACHABLE.has(code) && !REFUSED.test(code) && !timedOut) return null;
  const reason = error instanceof Error ? error.message : String(error);
  return [
    `Cannot use the PostgreSQL database ${redactDatabaseUrl(databaseUrl)} (RUYI_DATABASE_URL): ${reason}${code ? ` (${code})` : ''}.`,
    'Check that PostgreSQL is running and reachable from this machine, that the database exists, and the user and its',
    `password (PGPASSWORD or ~/.pgpass keep it out of the URL). Nothing was changed; ${then} once it answers.`,
  ].join('\n');
}
