// Made-up visits for a park's or a city's statistics (the seed command and its benchmark): whole visits as the kiosk
// app records them, from the installed packs and a seed. The same seed, period and packs give the same visits, ids
// included, so seeding again after an interruption stores nothing twice (a statement stored before is a duplicate).
import type { VisitRecord } from '@ruyi/mechanics';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { Platform } from '@ruyi/records';
import type { Statement } from '../statement.ts';
import { statementsFromRecord } from '../ruyi/to-statements.ts';
import { instantOf, visitsPerDay, type SeedDay } from './calendar.ts';
import type { SeedPark, SeedSchool } from './population.ts';
import { between, chance, hashed, idsFor, intBetween, mix, normal, pick, rng, uuid, weighted, type Rng } from './random.ts';
import { difficultyModel, playRun, type Player } from './visitor.ts';

export type SeedLocale = 'zh-CN' | 'en';

/** A 平安校园 class visit: a teacher's class playing the same scenarios at the park or on the school's PCs. */
export interface ClassSession {
  /** The join code the teacher got: a code, never a name. Statements carry `<school>/<code>` (the class-code extension). */
  code: string;
  school: string;
  district: string;
  grade: number;
  classNo: number;
  /** At the park (kiosks, VR stations) or at school (`?device=web`). */
  place: 'park' | 'school';
  /** The park's code: its kiosk-server took the statements. */
  park: string;
}

/**
 * Everything about a visit besides what the visitor did: what the statements carry (park IRI, device, platform,
 * language, class code) and what statistics group by (district, school). `visitStatements` is the one place these
 * become statement fields.
 */
export interface VisitOptions {
  park: SeedPark;
  deviceId: string;
  /** The device's kind and its number at the park or school, e.g. kiosk 3. */
  device: { kind: Platform; number: number };
  platform: Platform;
  locale: SeedLocale;
  classSession: ClassSession | null;
}

export interface SeedVisit {
  /** The visit's place in the whole seeded sequence (0-based; chronological). */
  index: number;
  /** The park's date (YYYY-MM-DD). */
  date: string;
  visitId: string;
  options: VisitOptions;
  /** In the order the app makes them: visit-start, the runs, visit-end. */
  records: VisitRecord[];
  /** Left before a run ended (its visit ended by the kiosk's idle timeout). */
  abandoned: boolean;
  /** Runs that were a second play of the scenario just played. */
  replays: number;
}

export interface SeedPlan {
  seed: number;
  visits: number;
  /** Day numbers (days since 1970-01-01, see calendar.ts), inclusive. */
  from: number;
  to: number;
  parks: readonly SeedPark[];
  schools: readonly SeedSchool[];
  packs: readonly Pack[];
}

const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

interface Planned {
  start: number;
  park: SeedPark;
  session: (ClassSession & { scenarios: Scenario[]; packs: string[] }) | null;
  /** The pupil's place in the class (devices are shared out in that order). */
  seat: number;
}

/** The generator's fixed choices (device ids, each scenario's popularity, the difficulty model), made once per plan. */
function setting(plan: SeedPlan) {
  const scenarios = plan.packs.flatMap((pack) => pack.scenarios.map((scenario) => ({ pack, scenario })));
  if (scenarios.length === 0) throw new Error('no scenario to play: no pack is installed');
  if (plan.parks.length === 0) throw new Error('no park to visit');
  const popularity = new Map(scenarios.map((s) => [s.scenario, 0.5 + hashed(plan.seed, `popularity|${s.pack.id}/${s.scenario.id}`)]));
  const packOf = new Map(scenarios.map((s) => [s.scenario, s.pack]));
  const devices = new Map<string, string>();
  const deviceId = (owner: string, kind: string, n: number) => {
    const name = `${owner}|${kind}|${n}`;
    let id = devices.get(name);
    if (!id) devices.set(name, (id = uuid(rng(mix(plan.seed, 'device', name)))));
    return id;
  };
  return { scenarios, popularity, packOf, deviceId, model: difficultyModel(plan.seed) };
}
type Setting = ReturnType<typeof setting>;

function pickScenario(next: Rng, s: Setting): Scenario {
  return weighted(next, s.scenarios, (x) => s.popularity.get(x.scenario)!).scenario;
}

/** Seconds of the park's day a walk-in visitor starts: a morning and an afternoon peak, open 9:00–17:30. */
function walkInSecond(next: Rng): number {
  const hours = chance(next, 0.45) ? 10.75 + normal(next) : 15 + 1.2 * normal(next);
  return Math.round(Math.min(17.5, Math.max(9, hours)) * 3600);
}

/** The day's visits, not yet played: when each starts, where, and whether it is a pupil of a class. */
function planDay(plan: SeedPlan, s: Setting, day: SeedDay, count: number): Planned[] {
  const next = rng(mix(plan.seed, 'day', day.number));
  const planned: Planned[] = [];
  // About 40% of a school day's visitors (55% in the safety month) are pupils, in classes of 25 to 45; a day with
  // few visits (a small seeding) gets a class now and then, as many pupils as the day has room for.
  const expected = day.schoolDay && plan.schools.length ? (count * (day.safetyMonth ? 0.55 : 0.4)) / 35 : 0;
  const classes = Math.floor(expected) + (chance(next, expected - Math.floor(expected)) ? 1 : 0);
  for (let k = 0; k < classes && planned.length < count; k++) {
    const size = Math.min(intBetween(next, 25, 45), count - planned.length);
    const park = weighted(next, plan.parks, (p) => p.weight);
    // Schools mostly visit the park of their own district.
    const school = weighted(next, plan.schools, (sc) => (sc.district === park.district ? 6 : 1));
    const chosen = Array.from({ length: intBetween(next, 1, 3) }, () => pickScenario(next, s));
    const scenarios = [...new Set(chosen)];
    const code = Array.from({ length: 6 }, () => pick(next, [...CODE_LETTERS])).join('');
    const grade = chance(next, 0.6) ? intBetween(next, 1, 6) : intBetween(next, 7, 12);
    const session = {
      code,
      school: school.code,
      district: school.district,
      grade,
      classNo: intBetween(next, 1, 12),
      place: chance(next, 0.25) ? ('school' as const) : ('park' as const),
      park: park.code,
      scenarios,
      packs: scenarios.map((sc) => s.packOf.get(sc)!.id),
    };
    const start = Math.round(between(next, 9, 14.5) * 3600);
    for (let seat = 0; seat < size; seat++) planned.push({ start: instantOf(day, start + seat * intBetween(next, 5, 40)), park, session, seat });
  }
  while (planned.length < count) planned.push({ start: instantOf(day, walkInSecond(next)), park: weighted(next, plan.parks, (p) => p.weight), session: null, seat: 0 });
  // Chronological, so a store's order (seq) follows the days.
  return planned.sort((a, b) => a.start - b.start);
}

function playVisit(plan: SeedPlan, s: Setting, day: SeedDay, index: number, position: number, p: Planned): SeedVisit {
  const next = rng(mix(plan.seed, 'visit', day.number, position));
  const id = idsFor(`${plan.seed}|${day.number}|${position}`);
  const session = p.session;
  const pupil = session !== null;
  // Where the visit is played, on which device.
  let platform: Platform;
  let device: { kind: Platform; number: number };
  let owner = p.park.code;
  if (session?.place === 'school') {
    platform = 'web';
    owner = session.school;
    device = { kind: 'web', number: p.seat + 1 };
  } else {
    const r = next();
    platform = pupil ? (r < 0.8 ? 'kiosk' : 'vr') : r < 0.78 ? 'kiosk' : r < 0.95 ? 'vr' : 'web';
    const count = platform === 'kiosk' ? p.park.kiosks : platform === 'vr' ? p.park.vrStations : 4;
    device = { kind: platform, number: (pupil ? p.seat : intBetween(next, 0, 10_000)) % Math.max(1, count) + 1 };
  }
  const options: VisitOptions = {
    park: p.park,
    deviceId: s.deviceId(owner, device.kind, device.number),
    device,
    platform,
    locale: chance(next, pupil ? 0.03 : 0.14) ? 'en' : 'zh-CN',
    classSession: session && { code: session.code, school: session.school, district: session.district, grade: session.grade, classNo: session.classNo, place: session.place, park: session.park },
  };
  const visitId = id();
  const player: Player = {
    ability: pupil ? 0.2 + 0.1 * session.grade + 0.7 * normal(next) : 1.1 + 0.8 * normal(next),
    pace: between(next, 0.6, 1.6),
    next,
    model: s.model,
  };
  const records: VisitRecord[] = [];
  const record = (body: Record<string, unknown>, at: number) =>
    records.push({ ...body, id: id(), visitId, at: new Date(Math.round(at)).toISOString(), platform, locale: options.locale } as VisitRecord);

  let now = p.start;
  record({ type: 'visit-start' }, now);
  const queue = session ? [...session.scenarios] : Array.from({ length: Math.min(5, 1 + Math.floor(Math.log(1 - next()) / Math.log(0.45))) }, () => pickScenario(next, s));
  let abandoned = false;
  let replays = 0;
  for (let i = 0; i < queue.length && !abandoned; i++) {
    const scenario = queue[i]!;
    const pack = s.packOf.get(scenario)!;
    now += between(next, 8_000, 60_000);
    const leave = chance(next, pupil ? 0.02 : 0.06) ? pick(next, scenario.steps).id : undefined;
    const played = playRun(scenario, { packId: pack.id, scenarioId: scenario.id, runId: id() }, player, now, Math.floor(next() * 4294967296), leave);
    for (const r of played.records) record(r.body, r.at);
    now = played.end;
    if (!played.finished) {
      abandoned = true;
      break;
    }
    // "Play again": more often after a fail; whatever was learnt the first time shows the second.
    if (replays === 0 && chance(next, played.passed ? (pupil ? 0.05 : 0.08) : pupil ? 0.15 : 0.3)) {
      queue.splice(i + 1, 0, scenario);
      player.ability += 0.8;
      replays++;
    }
  }
  // Left at the kiosk: "are you still there?" (90 s), then the countdown (10 s) ends the visit.
  const timeout = abandoned || chance(next, 0.15);
  now += timeout ? 100_000 : between(next, 3_000, 30_000);
  record({ type: 'visit-end', reason: timeout ? 'timeout' : 'finished' }, now);
  return { index, date: day.date, visitId, options, records, abandoned, replays };
}

/**
 * The plan's visits in order (chronological), from visit `first` on: a resumed seeding skips what it stored before
 * without generating it (only the partly stored day is planned again).
 */
export function* generateVisits(plan: SeedPlan, first = 0): Generator<SeedVisit> {
  if (!Number.isInteger(plan.visits) || plan.visits < 0) throw new Error(`visits must be a whole number ≥ 0 (got ${plan.visits})`);
  if (plan.to < plan.from) throw new Error('the period ends before it starts');
  const s = setting(plan);
  let index = 0;
  for (const { day, visits } of visitsPerDay(plan.visits, plan.from, plan.to, plan.seed)) {
    if (index + visits <= first) {
      index += visits;
      continue;
    }
    const planned = planDay(plan, s, day, visits);
    for (let position = 0; position < planned.length; position++, index++)
      if (index >= first) yield playVisit(plan, s, day, index, position, planned[position]!);
  }
}

export interface StatementSetting {
  /** RUYI_XAPI_BASE. */
  base: string;
  pack: (packId: string) => Pack | undefined;
}

/** A visit's statements, made by the app's own builder (statementsFromRecord) with the visit's options. */
export function visitStatements(visit: SeedVisit, setting: StatementSetting): Statement[] {
  const { options } = visit;
  const ctx = { base: setting.base, parkIri: options.park.iri, deviceId: options.deviceId, classCode: options.classSession ? `${options.classSession.school}/${options.classSession.code}` : null, pack: setting.pack };
  return visit.records.flatMap((record) => statementsFromRecord(record, ctx));
}

