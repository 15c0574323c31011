// POST /api/admin/session (log in to an account) and DELETE /api/admin/session (log out).
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminStatus, LoginBody, SessionResponse } from '@ruyi/api-contract';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { FIRST_ADMIN, type StaffAccount } from '../../admin/accounts.ts';
import { DEFAULT_PARAMS, verifyPassword, type StoredCredential } from '../../admin/password.ts';
import { GateFull } from '../../auth/gate.ts';
import { ApiError, ErrorBody } from '../../errors.ts';
import { bearerToken } from '../../plugins/admin.ts';
import { refusal } from '../../refusal.ts';

/** A login body is a name and a password: anything larger is refused unread (413). */
const LOGIN_BODY_LIMIT = 4 * 1024;

/**
 * What an unknown login name is checked against: a hash as costly as a real one, so the answer's time does not tell
 * which names exist.
 */
const NO_ACCOUNT: StoredCredential = {
  algorithm: 'scrypt',
  params: DEFAULT_PARAMS,
  salt: randomBytes(16).toString('base64'),
  hash: randomBytes(DEFAULT_PARAMS.keyLength).toString('base64'),
};

export const identity = (a: StaffAccount) => ({ id: a.id, login: a.login, role: a.role, scope: a.scope });

const session: FastifyPluginAsyncZod = async (app) => {
  const refuseLocked = (reply: FastifyReply, wait: number) => {
    const seconds = Math.ceil(wait / 1000);
    reply.header('retry-after', String(seconds));
    return refusal(429, 'admin.locked', `too many wrong passwords from this address: try again in ${seconds} s`, { seconds });
  };

  // Public: the admin page says at once what to run on the server when no password is set. It tells no more than the
  // 403 every admin route answers then.
  app.get('/status', { schema: { response: { 200: AdminStatus } } }, async () => ({ passwordSet: await app.admin.accounts.anyEnabled() }));

  app.post(
    '/session',
    {
      bodyLimit: LOGIN_BODY_LIMIT,
      // A refused address is answered before its body is read.
      onRequest: async (request, reply) => {
        const wait = app.admin.failures.retryAfterMs(request.ip);
        if (wait > 0) {
          await app.admin.ensureAccounts();
          throw refuseLocked(reply, wait);
        }
      },
      schema: {
        body: LoginBody,
        response: { 200: SessionResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.admin.ensureAccounts();
      const login = request.body.login ?? FIRST_ADMIN;
      const found = await app.admin.accounts.withCredential(login);
      const address = request.ip;
      // The attempt counts before it is checked: parallel guesses get MAX_FAILURES hashes in all, not one each.
      const wait = app.admin.failures.reserve(address);
      if (wait > 0) throw refuseLocked(reply, wait);
      let right: boolean;
      try {
        right = await app.admin.hashes.run(() => verifyPassword(request.body.password, found?.credential ?? NO_ACCOUNT));
      } catch (error) {
        if (!(error instanceof GateFull)) throw error;
        reply.header('retry-after', '1');
        throw refusal(503, 'admin.busy', 'too many logins are being checked right now: try again in a second');
      }
      // A disabled account is refused like a wrong password: the answer does not tell which accounts exist.
      if (!right || !found || found.account.disabledAt) {
        request.log.warn({ address, login }, 'staff login failed');
        throw new ApiError(401, 'wrong login name or password');
      }
      app.admin.failures.clear(address);
      const { token, expiresAt } = await app.admin.sessions.create(found.account.id);
      request.log.info({ address, login, role: found.account.role }, 'staff logged in');
      return { token, expiresAt: expiresAt.toISOString(), account: identity(found.account) };
    },
  );

  app.delete(
    '/session',
    { config: { staff: { action: 'signed-in' } }, schema: { response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody } } },
    async (request, reply) => {
      await app.admin.sessions.revoke(bearerToken(request)!);
      return reply.code(204).send(null);
    },
  );
};

export default session;
