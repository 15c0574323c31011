// A preview session: the real kiosk-server, in this process, on the editor's content folder and a throwaway data folder
// (preview plays never mix with a park's statistics), reloading the content after each save.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '@ruyi/kiosk-server';
import { loadConfig } from '@ruyi/kiosk-server/src/config.ts';
import { buildKioskApp, DEFAULT_APP_DIR } from './build-app.ts';
import { reportReload } from './report.ts';
import { watchContent, type ContentWatcher } from './watch.ts';

export interface PreviewOptions {
  packId: string;
  contentDir: string;
  port: number;
  /** The environment the server's config is read from (HOST, RUYI_LOG_LEVEL, …); defaults to process.env. */
  env?: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** How to print a content file's path (relative to where the command runs, so a terminal can jump to it). */
  shownPath?: (file: string) => string;
  /** The language of the reload reports; English when absent. */
  lang?: 'zh-CN' | 'en';
}

export interface PreviewSession {
  app: App;
  /** The first scenario of the pack, in preview mode. */
  url: string;
  /** Reads the content again and prints the result (the watcher calls this after each save). */
  reload(): void;
  stop(): Promise<void>;
}

export class PreviewError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'PreviewError';
  }
}

/** The pack folders under <contentDir>/packs. */
export function packIdsIn(contentDir: string): string[] {
  const packsDir = join(contentDir, 'packs');
  if (!existsSync(packsDir)) return [];
  return readdirSync(packsDir)
    .filter((name) => statSync(join(packsDir, name)).isDirectory())
    .sort();
}

/** The first scenario: from the manifest when the pack is valid, else the first scenario file, so a broken pack still opens. */
function firstScenarioId(app: App, contentDir: string, packId: string): string | undefined {
  const pack = app.content.current().packs.find((p) => p.id === packId);
  if (pack) return pack.scenarios[0]?.id;
  const dir = join(contentDir, 'packs', packId, 'scenarios');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()[0]
    ?.replace(/\.yaml$/, '');
}

export async function startPreview(options: PreviewOptions): Promise<PreviewSession> {
  const { packId, contentDir, out, err } = options;
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory())
    throw new PreviewError(`there is no content folder at ${contentDir}`, 2);
  const ids = packIdsIn(contentDir);
  if (!ids.includes(packId))
    throw new PreviewError(
      `there is no pack '${packId}' in ${join(contentDir, 'packs')}. ${ids.length ? `Packs there: ${ids.join(', ')}` : 'There are no packs there.'}`,
      2,
    );

  const env = options.env ?? process.env;
  const dataDir = mkdtempSync(join(tmpdir(), 'ruyi-preview-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  let app: App | undefined;
  try {
    const config = loadConfig({
      ...env,
      RUYI_CONTENT_DIR: contentDir,
      PORT: String(options.port),
      RUYI_DATA_DIR: dataDir,
      // The server's own log would repeat every content problem as JSON: the preview prints them itself.
      RUYI_LOG_LEVEL: env.RUYI_LOG_LEVEL || 'error',
    });
    if (!existsSync(join(config.appDir, 'index.html'))) {
      if (config.appDir !== DEFAULT_APP_DIR) throw new PreviewError(`there is no built kiosk app in ${config.appDir} (RUYI_APP_DIR)`, 1);
      out('The kiosk app is not built yet: building it once (vite build)…');
      if ((await buildKioskApp()) !== 0 || !existsSync(join(config.appDir, 'index.html')))
        throw new PreviewError('building the kiosk app failed (see above); try `npx vite build` at the repository root', 1);
    }

    app = await buildApp(config);
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PreviewError(
        code === 'EADDRINUSE' ? `port ${config.port} is in use: pass another one with --port <n>` : `cannot listen on ${config.host}:${config.port}: ${String(error)}`,
        1,
      );
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const scenarioId = firstScenarioId(app, contentDir, packId);
    const url = `http://${host}:${port}/play/${encodeURIComponent(packId)}/${encodeURIComponent(scenarioId ?? '')}?preview=1`;

    const running = app;
    const print = () => {
      const report = reportReload(running.content.current(), packId, new Date(), options.shownPath, options.lang);
      for (const line of report.lines) (report.ok ? out : err)(line);
    };
    const reload = () => {
      try {
        running.content.reload();
      } catch (error) {
        err(`reading the content failed: ${String(error)}`);
        return;
      }
      print();
    };
    let watcher: ContentWatcher | undefined;
    try {
      watcher = watchContent(contentDir, reload, { onError: (e) => err(`watching ${contentDir} stopped: ${e.message}`) });
    } catch (error) {
      err(`cannot watch ${contentDir} (${String(error)}): restart the preview to see changes`);
    }
    // "Save a file" only once a save will be seen: a save before the watcher's first scan ends is never reported.
    await watcher?.ready;

    out(`Previewing ${packId} from ${contentDir}`);
    out(`  ${url}`);
    out('Save a file to see it on screen; Ctrl-C stops the preview.');
    print();

    let stopping: Promise<void> | undefined;
    return {
      app: running,
      url,
      reload,
      stop() {
        stopping ??= (async () => {
          watcher?.close();
          try {
            await running.close();
          } finally {
            removeData();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    removeData();
    throw error;
  }
}
