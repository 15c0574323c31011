// POST /api/admin/session (log in) and DELETE /api/admin/session (log out).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, SessionResponse } from '@ruyi/api-contract';
import { z } from 'zod';
import { verifyPassword } from '../../admin/password.ts';
import { ApiError, ErrorBody } from '../../errors.ts';


const session: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/session',
    {
      schema: {
        body: LoginBody,
        response: { 200: SessionResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const stored = app.admin.credential();
      const address = request.ip;
      const wait = app.admin.throttle.retryAfterMs(address);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('retry-after', String(seconds));
        throw new ApiError(429, `too many wrong passwords from this address: try again in ${seconds} s`);
      }
      if (!(await verifyPassword(request.body.password, stored))) {
        app.admin.throttle.fail(address);
        request.log.warn({ address }, 'admin login failed');
        throw new ApiError(401, 'wrong password');
      }
      app.admin.throttle.succeed(address);
      const { token, expiresAt } = app.admin.sessions.create();
      request.log.info({ address }, 'admin logged in');
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.delete(
    '/session',
    { onRequest: app.admin.authenticate, schema: { response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody } } },
    async (request, reply) => {
      const token = request.headers.authorization!.slice('Bearer '.length);
      app.admin.sessions.revoke(token);
      return reply.code(204).send(null);
    },
  );
};

export default session;
