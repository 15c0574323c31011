// Staff authentication and authorisation: named accounts with a role and a scope (admin/accounts.ts, admin/scopes.ts),
// sessions in the database (admin/sessions.ts), failed logins and the hashing gate in this process's memory.
//
// Every route under a staff prefix is guarded when it is registered (an onRoute hook), so none can be added unguarded:
// /api/admin/* (but the status and the login itself) and /api/stats/*. The guard runs on onRequest, before the body is
// read, so an unauthenticated upload is refused without being received; it sets `request.staff` (the account, with
// its role and scope as they are now) or answers 401 (no or ended session), 403 (no account set up yet; a role that
// may not, a place outside the account's scope). A route elsewhere asks for staff with `config.staff`; a route that
// filters by the caller's scope itself says `target: 'route'` and reads `request.staff`.
//
// A login (routes/admin/session.ts) is counted against its address before it hashes, and the hashes of the whole
// server go through one small gate, so guessing in parallel is no faster than in series and leaves libuv's threadpool
// (which also reads the app's files) to visitors.
import type { FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { accountStoreFor, type AccountStore, type StaffAccount } from '../admin/accounts.ts';
import { credentialStoreOn, type CredentialStore } from '../admin/credentials.ts';
import { SET_PASSWORD_HINT } from '../admin/password.ts';
import { CITY, NO_PLACES, refusalFor, rolesFor, type Action, type Places, type Scope } from '../admin/scopes.ts';
import { FAILURE_WINDOW_MS, HASH_CONCURRENCY, HASH_QUEUE, LOCKOUT_MS, MAX_FAILURES, sessionStoreFor, type SessionStore } from '../admin/sessions.ts';
import { FailureLimit } from '../auth/failures.ts';
import { Gate } from '../auth/gate.ts';
import { ApiError } from '../errors.ts';
import { refusal } from '../refusal.ts';

/**
 * What a route asks of its caller. `action` 'signed-in' is any account. `target`: 'here' checks the action on this
 * server's own place (a park's server operates that park; a hub is the city); 'route' checks only the role and leaves
 * the scope to the route (it must filter by `request.staff.scope`).
 */
export interface StaffGuard {
  action: Action | 'signed-in';
  target?: 'here' | 'route';
}

declare module 'fastify' {
  interface FastifyInstance {
    admin: {
      accounts: AccountStore;
      /** The first admin account's password (what `set-password` sets). */
      credentials: CredentialStore;
      /** Staff sessions, in the database: valid on every process that shares it. */
      sessions: SessionStore;
      /** Failed (and in-progress) logins per address. */
      failures: FailureLimit;
      /** Password hashes: at most HASH_CONCURRENCY at once server-wide; `stats()` counts them. */
      hashes: Gate;
      /** This server's own place: what `operate` and this server's statistics are checked against. */
      here: Scope;
      /** Which district each park and school lies in, as far as this server knows. */
      places: Places;
      /** Rejects with 403 (telling the operator what to run) while no account can log in. */
      ensureAccounts(): Promise<void>;
      /** onRequest hook: any logged-in account; sets request.staff. */
      authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
      /** onRequest hook: an account that may do `guard.action` (on this server's place unless target is 'route'). */
      allow(guard: StaffGuard): onRequestHookHandler;
    };
  }
  interface FastifyRequest {
    /** The logged-in account (role and scope as they are now), once a staff guard has run; null before. */
    staff: StaffAccount | null;
  }
  interface FastifyContextConfig {
    /** Staff only, for what (see plugins/admin.ts). Routes under /api/admin/ and /api/stats/ have a default. */
    staff?: StaffGuard;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** Routes of the staff prefixes that anyone may call: they answer only to what their body holds, or say nothing. */
const OPEN = new Set(['GET /api/admin/status', 'HEAD /api/admin/status', 'POST /api/admin/session']);

/** The guard a staff-prefix route gets when it declares none; null outside the staff prefixes. */
export function defaultGuard(method: string, url: string): StaffGuard | null {
  if (OPEN.has(`${method} ${url}`)) return null;
  if (url === '/api/admin/session') return { action: 'signed-in' };
  if (/^\/api\/admin\/accounts(\/|$)/.test(url)) return { action: 'accounts', target: 'route' };
  if (/^\/api\/admin\/(packs|floor|devices|fleet|sync)(\/|$)/.test(url)) return { action: 'operate' };
  if (url.startsWith('/api/admin/') || url === '/api/admin') return { action: 'administer' };
  if (url.startsWith('/api/stats/') || url === '/api/stats') return { action: 'statistics' };
  return null;
}

export interface AdminOptions {
  /** This server's place; the city when not given (then only city-scoped staff operate it). */
  here?: Scope;
  places?: Places;
}

export default fp<AdminOptions>(
  async (app, options) => {
    const accounts = accountStoreFor(app.storage);
    const credentials = credentialStoreOn(accounts);
    const sessions = sessionStoreFor(app.storage);
    const failures = new FailureLimit({ maxFailures: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS, lockoutMs: LOCKOUT_MS, maxAddresses: 10_000 });
    const hashes = new Gate(HASH_CONCURRENCY, HASH_QUEUE);
    const here = options.here ?? CITY;
    const places = options.places ?? NO_PLACES;
    const ensureAccounts = async () => {
      if (!(await accounts.anyEnabled())) throw new ApiError(403, `${SET_PASSWORD_HINT}; there is no default password`);
    };
    if (!(await accounts.anyEnabled())) app.log.warn(`admin routes are closed: ${SET_PASSWORD_HINT}`);

    async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      if (request.staff) return;
      const token = bearerToken(request);
      const account = token ? await sessions.find(token) : null;
      if (!account) {
        // Only a refused call pays for this question: while no account exists, every staff route says what to run.
        await ensureAccounts();
        reply.header('www-authenticate', 'Bearer');
        throw token
          ? refusal(401, 'admin.session-ended', 'the session has expired or was ended (or its account was disabled): log in again')
          : new ApiError(401, 'log in first: send Authorization: Bearer <token> from POST /api/admin/session');
      }
      request.staff = account;
    }

    function allow(guard: StaffGuard): onRequestHookHandler {
      return async function staffGuard(request, reply) {
        await authenticate(request, reply);
        if (guard.action === 'signed-in') return;
        // A hub's directory comes from its clients, which the CLI changes from another process: brought up to date
        // here, after the login (no stranger makes the server read it), before anything asks where a place lies.
        await places.refresh?.();
        const staff = request.staff!;
        if (guard.target === 'route') {
          if (!rolesFor(guard.action).includes(staff.role))
            throw refusal(403, 'staff.role', `a ${staff.role} may not do this (${rolesFor(guard.action).join(', ')} only)`, { role: staff.role });
          return;
        }
        const refused = refusalFor(staff, guard.action, here, places);
        if (refused) {
          const byRole = !rolesFor(guard.action).includes(staff.role);
          throw refusal(403, byRole ? 'staff.role' : 'staff.scope', refused, { role: staff.role });
        }
      };
    }

    app.decorateRequest('staff', null);
    app.decorate('admin', { accounts, credentials, sessions, failures, hashes, here, places, ensureAccounts, authenticate, allow });

    // Every route registered from here on: a staff prefix or `config.staff` puts the guard first in its onRequest.
    app.addHook('onRoute', (route: RouteOptions) => {
      const methods = [route.method].flat().map(String);
      const guard = (route.config as { staff?: StaffGuard } | undefined)?.staff ?? methods.map((m) => defaultGuard(m, route.url)).find((g) => g) ?? null;
      if (!guard) return;
      const hooks = route.onRequest ? [route.onRequest].flat() : [];
      route.onRequest = [allow(guard), ...hooks] as RouteOptions['onRequest'];
      // The API description says so (OpenAPI `security`, and which action in `x-staff`): the route sweep reads it there.
      route.schema = { ...route.schema, security: [{ staffSession: [] }], 'x-staff': guard } as RouteOptions['schema'];
    });
  },
  { name: 'ruyi-admin', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
