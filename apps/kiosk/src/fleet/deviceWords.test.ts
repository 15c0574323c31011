import { REFUSAL_KINDS, type FleetDevice, type FleetServer } from '@ruyi/api-contract';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { ago, describeDevice, describeServer, type ContentNames, type WordsContext } from './deviceWords.ts';

const i18n = i18next.createInstance();
void i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false });

const NOW = Date.parse('2026-06-01T10:00:00.000Z');
const content: ContentNames = {
  park: { areas: [{ id: 'fire', name: { 'zh-CN': '消防安全', en: 'Fire safety' } }] },
  packs: [{ id: 'fire-dehui-2013', version: '1.1.0', area: 'fire', scenarios: [{ id: 'dehui', title: { 'zh-CN': '德惠火灾', en: 'The Dehui fire' } }] }],
};

function ctx(locale: 'zh-CN' | 'en', over: Partial<WordsContext> = {}): WordsContext {
  const fixed = i18n.getFixedT(locale);
  return { t: (key, options) => fixed(key, options), locale, now: NOW, offlineAfterMs: 120_000, content, ...over };
}

function device(over: Partial<FleetDevice['heartbeat']> = {}, receivedAt = '2026-06-01T09:59:00.000Z'): FleetDevice {
  return {
    deviceId: '7c1d7c1e-0000-4000-8000-000000000001',
    binding: 'enrolled',
    label: '东门 1 号机',
    revokedAt: null,
    address: '192.168.10.21',
    receivedAt,
    heartbeat: {
      deviceId: '7c1d7c1e-0000-4000-8000-000000000001',
      surface: 'kiosk',
      screen: { width: 1080, height: 1920 },
      view: 'play',
      playing: { packId: 'fire-dehui-2013', scenarioId: 'dehui' },
      appVersion: '0.1.0',
      content: ['fire-dehui-2013@1.1.0'],
      pending: 3,
      refused: { count: 1, latest: { message: 'HTTP 400: unknown scenario', at: '2026-06-01T09:58:00.000Z' } },
      lastError: null,
      sentAt: '2026-06-01T09:59:00.000Z',
      ...over,
    },
  };
}

describe('a device in words', () => {
  it('in Chinese: area and scenario by name, age, waiting and refused', () => {
    const d = describeDevice(device(), ctx('zh-CN'));
    expect(d.offline).toBe(false);
    expect(d.parts.join(' · ')).toBe(
      '东门 1 号机 · 触摸屏 1080×1920 · 消防安全 · 正在玩：德惠火灾 · 1分钟前在线 · 3 条待发送 · 服务器拒收 1 条：HTTP 400: unknown scenario · 应用 0.1.0，内容与服务器一致'.replace('，', ', '),
    );
  });

  it('in English, with plurals and a number formatted for the language', () => {
    const d = describeDevice(device({ pending: 1234, refused: { count: 2, latest: { message: 'bad', at: '2026-06-01T09:58:00.000Z' } } }), ctx('en'));
    expect(d.parts).toEqual([
      '东门 1 号机',
      'Touch kiosk 1080×1920',
      'Fire safety',
      'playing: The Dehui fire',
      'online, heard 1 minute ago',
      '1,234 statements waiting to be sent',
      'the server refused 2 statements, the latest: bad',
      'app 0.1.0, content as on the server',
    ]);
  });

  it('says offline after two minutes without a heartbeat, and what the screen showed', () => {
    const d = describeDevice(device({ playing: null, view: 'map', pending: 0, refused: { count: 0, latest: null }, surface: 'vr' }, '2026-06-01T09:55:00.000Z'), ctx('en'));
    expect(d.offline).toBe(true);
    expect(d.parts.slice(1, 5)).toEqual(['VR station 1080×1920', 'park map', 'offline, last heard 5 minutes ago', 'nothing waiting']);
    const zh = describeDevice(device({ playing: null, view: 'attract' }, '2026-06-01T09:57:59.000Z'), ctx('zh-CN'));
    expect(zh.offline).toBe(true);
    expect(zh.parts).toContain('离线，最后在线：2分钟前');
    expect(zh.parts).toContain('待机画面');
  });

  it('names an unenrolled device, an error, and content that differs from the server’s', () => {
    const d = describeDevice({ ...device({ content: ['fire-dehui-2013@1.0.0'], lastError: { message: 'TypeError: x is undefined', at: '2026-06-01T09:59:30.000Z' } }), label: null }, ctx('en'));
    expect(d.parts[0]).toBe('Device not enrolled');
    expect(d.parts).toContain('last error (30 seconds ago): TypeError: x is undefined');
    expect(d.parts.at(-1)).toBe("app 0.1.0, content differs from the server's");
  });

  it('names a revoked device as revoked, in both languages', () => {
    const revoked = { ...device(), revokedAt: '2026-06-01T09:00:00.000Z' };
    expect(describeDevice(revoked, ctx('en')).parts[0]).toBe('东门 1 号机 (revoked: its statements are refused)');
    expect(describeDevice(revoked, ctx('zh-CN')).parts[0]).toBe('东门 1 号机（已撤销：服务器拒收它的记录）');
  });

  it('says why the server refused, by its kind, in the staff language', () => {
    const refused = { count: 2, latest: { message: "HTTP 400: object.id: no scenario 'x'", at: '2026-06-01T09:58:00.000Z', code: 'invalid' as const } };
    expect(describeDevice(device({ refused }), ctx('zh-CN')).parts).toContain("服务器拒收 2 条：记录未通过服务器的检查（HTTP 400: object.id: no scenario 'x'）");
    expect(describeDevice(device({ refused }), ctx('en')).parts).toContain("the server refused 2 statements, the latest: it did not pass the server's checks (HTTP 400: object.id: no scenario 'x')");
    const conflict = { count: 1, latest: { message: 'HTTP 409: x', at: '2026-06-01T09:58:00.000Z', code: 'conflict' as const } };
    expect(describeDevice(device({ refused: conflict }), ctx('zh-CN')).parts).toContain('服务器拒收 1 条：服务器已存有同一编号但内容不同的记录（HTTP 409: x）');
  });

  it('has both languages for every kind of refusal', () => {
    for (const code of REFUSAL_KINDS) {
      const latest = { message: 'HTTP 400: x', at: '2026-06-01T09:58:00.000Z', code };
      for (const locale of ['zh-CN', 'en'] as const) expect(describeDevice(device({ refused: { count: 1, latest } }), ctx(locale)).parts.join(), `${locale} ${code}`).not.toContain('refusedKind');
    }
  });

  it('falls back to the ids when the server no longer has the pack', () => {
    const d = describeDevice(device({ playing: { packId: 'gone', scenarioId: 'old-one' } }), ctx('zh-CN'));
    expect(d.parts[2]).toBe('正在玩：old-one');
  });
});

describe('a park server in words', () => {
  const server: FleetServer = {
    client: 'park-east',
    address: '10.0.0.5',
    receivedAt: '2026-06-01T09:59:55.000Z',
    heartbeat: {
      serverId: 'https://ruyi.example/parks/east',
      appVersion: '0.1.0',
      content: [],
      backlog: 12,
      lastSyncAt: '2026-06-01T09:30:00.000Z',
      lastSyncError: { message: 'connect ECONNREFUSED', at: '2026-06-01T09:59:00.000Z' },
      devices: 8,
      devicesOffline: 1,
      sentAt: '2026-06-01T09:59:50.000Z',
    },
  };
  it('in both languages', () => {
    expect(describeServer(server, ctx('en')).parts).toEqual([
      'park-east',
      'online, heard now',
      '8 devices, 1 offline',
      '12 statements not yet forwarded',
      'last sync 30 minutes ago',
      'sync error (1 minute ago): connect ECONNREFUSED',
      'app 0.1.0',
    ]);
    expect(describeServer(server, ctx('zh-CN')).parts.slice(1, 5)).toEqual(['现在在线', '8 台设备，1 台离线', '12 条尚未转发', '上次同步：30分钟前']);
  });
});

describe('ago', () => {
  it('uses the language’s own words', () => {
    expect(ago('2026-06-01T07:00:00.000Z', NOW, 'zh-CN')).toBe('3小时前');
    expect(ago('2026-05-29T10:00:00.000Z', NOW, 'en')).toBe('3 days ago');
  });
});
