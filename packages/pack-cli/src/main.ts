// The pack command for editors and CI:  npm run pack -- <command> [options]   (node --import tsx packages/pack-cli/src/main.ts)
// Each command is a module under commands/, loaded only when it runs.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.ts';
import { takeLang, textsFor, type CliLang } from './texts.ts';

export { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  new: { summary: 'create a pack from the template: new <id> --area <area>', load: async () => (await import('./commands/new.ts')).newPack },
  validate: { summary: 'check packs and print each problem with its file and line', load: async () => (await import('./commands/validate.ts')).validate },
  list: { summary: 'list the valid packs, their scenarios and steps', load: async () => (await import('./commands/list.ts')).list },
  build: { summary: 'build .ruyipack.tgz archives for a park', load: async () => (await import('./commands/build.ts')).build },
  // preview talks to the terminal itself (it serves until Ctrl-C), so it takes only its arguments.
  preview: { summary: 'show a pack on the kiosk app, live as you edit it', load: async () => (await import('./commands/preview.ts')).preview },
};

/** The command list, in `lang`. */
export const usage = (lang?: CliLang) =>
  textsFor(lang).usage(
    Object.keys(COMMANDS)
      .map((name) => `  ${name.padEnd(9)} ${textsFor(lang).commandSummary[name] ?? COMMANDS[name]!.summary}`)
      .join('\n'),
  );
export const USAGE = usage('en');

/**
 * Runs `pack <args>`; returns the exit code. Free of `process`, so tests run it in-process. `--lang zh-CN|en` anywhere
 * in the arguments sets the language (else io.lang; English when neither says).
 */
export async function runCli(allArgs: readonly string[], io: CliIo): Promise<number> {
  const { lang: argLang, rest: args, bad } = takeLang(allArgs, {});
  if (bad !== undefined) {
    io.err(`${textsFor(io.lang).badLang(bad)}\n\n${usage(io.lang)}`);
    return EXIT_USAGE;
  }
  if (allArgs.length !== args.length) io = { ...io, lang: argLang };
  const USAGE = usage(io.lang);
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0] && COMMANDS[rest[0]]) return runCli([rest[0], '--help'], io);
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`${textsFor(io.lang).unknownCommand(name)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  return (await command.load())(rest, io);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    // npm runs scripts from the repository root; INIT_CWD is the folder the command was typed in.
    cwd: process.env.INIT_CWD || process.cwd(),
    lang: takeLang([], process.env).lang,
  });
}
