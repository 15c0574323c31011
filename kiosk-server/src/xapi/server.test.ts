// The LRS over a real socket (HEAD and keep-alive as an HTTP client sees them), and its place in the OpenAPI document.
import { request as httpRequest, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startLrs, statement, type Lrs } from './test-lrs.ts';

let lrs: Lrs | undefined;
afterEach(async () => {
  await lrs?.env.cleanup();
  lrs = undefined;
});

function call(port: number, agent: Agent, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('over a listening socket', () => {
  it('answers HEAD with the GET headers and no body, and keeps the connection for the next request', async () => {
    lrs = await startLrs();
    await lrs.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (lrs.app.server.address() as { port: number }).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { authorization: lrs.auth.hub, 'x-experience-api-version': '1.0.3' };
    const post = await call(port, agent, 'POST', '/xapi/statements', { ...headers, 'content-type': 'application/json' }, JSON.stringify(statement()));
    expect(post.status).toBe(200);
    const [id] = JSON.parse(post.body) as string[];

    const get = await call(port, agent, 'GET', `/xapi/statements?statementId=${id}`, headers);
    const head = await call(port, agent, 'HEAD', `/xapi/statements?statementId=${id}`, headers);
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['x-experience-api-version']).toBe('1.0.3');
    expect(head.headers['last-modified']).toBe(get.headers['last-modified']);
    // The same socket served all three, and serves another after HEAD.
    expect((await call(port, agent, 'GET', '/xapi/about', {})).status).toBe(200);
    expect(Object.values(agent.sockets).flat().length + Object.values(agent.freeSockets).flat().length).toBe(1);
    agent.destroy();
  });
});

describe('OpenAPI', () => {
  it('lists the xAPI routes with their query parameters', async () => {
    lrs = await startLrs();
    const doc = (await lrs.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/xapi/statements']).sort()).toEqual(['get', 'post', 'put']);
    expect(Object.keys(doc.paths['/xapi/about'])).toEqual(['get']);
    const names = (doc.paths['/xapi/statements'].get.parameters as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['statementId', 'agent', 'verb', 'activity', 'since', 'until', 'limit', 'format', 'more']));
  });
});
