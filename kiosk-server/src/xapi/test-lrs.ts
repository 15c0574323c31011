// Test helpers for the LRS: a real app on temp folders, clients made through the registry, requests with xAPI headers.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Response } from 'light-my-request';
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { basicAuthorization } from '../sync/http-transport.ts';
import { createTestEnv, type TestEnv, type TestEnvOptions } from '../test-support/test-app.ts';
import type { Role } from './clients.ts';

export interface Lrs {
  env: TestEnv;
  app: App;
  /** Authorization header values by role. */
  auth: Record<Role, string>;
  request(options: { method?: string; url: string; payload?: unknown; headers?: Record<string, string>; as?: Role | null }): Promise<Response>;
}

export const basic = basicAuthorization;

export async function startLrs(config: Partial<Config> = {}, options: Pick<TestEnvOptions, 'postgres'> = {}): Promise<Lrs> {
  const env = createTestEnv({ config, ...options });
  const app = await env.start();
  const auth = Object.fromEntries(
    await Promise.all(
      (['kiosk', 'hub', 'reader'] as const).map(async (role) => {
        const c = await app.clients.add(`test-${role}`, role);
        return [role, basic(c.key, c.secret)];
      }),
    ),
  ) as Record<Role, string>;
  return {
    env,
    app,
    auth,
    request({ method = 'GET', url, payload, headers = {}, as = 'hub' }) {
      const all: Record<string, string> = { 'x-experience-api-version': '1.0.3', ...headers };
      if (as) all.authorization = auth[as];
      const body = payload === undefined ? undefined : typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
      if (body !== undefined && !Object.keys(all).some((h) => h.toLowerCase() === 'content-type')) all['content-type'] = 'application/json';
      return app.inject({ method: method as 'GET', url, payload: body as string, headers: all });
    },
  };
}

/** An answer read off a real socket. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any;
}

/**
 * One request over a real socket, the headers exactly as given plus Content-Length for a body (as superagent and
 * request send it; Node's client sends a GET body without one).
 */
export function rawRequest(url: URL, method: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const all = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method, headers: all }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        done({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * An LRS listening on a free port for the whole test file (as the ADL suite meets one): hands the LRS and its
 * http://127.0.0.1:<port> to `ready` before the tests run, and cleans up after them.
 */
export function listeningLrs(ready: (lrs: Lrs, base: string) => void): void {
  let lrs: Lrs | undefined;
  beforeAll(async () => {
    lrs = await startLrs();
    await lrs.app.listen({ port: 0, host: '127.0.0.1' });
    ready(lrs, `http://127.0.0.1:${(lrs.app.server.address() as { port: number }).port}`);
  });
  afterAll(async () => {
    await lrs?.env.cleanup();
  });
}

let counter = 0;
/** A valid statement from another tool (not Ruyi's), distinct each call. */
export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    actor: { objectType: 'Agent', mbox: `mailto:learner${counter}@example.com`, name: `Learner ${counter}` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `http://example.com/activities/${counter}`, definition: { name: { 'en-US': `Activity ${counter}` } } },
    ...overrides,
  };
}

export const uuid = () => randomUUID();
