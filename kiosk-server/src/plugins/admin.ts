// Staff authentication for the admin routes: the password hash in SQLite (set with `npm run admin -- set-password`),
// sessions and login throttling in memory. `app.admin.authenticate` is the onRequest hook admin routes use; it runs
// before the body is read, so an unauthenticated upload is refused without being received.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { readCredential, SET_PASSWORD_HINT, type StoredCredential } from '../admin/password.ts';
import { LoginThrottle, SessionStore } from '../admin/sessions.ts';
import { ApiError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    admin: {
      sessions: SessionStore;
      throttle: LoginThrottle;
      /** The stored credential; throws 403 (telling the operator how to set one) when there is none. */
      credential(): StoredCredential;
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
    const sessions = new SessionStore();
    const throttle = new LoginThrottle();
    const credential = () => {
      const stored = readCredential(app.db);
      if (!stored) throw new ApiError(403, `${SET_PASSWORD_HINT}; there is no default password`);
      return stored;
    };
    if (!readCredential(app.db)) app.log.warn(`admin routes are closed: ${SET_PASSWORD_HINT}`);
    app.decorate('admin', {
      sessions,
      throttle,
      credential,
      async authenticate(request, reply) {
        credential();
        const token = bearerToken(request);
        if (!token || !sessions.isValid(token)) {
          reply.header('www-authenticate', 'Bearer');
          throw new ApiError(401, token ? 'the session has expired or was ended: log in again' : 'log in first: send Authorization: Bearer <token> from POST /api/admin/session');
        }
      },
    });
  },
  { name: 'ruyi-admin', fastify: '5.x', dependencies: ['ruyi-db'] },
);
