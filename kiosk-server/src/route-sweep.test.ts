// Every route of the real app, against one table of who may call it. A route the table does not list fails the test
// (a new route must be classified here); every route that needs credentials is called anonymously, from an address
// that is not the server's own, and must refuse (401/403: never 2xx, never 500) without changing anything on disk.
// The staff routes are taken from the OpenAPI document too (/api/openapi.json: its `security` and `x-staff`), and each
// is called by staff of the wrong role and of the wrong scope (403) and of the right ones (let through).
import type { RouteOptions } from 'fastify';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from './app.ts';
import type { Scope } from './admin/scopes.ts';
import type { StaffGuard } from './plugins/admin.ts';
import { login, loginAs, setPasswordDirectly } from './test-support/admin.ts';
import { createTestEnv, type TestEnv } from './test-support/test-app.ts';

/**
 * Who may call a route.
 * - public: anyone on the park's network, no credentials (holds no personal data).
 * - password: anyone, but it answers only to a secret in the body (the staff password, a one-time enrollment code).
 * - device: an enrolled device's token, or an exempt address (by default the server's own machine).
 * - staff: a staff session (Authorization: Bearer from POST /api/admin/session) of a role and scope that may.
 * - xapi-read: an xAPI client of any role (reader; kiosk: only its own statements; hub).
 * - xapi-write: an xAPI client with the role kiosk or hub.
 * - not-allowed: nobody: a method xAPI does not define, answered 405 before credentials are asked for.
 */
type Access = 'public' | 'password' | 'device' | 'staff' | 'xapi-read' | 'xapi-write' | 'not-allowed';

/** GET routes answer HEAD too (Fastify adds it), with the same access. */
const ROUTES: Record<string, Access> = {
  // The app, its files, the API description, content and XR profiles.
  'GET /*': 'public',
  'GET /xr-profiles/*': 'public',
  'GET /xr-profiles/profilesList.json': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  // Fastify adds a HEAD for '/api/docs/' and '/api/admin/sync/' with no GET beside it.
  'HEAD /api/docs/': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/health': 'public',
  'GET /api/content': 'public',
  'GET /api/content/events': 'public',
  'GET /api/kiosk/config': 'public',
  'GET /api/packs/:id/assets/*': 'public',
  'GET /xapi/about': 'public',
  // Any device on the park's network, enrolled or not (staff must see a kiosk that is not enrolled yet): its heartbeat
  // only ever replaces its own row (its enrolled id, else its id at its address), limited per address and in rows.
  'POST /api/fleet/heartbeat': 'public',
  // Whether any staff account is set up: the admin page says what to run before anyone types a password.
  'GET /api/admin/status': 'public',
  // A student's device joins a class with the code the teacher shows (limited per address; wrong codes count like
  // wrong enrollment codes), and anyone holding a certificate's id may check it (no visitor data in the answer).
  'POST /api/classes/join': 'public',
  'GET /api/certificates/:id': 'public',

  // Secrets in the body.
  'POST /api/admin/session': 'password',
  'POST /api/devices/enroll': 'password',

  // The kiosk app's devices.
  'POST /api/statements': 'device',
  // A certificate for a visit's completed scenario: whoever may post the visit's statements (or its class seat).
  'POST /api/certificates': 'device',
  'GET /api/devices/me': 'device',

  // Staff.
  'DELETE /api/admin/session': 'staff',
  'GET /api/admin/accounts': 'staff',
  'POST /api/admin/accounts': 'staff',
  'PATCH /api/admin/accounts/:id': 'staff',
  'POST /api/admin/accounts/:id/password': 'staff',
  'GET /api/stats/summary': 'staff',
  'GET /api/stats/report': 'staff',
  'GET /api/admin/packs': 'staff',
  'POST /api/admin/packs': 'staff',
  'POST /api/admin/packs/:id/rollback': 'staff',
  'DELETE /api/admin/packs/:id': 'staff',
  'GET /api/admin/sync': 'staff',
  'HEAD /api/admin/sync/': 'staff',
  'GET /api/admin/sync/parks': 'staff',
  'HEAD /api/admin/sync/parks': 'staff',
  'GET /api/admin/sync/quarantine': 'staff',
  'POST /api/admin/sync/quarantine/:seq/retry': 'staff',
  'POST /api/admin/sync/quarantine/:seq/discard': 'staff',
  'POST /api/admin/sync/resume': 'staff',
  'GET /api/admin/floor': 'staff',
  'GET /api/admin/devices': 'staff',
  'POST /api/admin/devices/codes': 'staff',
  'POST /api/admin/devices/:id/revoke': 'staff',
  'GET /api/admin/fleet': 'staff',
  // 平安校园: teachers open and close their classes; teachers, admins and analysts see those they may.
  'POST /api/classes': 'staff',
  'GET /api/classes': 'staff',
  'GET /api/classes/:id': 'staff',
  'GET /api/classes/:id/students.csv': 'staff',
  'POST /api/classes/:id/close': 'staff',

  // The LRS.
  // A park's server reporting to its hub, with the credentials it syncs with.
  'POST /api/fleet/servers': 'xapi-write',
  'GET /xapi/statements': 'xapi-read',
  'PUT /xapi/statements': 'xapi-write',
  'POST /xapi/statements': 'xapi-write',
  'GET /xapi/activities': 'xapi-read',
  // Only as the alternate request syntax (?method=GET); any other POST is 405.
  'POST /xapi/activities': 'xapi-read',
  'GET /xapi/agents': 'xapi-read',
  'POST /xapi/agents': 'xapi-read',
  // The document resources (State, Activity Profile, Agent Profile).
  'GET /xapi/activities/state': 'xapi-read',
  'PUT /xapi/activities/state': 'xapi-write',
  // A document's POST merges; as the alternate request syntax (?method=GET) any role may read through it.
  'POST /xapi/activities/state': 'xapi-write',
  'DELETE /xapi/activities/state': 'xapi-write',
  'GET /xapi/activities/profile': 'xapi-read',
  'PUT /xapi/activities/profile': 'xapi-write',
  'POST /xapi/activities/profile': 'xapi-write',
  'DELETE /xapi/activities/profile': 'xapi-write',
  'GET /xapi/agents/profile': 'xapi-read',
  'PUT /xapi/agents/profile': 'xapi-write',
  'POST /xapi/agents/profile': 'xapi-write',
  'DELETE /xapi/agents/profile': 'xapi-write',
  ...Object.fromEntries(
    [
      ['/xapi/statements', ['DELETE', 'PATCH', 'OPTIONS']],
      ['/xapi/about', ['PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS']],
      ['/xapi/activities', ['PUT', 'DELETE', 'PATCH', 'OPTIONS']],
      ['/xapi/agents', ['PUT', 'DELETE', 'PATCH', 'OPTIONS']],
      ['/xapi/activities/state', ['PATCH', 'OPTIONS']],
      ['/xapi/activities/profile', ['PATCH', 'OPTIONS']],
      ['/xapi/agents/profile', ['PATCH', 'OPTIONS']],
    ].flatMap(([url, methods]) => (methods as string[]).map((m) => [`${m} ${url as string}`, 'not-allowed' as Access])),
  ),
};

/** The access of METHOD url; a HEAD route takes its GET's. */
function accessOf(route: string): Access | undefined {
  return ROUTES[route] ?? (route.startsWith('HEAD ') ? ROUTES[`GET ${route.slice(5)}`] : undefined);
}

/** A concrete URL for a route pattern. */
const concrete = (url: string) =>
  url
    .replace(/\/accounts\/:id/, '/accounts/1')
    .replace(':id', 'fire-test')
    .replace(':seq', '1')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace('*', 'x');

/** Everything on disk that a request could change: row counts of every table, and the pack store's files. */
function fingerprint(app: App, dataDir: string): string {
  const tables = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const rows = tables.map((t) => `${t}=${app.db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number}`);
  const files = readdirSync(join(dataDir, 'packs'), { recursive: true }).map(String).sort();
  return JSON.stringify({ rows, files });
}

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

async function build(mode: 'kiosk' | 'hub'): Promise<{ app: App; routes: string[] }> {
  env = createTestEnv({ builtApp: true, config: { mode } });
  const seen = new Set<string>();
  const app = await env.start({ onRoute: (route: RouteOptions) => [route.method].flat().forEach((m) => seen.add(`${m} ${route.url}`)) });
  await app.ready();
  return { app, routes: [...seen].sort() };
}

describe('route sweep', () => {
  for (const mode of ['kiosk', 'hub'] as const)
    it(`lists every route of the ${mode} server in the table`, async () => {
      const { routes } = await build(mode);
      expect(routes.length).toBeGreaterThan(40);
      expect(routes.filter((r) => !accessOf(r)), 'routes with no entry in ROUTES: classify them').toEqual([]);
      // And the table names no route that is gone (a kiosk server has them all; a hub lacks the device routes).
      if (mode === 'kiosk') expect(Object.keys(ROUTES).filter((r) => !routes.includes(r))).toEqual([]);
    });

  it('every route that needs credentials refuses an anonymous call (401/403) and changes nothing on disk', async () => {
    const { app, routes } = await build('kiosk');
    await setPasswordDirectly(app);
    const dataDir = env!.config.dataDir;
    const refusals: string[] = [];
    for (const route of routes) {
      const access = accessOf(route)!;
      if (access === 'public') continue;
      const [method, url] = route.split(' ') as [string, string];
      const writes = method === 'POST' || method === 'PUT' || method === 'PATCH';
      const before = fingerprint(app, dataDir);
      const alternate = route === 'POST /xapi/activities' || route === 'POST /xapi/agents';
      const payload = access === 'password' ? JSON.stringify(route.includes('session') ? { password: 'not the password!' } : { code: 'ABCD-EFGH' }) : '{}';
      const res = await app.inject({
        method: method as 'GET',
        url: concrete(url) + (alternate ? '?method=GET' : ''),
        // Not the server's own address (which needs no enrollment), and every header but the credentials.
        remoteAddress: '10.99.0.1',
        headers: { 'x-experience-api-version': '1.0.3', ...(writes ? { 'content-type': alternate ? 'application/x-www-form-urlencoded' : 'application/json' } : {}) },
        ...(writes ? { payload: alternate ? 'x=1' : payload } : {}),
      });
      const expected = access === 'not-allowed' ? [405] : [401, 403];
      const what = `${route} (${access}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(expected, what).toContain(res.statusCode);
      expect(fingerprint(app, dataDir), `${route} changed something on disk`).toBe(before);
      refusals.push(`${route}: ${res.statusCode}`);
    }
    // The alternate request syntax (credentials may come in the form) on each resource, with none: refused too.
    for (const [url, form] of [
      ['/xapi/statements?method=GET', 'limit=1'],
      ['/xapi/statements?method=POST', `content=${encodeURIComponent('{}')}`],
      [`/xapi/statements?method=PUT`, `statementId=${crypto.randomUUID()}&content=${encodeURIComponent('{}')}`],
      ['/xapi/activities?method=GET', 'activityId=http%3A%2F%2Fexample.com%2Fa'],
      ['/xapi/agents?method=GET', `agent=${encodeURIComponent('{"mbox":"mailto:a@example.com"}')}`],
      ['/xapi/activities/state?method=PUT', `activityId=http%3A%2F%2Fexample.com%2Fa&agent=${encodeURIComponent('{"mbox":"mailto:a@example.com"}')}&stateId=s&content=%7B%7D`],
      ['/xapi/activities/profile?method=GET', 'activityId=http%3A%2F%2Fexample.com%2Fa&profileId=p'],
      ['/xapi/agents/profile?method=DELETE', `agent=${encodeURIComponent('{"mbox":"mailto:a@example.com"}')}&profileId=p`],
    ] as const) {
      const before = fingerprint(app, dataDir);
      const payload = `X-Experience-API-Version=1.0.3&${form}`;
      const res = await app.inject({ method: 'POST', url, remoteAddress: '10.99.0.1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
      expect(res.statusCode, `POST ${url} → ${res.body}`).toBe(401);
      expect(fingerprint(app, dataDir)).toBe(before);
    }
    // The sweep did reach every kind of protected route.
    for (const kind of ['device', 'staff', 'xapi-read', 'xapi-write', 'password', 'not-allowed'])
      expect(routes.some((r) => accessOf(r) === kind), kind).toBe(true);
    expect(refusals.length).toBeGreaterThan(30);
  });
});

/** The staff operations the API description lists: `METHOD /route/:param` with the guard it declares. */
async function staffOperations(app: App): Promise<{ all: string[]; staff: Map<string, StaffGuard> }> {
  const res = await app.inject({ url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json() as { paths: Record<string, Record<string, { security?: Record<string, unknown>[]; 'x-staff'?: StaffGuard }>> };
  const all: string[] = [];
  const staff = new Map<string, StaffGuard>();
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(operations)) {
      const named = `${method.toUpperCase()} ${path.replace(/\{\*\}/g, '*').replace(/\{(\w+)\}/g, ':$1')}`;
      // A plugin's root route ('/api/admin/sync' with its prefix) is written with a trailing slash in the document.
      const route = !accessOf(named) && named.endsWith('/') ? named.slice(0, -1) : named;
      all.push(route);
      const secured = operation.security?.some((s) => 'staffSession' in s) ?? false;
      expect(secured, `${route}: security and x-staff go together`).toBe(operation['x-staff'] !== undefined);
      if (operation['x-staff']) staff.set(route, operation['x-staff']);
    }
  return { all, staff };
}

/** Who fits each action (on a server whose place is the city, the default), and who is of the right role but scoped elsewhere. */
const FITS: Record<StaffGuard['action'], { role: 'admin' | 'operator' | 'analyst' | 'teacher'; scope: Scope }> = {
  'signed-in': { role: 'teacher', scope: { kind: 'school', id: '2122010201' } },
  accounts: { role: 'admin', scope: { kind: 'city' } },
  administer: { role: 'admin', scope: { kind: 'city' } },
  operate: { role: 'operator', scope: { kind: 'city' } },
  statistics: { role: 'analyst', scope: { kind: 'city' } },
  classes: { role: 'teacher', scope: { kind: 'school', id: '2122010201' } },
};

describe('staff routes, from the OpenAPI document', () => {
  it('every operation the document lists is in the table; its staff operations are exactly the staff routes', async () => {
    const { app, routes } = await build('kiosk');
    const { all, staff } = await staffOperations(app);
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((r) => !accessOf(r)), 'operations with no entry in ROUTES').toEqual([]);
    expect([...staff.keys()].filter((r) => accessOf(r) !== 'staff'), 'secured in the document, not staff in the table').toEqual([]);
    // And no staff route is missing from the document (HEAD routes are their GET's).
    const staffRoutes = routes.filter((r) => accessOf(r) === 'staff' && !r.startsWith('HEAD '));
    expect(staffRoutes.filter((r) => !staff.has(r)), 'staff routes the document does not mark').toEqual([]);
    expect(staff.get('GET /api/stats/summary')).toEqual({ action: 'statistics' });
    // The report filters by the caller's scope itself.
    expect(staff.get('GET /api/stats/report')).toEqual({ action: 'statistics', target: 'route' });
  });

  it('each staff operation refuses anonymous callers (401) and the wrong role or scope (403), changing nothing; the right one passes', async () => {
    const { app } = await build('kiosk');
    await setPasswordDirectly(app);
    const dataDir = env!.config.dataDir;
    const { staff } = await staffOperations(app);
    const teacher = await loginAs(app, 'teacher', { kind: 'school', id: '2122010201' }, 'sweep-teacher');
    // The right role, scoped to a place this server (the city by default) does not lie within.
    const elsewhere = {
      operate: await loginAs(app, 'operator', { kind: 'park', id: 'ruyi-xi' }, 'sweep-park-operator'),
      statistics: await loginAs(app, 'analyst', { kind: 'district', id: '220102' }, 'sweep-district-analyst'),
      administer: await loginAs(app, 'admin', { kind: 'district', id: '220102' }, 'sweep-district-admin'),
    } as Partial<Record<StaffGuard['action'], { authorization: string }>>;
    const fit = new Map<string, { authorization: string }>();
    for (const [action, who] of Object.entries(FITS))
      fit.set(action, who.role === 'admin' && who.scope.kind === 'city' ? await login(app) : await loginAs(app, who.role, who.scope, `sweep-fit-${action}`));

    const call = (route: string, headers: Record<string, string> = {}) => {
      const [method, url] = route.split(' ') as [string, string];
      const writes = method === 'POST' || method === 'PUT' || method === 'PATCH';
      return app.inject({
        method: method as 'GET',
        url: concrete(url),
        remoteAddress: '10.99.0.1',
        headers: { ...headers, ...(writes ? { 'content-type': 'application/json' } : {}) },
        ...(writes ? { payload: '{}' } : {}),
      });
    };
    const checked: string[] = [];
    for (const [route, guard] of staff) {
      const before = fingerprint(app, dataDir);
      const anonymous = await call(route);
      expect(anonymous.statusCode, `${route} anonymous → ${anonymous.body}`).toBe(401);
      if (guard.action !== 'signed-in' && guard.action !== 'classes') {
        const res = await call(route, teacher);
        expect(res.statusCode, `${route} as a teacher → ${res.body}`).toBe(403);
        expect(res.json().details?.[0]?.code, route).toBe('staff.role');
      }
      const scoped = guard.target === 'route' ? undefined : elsewhere[guard.action];
      if (scoped) {
        const res = await call(route, scoped);
        expect(res.statusCode, `${route} scoped elsewhere → ${res.body}`).toBe(403);
        expect(res.json().details?.[0]?.code, route).toBe('staff.scope');
      }
      expect(fingerprint(app, dataDir), `${route}: a refused call changed something on disk`).toBe(before);
      checked.push(route);
    }
    // The fitting caller is let through (whatever the route then says of an empty body); logging out last.
    for (const [route, guard] of [...staff].sort(([a], [b]) => Number(a === 'DELETE /api/admin/session') - Number(b === 'DELETE /api/admin/session'))) {
      const res = await call(route, fit.get(guard.action)!);
      expect([401, 403], `${route} as a fitting ${FITS[guard.action].role} → ${res.statusCode} ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
    }
    expect(checked.length).toBeGreaterThan(20);
  }, 60_000);
});
