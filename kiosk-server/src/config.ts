// The server's settings, read from the environment once at start and validated, so a typo in a kiosk's service file
// stops the server with a message naming the variable instead of surfacing later as odd behaviour on the park floor.
// Nothing here looks at NODE_ENV: tests pass their own values instead.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_FLOOR, MIB, type FloorConfig } from './floor/defaults.ts';
import { exemptEntryProblem } from './devices/exempt.ts';
import { DEFAULT_EXEMPT, ENROLLMENT_MODES, type DeviceSettings } from './devices/settings.ts';
import { DEFAULT_FLEET, type FleetSettings } from './fleet/settings.ts';
import { isPostgresUrl, redactDatabaseUrl } from './storage/url.ts';

/** The repository root (this file is kiosk-server/src/config.ts). */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** kiosk: a park's own server (kiosk app, device statements, forwarding); hub: the city's, receiving from kiosk-servers. */
export const MODES = ['kiosk', 'hub'] as const;
/** What retention does on a server with no sync target: keep everything (default), or delete old statements anyway. */
export const RETENTION_WITHOUT_SYNC = ['keep', 'delete'] as const;

function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));
}

const path = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((p) => resolve(p));

const iri = (fallback: string) => z.url({ protocol: /^https?$/, error: 'must be an http(s) IRI' }).default(fallback);

const EnvSchema = z.object({
  PORT: integer(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  RUYI_DATA_DIR: path('./data'),
  RUYI_CONTENT_DIR: path(resolve(REPO_ROOT, 'content')),
  RUYI_APP_DIR: path(resolve(REPO_ROOT, 'apps/kiosk/dist')),
  RUYI_IDLE_SECONDS: integer(10, 3600).default(90),
  RUYI_IDLE_COUNTDOWN_SECONDS: integer(3, 60).default(10),
  RUYI_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  RUYI_MODE: z.enum(MODES, { error: `must be one of ${MODES.join(', ')}` }).default('kiosk'),
  RUYI_XAPI_BASE: iri('https://ruyi.localhost/xapi/').refine((v) => v.endsWith('/'), { error: 'must end with /' }),
  RUYI_PARK_IRI: iri('https://ruyi.localhost/parks/local'),
  RUYI_XAPI_RATE_LIMIT: integer(1, 1_000_000).default(1200),
  RUYI_ENROLLMENT: z.enum(ENROLLMENT_MODES, { error: `must be one of ${ENROLLMENT_MODES.join(', ')}` }).default('required'),
  // 'none', not an empty value, turns the exemption off: an empty variable counts as unset, i.e. the default.
  RUYI_ENROLLMENT_EXEMPT: z
    .string()
    .default(DEFAULT_EXEMPT.join(','))
    .transform((v) => (v.trim().toLowerCase() === 'none' ? [] : v.split(',').map((s) => s.trim()).filter(Boolean)))
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = exemptEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; or 'none'` });
      }
    }),
  RUYI_SYNC_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of an xAPI endpoint, e.g. https://hub.example/xapi/' }).optional(),
  RUYI_SYNC_KEY: z.string().min(1).optional(),
  RUYI_SYNC_SECRET: z.string().min(1).optional(),
  RUYI_SYNC_BATCH: integer(1, 1000).default(200),
  RUYI_DB_CHECK_MINUTES: integer(0, 10080).default(60),
  RUYI_DB_START_CHECK_MB: integer(0, 16 * 1024 * 1024).default(512),
  RUYI_RETENTION_DAYS: integer(0, 36500).default(0),
  RUYI_RETENTION_WITHOUT_SYNC: z.enum(RETENTION_WITHOUT_SYNC, { error: `must be one of ${RETENTION_WITHOUT_SYNC.join(', ')}` }).default('keep'),
  RUYI_DEVICE_STATEMENTS_PER_MINUTE: integer(1, 100_000_000).default(DEFAULT_FLOOR.device.statementsPerMinute),
  RUYI_DEVICE_BYTES_PER_MINUTE: integer(1024, 2 ** 40).default(DEFAULT_FLOOR.device.bytesPerMinute),
  RUYI_DEVICE_STATEMENT_BYTES: integer(1024, 2 ** 30).default(DEFAULT_FLOOR.device.statementBytes),
  RUYI_XAPI_STATEMENTS_PER_MINUTE: integer(1, 100_000_000).default(DEFAULT_FLOOR.xapi.statementsPerMinute),
  RUYI_XAPI_BYTES_PER_MINUTE: integer(1024, 2 ** 40).default(DEFAULT_FLOOR.xapi.bytesPerMinute),
  RUYI_XAPI_STATEMENT_BYTES: integer(1024, 2 ** 30).default(DEFAULT_FLOOR.xapi.statementBytes),
  RUYI_DISK_FLOOR_MB: integer(0, 100_000_000).default(DEFAULT_FLOOR.diskFloorBytes / MIB),
  RUYI_EVENT_STREAMS_PER_ADDRESS: integer(1, 100_000).default(8),
  RUYI_EVENT_STREAMS_TOTAL: integer(1, 100_000).default(1000),
  RUYI_MAX_CONNECTIONS: integer(1, 1_000_000).optional(),
  RUYI_REQUEST_TIMEOUT_SECONDS: integer(1, 3600).default(120),
  RUYI_FLEET_MAX_DEVICES: integer(1, 100_000).default(DEFAULT_FLEET.maxDevices),
  RUYI_FLEET_HEARTBEATS_PER_MINUTE: integer(1, 100_000).default(DEFAULT_FLEET.heartbeatsPerMinute),
  RUYI_FLEET_REPORT_SECONDS: integer(0, 86_400).default(DEFAULT_FLEET.reportSeconds),
  // 'none' (the default): no proxy is believed; every request's address is the connection's.
  RUYI_TRUST_PROXY: z
    .string()
    .default('none')
    .transform((v) => (v.trim().toLowerCase() === 'none' ? [] : v.split(',').map((s) => s.trim()).filter(Boolean)))
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = exemptEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; or 'none'` });
      }
    }),
  RUYI_DISTRICT: z.string().regex(/^\d{6}$/, { error: 'must be a district\'s 6-digit administrative division code, e.g. 220102' }).optional(),
  RUYI_UTC_OFFSET_MINUTES: integer(-720, 840).default(480),
  RUYI_STATS_SECONDS: integer(1, 3600).default(2),
  RUYI_DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, { error: 'must be a PostgreSQL URL, e.g. postgres://ruyi:secret@db.example:5432/ruyi' })
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Where ruyi.sqlite lives; created if missing. */
  dataDir: string;
  /** The content folder: park.yaml and packs/. */
  contentDir: string;
  /** The built kiosk app (`npm run build` writes it). */
  appDir: string;
  idleSeconds: number;
  idleCountdownSeconds: number;
  logLevel: (typeof LOG_LEVELS)[number];
  mode: (typeof MODES)[number];
  /** Background database checks and statement retention (plugins/db-health.ts, privacy/); absent (tests): neither. */
  data?: DataCare;
  xapi: {
    /** Where Ruyi's activity IRIs start (the same for every park, so the city can add them up). Ends with '/'. */
    base: string;
    /** The park's IRI: the homePage of every visitor's anonymous account. */
    parkIri: string;
    /** Requests per minute per authenticated xAPI client (failed authentications are limited per address apart). */
    rateLimit: number;
  };
  /** Where this server forwards its statements (a hub or any xAPI LRS); null: it keeps them. */
  sync: SyncConfig | null;
  /** Which devices may post statements (src/devices/); absent (tests): enrollment required, loopback exempt. */
  devices?: DeviceSettings;
  /** Per-client write budgets and the disk floor for statement writes (src/floor/); absent (tests): DEFAULT_FLOOR. */
  floor?: FloorConfig;
  /** Device heartbeats and the report to the hub (src/fleet/); absent (tests): DEFAULT_FLEET, without the report. */
  fleet?: FleetSettings;
  /** Statistics kept as statements arrive (src/statistics/); absent (tests): rolled up only when a test asks. */
  statistics?: StatisticsSettings;
  /** A PostgreSQL database instead of the SQLite file (src/storage/); absent: the file. */
  databaseUrl?: string;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed: behind them a request's address is
   * the visitor's, for enrollment exemptions and per-address limits. Absent or empty: none.
   */
  trustProxy?: string[];
  connections: {
    /** Open content event streams (GET /api/content/events) allowed from one address, and in all. */
    streamsPerAddress: number;
    streamsTotal: number;
    /** Connections held at once; null: from the process's file-descriptor limit (see plugins/connections.ts). */
    maxConnections: number | null;
    /** A request (headers and body) must arrive whole within this; a stream, once accepted, is not cut. */
    requestTimeoutMs: number;
  };
}

export interface StatisticsSettings {
  /** This park's district code, counted with its statements; null: none. */
  district: string | null;
  /** The park's offset from UTC: statistics count the park's calendar days. */
  utcOffsetMinutes: number;
  /** How often the statements stored since are rolled up. */
  intervalMs: number;
}

export interface DataCare {
  /** Minutes between background `PRAGMA quick_check` runs; 0: none. */
  checkMinutes: number;
  /**
   * A SQLite file up to this size is checked whole before the server listens; a bigger one right after, in the
   * background (a check reads every page: minutes for tens of gigabytes).
   */
  startCheckMaxBytes?: number;
  /** Statements stored more than this many days ago are deleted once forwarded; 0: keep them. */
  retentionDays: number;
  /** With no sync target: 'keep' (nothing is deleted) or 'delete' (delete old statements unforwarded). */
  retentionWithoutSync: (typeof RETENTION_WITHOUT_SYNC)[number];
}

export interface SyncConfig {
  /** The xAPI endpoint, ending with '/': statements go to `${url}statements`. */
  url: string;
  key: string;
  secret: string;
  batchSize: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Builds the config from an environment (normally `process.env`). Relative paths resolve against the working
 * directory. An empty variable counts as unset. Throws ConfigError naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const got = name === 'RUYI_DATABASE_URL' ? redactDatabaseUrl(present[name] ?? '') : (present[name] ?? '');
      return `  ${name}: ${issue.message} (got '${got}')`;
    });
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const missing = e.RUYI_SYNC_URL ? (['RUYI_SYNC_KEY', 'RUYI_SYNC_SECRET'] as const).filter((name) => !e[name]) : [];
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration in the environment:\n${missing.map((name) => `  ${name}: must be set when RUYI_SYNC_URL is (the credentials this server sends with)`).join('\n')}`,
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.RUYI_DATA_DIR,
    contentDir: e.RUYI_CONTENT_DIR,
    appDir: e.RUYI_APP_DIR,
    idleSeconds: e.RUYI_IDLE_SECONDS,
    idleCountdownSeconds: e.RUYI_IDLE_COUNTDOWN_SECONDS,
    logLevel: e.RUYI_LOG_LEVEL,
    mode: e.RUYI_MODE,
    data: { checkMinutes: e.RUYI_DB_CHECK_MINUTES, startCheckMaxBytes: e.RUYI_DB_START_CHECK_MB * MIB, retentionDays: e.RUYI_RETENTION_DAYS, retentionWithoutSync: e.RUYI_RETENTION_WITHOUT_SYNC },
    statistics: { district: e.RUYI_DISTRICT ?? null, utcOffsetMinutes: e.RUYI_UTC_OFFSET_MINUTES, intervalMs: e.RUYI_STATS_SECONDS * 1000 },
    xapi: { base: e.RUYI_XAPI_BASE, parkIri: e.RUYI_PARK_IRI, rateLimit: e.RUYI_XAPI_RATE_LIMIT },
    devices: { enrollment: e.RUYI_ENROLLMENT, exempt: e.RUYI_ENROLLMENT_EXEMPT },
    floor: {
      device: { statementsPerMinute: e.RUYI_DEVICE_STATEMENTS_PER_MINUTE, bytesPerMinute: e.RUYI_DEVICE_BYTES_PER_MINUTE, statementBytes: e.RUYI_DEVICE_STATEMENT_BYTES },
      xapi: { statementsPerMinute: e.RUYI_XAPI_STATEMENTS_PER_MINUTE, bytesPerMinute: e.RUYI_XAPI_BYTES_PER_MINUTE, statementBytes: e.RUYI_XAPI_STATEMENT_BYTES },
      diskFloorBytes: e.RUYI_DISK_FLOOR_MB * MIB,
    },
    fleet: { maxDevices: e.RUYI_FLEET_MAX_DEVICES, heartbeatsPerMinute: e.RUYI_FLEET_HEARTBEATS_PER_MINUTE, reportSeconds: e.RUYI_FLEET_REPORT_SECONDS },
    databaseUrl: e.RUYI_DATABASE_URL,
    trustProxy: e.RUYI_TRUST_PROXY,
    connections: {
      streamsPerAddress: e.RUYI_EVENT_STREAMS_PER_ADDRESS,
      streamsTotal: e.RUYI_EVENT_STREAMS_TOTAL,
      maxConnections: e.RUYI_MAX_CONNECTIONS ?? null,
      requestTimeoutMs: e.RUYI_REQUEST_TIMEOUT_SECONDS * 1000,
    },
    sync: e.RUYI_SYNC_URL
      ? {
          url: e.RUYI_SYNC_URL.endsWith('/') ? e.RUYI_SYNC_URL : `${e.RUYI_SYNC_URL}/`,
          key: e.RUYI_SYNC_KEY!,
          secret: e.RUYI_SYNC_SECRET!,
          batchSize: e.RUYI_SYNC_BATCH,
        }
      : null,
  };
}
