// The three xAPI 1.0.3 document resources (Communication 2.2, 2.3, 2.6, 2.7) and their concurrency rules (3.1), as
// one function from a call to an answer: parameters checked, the document read or changed through the store, and the
// status, headers and bytes to send. Fastify stays in routes.ts.
import { ApiError, summarize, type ErrorDetail } from '../../errors.ts';
import { requireWriter } from '../auth.ts';
import type { Client } from '../clients.ts';
import { agentKey, isIri, isUuid, parseAgentParam, parseTimestamp } from '../lib.ts';
import { DocumentLimitReached, etagOf, type Decision, type DocumentKey, type DocumentKind, type DocumentScope, type DocumentStore, type StoredDocument } from './store.ts';

/** The largest document stored (413 beyond). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** The longest activityId, stateId or profileId taken (400 beyond). */
export const MAX_ID_LENGTH = 2048;
/**
 * A document's whole key (activityId, the agent's identifier, registration and id, UTF-8): one index entry on either
 * store, and PostgreSQL's btree holds at most about 2.7 kB in one, so the bound is the same on both.
 */
export const MAX_KEY_BYTES = 2400;
/** Neither store's text keeps U+0000 alike (PostgreSQL's text cannot hold it), so no key part may carry it. */
const NUL = '\u0000';

export type DocumentMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

/** One call to a document resource, however it arrived (plain, or the alternate request syntax). */
export interface DocumentCall {
  method: DocumentMethod;
  params: Record<string, unknown>;
  authorization: string | undefined;
  version: string | undefined;
  contentType: string | undefined;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
  body: Buffer | undefined;
}

export interface DocumentReply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface DocumentResource {
  kind: DocumentKind;
  /** Under the LRS's prefix. */
  path: string;
  /** 'stateId' or 'profileId'. */
  idParam: string;
  activity: boolean;
  agent: boolean;
  /** State only: a registration in the scope, and DELETE without an id deletes the whole scope. */
  registration: boolean;
  /** Profiles only: a PUT must carry If-Match or If-None-Match (Communication 3.1.s3.b1). */
  putNeedsPrecondition: boolean;
  name: string;
}

export const RESOURCES: Record<DocumentKind, DocumentResource> = {
  state: { kind: 'state', path: '/activities/state', idParam: 'stateId', activity: true, agent: true, registration: true, putNeedsPrecondition: false, name: 'State' },
  'activity-profile': {
    kind: 'activity-profile',
    path: '/activities/profile',
    idParam: 'profileId',
    activity: true,
    agent: false,
    registration: false,
    putNeedsPrecondition: true,
    name: 'Activity Profile',
  },
  'agent-profile': {
    kind: 'agent-profile',
    path: '/agents/profile',
    idParam: 'profileId',
    activity: false,
    agent: true,
    registration: false,
    putNeedsPrecondition: true,
    name: 'Agent Profile',
  },
};

const bad = (path: string, message: string) => new ApiError(400, `${path}: ${message}`, [{ path, message }]);

/** The parameters a method of a resource takes. */
export function parametersOf(resource: DocumentResource, method: DocumentMethod): string[] {
  const names: string[] = [];
  if (resource.activity) names.push('activityId');
  if (resource.agent) names.push('agent');
  if (resource.registration) names.push('registration');
  names.push(resource.idParam);
  if (method === 'GET' || method === 'HEAD') names.push('since');
  return names;
}

interface Target {
  scope: DocumentScope;
  /** The document's id; undefined for a listing (GET) or, on State, deleting the whole scope. */
  id: string | undefined;
  since: number | undefined;
  /** Whether a registration was given (without one, State listings and deletes span every registration). */
  registration: string | undefined;
}

/** Checks a call's parameters against the resource: every problem at once, each naming its parameter. */
export function readTarget(resource: DocumentResource, call: Pick<DocumentCall, 'method' | 'params'>): Target {
  const allowed = parametersOf(resource, call.method);
  const problems: ErrorDetail[] = [];
  const value = (name: string): string | undefined => {
    const v = call.params[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      problems.push({ path: name, message: 'must be given once' });
      return undefined;
    }
    return v;
  };
  for (const name of Object.keys(call.params))
    if (!allowed.includes(name)) problems.push({ path: name, message: `is not a parameter of ${call.method} ${resource.path} (it takes ${allowed.join(', ')})` });

  let activityId = '';
  if (resource.activity) {
    const v = value('activityId');
    if (v === undefined) problems.push({ path: 'activityId', message: 'is required: the IRI of the Activity' });
    else if (v.length > MAX_ID_LENGTH) problems.push({ path: 'activityId', message: `is longer than ${MAX_ID_LENGTH} characters` });
    else if (!isIri(v)) problems.push({ path: 'activityId', message: `must be an IRI (with a scheme, e.g. http://example.com/activity), got '${v.slice(0, 100)}'` });
    else activityId = v;
  }
  let agent = '';
  if (resource.agent) {
    const v = value('agent');
    if (v === undefined) problems.push({ path: 'agent', message: 'is required: the JSON of an Agent, e.g. {"mbox":"mailto:learner@example.com"}' });
    else {
      const parsed = parseAgentParam(v);
      if (!parsed.ok) problems.push({ path: 'agent', message: parsed.message.replace(/^agent:\s*/, '') });
      else if (parsed.agent.objectType === 'Group') problems.push({ path: 'agent.objectType', message: "must be 'Agent' or absent: documents belong to an Agent (a Group's identifier may be used in an Agent)" });
      else agent = agentKey(parsed.agent)!;
    }
  }
  let registration: string | undefined;
  if (resource.registration) {
    const v = value('registration');
    if (v !== undefined) {
      if (!isUuid(v)) problems.push({ path: 'registration', message: `must be a UUID (8-4-4-4-12 hex digits), got '${v.slice(0, 100)}'` });
      else registration = v.toLowerCase();
    }
  }
  const id = value(resource.idParam);
  if (id !== undefined && id.length === 0) problems.push({ path: resource.idParam, message: 'must not be empty' });
  if (id !== undefined && id.length > MAX_ID_LENGTH) problems.push({ path: resource.idParam, message: `is longer than ${MAX_ID_LENGTH} characters` });
  const idNeeded = call.method === 'PUT' || call.method === 'POST' || (call.method === 'DELETE' && !resource.registration);
  if (id === undefined && idNeeded && call.params[resource.idParam] === undefined)
    problems.push({ path: resource.idParam, message: `is required for ${call.method}: the id of the document` });
  let since: number | undefined;
  const sinceText = allowed.includes('since') ? value('since') : undefined;
  if (sinceText !== undefined) {
    const parsed = parseTimestamp(sinceText);
    if (parsed === null) problems.push({ path: 'since', message: `must be an ISO 8601 timestamp, e.g. 2026-01-31T08:00:00Z, got '${sinceText.slice(0, 100)}'` });
    else since = parsed;
  }
  if (!problems.length) {
    if (agent.includes(NUL)) problems.push({ path: 'agent', message: 'must not contain the character U+0000' });
    if (id?.includes(NUL)) problems.push({ path: resource.idParam, message: 'must not contain the character U+0000' });
    const keyBytes = [activityId, agent, registration ?? '', id ?? ''].reduce((n, part) => n + Buffer.byteLength(part), 0);
    if (keyBytes > MAX_KEY_BYTES)
      problems.push({ path: resource.idParam, message: `with ${[resource.activity && 'activityId', resource.agent && 'agent', resource.registration && 'registration'].filter(Boolean).join(', ')} makes a key of ${keyBytes} bytes; at most ${MAX_KEY_BYTES} are stored` });
  }
  if (problems.length) throw new ApiError(400, summarize(problems), problems);
  return { scope: { kind: resource.kind, activityId, agent, registration: registration ?? '' }, id, since, registration };
}

/** The media type of a Content-Type value, lower-case, without parameters. */
const mediaType = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
export const isJsonType = (contentType: string | undefined) => mediaType(contentType) === 'application/json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether an If-Match / If-None-Match value names this ETag ('*' names any). Weak tags compare by their value. */
export function namesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === `"${etag}"` || t === etag);
}

const quoted = (etag: string) => `"${etag}"`;

/** Communication 3.1: If-Match and If-None-Match as RFC 2616 has them, and the profile PUT that carries neither. */
function checkPreconditions(resource: DocumentResource, call: DocumentCall, current: StoredDocument | undefined): void {
  if (call.ifMatch !== undefined && (!current || !namesEtag(call.ifMatch, current.etag)))
    throw new ApiError(412, current ? `If-Match: the document has changed; its ETag is now ${quoted(current.etag)}. GET it again and retry with that ETag` : 'If-Match: there is no such document to match');
  if (call.ifNoneMatch !== undefined && current && namesEtag(call.ifNoneMatch, current.etag))
    throw new ApiError(412, `If-None-Match: the document exists (ETag ${quoted(current.etag)}); send If-Match with that ETag to replace it`);
  if (call.method === 'PUT' && resource.putNeedsPrecondition && call.ifMatch === undefined && call.ifNoneMatch === undefined) {
    if (current)
      throw new ApiError(
        409,
        `If-Match: this ${resource.name} document exists and the PUT carries neither If-Match nor If-None-Match; check its current state (GET it) and send If-Match with its ETag (${quoted(current.etag)}) to replace it`,
      );
    throw new ApiError(400, `If-Match / If-None-Match: a PUT to the ${resource.name} resource needs one: If-None-Match: * to create a document, If-Match: <its ETag> to replace one`);
  }
}

/** A kiosk client sees and changes only the documents it created; hub and reader clients see all. */
const viewerOf = (client: Client) => (client.role === 'kiosk' ? client.id : undefined);

function checkOwner(resource: DocumentResource, client: Client, current: StoredDocument | undefined): void {
  const viewer = viewerOf(client);
  if (current && viewer !== undefined && current.owner !== viewer)
    throw new ApiError(403, `${resource.idParam}: this document was stored by another client; a client with the role kiosk changes only its own documents`);
}

/** The JSON Object a document holds, or a 400 naming which document is not one. */
function jsonObject(bytes: Buffer, which: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad(which, 'is not JSON, so it cannot be merged (Content-Type application/json needs a JSON Object)');
  }
  if (!isObject(value)) throw bad(which, 'is JSON but not an Object, so it cannot be merged');
  return value;
}

function writeDecision(resource: DocumentResource, call: DocumentCall, body: Buffer, contentType: string, current: StoredDocument | undefined): Decision {
  if (call.method === 'PUT' || !current) return { action: 'write', content: body, contentType };
  // POST onto an existing document: merge two JSON Objects, one level deep (Communication 2.2.s7), else 400 (2.2.s8.b1).
  if (!isJsonType(current.contentType))
    throw bad('Content-Type', `the stored ${resource.name} document is '${current.contentType}', not application/json, so a POST cannot merge into it; PUT replaces it`);
  if (!isJsonType(contentType))
    throw bad('Content-Type', `a POST onto an existing ${resource.name} document merges JSON Objects, so it must be application/json, got '${contentType}'; PUT replaces the document`);
  const merged = { ...jsonObject(current.content, 'stored document'), ...jsonObject(body, 'body') };
  return { action: 'write', content: Buffer.from(JSON.stringify(merged), 'utf8'), contentType: 'application/json' };
}

function documentReply(document: StoredDocument): DocumentReply {
  return {
    status: 200,
    headers: { 'content-type': document.contentType, etag: quoted(document.etag), 'last-modified': new Date(document.updated).toUTCString() },
    body: document.content,
  };
}

/** Answers one call to a document resource in the name of `client` (already authenticated). */
export async function handleDocumentCall(store: DocumentStore, resource: DocumentResource, client: Client, call: DocumentCall): Promise<DocumentReply> {
  if (call.method !== 'GET' && call.method !== 'HEAD') requireWriter(client);
  const target = readTarget(resource, call);
  const viewer = viewerOf(client);

  if (call.method === 'GET' || call.method === 'HEAD') {
    if (target.id === undefined) {
      const list = await store.list(target.scope, { since: target.since, owner: viewer, registration: target.registration });
      const body = Buffer.from(JSON.stringify(list.ids), 'utf8');
      const headers: Record<string, string> = { 'content-type': 'application/json', etag: quoted(etagOf(body)) };
      if (list.updated !== null) headers['last-modified'] = new Date(list.updated).toUTCString();
      return { status: 200, headers, body };
    }
    const document = await store.get({ ...target.scope, id: target.id });
    if (!document || (viewer !== undefined && document.owner !== viewer)) throw new ApiError(404, `${resource.idParam}: no such ${resource.name} document`);
    if (call.ifNoneMatch !== undefined && namesEtag(call.ifNoneMatch, document.etag))
      return { status: 304, headers: { etag: quoted(document.etag), 'last-modified': new Date(document.updated).toUTCString() } };
    return documentReply(document);
  }

  if (call.method === 'DELETE' && target.id === undefined) {
    // State only (readTarget asks profiles for their id): every document of the Activity and Agent (and registration).
    await store.removeAll(target.scope, { owner: viewer, registration: target.registration });
    return { status: 204, headers: {} };
  }

  const key: DocumentKey = { ...target.scope, id: target.id! };
  if (call.method === 'DELETE') {
    await store.change(key, client.id, (current) => {
      checkOwner(resource, client, current);
      checkPreconditions(resource, call, current);
      return current ? { action: 'delete' } : { action: 'keep' };
    });
    return { status: 204, headers: {} };
  }

  const body = call.body ?? Buffer.alloc(0);
  if (body.length > MAX_DOCUMENT_BYTES)
    throw new ApiError(413, `body: the document is ${body.length} bytes; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB are stored`);
  const contentType = call.contentType?.trim() || 'application/octet-stream';
  if (isJsonType(contentType)) {
    // Checked before anything is read: a body labelled JSON must be JSON, and a POST's a JSON Object (2.2.s8.b1).
    if (call.method === 'POST') jsonObject(body, 'body');
    else {
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        throw bad('body', 'is not JSON, but its Content-Type says application/json');
      }
    }
  }
  try {
    await store.change(key, client.id, (current) => {
      checkOwner(resource, client, current);
      checkPreconditions(resource, call, current);
      return writeDecision(resource, call, body, contentType, current);
    });
  } catch (error) {
    if (error instanceof DocumentLimitReached)
      throw new ApiError(403, `${resource.idParam}: client '${client.name}' already keeps ${error.max} documents, the most allowed; delete some before storing new ones`);
    throw error;
  }
  return { status: 204, headers: {} };
}
