// POST /api/admin/session (log in) and DELETE /api/admin/session (log out).
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminStatus, LoginBody, SessionResponse } from '@ruyi/api-contract';
import { z } from 'zod';
import { verifyPassword } from '../../admin/password.ts';
import { GateFull } from '../../auth/gate.ts';
import { ApiError, ErrorBody } from '../../errors.ts';
import { refusal } from '../../refusal.ts';

/** A login body is one password: anything larger is refused unread (413). */
const LOGIN_BODY_LIMIT = 4 * 1024;

const session: FastifyPluginAsyncZod = async (app) => {
  const refuseLocked = (reply: FastifyReply, wait: number) => {
    const seconds = Math.ceil(wait / 1000);
    reply.header('retry-after', String(seconds));
    return refusal(429, 'admin.locked', `too many wrong passwords from this address: try again in ${seconds} s`, { seconds });
  };

  // Public: the admin page says at once what to run on the server when no password is set. It tells no more than the
  // 403 every admin route answers then.
  app.get('/status', { schema: { response: { 200: AdminStatus } } }, async () => ({ passwordSet: (await app.admin.credentials.read()) !== null }));

  app.post(
    '/session',
    {
      bodyLimit: LOGIN_BODY_LIMIT,
      // A refused address is answered before its body is read.
      onRequest: async (request, reply) => {
        const wait = app.admin.failures.retryAfterMs(request.ip);
        if (wait > 0) {
          await app.admin.credential();
          throw refuseLocked(reply, wait);
        }
      },
      schema: {
        body: LoginBody,
        response: { 200: SessionResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const stored = await app.admin.credential();
      const address = request.ip;
      // The attempt counts before it is checked: parallel guesses get MAX_FAILURES hashes in all, not one each.
      const wait = app.admin.failures.reserve(address);
      if (wait > 0) throw refuseLocked(reply, wait);
      let right: boolean;
      try {
        right = await app.admin.hashes.run(() => verifyPassword(request.body.password, stored));
      } catch (error) {
        if (!(error instanceof GateFull)) throw error;
        reply.header('retry-after', '1');
        throw refusal(503, 'admin.busy', 'too many logins are being checked right now: try again in a second');
      }
      if (!right) {
        request.log.warn({ address }, 'admin login failed');
        throw new ApiError(401, 'wrong password');
      }
      app.admin.failures.clear(address);
      const { token, expiresAt } = await app.admin.sessions.create();
      request.log.info({ address }, 'admin logged in');
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.delete(
    '/session',
    { onRequest: app.admin.authenticate, schema: { response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody } } },
    async (request, reply) => {
      const token = request.headers.authorization!.slice('Bearer '.length);
      await app.admin.sessions.revoke(token);
      return reply.code(204).send(null);
    },
  );
};

export default session;
