// Validates a content folder (the park and every pack) and exits non-zero on any problem, so CI and editors share one check.
//   node --import tsx packages/pack-schema/src/cli.ts [contentDir]      (npm run validate-packs -- [contentDir])
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatError } from './load.ts';
import { readContent } from './node.ts';

/** `content/` at the repository root. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

const USAGE = `usage: validate-packs [contentDir]

Checks park.yaml and every pack under <contentDir>/packs/ and prints each problem as file:line:column path: message.
contentDir defaults to ${relative(process.cwd(), DEFAULT_CONTENT_DIR) || '.'}.
Exit code: 0 all valid, 1 some content has errors, 2 usage error.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Runs the validator; returns the exit code. Kept free of `process` so tests can call it directly. */
export function runCli(args: readonly string[], io: CliIo): number {
  const positional: string[] = [];
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (arg.startsWith('-') && arg !== '-') {
      io.err(`validate-packs: unknown option '${arg}'\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    positional.push(arg);
  }
  if (positional.length > 1) {
    io.err(`validate-packs: expected at most one content folder, got ${positional.length}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const contentDir = positional[0] === undefined ? DEFAULT_CONTENT_DIR : resolve(io.cwd, positional[0]);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    io.err(`validate-packs: there is no content folder at ${contentDir}`);
    return EXIT_USAGE;
  }

  const content = readContent(contentDir);
  // Paths relative to where the command was run (absolute when outside it), so a terminal or editor can jump to the line.
  const shown = (file: string) => {
    const path = relative(io.cwd, join(contentDir, file));
    return (path.startsWith('..') || isAbsolute(path) ? join(contentDir, file) : path).split('\\').join('/');
  };
  for (const problem of content.problems)
    for (const error of problem.errors) io.err(formatError({ ...error, file: shown(error.file) }));

  const broken = content.problems.filter((p) => p.dir !== '.').length;
  const parkBroken = content.problems.some((p) => p.dir === '.');
  const summary = `${plural(content.packs.length, 'pack', 'packs')} valid, ${broken} with errors${parkBroken ? '; park.yaml has errors' : ''}`;
  if (content.problems.length) {
    io.err(summary);
    return EXIT_INVALID;
  }
  io.out(summary);
  return EXIT_OK;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  });
}
