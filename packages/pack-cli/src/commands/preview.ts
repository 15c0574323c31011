// npm run pack -- preview <id> [--content <dir>] [--port <n>] [--no-open]
// Serves the kiosk app on a content folder and shows the pack's first scenario; every save is read again, checked and
// pushed to the open screens (GET /api/content/events). Ctrl-C stops it.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../preview/build-app.ts';
import { openBrowser } from '../preview/open-browser.ts';
import { PreviewError, startPreview } from '../preview/session.ts';

export const DEFAULT_PORT = 8088;

const USAGE = `usage: npm run pack -- preview <pack-id> [--content <dir>] [--port <n>] [--no-open]

Serves the kiosk app on a content folder, opens the pack's first scenario in preview mode and shows every saved change
(or the validator's messages) within a second.
  --content <dir>  the content folder (park.yaml and packs/); default: content/ of this repository
  --port <n>       the port to serve on; default ${DEFAULT_PORT} (0: any free port)
  --no-open        do not open a browser; just print the address
Exit code: 0 stopped with Ctrl-C, 1 the server could not start, 2 usage error or no such pack.`;

/** How the command talks; the same shape as the pack CLI's CliIo, so main.ts may pass its own. */
export interface PreviewIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the command was typed: a relative --content starts here, and shown paths are relative to it. */
  cwd: string;
  /** The language of the reload reports (the pack command's --lang or the system locale). */
  lang?: 'zh-CN' | 'en';
}

const defaultIo = (): PreviewIo => ({
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // npm runs scripts from the repository root; INIT_CWD is where the editor typed the command.
  cwd: process.env.INIT_CWD || process.cwd(),
});

/** Runs until Ctrl-C (SIGINT) or SIGTERM; resolves with the exit code once everything is closed. */
export async function preview(args: string[], io: PreviewIo = defaultIo()): Promise<number> {
  const { out, err, cwd } = io;

  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { content: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    err(`preview: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    err(`preview: expected one pack id, got ${positionals.length}\n\n${USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    err(`preview: --port must be a whole number from 0 to 65535 (got '${values.port}')`);
    return 2;
  }
  const contentDir = values.content === undefined ? join(REPO_ROOT, 'content') : resolve(cwd, values.content);
  const shownPath = (file: string) => {
    const path = relative(cwd, join(contentDir, file));
    return (path.startsWith('..') || isAbsolute(path) ? join(contentDir, file) : path).split('\\').join('/');
  };

  let session;
  try {
    session = await startPreview({ packId: positionals[0]!, contentDir, port, out, err, shownPath, lang: io.lang });
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error;
    err(`preview: ${error.message}`);
    return error.exitCode;
  }
  if (!values['no-open'] && existsSync(contentDir)) openBrowser(session.url);

  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A second Ctrl-C while closing falls to Node's default and ends the process at once.
      out(`\n${signal}: stopping the preview…`);
      session.stop().then(
        () => done(0),
        (error: unknown) => {
          err(`preview: did not stop cleanly: ${String(error)}`);
          done(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
