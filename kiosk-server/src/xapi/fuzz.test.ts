// Bad input at /xapi/statements, generated (fast-check) against the real app and its store (SQLite or PostgreSQL):
// arbitrary JSON and text; valid statements (another tool's and Ruyi's own) with one mutation anywhere in them; odd
// methods, credentials, versions and content types. Whatever arrives, the answer is a 2xx or a 4xx with an error body
// naming the problem — never a 5xx, never a crash — a 4xx stores nothing, and the server goes on serving. The
// neighbouring tests cover the named cases one by one (413, malformed JSON, versions, rate limit in auth.test.ts and
// statements.test.ts); this file looks for the cases nobody named. The seed is fixed (RUYI_FUZZ_SEED to change it); a
// failure prints the seed and the shrunk counterexample, so `RUYI_FUZZ_SEED=<seed>` reproduces it.
import fc from 'fast-check';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVisit, oneOfEach } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { isSupportedVersion } from './lib.ts';
import { basic, startLrs, statement, type Lrs } from './test-lrs.ts';
import { countStatements, readLrs } from './test-lrs-rows.ts';

const SEED = Number(process.env.RUYI_FUZZ_SEED ?? 20_260_529);
const settings = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

let lrs: Lrs;
/** Ruyi's own statements (one of each kind), as the kiosk app makes them: the templates to mutate, with others'. */
let ruyi: Record<string, unknown>[];
beforeAll(async () => {
  lrs = await startLrs();
  ruyi = statementsOf(lrs.app, lrs.env.config, oneOfEach(newVisit())) as unknown as Record<string, unknown>[];
});
afterAll(() => lrs.env.cleanup());

// Through the app's own store and connection, not a second one: a fuzz run counts thousands of times.
const count = () => lrs.app.statements.count();

/** A statement from another tool using most of xAPI: a group, result, context, timestamp, a fileUrl attachment. */
function fullStatement(): Record<string, unknown> {
  return statement({
    id: randomUUID(),
    timestamp: '2026-05-29T10:11:12.345+08:00',
    actor: { objectType: 'Group', name: 'Class 3', member: [{ mbox: 'mailto:a@example.com' }, { account: { homePage: 'https://school.example', name: 's-17' } }] },
    result: { score: { scaled: 0.5, raw: 5, min: 0, max: 10 }, success: true, completion: true, response: 'b[,]c', duration: 'PT1M30.5S', extensions: { 'https://x.example/e': { deep: [1, 2] } } },
    context: {
      registration: randomUUID(),
      instructor: { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' },
      platform: 'Ruyi',
      language: 'zh-CN',
      statement: { objectType: 'StatementRef', id: randomUUID() },
      contextActivities: { parent: [{ id: 'https://x.example/a/parent' }], grouping: { id: 'https://x.example/a/group' } },
      extensions: { 'https://x.example/ctx': 'v' },
    },
    attachments: [{ usageType: 'https://x.example/usage', display: { 'en-US': 'photo' }, contentType: 'image/png', length: 3, sha2: 'a'.repeat(64), fileUrl: 'https://x.example/p.png' }],
  });
}

/** The statements to mutate: fresh ids every time, so a run (and its shrinking) never collides with an earlier one. */
const TEMPLATES: (() => Record<string, unknown>)[] = [
  () => statement({ id: randomUUID() }),
  fullStatement,
  ...Array.from({ length: 10 }, (_, i) => () => ({ ...structuredClone(ruyi[i % ruyi.length]!), id: randomUUID() })),
];

type Path = (string | number)[];
/** Every place in a JSON value (its own root excluded), containers before what they hold. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, v]) => [[...prefix, key], ...pathsOf(v, [...prefix, key])]);
}

/** Large values are described, and made only when sent, so a failure report stays readable. */
type Made = { deep: number; asArray: boolean } | { repeat: number } | { raw: string };

/**
 * JSON text for a described value. Raw text (numbers JSON can carry but JavaScript cannot make; nesting too deep for
 * this process's own JSON.stringify) goes into the statement as a placeholder string, replaced after serializing.
 */
function jsonText(m: Made): string {
  if ('raw' in m) return m.raw;
  if ('repeat' in m) return JSON.stringify('x'.repeat(m.repeat));
  return m.asArray ? `${'['.repeat(m.deep)}1${']'.repeat(m.deep)}` : `${'{"a":'.repeat(m.deep)}1${'}'.repeat(m.deep)}`;
}
const PLACEHOLDER = '@@made@@';

const MUTATIONS = {
  remove: fc.constant({ remove: true as const }),
  wrongType: fc.record({ value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.nat(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.nat(), { maxKeys: 3 })) }),
  hugeString: fc.record({ made: fc.constantFrom(10_000, 200_000, 1_100_000).map((n): Made => ({ repeat: n })) }),
  unicode: fc.record({
    value: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('\u0000', 'a\u0007b', '\ud800', '\udfff\ud800', '\u202e\u2066', '\ufeffhttp://x.example', 'http://例子.测试/路径', 'mailto:\u0000@x', '\r\n'),
    ),
  }),
  deepNesting: fc.record({ made: fc.tuple(fc.constantFrom(50, 1_000, 10_000, 100_000), fc.boolean()).map(([deep, asArray]): Made => ({ deep, asArray })) }),
  numberOutOfRange: fc.record({ made: fc.constantFrom('1e400', '-1e400', '1.5', '-1.0000001', '123456789012345678901234567890', '-0', '4.9e-325', '0.1e1').map((raw): Made => ({ raw })) }),
  badUuid: fc.record({ value: fc.constantFrom('not-a-uuid', '12345678-1234-5678-1234-56781234567', 'ZZZZZZZZ-1234-5678-1234-567812345678', '{12345678-1234-5678-1234-567812345678}', '', ' 12345678-1234-5678-1234-567812345678') }),
  badIri: fc.record({ value: fc.constantFrom('not an iri', 'http//x', '', ' ', 'mailto:', '::', 'http://', '//x', 'javascript:alert(1)', 'http://x.example/ space') }),
  badTimestamp: fc.record({ value: fc.constantFrom('2015-13-01T00:00:00Z', '2015-11-18', 'yesterday', '2015-11-18T12:17:00+25:00', '2015-11-18T24:61:00Z', '99999-01-01T00:00:00Z', 'PT1H', '2015-02-30T00:00:00Z') }),
  extraProperty: fc.record({ key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'objectType', 'id', 'stored', 'authority', 'version')), extra: fc.jsonValue({ maxDepth: 2 }) }),
} as const;

type Mutation = { kind: keyof typeof MUTATIONS; where: number } & ({ remove: true } | { value: unknown } | { made: Made } | { key: string; extra: unknown });

const mutation: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(...(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[])), fc.nat())
  .chain(([kind, where]) => MUTATIONS[kind].map((m) => ({ kind, where, ...m }) as Mutation));

/** The statement with the mutation applied, serialized. */
function mutate(template: Record<string, unknown>, m: Mutation): { text: string; value: unknown } {
  const value = structuredClone(template) as Record<string, unknown>;
  const paths = m.kind === 'extraProperty' ? [[], ...pathsOf(value)].filter((p) => isPlainObject(get(value, p))) : pathsOf(value);
  const path = paths[m.where % paths.length]!;
  if ('extra' in m) {
    // defineProperty: a key named __proto__ becomes a real property, as JSON.parse would make it on the server.
    Object.defineProperty(get(value, path), m.key, { value: m.extra, enumerable: true, writable: true, configurable: true });
  } else {
    const parent = get(value, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path.at(-1)!;
    if ('remove' in m) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else parent[key] = 'made' in m ? PLACEHOLDER : m.value;
  }
  const json = JSON.stringify(value);
  // A function replacement: the made text may contain '$' patterns.
  const text = 'made' in m ? json.replace(`"${PLACEHOLDER}"`, () => jsonText(m.made)) : json;
  return { text, value };
}

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (value: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** The caller's address (wrong credentials from one address are refused after a while: see auth-before-work.test.ts). */
  remoteAddress?: string;
}

const send = (s: Sent) =>
  lrs.app.inject({ method: s.method as 'POST', url: s.url, headers: s.headers, remoteAddress: s.remoteAddress, ...(s.body === undefined ? {} : { payload: s.body }) });

/**
 * The contract for any request: no 5xx; a 4xx carries { error, message } and the xAPI version header, and stores
 * nothing; a 2xx stores exactly the statements it acknowledges (new ones: a resend is a no-op).
 */
async function expectContract(res: Response, before: number, what: string): Promise<void> {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers['x-experience-api-version'], what).toBe('1.0.3');
  if (res.statusCode >= 400) {
    const body = res.json() as { error?: unknown; message?: unknown };
    expect(typeof body.error, what).toBe('string');
    expect(typeof body.message === 'string' && body.message.length > 0, `${what}: a message saying what is wrong`).toBe(true);
    expect(await count(), `${what}: a ${res.statusCode} stored nothing`).toBe(before);
  }
}

const xapiHeaders = (extra: Record<string, string> = {}) => ({ authorization: lrs.auth.hub, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json', ...extra });

describe('fuzz: /xapi/statements', () => {
  it('arbitrary JSON and text as a POST or PUT body: 400/413 naming the problem, nothing stored', async () => {
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 5 }).map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', ' ', 'null', '[]', '{}', '[{}]', '[null]', '{"actor":', '\ufeff{}', '[1,]', 'NaN', '1e999', '"\\ud800"'),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (text, asPut) => {
        const before = await count();
        const url = asPut ? `/xapi/statements?statementId=${randomUUID()}` : '/xapi/statements';
        const res = await send({ method: asPut ? 'PUT' : 'POST', url, headers: xapiHeaders(), body: text });
        await expectContract(res, before, `${asPut ? 'PUT' : 'POST'} ${JSON.stringify(text.slice(0, 80))}`);
        // Nothing arbitrary is a statement: the smallest valid one needs actor, verb and object with their IRIs.
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
      }),
      settings(500),
    );
  }, 30_000);

  it('a valid statement with one mutation, alone or among valid ones, by PUT or POST: a 2xx stores it, a 4xx stores nothing', async () => {
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: TEMPLATES.length - 1 }),
        mutation,
        fc.constantFrom('PUT', 'POST one', 'POST batch'),
        fc.nat({ max: 3 }),
        async (template, m, how, companions) => {
          const { text, value } = mutate(TEMPLATES[template]!(), m);
          const id = isPlainObject(value) && typeof (value as { id?: unknown }).id === 'string' ? ((value as { id: string }).id) : randomUUID();
          const others = Array.from({ length: companions }, () => JSON.stringify(TEMPLATES[(template + 1) % TEMPLATES.length]!()));
          const body = how === 'POST batch' ? `[${[...others, text].join(',')}]` : text;
          const url = how === 'PUT' ? `/xapi/statements?statementId=${encodeURIComponent(id)}` : '/xapi/statements';
          const before = await count();
          const res = await send({ method: how === 'PUT' ? 'PUT' : 'POST', url, headers: xapiHeaders(), body });
          const what = `${how} ${m.kind} at #${m.where} of template ${template}`;
          await expectContract(res, before, what);
          if (res.statusCode < 300) {
            seen.ok++;
            const sentCount = how === 'POST batch' ? others.length + 1 : 1;
            if (how !== 'PUT') expect((res.json() as string[]).length, what).toBe(sentCount);
            expect(await count(), `${what}: every acknowledged statement stored`).toBe(before + sentCount);
          } else seen.refused++;
        },
      ),
      settings(1000),
    );
    // Both outcomes were exercised (a mutation is not always harmful: an extra extension, a changed display string).
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 60_000);

  it('odd methods, credentials, versions and content types: only a writer with a 1.0.x version gets a 2xx; nothing else stores', async () => {
    // Each part is usually right (so a fair share of requests should store) and sometimes wrong.
    const mostly = <T>(good: T[], bad: T[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 3 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
    const auth = mostly<[string, string | undefined]>(
      [
        ['hub', undefined],
        ['kiosk', undefined],
      ],
      [
        ['reader', undefined],
        ['none', undefined],
        ['wrong secret', basic('nope', 'nope')],
        ['bearer', 'Bearer abc'],
        ['basic garbage', 'Basic !!!'],
        ['basic no colon', `Basic ${Buffer.from('justakey').toString('base64')}`],
        ['basic empty', 'Basic '],
      ],
    );
    const version = mostly(['1.0.3', '1.0.0', '1.0'], [undefined, '1.0.9', '0.95', '2.0.0', '', 'abc', '1.0.3, 1.0.3', ' 1.0.3']);
    const contentType = mostly(
      ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'],
      [undefined, 'text/plain', 'multipart/mixed', 'multipart/mixed; boundary=abc', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/json; charset=latin1', ';'],
    );
    const method = mostly(['POST', 'PUT'], ['GET', 'HEAD', 'DELETE', 'PATCH', 'OPTIONS']);
    // FRESH: a new statementId for each request (a PUT needs one; POST takes none).
    const query = mostly(['FRESH'], ['', '?method=PUT', '?method=DELETE', '?limit=-1', '?statementId=x&statementId=y', '?%zz']);
    const extra = mostly<Record<string, string>>([{}], [{ 'content-encoding': 'gzip' }, { 'accept-language': '*;q=0, zh' }, { 'transfer-encoding': 'chunked' }, { 'x-experience-api-version': '1.0.3' }]);
    let stored = 0;
    // Each request from its own address, so every one reaches the credential check instead of the per-address lockout.
    let caller = 0;
    await fc.assert(
      fc.asyncProperty(auth, version, contentType, method, query, extra, fc.boolean(), async ([who, header], v, type, m, q, more, validBody) => {
        const headers: Record<string, string> = { ...more };
        const authorization = header ?? (who === 'none' ? undefined : lrs.auth[who as 'hub' | 'kiosk' | 'reader']);
        if (authorization !== undefined) headers.authorization = authorization;
        if (v !== undefined) headers['x-experience-api-version'] = v;
        else delete headers['x-experience-api-version'];
        if (type !== undefined) headers['content-type'] = type;
        const writes = m === 'POST' || m === 'PUT';
        const body = !writes && m !== 'PATCH' ? undefined : validBody ? JSON.stringify(statement({ id: randomUUID() })) : '{"actor":1}';
        const url = `/xapi/statements${q === 'FRESH' ? (m === 'POST' ? '' : `?statementId=${randomUUID()}`) : q}`;
        const before = await count();
        let res: Response;
        try {
          caller++;
          res = await send({ method: m, url, headers, body, remoteAddress: `10.1.${caller >> 8}.${caller & 255}` });
        } catch (error) {
          // light-my-request refuses some requests before they reach the server (e.g. a GET with a body); not ours.
          if (/payload|body/i.test(String(error))) return;
          throw error;
        }
        const what = `${m} ${url} as ${who}, version ${JSON.stringify(v)}, type ${JSON.stringify(type)}, ${JSON.stringify(more)}`;
        if (m === 'HEAD') expect(res.statusCode, what).toBeLessThan(500);
        else if (res.statusCode !== 404 && res.statusCode !== 405 && !(m === 'OPTIONS' && res.statusCode < 300)) await expectContract(res, before, what);
        else expect(await count(), what).toBe(before);
        if (res.statusCode < 300 && writes) {
          expect(['hub', 'kiosk'], `${what}: only writers store`).toContain(who);
          expect(isSupportedVersion(v), `${what}: stored without a supported version`).toBe(true);
          stored++;
        }
      }),
      settings(600),
    );
    expect(stored, 'some requests were good enough to store').toBeGreaterThan(0);
  }, 60_000);

  it('a value nested thousands deep (in an extension, where any JSON is allowed) is never a 500, stored or resent', async () => {
    // Found by the mutation property above. At 10,000 levels JSON.parse takes the body, then serializing it for storage
    // overflows the stack; at 4,000 it is stored, and the resend (a forwarder's retry) overflows comparing the two.
    for (const deep of [4_000, 10_000]) {
      const s = statement({ id: randomUUID(), result: { extensions: { 'https://x.example/e': '@' } } });
      const body = JSON.stringify(s).replace('"@"', jsonText({ deep, asArray: true }));
      for (const [method, url] of [['POST', '/xapi/statements'], ['POST', '/xapi/statements'], ['PUT', `/xapi/statements?statementId=${s.id as string}`]] as const) {
        const before = await count();
        await expectContract(await send({ method, url, headers: xapiHeaders(), body }), before, `${method} nested ${deep} deep`);
      }
    }
  });

  it('keeps serving afterwards: a PUT and a GET answer, and the store is intact', async () => {
    const id = randomUUID();
    expect((await lrs.request({ method: 'PUT', url: `/xapi/statements?statementId=${id}`, payload: statement() })).statusCode).toBe(204);
    const res = await lrs.request({ url: `/xapi/statements?statementId=${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(id);
    if (lrs.env.dialect === 'sqlite') {
      const check = await readLrs(lrs, async (db) => (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)).rows);
      expect(check).toEqual([{ integrity_check: 'ok' }]);
    } else {
      // PostgreSQL guards its own pages; what the store keeps consistent itself is one statement_ids row per statement.
      const orphans = await readLrs(lrs, async (db) =>
        (
          await sql<{ n: number }>`SELECT count(*) AS n FROM statement_ids i FULL JOIN statements s ON s.seq = i.seq AND s.stored = i.stored AND s.id = i.id
            WHERE i.id IS NULL OR s.id IS NULL`.execute(db)
        ).rows[0]!.n,
      );
      expect(orphans).toBe(0);
    }
  });
});

describe('rate limit on writes', () => {
  it('a writer past its limit gets 429 with Retry-After and its statement is not stored; another writer still stores', async () => {
    const limited = await startLrs({ xapi: { base: 'https://ruyi.localhost/xapi/', parkIri: 'https://ruyi.localhost/parks/test', rateLimit: 2 } });
    try {
      const post = (as: 'kiosk' | 'hub', s: Record<string, unknown>) => limited.request({ method: 'POST', url: '/xapi/statements', payload: s, as });
      for (let i = 0; i < 2; i++) expect((await post('kiosk', statement())).statusCode).toBe(200);
      const refused = statement({ id: randomUUID() });
      const res = await post('kiosk', refused);
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(await countStatements(limited, refused.id as string)).toBe(0);
      expect((await post('hub', refused)).statusCode).toBe(200);
      expect(await countStatements(limited)).toBe(3);
    } finally {
      await limited.env.cleanup();
    }
  });
});
