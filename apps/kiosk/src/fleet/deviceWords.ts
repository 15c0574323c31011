// A device's (or a park server's) state in words for staff, in their language: the kind of device and its screen, the
// area by name and the scenario by title (never ids), when it was last heard from (offline after two minutes), what
// waits and what the server refused. Pure: the words come from `t` (i18next), numbers and times from Intl.
import type { FleetDevice, FleetServer } from '@ruyi/api-contract';
import { localize, type LocalizedText } from '@ruyi/pack-schema';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the names come from: the server's content (areas and packs), as /api/content gives it. */
export interface ContentNames {
  park?: { areas: readonly { id: string; name: LocalizedText }[] } | null;
  packs: readonly { id: string; version: string; area: string; scenarios: readonly { id: string; title: LocalizedText }[] }[];
}

export interface WordsContext {
  t: Translate;
  locale: string;
  /** The server's clock, ms. */
  now: number;
  offlineAfterMs: number;
  content: ContentNames | null;
}

export interface Described {
  offline: boolean;
  /** Shown joined by " · ". */
  parts: string[];
}

/** "1 分钟前" / "1 minute ago", in the largest unit that fits; "现在" / "now" under 10 seconds. */
export function ago(iso: string, now: number, locale: string): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 10) return format.format(0, 'second');
  if (seconds < 60) return format.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

const number = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);

function areaName(areaId: string, ctx: WordsContext): string {
  const area = ctx.content?.park?.areas.find((a) => a.id === areaId);
  return area ? localize(area.name, ctx.locale) : areaId;
}

/** The server's packs as `id@version`, to tell whether a device shows the content in force. */
export const contentList = (content: ContentNames | null) => (content ? content.packs.map((p) => `${p.id}@${p.version}`).sort() : []);

/** Why the server refused, by its kind in the staff's language; the server's own words (English) follow as detail. */
function refusalWords(latest: FleetDevice['heartbeat']['refused']['latest'], t: Translate): string {
  if (!latest) return '';
  // A device of an older version sends no kind: its reason as it came.
  return latest.code ? t(`fleet.refusedKind.${latest.code}`, { detail: latest.message }) : latest.message;
}

export function describeDevice(device: FleetDevice, ctx: WordsContext): Described {
  const { t, locale } = ctx;
  const hb = device.heartbeat;
  const offline = ctx.now - Date.parse(device.receivedAt) > ctx.offlineAfterMs;
  const parts: string[] = [];
  // A revoked device still reports (its token binds it to its row): by its name, marked revoked.
  parts.push(device.label === null ? t('fleet.unenrolled') : device.revokedAt ? t('fleet.revokedDevice', { label: device.label }) : device.label);
  parts.push(`${t(`fleet.surface.${hb.surface}`)} ${t('fleet.screen', { width: hb.screen.width, height: hb.screen.height })}`);
  const pack = hb.playing ? ctx.content?.packs.find((p) => p.id === hb.playing!.packId) : undefined;
  if (hb.playing) {
    if (pack) parts.push(areaName(pack.area, ctx));
    const scenario = pack?.scenarios.find((s) => s.id === hb.playing!.scenarioId);
    parts.push(t('fleet.playing', { title: scenario ? localize(scenario.title, locale) : hb.playing.scenarioId }));
  } else parts.push(t(`fleet.view.${hb.view}`));
  const when = ago(device.receivedAt, ctx.now, locale);
  parts.push(offline ? t('fleet.offline', { when }) : t('fleet.online', { when }));
  parts.push(hb.pending > 0 ? t('fleet.pending', { count: hb.pending, n: number(hb.pending, locale) }) : t('fleet.nothingPending'));
  if (hb.refused.count > 0)
    parts.push(t('fleet.refused', { count: hb.refused.count, n: number(hb.refused.count, locale), reason: refusalWords(hb.refused.latest, t) }));
  if (hb.lastError) parts.push(t('fleet.lastError', { when: ago(hb.lastError.at, ctx.now, locale), message: hb.lastError.message }));
  const served = contentList(ctx.content);
  const same = served.length > 0 && served.join('\n') === [...hb.content].sort().join('\n');
  parts.push(`${t('fleet.version', { version: hb.appVersion })}, ${t(same ? 'fleet.contentCurrent' : 'fleet.contentStale')}`);
  return { offline, parts };
}

export function describeServer(server: FleetServer, ctx: WordsContext): Described {
  const { t, locale } = ctx;
  const hb = server.heartbeat;
  const offline = ctx.now - Date.parse(server.receivedAt) > ctx.offlineAfterMs;
  const when = ago(server.receivedAt, ctx.now, locale);
  const parts = [
    server.client,
    offline ? t('fleet.offline', { when }) : t('fleet.online', { when }),
    t('fleet.server.devices', { count: hb.devices, n: number(hb.devices, locale), offline: number(hb.devicesOffline, locale) }),
    hb.backlog > 0 ? t('fleet.server.backlog', { count: hb.backlog, n: number(hb.backlog, locale) }) : t('fleet.server.caughtUp'),
    hb.lastSyncAt ? t('fleet.server.lastSync', { when: ago(hb.lastSyncAt, ctx.now, locale) }) : t('fleet.server.neverSynced'),
  ];
  if (hb.lastSyncError) parts.push(t('fleet.server.syncError', { when: ago(hb.lastSyncError.at, ctx.now, locale), message: hb.lastSyncError.message }));
  parts.push(t('fleet.version', { version: hb.appVersion }));
  return { offline, parts };
}
