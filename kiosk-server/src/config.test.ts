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
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', RUYI_IDLE_SECONDS: ' ' })).toMatchObject({ port: 8080, idleSeconds: 90 });
  });

  it.each([
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
