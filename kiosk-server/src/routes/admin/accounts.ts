// /api/admin/accounts: staff accounts, for admins, each within their own scope (a city admin all of them). An account
// outside the caller's scope is not there for them (404); one may not be created, moved or raised outside or above it
// (403). An admin neither disables nor changes their own account (another admin, or the CLI, does).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccountChangeBody, AccountIdParams, AccountList, NewAccountBody, PasswordResetBody, StaffAccount } from '@ruyi/api-contract';
import { z } from 'zod';
import { AccountError, type StaffAccount as Account } from '../../admin/accounts.ts';
import { hashPassword, passwordProblem, type StoredCredential } from '../../admin/password.ts';
import { accountRefusal, contains, type Scope } from '../../admin/scopes.ts';
import { GateFull } from '../../auth/gate.ts';
import { ApiError, ErrorBody } from '../../errors.ts';
import { refusal } from '../../refusal.ts';

const accounts: FastifyPluginAsyncZod = async (app) => {
  const guard = { staff: { action: 'accounts', target: 'route' } } as const;
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

  const actorOf = (request: FastifyRequest) => request.staff!;
  const visible = (actor: Account, account: Account) => contains(actor.scope, account.scope, app.admin.places);

  /** The account if the caller may see it; 404 otherwise (one outside the scope is not told apart from none). */
  const target = async (request: FastifyRequest, id: number) => {
    const account = await app.admin.accounts.byId(id);
    if (!account || !visible(actorOf(request), account)) throw new ApiError(404, `no account ${id} within this account's scope`);
    return account;
  };

  const checkAllowed = (actor: Account, role: Account['role'], scope: Scope) => {
    const refused = accountRefusal(actor, { role, scope }, app.admin.places);
    if (refused) throw refusal(403, 'staff.scope', refused, { role: actor.role });
  };

  /** A new password's hash, through the server's one hashing gate. */
  const hash = async (password: string): Promise<StoredCredential> => {
    const problem = passwordProblem(password);
    if (problem) throw new ApiError(400, `password: ${problem}`, [{ path: 'password', message: problem }]);
    try {
      return await app.admin.hashes.run(() => hashPassword(password));
    } catch (error) {
      if (error instanceof GateFull) throw refusal(503, 'admin.busy', 'too many passwords are being checked right now: try again in a second');
      throw error;
    }
  };

  const storeError = (error: unknown): never => {
    if (error instanceof AccountError) throw new ApiError(error.statusCode, error.message, error.path ? [{ path: error.path, message: error.message }] : undefined);
    throw error;
  };

  app.get('/accounts', { config: guard, schema: { response: { 200: AccountList, ...errors } } }, async (request) => {
    const actor = actorOf(request);
    return { accounts: (await app.admin.accounts.list()).filter((a) => visible(actor, a)) };
  });

  app.post(
    '/accounts',
    { config: guard, schema: { body: NewAccountBody, response: { 201: StaffAccount, ...errors, 409: ErrorBody, 503: ErrorBody } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { login, role, scope, password } = request.body;
      checkAllowed(actor, role, scope);
      const created = await app.admin.accounts.create({ login, role, scope }, await hash(password)).catch(storeError);
      request.log.info({ by: actor.login, login, role, scope }, 'staff account created');
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/accounts/:id',
    { config: guard, schema: { params: AccountIdParams, body: AccountChangeBody, response: { 200: StaffAccount, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const account = await target(request, request.params.id);
      if (account.id === actor.id)
        throw refusal(403, 'account.self', 'an admin does not change or disable their own account: another admin (or the CLI) does');
      checkAllowed(actor, request.body.role ?? account.role, request.body.scope ?? account.scope);
      const changed = await app.admin.accounts.update(account.id, request.body).catch(storeError);
      if (!changed) throw new ApiError(404, `no account ${account.id}`);
      request.log.info({ by: actor.login, login: account.login, change: request.body }, 'staff account changed');
      return changed;
    },
  );

  app.post(
    '/accounts/:id/password',
    { config: guard, schema: { params: AccountIdParams, body: PasswordResetBody, response: { 204: z.null(), ...errors, 503: ErrorBody } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const account = await target(request, request.params.id);
      if (!(await app.admin.accounts.setPassword(account.id, await hash(request.body.password)))) throw new ApiError(404, `no account ${account.id}`);
      // The account's sessions end with the old password (the caller's own too, when it is their own account).
      request.log.info({ by: actor.login, login: account.login }, 'staff password reset');
      return reply.code(204).send(null);
    },
  );
};

export default accounts;
