// The Learning Record Store's HTTP face (xAPI 1.0.3): /about, /statements with GET/HEAD/PUT/POST, and the read-only
// /activities and /agents, for clients holding HTTP Basic credentials (`npm run admin -- client add`). Mounted at /xapi by app.ts. Bodies are read raw and
// checked by the xAPI library rather than a JSON schema: xAPI's rules (IRIs, language maps, voiding) do not fit one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FailureLimit } from '../auth/failures.ts';
import { RequestBudget } from '../auth/request-budget.ts';
import { ApiError, ErrorBody } from '../errors.ts';
import { createAdmission } from '../records/admission.ts';
import { ActivitiesQuerystring, ActivityBody, getActivity } from './activities.ts';
import { AgentsQuerystring, getPerson, PersonBody } from './agents.ts';
import { authenticate, requireWriter, Unauthorized, UNAUTHORIZED_HEADERS } from './auth.ts';
import type { Client } from './clients.ts';
import documentRoutes from './documents/routes.ts';
import { isSupportedVersion, XAPI_VERSION } from './lib.ts';
import { MAX_PAGE, StatementsQuerystring } from './query.ts';
import { alternateCall, alternateMethod, anonymousFormBody, isAlternate, plainCall, refuseNonForm, type XapiCall } from './request.ts';
import { getStatements, JSON_LIMIT, MAX_STATEMENTS, MULTIPART_LIMIT, postStatements, putStatement, type Reply, type StatementsContext } from './statements.ts';

export interface XapiOptions {
  /** RUYI_XAPI_BASE: Ruyi's own statements are recognised by it (their statistics columns). */
  base: string;
  /** The homePage of clients' authority accounts: the park's IRI (or the hub's). */
  authorityHome: string;
  /** Requests per minute per authenticated client. */
  rateLimit: number;
  /** Where this plugin is mounted; `more` links start with it. */
  prefix?: string;
}

/**
 * Failed authentications (credentials sent but wrong) from one address before that address is refused with 429,
 * without any credential check, for FAILURE_LOCKOUT_MS. A real secret is 32 random bytes, so this is about the work
 * and the log a guesser causes, not about the odds of guessing.
 */
export const MAX_AUTH_FAILURES = 20;
export const FAILURE_WINDOW_MS = 60_000;
export const FAILURE_LOCKOUT_MS = 60_000;
/** Addresses whose failures are remembered at most (memory stays bounded under many addresses). */
export const FAILURE_ADDRESSES = 10_000;

/** Versions of xAPI this LRS answers to in X-Experience-API-Version (every 1.0.x statement is valid 1.0.3). */
export const SUPPORTED_VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];

export const About = z.object({ version: z.array(z.string()), extensions: z.record(z.string(), z.unknown()).optional() });

/**
 * The About resource's extensions: what a client needs to shape its requests before it sends any (the authority its
 * statements will carry, the sizes this LRS accepts). Nothing about statements, clients or visitors: About is public.
 */
export function aboutExtensions(options: Pick<XapiOptions, 'base' | 'authorityHome' | 'rateLimit'>): Record<string, unknown> {
  return {
    [`${options.base}extensions/lrs`]: {
      authorityHomePage: options.authorityHome,
      statementsPerRequest: MAX_STATEMENTS,
      statementsPerPage: MAX_PAGE,
      jsonBodyBytes: JSON_LIMIT,
      multipartBodyBytes: MULTIPART_LIMIT,
      requestsPerMinute: options.rateLimit,
    },
  };
}

const VersionHeader = z.object({
  'x-experience-api-version': z.string().optional().describe('required: 1.0.x (the answer always carries 1.0.3)'),
  authorization: z.string().optional().describe('HTTP Basic key:secret'),
});

/** Resources that need a version header and credentials, by path under the prefix, for the methods they serve. */
const AUTHENTICATED: Record<string, readonly string[]> = {
  '/statements': ['GET', 'HEAD', 'PUT', 'POST'],
  '/activities': ['GET', 'HEAD'],
  '/agents': ['GET', 'HEAD'],
};

const ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 429: ErrorBody, 503: ErrorBody, 507: ErrorBody };

declare module 'fastify' {
  interface FastifyRequest {
    xapiClient?: Client;
  }
}

const xapi: FastifyPluginAsyncZod<XapiOptions> = async (app, options) => {
  const clients = app.clients;
  const ctx: StatementsContext = {
    store: app.statements,
    ruyi: createAdmission(app.statements, { base: options.base, content: () => app.content.index() }),
    authorityHome: options.authorityHome,
    prefix: options.prefix ?? '/xapi',
    onStored: () => app.sync.nudge(),
    admit: (client, items, single) => app.floor.admit(`client:${client.id}`, 'xapi', items, { single }),
  };

  // Raw bodies: statements are parsed and checked by statements.ts, so the stored bytes are the client's.
  app.removeAllContentTypeParsers();
  const raw = (_request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body);
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: JSON_LIMIT }, raw);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: JSON_LIMIT }, raw);
  app.addContentTypeParser('multipart/mixed', { parseAs: 'buffer', bodyLimit: MULTIPART_LIMIT }, raw);

  // By the matched route, not the raw URL: clients may send '/xapi//statements' (see app.ts).
  const isStatements = (request: FastifyRequest) => request.routeOptions.url === `${ctx.prefix}/statements`;

  app.setErrorHandler((error, _request, reply) => {
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      throw new ApiError(413, `body: larger than allowed (${JSON_LIMIT / 1024 / 1024} MiB for JSON and forms, ${MULTIPART_LIMIT / 1024 / 1024} MiB for multipart/mixed); send fewer statements per request`);
    // 400, not 415: xAPI lists the error codes an LRS may use, and 415 is not one (the ADL suite checks this).
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      throw new ApiError(400, 'Content-Type: must be application/json, multipart/mixed (statements with attachments) or application/x-www-form-urlencoded (alternate request syntax)');
    if ((error as { statusCode?: number }).statusCode === 401) void reply.headers(UNAUTHORIZED_HEADERS);
    throw error;
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-experience-api-version', XAPI_VERSION);
    // Every answer to a GET of statements says how current it is, errors included (Communication 2.1.3).
    if ((request.method === 'GET' || request.method === 'HEAD') && isStatements(request) && !reply.hasHeader('x-experience-api-consistent-through'))
      reply.header('x-experience-api-consistent-through', new Date().toISOString());
  });

  // Guessers are counted by address (a made-up key has no budget to spend); a client's budget is charged only once it
  // has authenticated, so wrong secrets sent under a real key never use it up.
  const failures = new FailureLimit({ maxFailures: MAX_AUTH_FAILURES, windowMs: FAILURE_WINDOW_MS, lockoutMs: FAILURE_LOCKOUT_MS, maxAddresses: FAILURE_ADDRESSES });
  const budget = new RequestBudget({ max: options.rateLimit, windowMs: 60_000, maxKeys: 10_000 });

  function retryAfter(reply: FastifyReply, ms: number): number {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    reply.header('retry-after', String(seconds));
    return seconds;
  }

  /** 429 for an address with too many failed authentications, before any credential is looked at. */
  function refuseGuesser(request: FastifyRequest, reply: FastifyReply): void {
    const wait = failures.retryAfterMs(request.ip);
    if (wait > 0) {
      const seconds = retryAfter(reply, wait);
      throw new ApiError(429, `Authorization: too many failed authentications from this address; try again in ${seconds} s`);
    }
  }

  /** The client behind an Authorization value; wrong credentials count against the address, which may be refused. */
  async function authenticateFrom(request: FastifyRequest, reply: FastifyReply, authorization: string | undefined): Promise<Client> {
    refuseGuesser(request, reply);
    try {
      return await authenticate(clients, authorization);
    } catch (error) {
      // No credentials at all cannot be a guess: only credentials that were sent and are wrong count.
      if (error instanceof Unauthorized && authorization) {
        failures.fail(request.ip);
        request.log.warn({ address: request.ip }, 'xAPI authentication failed');
      }
      throw error;
    }
  }

  /** Who is calling, before the body is read: a plain request, or an alternate one with a real Authorization header. */
  app.addHook('preParsing', async (request, reply, payload) => {
    const path = request.routeOptions.url?.slice(ctx.prefix.length) ?? '';
    if (!isAlternate(request)) {
      if (!AUTHENTICATED[path]?.includes(request.method)) return;
      // Version first: the ADL suite expects 400 (not 401) for a request with neither header.
      checkVersion(request.headers['x-experience-api-version'] as string | undefined);
      request.xapiClient = await authenticateFrom(request, reply, request.headers.authorization);
      return;
    }
    if (!AUTHENTICATED[path]) return;
    refuseNonForm(request);
    if (request.headers.authorization) {
      request.xapiClient = await authenticateFrom(request, reply, request.headers.authorization);
      return;
    }
    // The credentials can only be in the form: read a small one, and refuse a larger one before reading it.
    refuseGuesser(request, reply);
    return anonymousFormBody(request, payload);
  });

  function checkVersion(version: string | undefined): void {
    if (!version) throw new ApiError(400, `X-Experience-API-Version: header required (one of ${SUPPORTED_VERSIONS.join(', ')})`);
    if (!isSupportedVersion(version)) throw new ApiError(400, `X-Experience-API-Version: '${version}' is not supported; use one of ${SUPPORTED_VERSIONS.join(', ')}`);
  }

  function send(reply: FastifyReply, answer: Reply) {
    reply.code(answer.status);
    if (answer.headers) reply.headers(answer.headers);
    return answer.body === undefined ? reply.send() : reply.send(answer.body);
  }

  /**
   * The client a call is made by (for the alternate syntax without an Authorization header, authenticated from the
   * form here), charged one request of its budget.
   */
  async function callerOf(request: FastifyRequest, reply: FastifyReply, call: XapiCall): Promise<Client> {
    checkVersion(call.version);
    const client = request.xapiClient ?? (await authenticateFrom(request, reply, call.authorization));
    const wait = budget.charge(`client:${client.id}`);
    if (wait > 0) {
      const seconds = retryAfter(reply, wait);
      throw new ApiError(429, `too many requests: at most ${options.rateLimit} per minute per client; retry in ${seconds} s`);
    }
    return client;
  }

  /** Runs a statements call in the name of its client. */
  async function run(request: FastifyRequest, reply: FastifyReply, call: XapiCall) {
    const client = await callerOf(request, reply, call);
    if (call.method === 'GET' || call.method === 'HEAD') return send(reply, await getStatements(ctx, client, call));
    requireWriter(client);
    return send(reply, await (call.method === 'PUT' ? putStatement(ctx, client, call) : postStatements(ctx, client, call)));
  }

  // Methods xAPI does not define: 405 with what is allowed (Communication 3.2), before any credentials are asked for.
  const notAllowed = (allow: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('allow', allow);
    throw new ApiError(405, `${request.method} is not allowed here; use ${allow}`);
  };
  app.route({ method: ['DELETE', 'PATCH', 'OPTIONS'], url: '/statements', schema: { hide: true }, handler: notAllowed('GET, HEAD, PUT, POST') });
  app.route({ method: ['PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'], url: '/about', schema: { hide: true }, handler: notAllowed('GET, HEAD') });

  // The read-only resources: GET and HEAD, or POST ?method=GET (the alternate request syntax); anything else is 405.
  const readOnly = (url: string, summary: string, querystring: z.ZodType, body: z.ZodType, answer: (client: Client, call: XapiCall) => Promise<Reply>) => {
    app.route({ method: ['PUT', 'DELETE', 'PATCH', 'OPTIONS'], url, schema: { hide: true }, handler: notAllowed('GET, HEAD') });
    app.get(url, { schema: { summary, tags: ['xAPI'], querystring, headers: VersionHeader, response: { 200: body, ...ERRORS } } }, async (request, reply) => {
      const call = plainCall(request, request.method === 'HEAD' ? 'HEAD' : 'GET', request.query as Record<string, string>);
      return send(reply, await answer(await callerOf(request, reply, call), call));
    });
    app.post(url, { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      if (alternateMethod(query.method) !== 'GET') return notAllowed('GET, HEAD')(request, reply);
      const others = Object.keys(query).filter((k) => k !== 'method');
      if (others.length) throw new ApiError(400, `${others[0]}: with the alternate request syntax every parameter goes in the form body; the query string holds only method`);
      const call = alternateCall(request, 'GET');
      return send(reply, await answer(await callerOf(request, reply, call), call));
    });
  };
  readOnly('/activities', 'The Activity with this LRS\'s canonical definition (an Activity with just the id when none is known)', ActivitiesQuerystring, ActivityBody, (client, call) =>
    getActivity(ctx.store, client, call),
  );
  readOnly('/agents', 'A Person (every property an array) for the Agent: its identifier and the names it went by', AgentsQuerystring, PersonBody, (client, call) =>
    getPerson(ctx.store, client, call),
  );

  // State, Activity Profile and Agent Profile (documents/), with this plugin's credentials, budget and version check.
  await app.register(documentRoutes, { authenticate: authenticateFrom, caller: callerOf, checkVersion });

  app.get(
    '/about',
    { schema: { summary: 'xAPI versions this LRS supports, and its limits under extensions (no credentials needed)', tags: ['xAPI'], response: { 200: About } } },
    async (_request, reply) => {
      reply.header('content-type', 'application/json; charset=utf-8');
      return { version: SUPPORTED_VERSIONS, extensions: aboutExtensions(options) };
    },
  );

  app.get(
    '/statements',
    {
      schema: {
        summary: 'One statement (statementId / voidedStatementId) or a StatementResult of those matching the filters',
        tags: ['xAPI'],
        querystring: StatementsQuerystring,
        headers: VersionHeader,
        response: { 200: z.unknown().describe('a Statement, or { statements, more }; multipart/mixed with attachments=true'), ...ERRORS },
      },
    },
    async (request, reply) => run(request, reply, plainCall(request, request.method === 'HEAD' ? 'HEAD' : 'GET', request.query as Record<string, string>)),
  );

  app.put(
    '/statements',
    {
      schema: {
        summary: 'Store one statement under statementId (204; the same statement again is a no-op; different content: 409)',
        tags: ['xAPI'],
        querystring: z.object({ statementId: z.string().describe('the statement id (UUID)') }).strict(),
        headers: VersionHeader,
        response: { 204: z.null().describe('stored (or already stored, identical)'), ...ERRORS },
      },
    },
    async (request, reply) => run(request, reply, plainCall(request, 'PUT', request.query)),
  );

  app.post(
    '/statements',
    {
      schema: {
        summary: `Store a statement or an array of up to ${MAX_STATEMENTS} (all or none); answers their ids. With ?method=, the alternate request syntax`,
        tags: ['xAPI'],
        querystring: z
          .object({
            method: z
              .string()
              .regex(/^(GET|PUT|POST)$/i, { error: 'must be GET, PUT or POST (any case)' })
              .optional()
              .describe('alternate request syntax: the method this form body stands for'),
          })
          .strict(),
        headers: VersionHeader,
        response: { 200: z.array(z.string()).describe('the statement ids, in request order'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const method = alternateMethod(request.query.method);
      return run(request, reply, method ? alternateCall(request, method) : plainCall(request, 'POST', {}));
    },
  );
};

export default xapi;
