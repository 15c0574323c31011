// Staff authentication for the admin routes: the password hash and the sessions in the database (SQLite or PostgreSQL:
// admin/credentials.ts, admin/sessions.ts; the password is set with `npm run admin -- set-password`), failed logins and
// the hashing gate in this process's memory. `app.admin.authenticate` is the onRequest hook admin routes use; it runs
// before the body is read, so an unauthenticated upload is refused without being received. A login (routes/admin/
// session.ts) is counted against its address before it hashes, and the hashes of the whole server go through one small
// gate, so guessing in parallel is no faster than in series and leaves libuv's threadpool (which also reads the app's
// files) to visitors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { credentialStoreFor, type CredentialStore } from '../admin/credentials.ts';
import { SET_PASSWORD_HINT, type StoredCredential } from '../admin/password.ts';
import { FAILURE_WINDOW_MS, HASH_CONCURRENCY, HASH_QUEUE, LOCKOUT_MS, MAX_FAILURES, sessionStoreFor, type SessionStore } from '../admin/sessions.ts';
import { FailureLimit } from '../auth/failures.ts';
import { Gate } from '../auth/gate.ts';
import { ApiError } from '../errors.ts';
import { refusal } from '../refusal.ts';

declare module 'fastify' {
  interface FastifyInstance {
    admin: {
      /** The staff password's hash. */
      credentials: CredentialStore;
      /** Staff sessions, in the database: valid on every process that shares it. */
      sessions: SessionStore;
      /** Failed (and in-progress) logins per address. */
      failures: FailureLimit;
      /** Password hashes: at most HASH_CONCURRENCY at once server-wide; `stats()` counts them. */
      hashes: Gate;
      /** The stored credential; rejects with 403 (telling the operator how to set one) when there is none. */
      credential(): Promise<StoredCredential>;
      authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    };
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export default fp(
  async (app) => {
    const credentials = credentialStoreFor(app.storage);
    const sessions = sessionStoreFor(app.storage);
    const failures = new FailureLimit({ maxFailures: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS, lockoutMs: LOCKOUT_MS, maxAddresses: 10_000 });
    const hashes = new Gate(HASH_CONCURRENCY, HASH_QUEUE);
    const credential = async () => {
      const stored = await credentials.read();
      if (!stored) throw new ApiError(403, `${SET_PASSWORD_HINT}; there is no default password`);
      return stored;
    };
    if (!(await credentials.read())) app.log.warn(`admin routes are closed: ${SET_PASSWORD_HINT}`);
    app.decorate('admin', {
      credentials,
      sessions,
      failures,
      hashes,
      credential,
      async authenticate(request, reply) {
        await credential();
        const token = bearerToken(request);
        if (!token || !(await sessions.isValid(token))) {
          reply.header('www-authenticate', 'Bearer');
          throw token
            ? refusal(401, 'admin.session-ended', 'the session has expired or was ended: log in again')
            : new ApiError(401, 'log in first: send Authorization: Bearer <token> from POST /api/admin/session');
        }
      },
    });
  },
  { name: 'ruyi-admin', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
