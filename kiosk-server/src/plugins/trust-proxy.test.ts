// Behind a reverse proxy every connection comes from the proxy. RUYI_TRUST_PROXY names the proxies whose
// X-Forwarded-For gives the real address; anyone else's header is ignored, so a client cannot claim an exempt address.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

const PROXY = '10.0.0.5';

async function me(trustProxy: string[], from: string, forwardedFor?: string) {
  env = createTestEnv({ config: { trustProxy, devices: { enrollment: 'required', exempt: [PROXY, '10.9.0.0/16'] } } });
  const app = await env.start();
  const res = await app.inject({ method: 'GET', url: '/api/devices/me', remoteAddress: from, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return res.statusCode;
}

describe('RUYI_TRUST_PROXY', () => {
  it('behind a trusted proxy, the forwarded address decides: a visitor outside the exempt range must enroll', async () => {
    expect(await me([PROXY], PROXY, '192.168.7.20')).toBe(401);
    expect(await me([PROXY], PROXY, '10.9.3.4')).toBe(200);
  });

  it('a header from an address that is not a trusted proxy changes nothing', async () => {
    expect(await me([], PROXY, '192.168.7.20')).toBe(200);
    expect(await me([PROXY], '192.168.7.20', '10.9.3.4')).toBe(401);
  });

  it('reads addresses and ranges, none by default, and names a bad entry', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ RUYI_TRUST_PROXY: 'none' }).trustProxy).toEqual([]);
    expect(loadConfig({ RUYI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => loadConfig({ RUYI_TRUST_PROXY: 'proxy.local' })).toThrow(ConfigError);
    expect(() => loadConfig({ RUYI_TRUST_PROXY: 'proxy.local' })).toThrow(/RUYI_TRUST_PROXY: 'proxy.local'/);
  });
});
