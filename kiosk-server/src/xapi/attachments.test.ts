// Attachments (multipart/mixed in and out), signed statements, and the alternate request syntax.
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMultipart, getMultipartBoundary } from '@remix-run/multipart-parser';
import { startLrs, statement, uuid, type Lrs } from './test-lrs.ts';
import { countStatements, readLrs } from './test-lrs-rows.ts';

let lrs: Lrs;
beforeEach(async () => {
  lrs = await startLrs();
});
afterEach(() => lrs.env.cleanup());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const count = () => countStatements(lrs);

/** A multipart body as the ADL test suite writes one: leading CRLF, no space after colons, no final CRLF. */
function multipart(json: unknown, parts: { content: Buffer; type: string; hash?: string; encoding?: string }[], boundary = 'b0undary') {
  const chunks: Buffer[] = [Buffer.from(`\r\n--${boundary}\r\nContent-Type:application/json\r\n\r\n${JSON.stringify(json)}`)];
  for (const p of parts) {
    const headers = [`Content-Type:${p.type}`, `Content-Transfer-Encoding:${p.encoding ?? 'binary'}`, ...(p.hash === '' ? [] : [`X-Experience-API-Hash:${p.hash ?? sha(p.content)}`])];
    chunks.push(Buffer.from(`\r\n--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), p.content);
  }
  chunks.push(Buffer.from(`\r\n--${boundary}--`));
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` };
}

const file = Buffer.from('certificate of fire safety, 2026 ✓');
const declared = (content: Buffer, extra: Record<string, unknown> = {}) => ({
  usageType: 'http://example.com/attachment-usage/certificate',
  display: { 'en-US': 'Certificate' },
  contentType: 'text/plain',
  length: content.length,
  sha2: sha(content),
  ...extra,
});

describe('attachments', () => {
  it('stores a statement with its attachment and returns both with attachments=true', async () => {
    const id = uuid();
    const { body, contentType } = multipart(statement({ id, attachments: [declared(file)] }), [{ content: file, type: 'text/plain' }]);
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: body, headers: { 'content-type': contentType } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([id]);

    const got = await lrs.request({ url: `/xapi/statements?statementId=${id}&attachments=true` });
    expect(got.statusCode).toBe(200);
    const type = got.headers['content-type'] as string;
    expect(type).toMatch(/^multipart\/mixed; boundary=/);
    const parts = [...parseMultipart(got.rawPayload, { boundary: getMultipartBoundary(type)! })];
    expect(parts).toHaveLength(2);
    expect(JSON.parse(parts[0]!.text).id).toBe(id);
    expect(parts[1]!.headers['x-experience-api-hash']).toBe(sha(file));
    expect(Buffer.from(parts[1]!.bytes).equals(file)).toBe(true);
    // Without attachments=true: plain JSON.
    expect((await lrs.request({ url: `/xapi/statements?statementId=${id}` })).headers['content-type']).toMatch(/^application\/json/);
  });

  it('rejects (400, nothing stored): a missing part, a part no statement declares, a wrong hash, no binary encoding, JSON without fileUrl', async () => {
    const other = Buffer.from('something else');
    const cases = [
      multipart(statement({ attachments: [declared(file)] }), []),
      multipart(statement({ attachments: [declared(file)] }), [{ content: file, type: 'text/plain' }, { content: other, type: 'text/plain' }]),
      multipart(statement({ attachments: [declared(file)] }), [{ content: file, type: 'text/plain', hash: sha(other) }]),
      multipart(statement({ attachments: [declared(file)] }), [{ content: file, type: 'text/plain', encoding: 'base64' }]),
      multipart(statement({ attachments: [declared(file)] }), [{ content: file, type: 'text/plain', hash: '' }]),
    ];
    for (const [i, { body, contentType }] of cases.entries()) {
      const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: body, headers: { 'content-type': contentType } });
      expect(res.statusCode, `case ${i}: ${res.body}`).toBe(400);
    }
    const json = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement({ attachments: [declared(file)] }) });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toMatch(/attachments\[0\]: has no fileUrl/);
    const withUrl = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: statement({ attachments: [declared(file, { fileUrl: 'https://example.com/c.txt' })] }) });
    expect(withUrl.statusCode).toBe(200);
    expect(await count()).toBe(1);
  });

  it('reads a message written with bare LF line breaks, keeping part bytes exact', async () => {
    const second = Buffer.from('line one\r\nline two');
    const s = statement({ attachments: [declared(file), declared(second)] });
    const body = Buffer.concat([
      Buffer.from(`--b\nContent-Type: application/json\n\n${JSON.stringify(s)}\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: binary\nX-Experience-API-Hash: ${sha(file)}\n\n`),
      file,
      Buffer.from(`\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: binary\nX-Experience-API-Hash: ${sha(second)}\n\n`),
      second,
      Buffer.from('\n--b--\n'),
    ]);
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: body, headers: { 'content-type': 'multipart/mixed; boundary=b' } });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await readLrs(lrs, (db) => db.selectFrom('attachments').select('content').where('sha2', '=', sha(second)).executeTakeFirst());
    expect(Buffer.from(stored!.content).equals(second)).toBe(true);
  });

  it('rejects a first part that is not JSON', async () => {
    const body = Buffer.from(`--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n`);
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements', payload: body, headers: { 'content-type': 'multipart/mixed; boundary=b' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/part 1: Content-Type must be application\/json/);
  });
});

describe('signed statements', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  function jws(payload: unknown, alg = 'RS256') {
    const input = `${b64({ alg })}.${typeof payload === 'string' ? Buffer.from(payload).toString('base64url') : b64(payload)}`;
    return Buffer.from(`${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`);
  }
  function signed(options: { alg?: string; contentType?: string; payload?: (s: Record<string, unknown>) => unknown } = {}) {
    const s = statement({ id: uuid() });
    const signature = jws(options.payload ? options.payload(s) : s, options.alg);
    const attachment = declared(signature, { usageType: 'http://adlnet.gov/expapi/attachments/signature', contentType: options.contentType ?? 'application/octet-stream' });
    return multipart({ ...s, attachments: [attachment] }, [{ content: signature, type: attachment.contentType }]);
  }
  const send = ({ body, contentType }: { body: Buffer; contentType: string }) =>
    lrs.request({ method: 'POST', url: '/xapi/statements', payload: body, headers: { 'content-type': contentType } });

  it('accepts a statement signed with RS256', async () => {
    const res = await send(signed());
    expect(res.statusCode, res.body).toBe(200);
  });

  it('rejects with 400 a bad contentType, a bad algorithm, a payload that is not JSON or not the statement', async () => {
    for (const [name, options] of [
      ['contentType', { contentType: 'text/plain; charset=ascii' }],
      ['alg', { alg: 'HS256' }],
      ['json', { payload: (s: Record<string, unknown>) => JSON.stringify(s).replace('"', "'") }],
      ['other', { payload: (s: Record<string, unknown>) => ({ ...s, verb: { id: 'http://example.com/other' } }) }],
    ] as const) {
      const res = await send(signed(options));
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(/signature/);
    }
    expect(await count()).toBe(0);
  });
});

describe('alternate request syntax (POST ?method=)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  it('GET as a POST with a form body answers a StatementResult', async () => {
    await lrs.request({ method: 'POST', url: '/xapi/statements', payload: [statement(), statement()] });
    const res = await lrs.request({ method: 'POST', url: '/xapi/statements?method=GET', payload: form({ limit: '1' }), headers: formHeaders });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().statements).toHaveLength(1);
    expect(res.json().more).toMatch(/^\/xapi\/statements\?more=/);
  });

  it('PUT as a POST, with headers and statementId in the form (204), credentials in the form too', async () => {
    const id = uuid();
    const fields = { statementId: id, content: JSON.stringify(statement()), 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth.hub, 'Content-Type': 'application/json' };
    const res = await lrs.app.inject({ method: 'POST', url: '/xapi/statements?method=PUT', payload: form(fields), headers: formHeaders });
    expect(res.statusCode, res.body).toBe(204);
    expect((await lrs.request({ url: `/xapi/statements?statementId=${id}` })).statusCode).toBe(200);
  });

  it('rejects: extra query parameters, no content, a body that is not a form, a GET carrying ?method', async () => {
    const content = JSON.stringify(statement());
    const id = uuid();
    const tries = [
      lrs.request({ method: 'POST', url: `/xapi/statements?method=PUT&statementId=${id}`, payload: form({ statementId: id, content }), headers: formHeaders }),
      lrs.request({ method: 'POST', url: '/xapi/statements?method=PUT', payload: form({ statementId: id }), headers: formHeaders }),
      lrs.request({ method: 'POST', url: '/xapi/statements?method=PUT', payload: JSON.stringify({ statementId: id, content }), headers: formHeaders }),
      lrs.request({ method: 'GET', url: '/xapi/statements?method=POST' }),
    ];
    for (const [i, res] of (await Promise.all(tries)).entries()) expect(res.statusCode, `try ${i}: ${res.body}`).toBe(400);
    expect(await count()).toBe(0);
  });

  it('needs credentials (401) and the version (400) from header or form', async () => {
    const content = JSON.stringify(statement());
    const noAuth = await lrs.app.inject({ method: 'POST', url: '/xapi/statements?method=POST', payload: form({ content, 'X-Experience-API-Version': '1.0.3' }), headers: formHeaders });
    expect(noAuth.statusCode).toBe(401);
    const noVersion = await lrs.app.inject({ method: 'POST', url: '/xapi/statements?method=POST', payload: form({ content, Authorization: lrs.auth.hub }), headers: formHeaders });
    expect(noVersion.statusCode).toBe(400);
    const ok = await lrs.app.inject({
      method: 'POST',
      url: '/xapi/statements?method=POST',
      payload: form({ content, Authorization: lrs.auth.hub, 'X-Experience-API-Version': '1.0.3' }),
      headers: formHeaders,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
