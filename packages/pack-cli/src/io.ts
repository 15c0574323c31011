// What every command shares: how it talks (CliIo, so tests run commands in-process), exit codes, argument parsing
// with plain-worded errors, and how paths are shown (relative to where the command was typed).
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatError, type PackError } from '@ruyi/pack-schema';
import { problemText, textsFor, type CliLang } from './texts.ts';

/** `content/` at the repository root. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

export const EXIT_OK = 0;
/** Some content has errors, or a command could not do its work. */
export const EXIT_INVALID = 1;
/** The command line was wrong: unknown command or option, missing argument, no such folder or pack. */
export const EXIT_USAGE = 2;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the command was typed: relative paths start here, and shown paths are relative to it. */
  cwd: string;
  /** The time written into archives as builtAt; defaults to now. */
  now?: () => Date;
  /** The language messages are written in (`--lang`, else the system locale); English when absent. */
  lang?: CliLang;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** A usage error: exit code 2, the message, and the command's usage unless `usage` is false (the syntax was fine). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage = true,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with `--help` built in and its errors reworded as UsageErrors. */
export function parse<O extends Options>(args: string[], options: O, lang?: CliLang) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(textsFor(lang).unknownOption(unknown[1]!));
    const missing = /Option '([^']+)' argument missing/.exec(message) ?? /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing) throw new UsageError(textsFor(lang).needsValue(missing[1]!));
    throw new UsageError(message);
  }
}

/** Runs a command body, turning a UsageError into its message, the usage and exit code 2. */
export async function withUsage(name: string, usage: string, io: CliIo, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(error.usage ? `pack ${name}: ${error.message}\n\n${usage}` : `pack ${name}: ${error.message}`);
    return EXIT_USAGE;
  }
}

/** `path` relative to where the command was typed, or absolute when it is outside that folder; always with `/`. */
export function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.').split('\\').join('/');
}

/** A file path the loader reports relative to `root`, shown relative to where the command was typed. */
export const shownIn = (io: CliIo, root: string) => (file: string) => shown(io, join(root, file));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The content folder a command works on: `--content <dir>`, or this repository's content/ folder. */
export function contentDirOption(value: string | undefined, io: CliIo): string {
  const dir = value === undefined ? DEFAULT_CONTENT_DIR : resolve(io.cwd, value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(textsFor(io.lang).noContentFolder(shown(io, dir)), false);
  return dir;
}

/** `file:line:column path: message`, the message in the command's language. */
export const formatProblem = (io: CliIo, e: PackError) => formatError({ ...e, message: problemText(e, io.lang) });

/** A warning as formatProblem writes it, marked as one. */
export const formatWarningIn = (io: CliIo, e: PackError) => formatError({ ...e, message: `${textsFor(io.lang).warning} ${problemText(e, io.lang)}` });
