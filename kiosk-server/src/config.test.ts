import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', idleSeconds: 90, idleCountdownSeconds: 10, logLevel: 'info' });
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.contentDir).toBe(resolve(import.meta.dirname, '../../content'));
    expect(config.appDir).toBe(resolve(import.meta.dirname, '../../apps/kiosk/dist'));
  });

  it('reads every variable, resolving paths', () => {
    const config = loadConfig({
      PORT: '18080',
      HOST: '0.0.0.0',
      RUYI_DATA_DIR: 'var/ruyi',
      RUYI_CONTENT_DIR: '/srv/content',
      RUYI_APP_DIR: '/srv/app',
      RUYI_IDLE_SECONDS: '120',
      RUYI_IDLE_COUNTDOWN_SECONDS: '15',
      RUYI_LOG_LEVEL: 'warn',
      RUYI_MODE: 'hub',
      RUYI_XAPI_BASE: 'https://safety.example.gov.cn/xapi/',
      RUYI_PARK_IRI: 'https://safety.example.gov.cn/parks/ruyi-creek',
      RUYI_XAPI_RATE_LIMIT: '600',
      RUYI_SYNC_URL: 'https://lrs.example.org/xapi',
      RUYI_SYNC_KEY: 'park-1',
      RUYI_SYNC_SECRET: 's3cret',
      RUYI_SYNC_BATCH: '100',
    });
    expect(config).toEqual({
      port: 18080,
      host: '0.0.0.0',
      dataDir: resolve('var/ruyi'),
      contentDir: '/srv/content',
      appDir: '/srv/app',
      idleSeconds: 120,
      idleCountdownSeconds: 15,
      logLevel: 'warn',
      mode: 'hub',
      xapi: { base: 'https://safety.example.gov.cn/xapi/', parkIri: 'https://safety.example.gov.cn/parks/ruyi-creek', rateLimit: 600 },
      sync: { url: 'https://lrs.example.org/xapi/', key: 'park-1', secret: 's3cret', batchSize: 100 },
    });
  });

  it('forwards nowhere unless RUYI_SYNC_URL is set, and then needs both credentials', () => {
    expect(loadConfig({}).sync).toBeNull();
    expect(() => loadConfig({ RUYI_SYNC_URL: 'https://hub.example/xapi/', RUYI_SYNC_KEY: 'k' })).toThrow(/RUYI_SYNC_SECRET: must be set when RUYI_SYNC_URL is/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', RUYI_IDLE_SECONDS: ' ' })).toMatchObject({ port: 8080, idleSeconds: 90 });
  });

  it.each([
    ['RUYI_MODE', 'city'],
    ['RUYI_XAPI_BASE', 'https://x.example/xapi'],
    ['RUYI_PARK_IRI', 'not an iri'],
    ['RUYI_SYNC_URL', 'ftp://hub.example/'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['RUYI_IDLE_SECONDS', '5'],
    ['RUYI_IDLE_SECONDS', '3601'],
    ['RUYI_IDLE_COUNTDOWN_SECONDS', '2'],
    ['RUYI_IDLE_COUNTDOWN_SECONDS', '61'],
    ['RUYI_LOG_LEVEL', 'loud'],
  ])('rejects %s=%s with an error naming the variable and the value', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*\\(got '${value.replace('.', '\\.')}'\\)`));
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', RUYI_IDLE_SECONDS: '1' })).toThrow(/PORT:[\s\S]*RUYI_IDLE_SECONDS:/);
  });
});
