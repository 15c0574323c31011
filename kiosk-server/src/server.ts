// Starts the kiosk server: `npm run serve` (node --import tsx kiosk-server/src/server.ts). Everything else is in app.ts.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DatabaseUnusable } from './database/damage.ts';
import { postgresUnusable } from './storage/unusable.ts';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// A database that cannot be used (damaged, not a database, unreadable) is the operator's to fix, not a crash: a plain
// message naming the file and the restore steps, no stack trace, exit 1 (a service manager shows it as a failure).
// So is a PostgreSQL (RUYI_DATABASE_URL) that cannot be reached or refuses the connection at start.
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (error) {
  const message = error instanceof DatabaseUnusable ? error.message : config.databaseUrl ? postgresUnusable(config.databaseUrl, error) : null;
  if (message === null) throw error;
  console.error(message);
  process.exit(1);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing (finishing requests in flight, closing the database)`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'failed to close cleanly');
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  app.log.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
  await app.close();
  process.exit(1);
}

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
// On PostgreSQL the data folder still holds installed packs, but the statements are in the database: name both.
const database = app.storage.dialect === 'postgres' ? `, database: ${app.storage.location}` : '';
console.log(`Ruyi kiosk server: http://${shownHost}:${port}/  (data: ${config.dataDir}${database}, content: ${config.contentDir})`);
