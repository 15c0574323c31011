// `npm run admin -- seed --visits <n>`: fills the server's database (the SQLite file, or RUYI_DATABASE_URL's
// PostgreSQL) with made-up visits (@ruyi/xapi/seed) for the statistics dashboard and its benchmarks. Each statement
// goes the way a kiosk's does: validated as xAPI, admitted (records/admission.ts: checked against the loaded packs and
// its run, its statistics facts derived) and stored through the statement store, many visits per transaction.
// The same arguments make the same visits, ids included: run again with --append after an interruption, and what was
// stored before is skipped.
import type { Pack } from '@ruyi/pack-schema';
import { validateStatements, type Statement, type StatementFacts } from '@ruyi/xapi';
import { dateOf, dayNumber, defaultParks, defaultSchools, generateVisits, PARK_UTC_OFFSET_MS, singlePark, visitStatements, type SeedPark, type SeedPlan, type SeedVisit } from '@ruyi/xapi/seed';
import { CHINA_OFFSET_MINUTES } from '@ruyi/statistics';
import { openCliStorage } from '../admin/cli-storage.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../errors.ts';
import { createContentSource } from '../packs/content-source.ts';
import { PackStore } from '../packs/store.ts';
import { indexContent, type ContentIndex } from '../records/check.ts';
import { createAdmission, type Admission } from '../records/admission.ts';
import type { StorageDatabase } from '../storage/database.ts';
import { redactDatabaseUrl } from '../storage/url.ts';
import { clientRegistryFor, type ClientRegistry } from '../xapi/clients.ts';
import { createPostgresStatementStore } from '../xapi/store-postgres.ts';
import { statementStoreOf, type StatementStore } from '../xapi/store.ts';
import { parkCodeOf } from '../statistics/facts.ts';
import { createRollup } from '../statistics/rollup.ts';

export { SEED_USAGE } from './seed-usage.ts';

export interface SeedArgs {
  visits: number;
  /** --statements: about this many statements instead of a number of visits (visits are whole: it ends a visit later). */
  statements: number | null;
  /** Roll the statistics up after storing (the server's follower would, slowly, in the background). */
  rollup: boolean;
  seed: number;
  /** Day numbers (see @ruyi/xapi/seed's calendar). */
  from: number;
  to: number;
  district: string;
  append: boolean;
  /** Visits per transaction. */
  batch: number;
  /** Worker threads making batches (0: all in this thread); null: one per core but one. */
  workers: number | null;
}

const DAY_MS = 86_400_000;
const MAX_VISITS = 100_000_000;
const MAX_STATEMENTS = 1_000_000_000;
/** A made-up visit's statements, about (the first guess of --statements; the plan is then sized from real visits). */
const STATEMENTS_PER_VISIT = 40;

/** The park's today (day number), whose yesterday ends the default period. */
const parkToday = (now: Date) => Math.floor((now.getTime() + PARK_UTC_OFFSET_MS) / DAY_MS);

export function parseSeedArgs(args: readonly string[], now: Date): SeedArgs | { problem: string } {
  const values = new Map<string, string>();
  let append = false;
  let rollup = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--append' || arg === '--no-rollup') {
      if (arg === '--append') append = true;
      else rollup = false;
      continue;
    }
    if (!['--visits', '--statements', '--seed', '--from', '--to', '--district', '--batch', '--workers'].includes(arg)) return { problem: `unknown argument '${arg}'` };
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return { problem: `${arg} needs a value` };
    if (values.has(arg)) return { problem: `${arg} is given twice` };
    values.set(arg, value);
  }
  const whole = (name: string, min: number, max: number, fallback?: number): number | string => {
    const text = values.get(name);
    if (text === undefined) return fallback ?? '--visits or --statements is required: how many visits (e.g. --visits 1000) or statements (e.g. --statements 1000000) to make';
    const n = Number(text);
    return /^\d+$/.test(text) && n >= min && n <= max ? n : `${name} must be a whole number from ${min} to ${max} (got '${text}')`;
  };
  if (values.has('--visits') && values.has('--statements')) return { problem: 'give --visits or --statements, not both' };
  const statements = values.has('--statements') ? whole('--statements', 1, MAX_STATEMENTS) : null;
  if (typeof statements === 'string') return { problem: statements };
  // Until the plan is known, a visit per STATEMENTS_PER_VISIT statements: seedCommand sizes it from the visits themselves.
  const visits = statements === null ? whole('--visits', 1, MAX_VISITS) : Math.max(1, Math.ceil(statements / STATEMENTS_PER_VISIT));
  if (typeof visits === 'string') return { problem: visits };
  const seed = whole('--seed', 0, 0xffffffff, 1);
  if (typeof seed === 'string') return { problem: seed };
  const batch = whole('--batch', 1, 100_000, 100);
  if (typeof batch === 'string') return { problem: batch };
  const workers = values.has('--workers') ? whole('--workers', 0, 64) : null;
  if (typeof workers === 'string') return { problem: workers };

  const today = parkToday(now);
  const date = (name: string): number | string | null => {
    const text = values.get(name);
    if (text === undefined) return null;
    const day = dayNumber(text);
    if (day === null) return `${name} must be a date as YYYY-MM-DD (got '${text}')`;
    if (day >= today) return `${name} must be before today (${dateOf(today)}): made-up visits happened in the past (got ${text})`;
    return day;
  };
  const to = date('--to') ?? today - 1;
  if (typeof to === 'string') return { problem: to };
  // Two safety months by default, so a June can be compared with the June a year before.
  const toDate = dateOf(to);
  const lastJuneYear = Number(toDate.slice(0, 4)) - (toDate.slice(5) >= '07-01' ? 0 : 1);
  const from = date('--from') ?? dayNumber(`${lastJuneYear - 1}-06-01`)!;
  if (typeof from === 'string') return { problem: from };
  if (from > to) return { problem: `--from (${dateOf(from)}) must not be after --to (${toDate})` };
  if (to - from > 3660) return { problem: 'the period may span ten years at most' };
  const district = values.get('--district') ?? '220104';
  if (!/^\d{6}$/.test(district)) return { problem: `--district must be a six-digit administrative division code, e.g. 220104 (got '${district}')` };
  return { visits, statements, rollup, seed, from, to, district, append, batch, workers };
}

/** The parks visits happen in: a kiosk-server's own, or a hub's city (siblings of RUYI_PARK_IRI, by code). */
export function seedParks(config: Pick<Config, 'mode' | 'xapi'>, district: string): SeedPark[] {
  const iri = config.xapi.parkIri;
  if (config.mode !== 'hub') return [singlePark(iri, district)];
  const base = iri.replace(/[^/]*$/, '');
  return defaultParks((code) => `${base}${code}`);
}

export interface SeedProgress {
  visits: number;
  statements: number;
  /** Statements newly stored (the others were there already: a resumed seeding). */
  stored: number;
  elapsedMs: number;
  /** Of that, the time spent in the store's inserts (the rest: making and admitting, or waiting for, the visits). */
  storeMs: number;
}

export interface SeedTarget {
  store: StatementStore;
  content: ContentIndex;
  packs: readonly Pack[];
  /** RUYI_XAPI_BASE. */
  base: string;
  /** On a hub: the client of each park (seedClients). */
  clients?: ParkClients;
}

function byPark(visits: readonly SeedVisit[]): Map<SeedPark, SeedVisit[]> {
  const groups = new Map<SeedPark, SeedVisit[]>();
  for (const v of visits) {
    const group = groups.get(v.options.park);
    if (group) group.push(v);
    else groups.set(v.options.park, [v]);
  }
  return groups;
}

/** On a hub, the xAPI client each park's statements arrive from (by the park's IRI); a park's own server has none. */
export type ParkClients = ReadonlyMap<string, number>;
const NO_CLIENTS: ParkClients = new Map();

/** The name of the client a made-up park's statements come from on a hub. */
export const seedClientName = (park: SeedPark) => `seed-${park.code}`;

/**
 * On a hub, each made-up park's statements come from a client of its own, in the park and its district, as a real
 * park's forwarded statements do (a hub counts a statement in the park and district of the client that sent it). The
 * clients are revoked at once: no one holds their secrets, and nothing may ever post as them. Taken again by name when
 * seeding is resumed (given their park if they were made before clients had one: that counts the statistics again).
 */
export async function seedClients(registry: ClientRegistry, parks: readonly SeedPark[]): Promise<ParkClients> {
  const known = new Map((await registry.list()).map((c) => [c.name, c]));
  const clients = new Map<string, number>();
  for (const park of parks) {
    const name = seedClientName(park);
    // The park its statements' homePage names, so the seeded statements count where a real park's would.
    const parkId = parkCodeOf(park.iri) ?? park.code;
    let client = known.get(name);
    if (!client) {
      client = await registry.add(name, 'kiosk', undefined, park.district, parkId);
      await registry.revoke(name);
    } else if (!client.park) await registry.setPark(name, parkId);
    clients.set(park.iri, client.id);
  }
  return clients;
}

/** A batch of visits as the store takes them: per park, the statements' bodies and the facts admission gave them. */
export interface PreparedBatch {
  statements: number;
  /** The batch's first and last statement ids: both stored means the batch was (a resumed seeding). */
  ends: [string, string];
  groups: {
    parkIri: string;
    /** When the park's server had them: a moment after the group's last visit ended, as a kiosk's outbox sends. */
    stored: string;
    bodies: string[];
    facts: (StatementFacts | null)[];
    /** The statements themselves, unless they travelled between threads (then they are parsed from the bodies). */
    statements: Statement[] | null;
  }[];
}

/**
 * What a device's POST does before storing, for a batch of whole visits: the app's statements, xAPI validation, then
 * admission per park (its route checks each statement was made for that park).
 */
export async function prepareBatch(visits: readonly SeedVisit[], packs: ReadonlyMap<string, Pack>, base: string, admission: Admission, keepStatements: boolean): Promise<PreparedBatch> {
  const groups: PreparedBatch['groups'] = [];
  let count = 0;
  for (const [park, group] of byPark(visits)) {
    const devices: string[] = [];
    const statements = group.flatMap((v) => {
      const made = visitStatements(v, { base, pack: (id) => packs.get(id) });
      for (let k = 0; k < made.length; k++) devices.push(v.options.deviceId);
      return made;
    });
    const problems = validateStatements(statements);
    if (problems.length) throw new Error(`a made-up statement is not valid xAPI (${problems[0]!.path}: ${problems[0]!.message}); nothing of this batch was stored`);
    const facts = await admission.admit({ statements, clientId: null, device: { parkIri: park.iri }, at: (i) => `[${i}].` });
    // Each visit was posted by its device, enrolled at the park (the route takes it from the device's credential).
    facts.forEach((f, i) => {
      if (f) f.device = devices[i]!;
    });
    const last = group.at(-1)!.records.at(-1)!.at;
    groups.push({ parkIri: park.iri, stored: new Date(Date.parse(last) + 2000).toISOString(), bodies: statements.map((st) => JSON.stringify(st)), facts, statements: keepStatements ? statements : null });
    count += statements.length;
  }
  const first = visits[0]!;
  const lastVisit = visits.at(-1)!;
  // visitStatements makes a record's statements with the record's id first, so these are the batch's first and last.
  const ids = (v: SeedVisit) => v.records.map((r) => r.id);
  return { statements: count, ends: [ids(first)[0]!, ids(lastVisit).at(-1)!], groups };
}

/**
 * Stores a prepared batch: one insert per park, queued in the same turn so the store commits them in one transaction.
 * A batch stored before (an interrupted seeding, run again) is skipped: it was stored in one transaction, so its first
 * and last statements tell. Returns how many statements were new.
 */
export async function storePrepared(store: StatementStore, batch: PreparedBatch, clientOf: ParkClients = NO_CLIENTS): Promise<number> {
  if ((await store.storedIds(batch.ends)).size === 2) return 0;
  const outcomes = await Promise.all(
    batch.groups.map((g) =>
      store.insert(
        g.bodies.map((body, i) => ({ statement: g.statements?.[i] ?? (JSON.parse(body) as Statement), body, facts: g.facts[i] })),
        { authority: { objectType: 'Agent', account: { homePage: g.parkIri, name: 'kiosk-app' } }, clientId: clientOf.get(g.parkIri) ?? null, stored: g.stored },
      ),
    ),
  );
  return outcomes.reduce((n, o) => n + o.stored.length, 0);
}

/**
 * Admission as the device route runs it, for batches of new visits made in another thread: every run of a batch is
 * whole in it and every id is new, so the store has nothing to tell it (a batch stored before is skipped by
 * storePrepared, and a statement stored twice is a duplicate to the store).
 */
export function batchAdmission(content: ContentIndex, base: string): Admission {
  const nothingStored = { storedIds: async () => new Set<string>(), runBodies: async () => [] } as unknown as StatementStore;
  return createAdmission(nothingStored, { base, content: () => content });
}

const take = <T>(items: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  if (n > 0) for (const item of items) if (out.push(item) >= n) break;
  return out;
};

/** The visits of batch `b`: generated from its first visit on, so any thread can make any batch. */
export const batchVisits = (plan: SeedPlan, batch: number, b: number) => take(generateVisits(plan, b * batch), Math.min(batch, plan.visits - b * batch));

/**
 * Generates the plan's visits and stores them in batches, in order; `onProgress` hears after each batch. With
 * `workers` > 0, worker threads make and admit the batches while this thread stores them.
 */
export async function seedVisits(target: SeedTarget, plan: SeedPlan, batch: number, workers = 0, onProgress?: (p: SeedProgress) => void): Promise<SeedProgress> {
  const started = Date.now();
  const progress: SeedProgress = { visits: 0, statements: 0, stored: 0, elapsedMs: 0, storeMs: 0 };
  const batches = Math.ceil(plan.visits / batch);
  const packs = new Map(target.packs.map((p) => [p.id, p]));
  const stored = async (b: number, prepared: PreparedBatch) => {
    const t = Date.now();
    progress.stored += await storePrepared(target.store, prepared, target.clients);
    progress.storeMs += Date.now() - t;
    progress.visits = Math.min(plan.visits, (b + 1) * batch);
    progress.statements += prepared.statements;
    progress.elapsedMs = Date.now() - started;
    onProgress?.({ ...progress });
  };
  if (workers <= 0) {
    // Admission reads runs through the store, as the routes do.
    const admission = createAdmission(target.store, { base: target.base, content: () => target.content });
    for (let b = 0; b < batches; b++) await stored(b, await prepareBatch(batchVisits(plan, batch, b), packs, target.base, admission, true));
    return progress;
  }
  const { makeBatches } = await import('./seed-workers.ts');
  await makeBatches({ plan, batch, batches, base: target.base, workers }, stored);
  return progress;
}

/** Visits that make about `statements` statements: the plan's visits counted at a few places through its period. */
export function visitsFor(plan: SeedPlan, statements: number, base: string): number {
  const packs = new Map(plan.packs.map((p) => [p.id, p]));
  const samples = 8;
  const each = 40;
  let made = 0;
  let visits = 0;
  for (let k = 0; k < samples; k++) {
    const first = Math.floor((plan.visits * k) / samples);
    for (const v of take(generateVisits(plan, first), Math.min(each, plan.visits - first))) {
      made += visitStatements(v, { base, pack: (id) => packs.get(id) }).length;
      visits++;
    }
  }
  return Math.max(1, Math.round((statements * visits) / Math.max(1, made)));
}

/**
 * The statistics follower, run here until it has caught up, so the dashboard's figures are ready when the server
 * starts (its own follower would do it in the background, in small batches). Same facts and cubes as the server's.
 */
async function rollUpStatistics(storage: StorageDatabase, config: Config): Promise<void> {
  const ownPark = parkCodeOf(config.xapi.parkIri);
  const rollup = createRollup(storage, {
    context: { base: config.xapi.base, districtOf: (park) => (park === ownPark ? (config.statistics?.district ?? null) : null) },
    utcOffsetMinutes: config.statistics?.utcOffsetMinutes ?? CHINA_OFFSET_MINUTES,
    batchSize: 5000,
  });
  const started = Date.now();
  let done = 0;
  let lastReport = started;
  console.log(`Rolling up the statistics from statement ${count(await rollup.cursor())} on…`);
  for (let n = await rollup.step(); n > 0; n = await rollup.step()) {
    done += n;
    if (Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      console.log(`  ${count(done)} statements rolled up, ${count(Math.round((done * 1000) / Math.max(1, Date.now() - started)))} statements/s`);
    }
  }
  const ms = Date.now() - started;
  console.log(`Rolled up ${count(done)} statements in ${(ms / 1000).toFixed(1)} s (${count(Math.round((done * 1000) / Math.max(1, ms)))} statements/s).`);
}

function openStore(storage: StorageDatabase): StatementStore {
  return storage.dialect === 'postgres' ? createPostgresStatementStore(storage.db) : statementStoreOf(storage.sqlite!);
}

const count = (n: number) => n.toLocaleString('en-US');

export async function seedCommand(args: string[], config: Config, usage: string, now = new Date()): Promise<number> {
  const parsed = parseSeedArgs(args, now);
  if ('problem' in parsed) {
    console.error(`seed: ${parsed.problem}.\n\n${usage}`);
    return 2;
  }
  // Made-up visits must never reach a hub or another LRS as if they were a park's.
  if (config.sync) {
    console.error(`seed: this server forwards its statements to ${config.sync.url} (RUYI_SYNC_URL): made-up visits would be sent on as real ones. Seed a server without RUYI_SYNC_URL.`);
    return 1;
  }
  const content = createContentSource(config.contentDir, new PackStore(config.dataDir, config.contentDir)).read();
  if (content.packs.length === 0) {
    console.error(`seed: no pack is installed (RUYI_CONTENT_DIR ${config.contentDir}): there is nothing to play.`);
    return 1;
  }
  const storage = await openCliStorage(config);
  const where = storage.dialect === 'postgres' ? redactDatabaseUrl(config.databaseUrl ?? storage.location) : storage.location;
  const store = openStore(storage);
  try {
    const before = await store.count();
    if (before > 0 && !parsed.append) {
      console.error(
        `seed: ${where} already holds ${count(before)} statements. Seeding adds made-up visits to them: give --append to add them anyway ` +
          '(or to resume an interrupted seeding with the same arguments), or seed an empty database.',
      );
      return 1;
    }
    const parks = seedParks(config, parsed.district);
    const plan: SeedPlan = { seed: parsed.seed, visits: parsed.visits, from: parsed.from, to: parsed.to, parks, schools: defaultSchools(), packs: content.packs };
    if (parsed.statements !== null) plan.visits = visitsFor(plan, parsed.statements, config.xapi.base);
    if (storage.sqlite && before === 0) {
      // A bulk load into a database that held nothing: no fsync per batch (the disk, not the work, bounded it). A
      // machine that loses power meanwhile may leave a damaged file: seed an empty one again. The server, started
      // later, opens the file with its own durable settings.
      storage.sqlite.pragma('synchronous = OFF');
    }
    console.log(
      `Seeding ${count(plan.visits)} visits${parsed.statements === null ? '' : ` (about ${count(parsed.statements)} statements)`} (seed ${parsed.seed}, ` +
        `${dateOf(parsed.from)} to ${dateOf(parsed.to)}, ${parks.length} park(s), ${content.packs.length} packs) into ${where}…`,
    );
    let lastReport = 0;
    const rate = (p: SeedProgress) => `${count(Math.round((p.statements * 1000) / Math.max(1, p.elapsedMs)))} statements/s`;
    const { defaultWorkers } = await import('./seed-workers.ts');
    const workers = parsed.workers ?? defaultWorkers();
    const clients = config.mode === 'hub' ? await seedClients(clientRegistryFor(storage), parks) : undefined;
    const target = { store, content: indexContent(content), packs: content.packs, base: config.xapi.base, clients };
    const result = await seedVisits(target, plan, parsed.batch, workers, (p) => {
      if (p.elapsedMs - lastReport < 5000 && p.visits < plan.visits) return;
      lastReport = p.elapsedMs;
      console.log(`  ${count(p.visits)}/${count(plan.visits)} visits (${Math.floor((p.visits * 100) / plan.visits)}%), ${count(p.statements)} statements, ${rate(p)}`);
    });
    const skipped = result.statements - result.stored;
    console.log(
      `Seeded ${count(result.visits)} visits: ${count(result.stored)} statements stored${skipped ? `, ${count(skipped)} already there` : ''} in ` +
        `${(result.elapsedMs / 1000).toFixed(1)} s (${rate(result)}; storing took ${(result.storeMs / 1000).toFixed(1)} s of it). The database now holds ${count(await store.count())} statements.`,
    );
    if (parsed.rollup) await rollUpStatistics(storage, config);
    return 0;
  } catch (error) {
    // Admission refusing a made-up statement is the generator's bug, not the operator's: say where, store nothing more.
    if (error instanceof ApiError) {
      console.error(`seed: a made-up statement was refused (${error.message}); batches before it are stored. This is a bug in the generator.`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
    await storage.close();
  }
}
