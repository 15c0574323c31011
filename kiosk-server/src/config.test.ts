import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DEFAULT_FLOOR } from './floor/defaults.ts';

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
      RUYI_EVENT_STREAMS_PER_ADDRESS: '4',
      RUYI_EVENT_STREAMS_TOTAL: '300',
      RUYI_MAX_CONNECTIONS: '2000',
      RUYI_REQUEST_TIMEOUT_SECONDS: '45',
      RUYI_ENROLLMENT: 'open',
      RUYI_ENROLLMENT_EXEMPT: '127.0.0.1,192.168.10.0/24',
      RUYI_DEVICE_STATEMENTS_PER_MINUTE: '500',
      RUYI_DEVICE_BYTES_PER_MINUTE: '2097152',
      RUYI_DEVICE_STATEMENT_BYTES: '8192',
      RUYI_XAPI_STATEMENTS_PER_MINUTE: '100000',
      RUYI_XAPI_BYTES_PER_MINUTE: '268435456',
      RUYI_XAPI_STATEMENT_BYTES: '32768',
      RUYI_DISK_FLOOR_MB: '2048',
      RUYI_DB_CHECK_MINUTES: '15',
      RUYI_DB_START_CHECK_MB: '2048',
      RUYI_RETENTION_DAYS: '90',
      RUYI_RETENTION_WITHOUT_SYNC: 'delete',
      RUYI_DISTRICT: '220102',
      RUYI_UTC_OFFSET_MINUTES: '420',
      RUYI_STATS_SECONDS: '5',
      RUYI_TRUST_PROXY: '127.0.0.1',
      RUYI_DATABASE_URL: 'postgres://ruyi:secret@db.example:5432/ruyi',
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
      data: { checkMinutes: 15, startCheckMaxBytes: 2048 * 1024 * 1024, retentionDays: 90, retentionWithoutSync: 'delete' },
      statistics: { district: '220102', utcOffsetMinutes: 420, intervalMs: 5000 },
      xapi: { base: 'https://safety.example.gov.cn/xapi/', parkIri: 'https://safety.example.gov.cn/parks/ruyi-creek', rateLimit: 600 },
      devices: { enrollment: 'open', exempt: ['127.0.0.1', '192.168.10.0/24'] },
      floor: {
        device: { statementsPerMinute: 500, bytesPerMinute: 2 * 1024 * 1024, statementBytes: 8192 },
        xapi: { statementsPerMinute: 100_000, bytesPerMinute: 256 * 1024 * 1024, statementBytes: 32_768 },
        diskFloorBytes: 2048 * 1024 * 1024,
      },
      fleet: { maxDevices: 500, heartbeatsPerMinute: 30, reportSeconds: 60 },
      connections: { streamsPerAddress: 4, streamsTotal: 300, maxConnections: 2000, requestTimeoutMs: 45_000 },
      sync: { url: 'https://lrs.example.org/xapi/', key: 'park-1', secret: 's3cret', batchSize: 100 },
      trustProxy: ['127.0.0.1'],
      databaseUrl: 'postgres://ruyi:secret@db.example:5432/ruyi',
    });
    expect(loadConfig({}).connections).toEqual({ streamsPerAddress: 8, streamsTotal: 1000, maxConnections: null, requestTimeoutMs: 120_000 });
  });

  it('has write budgets and a disk floor by default (src/floor/defaults.ts)', () => {
    expect(loadConfig({}).floor).toEqual(DEFAULT_FLOOR);
  });

  it('keeps statements and checks the database hourly by default; refuses an unknown retention choice', () => {
    expect(loadConfig({}).data).toEqual({ checkMinutes: 60, startCheckMaxBytes: 512 * 1024 * 1024, retentionDays: 0, retentionWithoutSync: 'keep' });
    expect(() => loadConfig({ RUYI_RETENTION_WITHOUT_SYNC: 'purge' })).toThrow(/RUYI_RETENTION_WITHOUT_SYNC: must be one of keep, delete/);
  });

  it('counts China\'s calendar days, with no district, every 2 s by default; refuses a district code with other characters', () => {
    expect(loadConfig({}).statistics).toEqual({ district: null, utcOffsetMinutes: 480, intervalMs: 2000 });
    expect(() => loadConfig({ RUYI_DISTRICT: '朝阳区' })).toThrow(/RUYI_DISTRICT: must be a district's 6-digit administrative division code/);
    expect(() => loadConfig({ RUYI_UTC_OFFSET_MINUTES: '900' })).toThrow(/RUYI_UTC_OFFSET_MINUTES/);
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
    ['RUYI_EVENT_STREAMS_PER_ADDRESS', '0'],
    ['RUYI_EVENT_STREAMS_TOTAL', 'many'],
    ['RUYI_MAX_CONNECTIONS', '0'],
    ['RUYI_REQUEST_TIMEOUT_SECONDS', '0'],
    ['RUYI_LOG_LEVEL', 'loud'],
    ['RUYI_DEVICE_STATEMENTS_PER_MINUTE', '0'],
    ['RUYI_DEVICE_STATEMENT_BYTES', '512'],
    ['RUYI_XAPI_BYTES_PER_MINUTE', '1e9'],
    ['RUYI_DISK_FLOOR_MB', '-1'],
  ])('rejects %s=%s with an error naming the variable and the value', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*\\(got '${value.replace('.', '\\.')}'\\)`));
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', RUYI_IDLE_SECONDS: '1' })).toThrow(/PORT:[\s\S]*RUYI_IDLE_SECONDS:/);
  });
});
