// Packs installed while the park runs, kept in the data folder next to the database:
//
//   <dataDir>/packs/.staging/                 uploads being written; emptied at every start
//   <dataDir>/packs/<id>/state.json           { current, history, installed }, replaced atomically
//   <dataDir>/packs/<id>/<version>-<digest8>/ one pack folder per version: pack.yaml, scenarios/, assets/
//
// A version folder is complete before it appears (written and fsynced in .staging, then renamed into place), and it
// only goes live when state.json names it; so a crash at any point leaves the previous version live, and whatever was
// half-done is cleaned at the next start (recover()). Changes are serialized: one install, rollback or removal at a time.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { refusal } from '../refusal.ts';
import { fsyncDir, writeFileAtomic, writeTreeSynced } from './durable.ts';
import { checkArchive, type InstalledVersion, type PackError } from './pack-format.ts';

export const PACKS_DIR = 'packs';
export const STAGING_DIR = '.staging';
export const STATE_FILE = 'state.json';
/** Previous versions kept for rollback; older folders are deleted. */
export const KEEP_PREVIOUS = 3;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY = /^\d+\.\d+\.\d+-[0-9a-f]{8}$/;

const VersionInfo = z.object({ version: z.string(), digest: z.string(), installedAt: z.string() });
export type VersionInfo = z.infer<typeof VersionInfo>;

export const PackState = z.object({
  /** The version folder in force. */
  current: z.string().regex(KEY),
  /** Versions that were current before, oldest first: rollback makes the last one current again. */
  history: z.array(z.string().regex(KEY)),
  /** What each kept folder holds. */
  installed: z.record(z.string(), VersionInfo).default({}),
});
export type PackState = z.infer<typeof PackState>;

/** An upload whose archive or pack is invalid; `errors` are the validator's messages. */
export class PackRejected extends ApiError {
  constructor(found: PackError[]) {
    // Errors first: they are why the pack was refused; warnings (which alone would not) follow.
    const errors = [...found.filter((e) => e.severity !== 'warning'), ...found.filter((e) => e.severity === 'warning')];
    super(
      400,
      `the pack was not installed: ${errors.filter((e) => e.severity !== 'warning').length} error(s): ${errors
        .filter((e) => e.severity !== 'warning')
        .slice(0, 3)
        .map((e) => `${e.line ? `${e.file}:${e.line}` : e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`)
        .join('; ')}${errors.length > 3 ? ' …' : ''}`,
      errors.map((e) => ({
        file: e.file,
        ...(e.line ? { line: e.line } : {}),
        ...(e.column ? { column: e.column } : {}),
        path: e.path,
        message: e.message,
        // The validator's code and params, so the admin page shows each problem in the staff's language.
        ...(e.code ? { code: e.code, params: e.params ?? {} } : {}),
        ...(e.severity === 'warning' ? { severity: 'warning' as const } : {}),
      })),
    );
    this.errors = errors;
  }

  readonly errors: PackError[];
}

export interface InstalledPack {
  id: string;
  current: { key: string } & VersionInfo;
  /** Newest first. */
  previous: ({ key: string } & VersionInfo)[];
}

export interface InstallResult {
  /** installed: a new version is live; reactivated: a kept older version is live again; unchanged: it already was. */
  status: 'installed' | 'reactivated' | 'unchanged';
  id: string;
  version: string;
  key: string;
}

export class PackStore {
  readonly root: string;
  readonly staging: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly contentDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.root = join(dataDir, PACKS_DIR);
    this.staging = join(this.root, STAGING_DIR);
  }

  // --- Reading ---

  versionDir(id: string, key: string): string {
    return join(this.root, id, key);
  }

  /** The state of an installed pack, or null when it has none. Throws when state.json is unreadable. */
  readState(id: string): PackState | null {
    if (!ID.test(id)) return null;
    const file = join(this.root, id, STATE_FILE);
    if (!existsSync(file)) return null;
    const parsed = PackState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a valid pack state: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  /** Ids of the installed packs (folders with a state.json). */
  installedIds(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((name) => ID.test(name) && existsSync(join(this.root, name, STATE_FILE)))
      .sort();
  }

  /** The version in force of every installed pack (a pack whose state cannot be read is skipped). */
  currentVersions(onError?: (id: string, error: unknown) => void): InstalledVersion[] {
    return this.installedIds().flatMap((id) => {
      try {
        const state = this.readState(id);
        return state ? [{ id, key: state.current, dir: this.versionDir(id, state.current) }] : [];
      } catch (error) {
        onError?.(id, error);
        return [];
      }
    });
  }

  list(): InstalledPack[] {
    return this.installedIds().flatMap((id) => {
      const state = this.readState(id);
      if (!state) return [];
      const info = (key: string) => ({ key, ...(state.installed[key] ?? { version: key.replace(/-[0-9a-f]{8}$/, ''), digest: '', installedAt: '' }) });
      return [{ id, current: info(state.current), previous: [...state.history].reverse().map(info) }];
    });
  }

  /** Ids of the packs shipped in the content folder (`content/packs/<id>/`), which cannot be removed. */
  builtInIds(): string[] {
    const dir = join(this.contentDir, 'packs');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isDirectory())
      .sort();
  }

  // --- Start-up ---

  /**
   * Cleans up after a crash: empties .staging, drops a half-written state.json.tmp, and deletes version folders that
   * no state.json names (an install that stopped before going live). Returns what it removed, for the log.
   */
  recover(): string[] {
    const removed: string[] = [];
    mkdirSync(this.root, { recursive: true });
    if (existsSync(this.staging)) {
      for (const name of readdirSync(this.staging)) {
        rmSync(join(this.staging, name), { recursive: true, force: true });
        removed.push(join(STAGING_DIR, name));
      }
    }
    mkdirSync(this.staging, { recursive: true });
    for (const id of readdirSync(this.root)) {
      const dir = join(this.root, id);
      if (id === STAGING_DIR || !statSync(dir).isDirectory()) continue;
      const temp = join(dir, `${STATE_FILE}.tmp`);
      if (existsSync(temp)) {
        rmSync(temp, { force: true });
        removed.push(join(id, `${STATE_FILE}.tmp`));
      }
      let state: PackState | null;
      try {
        state = this.readState(id);
      } catch {
        continue; // Unreadable state: keep everything for a person to look at; the pack is left out and logged.
      }
      const keep = new Set(state ? [state.current, ...state.history] : []);
      for (const name of readdirSync(dir)) {
        if (name === STATE_FILE || keep.has(name)) continue;
        rmSync(join(dir, name), { recursive: true, force: true });
        removed.push(join(id, name));
      }
      if (!state && readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
    }
    return removed;
  }

  // --- Changes ---

  /**
   * Installs an uploaded archive (`areas`: the park's areas). On any failure nothing outside .staging has changed and
   * the version in force stays live. The caller reloads the content afterwards.
   */
  async install(bytes: Uint8Array, areas: readonly string[] | null): Promise<InstallResult> {
    // One upload at a time, checks included: an archive and its unpacked files are held in memory while checked.
    return this.exclusive(async () => {
      const checked = await checkArchive(bytes, areas);
      if (!checked.ok) throw new PackRejected(checked.errors);
      const { id, version, digest, files } = checked.value;
      const key = `${version}-${digest.slice(0, 8)}`;
      const state = this.readState(id);
      const target = this.versionDir(id, key);
      const result = (status: InstallResult['status']): InstallResult => ({ status, id, version, key });
      if (state?.current === key && existsSync(target)) return result('unchanged');

      const info: VersionInfo = { version, digest, installedAt: this.now().toISOString() };
      if (state && state.history.includes(key) && existsSync(target)) {
        await this.writeState(id, {
          current: key,
          history: [...state.history.filter((k) => k !== key), state.current],
          installed: { ...state.installed, [key]: info },
        });
        await this.prune(id);
        return result('reactivated');
      }

      const packDir = join(this.root, id);
      const createdPackDir = !existsSync(packDir);
      let renamed = false;
      const work = join(this.staging, randomUUID());
      try {
        await mkdir(work, { recursive: true });
        await writeTreeSynced(work, files);
        await fsyncDir(this.staging);
        await mkdir(packDir, { recursive: true });
        if (createdPackDir) await fsyncDir(this.root);
        // A folder by that name that no state names is debris of an interrupted install: set it aside first.
        if (existsSync(target)) await this.discard(target);
        await rename(work, target);
        renamed = true;
        await fsyncDir(packDir);
        await fsyncDir(this.staging);
        await this.writeState(id, {
          current: key,
          history: state ? [...state.history.filter((k) => k !== key), state.current] : [],
          installed: { ...(state?.installed ?? {}), [key]: info },
        });
      } catch (error) {
        await rm(work, { recursive: true, force: true });
        if (renamed) await rm(target, { recursive: true, force: true });
        if (createdPackDir) await rm(packDir, { recursive: true, force: true });
        throw error;
      }
      await this.prune(id);
      return result('installed');
    });
  }

  /** Makes the previous version current again. */
  async rollback(id: string): Promise<{ id: string; key: string; version: string }> {
    return this.exclusive(async () => {
      const state = this.readState(id);
      if (!state) {
        if (this.builtInIds().includes(id)) throw refusal(400, 'pack.built-in-no-rollback', `pack '${id}' is built in and has no installed versions to roll back to`, { id });
        throw refusal(404, 'pack.not-installed', `no installed pack '${id}'`, { id });
      }
      const previous = state.history.at(-1);
      if (!previous) throw refusal(400, 'pack.no-previous', `pack '${id}' has no previous version to roll back to (only ${state.current} was installed)`, { id, current: state.current });
      if (!existsSync(this.versionDir(id, previous))) throw refusal(409, 'pack.folder-missing', `the folder of ${id} ${previous} is missing; install that version again`, { id, version: previous });
      await this.writeState(id, { ...state, current: previous, history: state.history.slice(0, -1) });
      await this.prune(id);
      return { id, key: previous, version: state.installed[previous]?.version ?? previous.replace(/-[0-9a-f]{8}$/, '') };
    });
  }

  /** Deletes every installed version of a pack; a built-in pack of the same id then serves again. */
  async remove(id: string): Promise<{ id: string; builtIn: boolean }> {
    return this.exclusive(async () => {
      const builtIn = this.builtInIds().includes(id);
      const installed = ID.test(id) && existsSync(join(this.root, id, STATE_FILE));
      if (!installed) {
        if (builtIn)
          throw refusal(409, 'pack.built-in-remove', `pack '${id}' is built in (content/packs/${id}) and cannot be removed here; remove it from the content folder and restart the server`, { id });
        throw refusal(404, 'pack.not-installed', `no installed pack '${id}'`, { id });
      }
      await this.discard(join(this.root, id));
      await fsyncDir(this.root);
      return { id, builtIn };
    });
  }

  // --- Internals ---

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeState(id: string, state: PackState): Promise<void> {
    await writeFileAtomic(join(this.root, id, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  }

  /** Keeps KEEP_PREVIOUS previous versions; deletes the folders (and entries) of the rest. */
  private async prune(id: string): Promise<void> {
    const state = this.readState(id);
    if (!state) return;
    const history = state.history.slice(-KEEP_PREVIOUS);
    const keep = new Set([state.current, ...history]);
    if (history.length !== state.history.length || Object.keys(state.installed).some((k) => !keep.has(k)))
      await this.writeState(id, { ...state, history, installed: Object.fromEntries(Object.entries(state.installed).filter(([k]) => keep.has(k))) });
    const dir = join(this.root, id);
    for (const name of readdirSync(dir)) if (name !== STATE_FILE && !keep.has(name)) await this.discard(join(dir, name));
  }

  /** Removes a folder by first moving it into .staging (one atomic rename), so no half-deleted pack is ever in place. */
  private async discard(path: string): Promise<void> {
    const aside = join(this.staging, `discard-${randomUUID()}`);
    await rename(path, aside);
    await rm(aside, { recursive: true, force: true });
  }
}
