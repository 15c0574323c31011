// `npm run admin -- set-password`: sets the password of the first admin account (`admin`, role admin, scope city;
// made, or enabled again, if needed), in the database of RUYI_DATA_DIR (the same variable the server reads). The new password comes from standard input: typed twice,
// unseen, at a terminal; one line when piped (`printf '%s\n' "$PW" | npm run admin -- set-password`).
// Only a scrypt hash is stored. The running server uses it at the next login; no restart is needed.
// `account add|list|disable|enable|passwd` manages staff accounts (admin/account-cli.ts).
// `client add|list|revoke` manages the xAPI clients of /xapi/statements (xapi/client-cli.ts).
// `integrity-check`, `backup <file>` (database/cli.ts) and `erase` (privacy/cli.ts) look after the database.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { accountCommand, ACCOUNT_USAGE } from './admin/account-cli.ts';
import { openCliStorage, storageWhere } from './admin/cli-storage.ts';
import { credentialStoreFor } from './admin/credentials.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem } from './admin/password.ts';
import { ConfigError, loadConfig } from './config.ts';
import { backupCommand, DATABASE_USAGE, integrityCheckCommand, moveCommand } from './database/cli.ts';
import { eraseCommand, ERASE_USAGE } from './privacy/cli.ts';
import { SEED_USAGE } from './database/seed-usage.ts';
import { postgresUnusable } from './storage/unusable.ts';
import { clientCommand, CLIENT_USAGE } from './xapi/client-cli.ts';

const USAGE = `Usage: npm run admin -- set-password
       npm run admin -- account add|list|disable|enable|passwd ...
       npm run admin -- client add|list|revoke ...
       npm run admin -- integrity-check | backup <file> | move-to-postgres <postgres-url>
       npm run admin -- erase --registration <uuid> | --agent <agent> [--yes]
       npm run admin -- seed --visits <n> | --statements <n> [--seed <n>] [--from <date> --to <date>] [--append] [--no-rollup]

  set-password: reads a new admin password (at least ${MIN_PASSWORD_LENGTH} characters) from standard input and stores
  its hash in RUYI_DATA_DIR/ruyi.sqlite (or RUYI_DATABASE_URL's PostgreSQL) as the password of the account 'admin'
  (role admin, scope city: made, or enabled again, if needed). At a terminal it asks twice; piped, it reads one line.

${ACCOUNT_USAGE}

${CLIENT_USAGE}

${DATABASE_USAGE}

${ERASE_USAGE}

${SEED_USAGE}`;

/** Reads one line at a terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function readPipedLine(): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return null;
}

async function readNewPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden(`New admin password (at least ${MIN_PASSWORD_LENGTH} characters): `);
    const problem = passwordProblem(first);
    if (problem) throw new Error(problem);
    const second = await askHidden('Type it again: ');
    if (first !== second) throw new Error('the two passwords differ; nothing was changed');
    return first;
  }
  const line = await readPipedLine();
  if (line === null) throw new Error('no password on standard input; nothing was changed');
  const problem = passwordProblem(line);
  if (problem) throw new Error(problem);
  return line;
}

async function setPassword(): Promise<void> {
  const config = loadConfig(process.env);
  const password = await readNewPassword();
  const credential = await hashPassword(password);
  const storage = await openCliStorage(config);
  try {
    await credentialStoreFor(storage).write(credential);
  } finally {
    await storage.close();
  }
  console.log(`The admin password is set (${storageWhere(storage, config)}). Log in at /admin as 'admin'.`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'set-password' && rest.length === 0) await setPassword();
  else if (command === 'account') process.exitCode = await accountCommand(rest, loadConfig(process.env), USAGE, readNewPassword);
  else if (command === 'client') process.exitCode = await clientCommand(rest, loadConfig(process.env), USAGE);
  else if (command === 'integrity-check' && rest.length === 0) process.exitCode = integrityCheckCommand(loadConfig(process.env));
  else if (command === 'backup') process.exitCode = await backupCommand(rest, loadConfig(process.env), USAGE);
  else if (command === 'move-to-postgres') process.exitCode = await moveCommand(rest, loadConfig(process.env), USAGE);
  else if (command === 'erase') process.exitCode = await eraseCommand(rest, loadConfig(process.env), USAGE);
  // The generator and the stores load only for this command.
  else if (command === 'seed') process.exitCode = await (await import('./database/seed.ts')).seedCommand(rest, loadConfig(process.env), USAGE);
  else if (command === undefined || command === 'help' || command === '--help') console.log(USAGE);
  else {
    console.error(`Unknown command '${[command, ...rest].join(' ')}'.\n\n${USAGE}`);
    process.exitCode = 2;
  }
} catch (error) {
  const databaseUrl = process.env.RUYI_DATABASE_URL;
  const unusable = databaseUrl ? postgresUnusable(databaseUrl, error, 'run the command again') : null;
  if (unusable) console.error(`admin: ${unusable}`);
  else console.error(error instanceof ConfigError || error instanceof Error ? `admin: ${error.message}` : error);
  process.exitCode = 1;
}
