// `npm run admin -- erase --registration <uuid> | --agent <agent> [--yes]`: deletes a visit's or a person's statements
// from this server's database for good. Safe while the server runs (one write transaction; the server waits for it).
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { existsSync } from 'node:fs';
import { openCliStorage } from '../admin/cli-storage.ts';
import { DB_FILE } from '../plugins/db.ts';
import type { EraseTarget } from './erase.ts';

export const ERASE_USAGE = `  erase --registration <uuid> [--yes]: deletes for good (not voiding) every statement of that visit
  (context.registration, the visit id), and the statements that refer to them, its xAPI documents, class seat records
  and certificates, from RUYI_DATA_DIR/ruyi.sqlite (or RUYI_DATABASE_URL's PostgreSQL).
  erase --agent <agent> [--yes]: the same for every statement naming that agent: its JSON, a mailto: address, or a key
  such as account:<homePage>|<name>. Asks for confirmation unless --yes. Erases on THIS server only: a hub or LRS that
  already received the statements keeps them; run the same command there.`;

// The statement code (xapi/store.ts) loads only for this command: every other admin command starts as fast as before.
const eraseModule = () => import('./erase.ts');
const storeModule = () => import('./store.ts');

async function parseArgs(args: string[]): Promise<{ target: EraseTarget; yes: boolean } | { problem: string }> {
  const { parseAgent, parseRegistration } = await eraseModule();
  let target: EraseTarget | null = null;
  let yes = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--yes' || arg === '-y') yes = true;
    else if (arg === '--registration' || arg === '--agent') {
      const value = args[++i];
      if (value === undefined) return { problem: `${arg} needs a value` };
      if (target) return { problem: 'give one of --registration or --agent, once' };
      const parsed = arg === '--registration' ? parseRegistration(value) : parseAgent(value);
      if (!parsed.ok) return { problem: parsed.message };
      target = 'registration' in parsed ? { registration: parsed.registration } : { agentKey: parsed.key };
    } else return { problem: `unknown argument '${arg}'` };
  }
  return target ? { target, yes } : { problem: 'say what to erase: --registration <uuid> or --agent <agent>' };
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      rl.once('close', () => resolve(''));
    });
    return /^(y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function eraseCommand(args: string[], config: Config, usage: string): Promise<number> {
  const parsed = await parseArgs(args);
  const { createStatementDeletion } = await storeModule();
  if ('problem' in parsed) {
    console.error(`erase: ${parsed.problem}.\n\n${usage}`);
    return 2;
  }
  const { target, yes } = parsed;
  const what = 'registration' in target ? `visit ${target.registration}` : `agent ${target.agentKey}`;
  const syncTarget = config.sync?.url ?? null;
  const file = join(config.dataDir, DB_FILE);
  // An erasure never creates a database: a wrong RUYI_DATA_DIR must not look like "nothing to erase".
  if (!config.databaseUrl && !existsSync(file)) throw new Error(`there is no database at ${file} (is RUYI_DATA_DIR right?)`);
  // Migrated as the server would (the erasure bookkeeping must be there even if the server has not started since the
  // update); the SQLite file is opened with secure_delete on, as the server opens it.
  const storage = await openCliStorage(config);
  const where = storage.location;
  try {
    const store = createStatementDeletion(storage);
    const plan = await store.planErase(target, syncTarget);
    if (plan.seqs.length === 0 && plan.documents === 0 && plan.classVisits === 0 && plan.certificates === 0) {
      console.log(`Nothing to erase: no statement, document, class seat or certificate of ${what} in ${where}.`);
      return 0;
    }
    const documents = (n: number) => (n ? ` and ${n} xAPI documents` : '');
    const classRows = (r: { classVisits: number; certificates: number }) =>
      (r.classVisits ? `, ${r.classVisits} class seat records` : '') + (r.certificates ? `, ${r.certificates} certificates` : '');
    if (!yes && !(await confirm(`Erase ${plan.seqs.length} statements${documents(plan.documents)}${classRows(plan)} of ${what} from ${where} for good? [y/N] `))) {
      console.log('Nothing was erased.');
      return 1;
    }
    const result = await store.erase(target, syncTarget);
    // SQLite: push the overwritten pages into the file and empty the write-ahead log, which still holds the old page
    // images. PostgreSQL frees the rows' space at its next vacuum (autovacuum); the server's own files are its care.
    const [checkpoint] = storage.sqlite ? (storage.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]) : [];
    const attachments = result.attachments ? `, ${result.attachments} attachments` : '';
    const records = result.records ? `, ${result.records} older records` : '';
    console.log(`Erased ${result.statements} statements${documents(result.documents)} of ${what}${attachments}${records}${classRows(result)} from ${where} (${storage.sqlite ? 'overwritten' : 'deleted'}, not voided).`);
    if (checkpoint?.busy) console.log('The server was reading at that moment: the old bytes leave its write-ahead log at its next checkpoint.');
    console.log(
      syncTarget === null
        ? 'This server forwards to no hub (RUYI_SYNC_URL is not set). Copies elsewhere (backups, an LRS that read them) are not touched.'
        : `This erases them on this server only. ${result.forwarded} of them had already been forwarded to ${syncTarget}: erase them there too (on a Ruyi hub: the same command), and in any backup.`,
    );
    return 0;
  } finally {
    await storage.close();
  }
}
