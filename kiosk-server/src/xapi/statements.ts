// What the Statement Resource does with a call (xAPI 1.0.3 Communication 2.1), apart from HTTP plumbing: read the
// body, check it, store it, or answer a query. Each function returns what to send; routes.ts sends it.
import { randomUUID } from 'node:crypto';
import { ApiError, summarize, type ErrorDetail } from '../errors.ts';
import { buildMultipart, checkAttachmentParts, MultipartProblem, readMultipart, SIGNATURE_USAGE } from './attachments.ts';
import type { Client } from './clients.ts';
import { formatStatement, isUuid, parseAcceptLanguage, validateStatements, type Agent, type Statement } from './lib.ts';
import { moreLink, readGetParams, StatementsQuerystring, type Format } from './query.ts';
import { admitXapiStatements } from '../records/admission.ts';
import { checkSignatures } from './signature.ts';
import type { AttachmentBytes, StatementItem, StatementStore, StoredStatement, Writer } from './store.ts';
import { StatementConflict, VoidingForbidden, VoidingRejected } from './store.ts';
import type { XapiCall } from './request.ts';

/** Statements per POST: a kiosk-server's forwarding batch is at most 1000 (RUYI_SYNC_BATCH), so this is never hit by us. */
export const MAX_STATEMENTS = 1000;
/** A JSON body: 1000 statements of ~1 KiB. */
export const JSON_LIMIT = 1024 * 1024;
/** A multipart body: the statements plus attachment bytes (photos, certificates). */
export const MULTIPART_LIMIT = 16 * 1024 * 1024;

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface StatementsContext {
  store: StatementStore;
  /** The homePage of every client's authority account (the park's or hub's IRI). */
  authorityHome: string;
  /** Where the routes are mounted, e.g. '/xapi': `more` links start with it. */
  prefix: string;
  /** Called after each commit that stored something: the forwarder sends it on without waiting for its poll. */
  onStored?: () => void;
}

const bad = (details: ErrorDetail[]) => new ApiError(400, summarize(details), details);

/** The body as statements: one object or an array, plus attachment parts when multipart. */
function readBody(call: XapiCall): { values: unknown[]; single: boolean; attachments: AttachmentBytes[]; multipart: boolean } {
  if (!call.body || call.body.length === 0) throw bad([{ path: 'body', message: 'is empty; send a statement (PUT) or a statement or array of statements (POST) as JSON' }]);
  const type = call.contentType?.split(';')[0]?.trim().toLowerCase();
  let json: string;
  let attachments: AttachmentBytes[] = [];
  const multipart = type === 'multipart/mixed';
  if (multipart) {
    try {
      ({ json, attachments } = readMultipart(call.body, call.contentType!, MULTIPART_LIMIT));
    } catch (error) {
      if (error instanceof MultipartProblem) throw bad([{ path: error.path, message: error.message }]);
      throw error;
    }
  } else if (type === 'application/json') json = call.body.toString('utf8');
  else throw bad([{ path: 'Content-Type', message: `must be application/json or multipart/mixed (with attachments), got '${type ?? 'none'}'` }]);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw bad([{ path: 'body', message: `is not valid JSON (${(error as Error).message})` }]);
  }
  const single = !Array.isArray(value);
  const values = single ? [value] : (value as unknown[]);
  if (values.length > MAX_STATEMENTS)
    throw new ApiError(413, `body: ${values.length} statements in one request; at most ${MAX_STATEMENTS} are accepted, send the rest in further requests`);
  return { values, single, attachments, multipart };
}

/** Checks each statement and gives it an id if it has none. The stored body keeps the client's fields and order. */
function prepare(values: unknown[], single: boolean): StatementItem[] {
  const problems = validateStatements(single ? values[0] : values).map((p) => ({ path: p.path || 'body', message: p.message }));
  if (problems.length) throw bad(problems);
  return values.map((value) => {
    const statement = value as Statement;
    if (statement.id !== undefined) return { statement, body: JSON.stringify(value) };
    const withId = { id: randomUUID(), ...(value as object) } as Statement;
    return { statement: withId, body: JSON.stringify(withId) };
  });
}

function checkParts(items: StatementItem[], attachments: AttachmentBytes[], single: boolean, multipart: boolean): void {
  const statements = items.map((i) => i.statement);
  const at = (i: number) => (single ? '' : `[${i}].`);
  const problems = multipart
    ? checkAttachmentParts(statements, attachments, at)
    : statements.flatMap((s, i) =>
        (s.attachments ?? []).flatMap((a, j) =>
          a.fileUrl ? [] : [{ path: `${at(i)}attachments[${j}]`, message: 'has no fileUrl, so it must be sent as multipart/mixed with its content as a part' }],
        ),
      );
  problems.push(...checkSignatures(statements, attachments, at, SIGNATURE_USAGE));
  if (problems.length) throw bad(problems);
}

function authorityOf(client: Client, home: string): Agent {
  return { objectType: 'Agent', account: { homePage: home, name: client.name } };
}

async function store(ctx: StatementsContext, client: Client, items: StatementItem[], attachments: AttachmentBytes[], single: boolean) {
  const writer: Writer = { authority: authorityOf(client, ctx.authorityHome), clientId: client.id, voidsOnlyOwn: client.role === 'kiosk' };
  ctx.admit?.(client, items, single);
  try {
    const outcome = await ctx.store.insert(await admitXapiStatements(ctx, client, items, single), writer, attachments);
    if (outcome.stored.length) ctx.onStored?.();
    return outcome;
  } catch (error) {
    const at = (i: number) => (single ? '' : `[${i}].`);
    if (error instanceof StatementConflict)
      throw new ApiError(409, `${at(error.index)}id: statement '${error.id}' is already stored with different content; nothing from this request was stored`, [
        { path: `${at(error.index)}id`, message: 'already stored with different content' },
      ]);
    if (error instanceof VoidingForbidden)
      throw new ApiError(403, `${at(error.index)}object.id: statement '${error.target}' was stored by another client; client '${client.name}' (role kiosk) may void only its own statements. Nothing from this request was stored`, [
        { path: `${at(error.index)}object.id`, message: 'targets a statement stored by another client' },
      ]);
    if (error instanceof VoidingRejected)
      throw bad([{ path: `${at(error.index)}object.id`, message: `targets '${error.target}', a voiding statement; voiding statements cannot be voided` }]);
    throw error;
  }
}

export async function putStatement(ctx: StatementsContext, client: Client, call: XapiCall): Promise<Reply> {
  const id = call.params.statementId;
  const others = Object.keys(call.params).filter((k) => k !== 'statementId');
  if (others.length) throw bad([{ path: others[0]!, message: `is not a parameter of PUT /statements (only statementId is)` }]);
  if (id === undefined) throw bad([{ path: 'statementId', message: 'is required for PUT; use POST to let the server assign ids' }]);
  if (!isUuid(id)) throw bad([{ path: 'statementId', message: 'must be a UUID' }]);
  const { values, single, attachments, multipart } = readBody(call);
  if (!single) throw bad([{ path: 'body', message: 'PUT takes one statement object, not an array (POST takes arrays)' }]);
  const value = values[0] as Record<string, unknown>;
  if (value && typeof value === 'object' && typeof value.id === 'string' && value.id.toLowerCase() !== id.toLowerCase())
    throw bad([{ path: 'id', message: `is '${value.id}' but statementId is '${id}'; they must be the same` }]);
  const withId = value && typeof value === 'object' && value.id === undefined ? { id, ...value } : value;
  const items = prepare([withId], true);
  checkParts(items, attachments, true, multipart);
  await store(ctx, client, items, attachments, true);
  return { status: 204 };
}

export async function postStatements(ctx: StatementsContext, client: Client, call: XapiCall): Promise<Reply> {
  const params = Object.keys(call.params);
  if (params.length) throw bad([{ path: params[0]!, message: 'is not a parameter of POST /statements (it takes none)' }]);
  const { values, single, attachments, multipart } = readBody(call);
  const items = prepare(values, single);
  checkParts(items, attachments, single, multipart);
  await store(ctx, client, items, attachments, single);
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(items.map((i) => i.statement.id!.toLowerCase())) };
}

/** The statement as the LRS shows it: as received, plus what the LRS sets (stored, authority, version, timestamp). */
function present(row: StoredStatement, format: Format, languages: string[]): Statement {
  const statement = JSON.parse(row.body) as Statement;
  statement.id = row.id;
  statement.stored = row.stored;
  statement.authority = JSON.parse(row.authority) as Agent;
  statement.version ??= '1.0.0';
  statement.timestamp ??= row.stored;
  return formatStatement(statement, format, languages);
}

async function attachmentsOf(ctx: StatementsContext, statements: Statement[]): Promise<AttachmentBytes[]> {
  const seen = new Map<string, AttachmentBytes>();
  for (const s of statements)
    for (const a of s.attachments ?? []) {
      const sha2 = String(a.sha2).toLowerCase();
      if (seen.has(sha2)) continue;
      const bytes = await ctx.store.attachment(sha2);
      if (bytes) seen.set(sha2, bytes);
    }
  return [...seen.values()];
}

export async function getStatements(ctx: StatementsContext, client: Client, call: XapiCall, now = new Date().toISOString()): Promise<Reply> {
  const parsed = StatementsQuerystring.safeParse(call.params);
  if (!parsed.success)
    throw bad(
      parsed.error.issues.map((issue) => ({
        path: issue.path.length ? issue.path.join('.') : String((issue as { keys?: string[] }).keys?.[0] ?? 'query'),
        message: issue.code === 'unrecognized_keys' ? `is not a parameter of GET /statements` : issue.message,
      })),
    );
  const request = readGetParams(parsed.data);
  const languages = parseAcceptLanguage(call.acceptLanguage);
  // A kiosk client reads back what it sent; readers and hubs read everything.
  const ownOnly = client.role === 'kiosk' ? client.id : undefined;
  const headers: Record<string, string> = { 'x-experience-api-consistent-through': now };

  let result: unknown;
  let statements: Statement[];
  let lastModified: string;
  if (request.kind === 'single') {
    const row = await ctx.store.get(request.id);
    if (!row || row.voided !== request.voided || (ownOnly !== undefined && row.clientId !== ownOnly))
      throw new ApiError(404, `${request.voided ? 'voidedStatementId' : 'statementId'}: no ${request.voided ? 'voided ' : ''}statement '${request.id}' is stored${request.voided ? '' : ' (or it was voided: ask with voidedStatementId)'}`);
    const statement = present(row, request.format, languages);
    statements = [statement];
    result = statement;
    lastModified = row.stored;
  } else {
    const page = await ctx.store.query({ ...request.query, ...(ownOnly !== undefined ? { clientId: ownOnly } : {}) });
    statements = page.statements.map((row) => present(row, request.format, languages));
    result = { statements, more: page.next ? moreLink(ctx.prefix, request.filters, page.next) : '' };
    lastModified = page.statements.reduce((latest, row) => (row.stored > latest ? row.stored : latest), '') || now;
  }
  headers['last-modified'] = new Date(lastModified).toUTCString();
  const json = JSON.stringify(result);
  if (request.attachments) {
    const multipart = buildMultipart(json, await attachmentsOf(ctx, statements));
    return { status: 200, headers: { ...headers, 'content-type': multipart.contentType }, body: multipart.body };
  }
  // Exactly 'application/json' (the ADL suite compares the whole header, XAPI-00161; JSON is UTF-8 anyway). As bytes,
  // because Fastify appends '; charset=utf-8' to a JSON type sent as a string.
  return { status: 200, headers: { ...headers, 'content-type': 'application/json' }, body: Buffer.from(json) };
}
