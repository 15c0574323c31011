// The server's settings, read from the environment once at start and validated, so a typo in a kiosk's service file
// stops the server with a message naming the variable instead of surfacing later as odd behaviour on the park floor.
// Nothing here looks at NODE_ENV: tests pass their own values instead.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The repository root (this file is kiosk-server/src/config.ts). */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** kiosk: a park's own server (kiosk app, device statements, forwarding); hub: the city's, receiving from kiosk-servers. */
export const MODES = ['kiosk', 'hub'] as const;

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
  RUYI_SYNC_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of an xAPI endpoint, e.g. https://hub.example/xapi/' }).optional(),
  RUYI_SYNC_KEY: z.string().min(1).optional(),
  RUYI_SYNC_SECRET: z.string().min(1).optional(),
  RUYI_SYNC_BATCH: integer(1, 1000).default(200),
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
  xapi: {
    /** Where Ruyi's activity IRIs start (the same for every park, so the city can add them up). Ends with '/'. */
    base: string;
    /** The park's IRI: the homePage of every visitor's anonymous account. */
    parkIri: string;
    /** Requests per minute per xAPI client (per address for requests without credentials). */
    rateLimit: number;
  };
  /** Where this server forwards its statements (a hub or any xAPI LRS); null: it keeps them. */
  sync: SyncConfig | null;
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
      return `  ${name}: ${issue.message} (got '${present[name] ?? ''}')`;
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
    xapi: { base: e.RUYI_XAPI_BASE, parkIri: e.RUYI_PARK_IRI, rateLimit: e.RUYI_XAPI_RATE_LIMIT },
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
