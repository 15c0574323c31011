// The document resources' HTTP face, registered inside the LRS plugin (xapi/routes.ts), which lends it the credential
// check, the request budget and the version header check so that these resources answer exactly as /statements does.
// Bodies are read raw, whatever their Content-Type: a document is arbitrary bytes (Communication 2.2.s2).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../../errors.ts';
import { diskRefusal } from '../../floor/plugin.ts';
import type { Client } from '../clients.ts';
import { anonymousFormBody, refuseNonForm, type XapiCall } from '../request.ts';
import { alternateDocumentCall, documentAlternateMethod, plainDocumentCall } from './call.ts';
import { handleDocumentCall, MAX_DOCUMENT_BYTES, RESOURCES, type DocumentCall, type DocumentResource } from './resource.ts';

export interface DocumentRoutesOptions {
  /** The client behind an Authorization value; wrong credentials count against the address. */
  authenticate(request: FastifyRequest, reply: FastifyReply, authorization: string | undefined): Promise<Client>;
  /** The client a call is made by (checking its version header, authenticating it if not yet), charged one request. */
  caller(request: FastifyRequest, reply: FastifyReply, call: Pick<XapiCall, 'version' | 'authorization'>): Promise<Client>;
  checkVersion(version: string | undefined): void;
}

/** A form holds the document URL-encoded (up to three bytes per byte) beside a few header fields. */
const FORM_LIMIT = 3 * MAX_DOCUMENT_BYTES + 64 * 1024;

const ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 413: ErrorBody, 429: ErrorBody, 507: ErrorBody };

const Headers = z.object({
  'x-experience-api-version': z.string().optional().describe('required: 1.0.x'),
  authorization: z.string().optional().describe('HTTP Basic key:secret'),
  'if-match': z.string().optional().describe('the ETag the change is based on (412 when the document has another)'),
  'if-none-match': z.string().optional().describe("'*': only if no such document exists (412 otherwise)"),
});

function querystringOf(resource: DocumentResource) {
  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  if (resource.activity) shape.activityId = z.string().optional().describe('the Activity id (an IRI); required');
  if (resource.agent) shape.agent = z.string().optional().describe('an Agent as JSON; required');
  if (resource.registration) shape.registration = z.string().optional().describe('a registration UUID');
  shape[resource.idParam] = z.string().optional().describe(`the document's id; without it GET lists the ids${resource.registration ? ' and DELETE deletes them all' : ''}`);
  shape.since = z.string().optional().describe('GET without an id: only ids of documents updated after this timestamp');
  // Loose: unknown parameters reach resource.ts, which names them in its 400.
  return z.looseObject(shape);
}

const documentRoutes: FastifyPluginAsyncZod<DocumentRoutesOptions> = async (app, options) => {
  const raw = (_request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: FORM_LIMIT }, raw);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, raw);

  app.setErrorHandler((error, _request, _reply) => {
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      throw new ApiError(413, `body: larger than allowed (a document is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB)`);
    throw error;
  });

  // Who is calling, before the body is read (as on /statements).
  app.addHook('preParsing', async (request, reply, payload) => {
    if (request.method === 'PATCH' || request.method === 'OPTIONS') return;
    const alternate = documentAlternateMethod(request);
    if (alternate === null) {
      options.checkVersion(request.headers['x-experience-api-version'] as string | undefined);
      request.xapiClient = await options.authenticate(request, reply, request.headers.authorization);
      return;
    }
    refuseNonForm(request);
    if (request.headers.authorization) {
      request.xapiClient = await options.authenticate(request, reply, request.headers.authorization);
      return;
    }
    return anonymousFormBody(request, payload);
  });

  async function answer(resource: DocumentResource, request: FastifyRequest, reply: FastifyReply, call: DocumentCall) {
    const client = await options.caller(request, reply, call);
    // A nearly full disk stops document writes as it stops statements (deleting still frees space).
    if (call.method === 'PUT' || call.method === 'POST') {
      const disk = app.floor.status().disk;
      if (disk.low) throw diskRefusal(disk);
    }
    const result = await handleDocumentCall(app.documents, resource, client, call);
    reply.code(result.status).headers(result.headers);
    // HEAD goes through Fastify's HEAD route, which sends a GET's headers (Content-Length too) without the body.
    // ?method=HEAD arrives as a POST: leave the body out here.
    return result.body === undefined || (call.method === 'HEAD' && request.method !== 'HEAD') ? reply.send() : reply.send(result.body);
  }

  const notAllowed = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('allow', 'GET, HEAD, PUT, POST, DELETE');
    throw new ApiError(405, `${request.method} is not allowed here; use GET, HEAD, PUT, POST or DELETE`);
  };

  for (const resource of Object.values(RESOURCES)) {
    const { path, name } = resource;
    const querystring = querystringOf(resource);
    const tags = ['xAPI'];
    app.route({ method: ['PATCH', 'OPTIONS'], url: path, schema: { hide: true }, handler: notAllowed });
    app.get(
      path,
      {
        schema: {
          summary: `One ${name} document (with its Content-Type, ETag and Last-Modified), or without ${resource.idParam} the array of ids`,
          tags,
          querystring,
          headers: Headers,
          response: { 200: z.unknown().describe('the document as stored, or an array of ids'), 304: z.null(), ...ERRORS },
        },
      },
      async (request, reply) => answer(resource, request, reply, plainDocumentCall(request, request.method === 'HEAD' ? 'HEAD' : 'GET')),
    );
    app.put(
      path,
      {
        schema: {
          summary: `Store or replace a ${name} document${resource.putNeedsPrecondition ? ' (If-None-Match: * to create, If-Match: <ETag> to replace; neither: 409 if it exists)' : ''}`,
          tags,
          querystring,
          headers: Headers,
          response: { 204: z.null().describe('stored'), ...ERRORS },
        },
      },
      async (request, reply) => answer(resource, request, reply, plainDocumentCall(request, 'PUT')),
    );
    app.post(
      path,
      {
        schema: {
          summary: `Merge a JSON Object into a ${name} document (top-level properties), or store it if there is none. With ?method=, the alternate request syntax`,
          tags,
          querystring,
          headers: Headers,
          response: { 200: z.unknown(), 204: z.null().describe('stored'), ...ERRORS },
        },
      },
      async (request, reply) => {
        const method = documentAlternateMethod(request);
        if (method === 'invalid') throw new ApiError(400, 'method: the alternate request syntax takes ?method=GET, HEAD, PUT, POST or DELETE');
        return answer(resource, request, reply, method ? alternateDocumentCall(request, method) : plainDocumentCall(request, 'POST'));
      },
    );
    app.delete(
      path,
      {
        schema: {
          summary: resource.registration
            ? `Delete one ${name} document, or without ${resource.idParam} every one of the Activity and Agent (and registration)`
            : `Delete a ${name} document (204 whether or not it existed)`,
          tags,
          querystring,
          headers: Headers,
          response: { 204: z.null().describe('deleted'), ...ERRORS },
        },
      },
      async (request, reply) => answer(resource, request, reply, plainDocumentCall(request, 'DELETE')),
    );
  }
};

export default documentRoutes;
