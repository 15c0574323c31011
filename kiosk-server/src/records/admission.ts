// Whether Ruyi's statements may be stored, and what they count for: the one place both write routes ask (the kiosk
// app's device route and the LRS's /xapi/statements). A Ruyi statement about a loaded pack is read back as its record
// and checked on its own (check.ts: ids exist, "safe" and "correct" as the pack says), against its run (every
// statement of a run agrees with the run's scenario-start; one start, one end) and, for a scenario end, against the
// run's own step statements — stored earlier by the same client or earlier in the same batch — by the engine's
// judgeScenarioEnd, where the scenario rules live. The statistics facts stored beside each statement come from here:
// area from the pack, score and passed from the evidence, never from what the client claims.
import { isCoreRecord, recordEntry, type RecordPayload, type RecordSpec, type StatementResult, type VisitRecord } from '@ruyi/mechanics';
import type { Platform } from '@ruyi/records';
import { judgeScenarioEnd, type EvidenceField, type ScenarioEndClaim } from '@ruyi/scenario-engine';
import { extensionPlaces, iris, recordFromStatement, type StatementFacts, type StatementKind, type Statement } from '@ruyi/xapi';
import { ApiError, summarize, type ErrorDetail } from '../errors.ts';
import type { Client } from '../xapi/clients.ts';
import type { StatementsContext } from '../xapi/statements.ts';
import type { StatementItem, StatementStore } from '../xapi/store.ts';
import { parkCodeOf } from '../statistics/facts.ts';
import { checkRecords, type ContentIndex } from './check.ts';

export interface AdmissionOptions {
  /** RUYI_XAPI_BASE: how Ruyi's statements are recognised. */
  base: string;
  /** The content in force now (packs are installed and removed while the server runs). */
  content: () => ContentIndex;
}

export interface AdmissionRequest {
  statements: readonly Statement[];
  /** The xAPI client writing; null for the device route. A run's evidence is what the same client stored. */
  clientId: number | null;
  /**
   * The device route: every statement must be Ruyi's, about a loaded pack, made for this park (`parkIri`), with no
   * extension Ruyi's statement design does not use. /xapi/statements takes any statement, and checks Ruyi's about a
   * loaded pack only.
   */
  device?: { parkIri: string; deviceId?: string | null };
  /** The path prefix of statement `i` in error paths: '[3].' in a batch, '' for a single statement. */
  at: (index: number) => string;
  /**
   * The device route: the class seat whose token came with the request (classes/plugin.ts), or null. A statement may
   * carry a class code only with a seat of that class, and only if it was made before the class's planned end (closing
   * early stops joins only). Left out
   * (the seed command's made-up visits, whose classes exist nowhere), class codes are not checked.
   */
  classSeat?: { classCode: string; closesAt: string } | null;
  /**
   * The texts the statements will be stored as (`StatementItem.body`), when known: the reads of runs' starts are
   * remembered, so the later statements of a run find their start without parsing it again.
   */
  bodies?: readonly string[];
}

/** How far a device's clock may run ahead of the server's when a statement made just before its class closed is judged. */
export const CLASS_CLOCK_SKEW_MS = 2 * 60_000;

/** Runs' starts whose reads admission remembers (a run's start stays needed until the run ends). */
export const REMEMBERED_READS = 1024;
/** Requests of at most this many statements have every Ruyi statement's read remembered, not only runs' starts. */
const REMEMBER_EVERY_UP_TO = 10;

interface Read {
  record: VisitRecord;
  kind: StatementKind;
}

/**
 * Where a step record's field is read from in its statement's result: the part of the result without which its
 * mechanic's fromResult no longer reads the field (e.g. `safe` from `result.success`, `atMs` from an extension).
 */
function resultPath(spec: RecordSpec<unknown, RecordPayload>, record: VisitRecord, field: string, base: string): string {
  const result = spec.toResult(record as unknown as RecordPayload);
  const read = (r: StatementResult) => JSON.stringify(spec.fromResult(r)[field]);
  const full = read(result);
  for (const key of ['success', 'response', 'score'] as const)
    if (result[key] !== undefined && read({ ...result, [key]: undefined }) !== full) return `result.${key}`;
  for (const name of Object.keys(result.extensions ?? {})) {
    const { [name]: _, ...others } = result.extensions!;
    if (read({ ...result, extensions: others }) !== full) return `result.extensions.${iris(base).extensions.result(name)}`;
  }
  return 'result';
}

/** Where a record field lives in its statement, so an error names the statement's own path. */
function statementPath(record: VisitRecord, field: string, base: string): string {
  if (field === 'packId' || field === 'scenarioId' || field === 'type') return 'object.id';
  if (field === 'stepId') return record.type === 'step-end' ? 'object.id' : `context.extensions.${iris(base).extensions.step}`;
  if (field === 'score' || field === 'passed') return field === 'score' ? 'result.score' : 'result.success';
  const entry = recordEntry(record.type);
  if (!entry) return 'result';
  // A step record's item is its object; its other fields are read from its result.
  return field === entry.spec.itemField ? 'object.id' : resultPath(entry.spec, record, field, base);
}

/** A check.ts path (`records[i].field…`) as the statement path. */
function recordFieldPath(record: VisitRecord, recordPath: string, base: string): string | null {
  const field = /^records\[\d+\]\.([a-zA-Z]+)(.*)$/.exec(recordPath);
  if (!field) return null;
  const [, name, rest] = field;
  // score.raw → result.score.raw; choiceIds[1] → result (one string holds them all).
  return `${statementPath(record, name!, base)}${name === 'score' ? rest : ''}`;
}

const EVIDENCE_PATH: Record<Exclude<EvidenceField, 'run'>, string> = {
  'score.raw': 'result.score.raw',
  'score.max': 'result.score.max',
  'score.scaled': 'result.score.scaled',
  passed: 'result.success',
};

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A run as the batch is checked: its records so far (stored, then earlier in the batch), in order. */
interface RunSoFar {
  records: VisitRecord[];
  kinds: StatementKind[];
}

/** The record's platform fits its run: the same device kind as the start, or a headset (a run goes on in VR). */
const platformFits = (start: Platform, platform: Platform) => platform === start || platform === 'vr' || start === 'vr';

export function createAdmission(store: StatementStore, options: AdmissionOptions) {
  const { base } = options;
  const iri = iris(base);
  const runPath = `context.extensions.${iri.extensions.run}`;
  const known = extensionPlaces(base);
  const areaPattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}areas/(.+)$`);

  // A stored text always reads the same (a read depends on the text and `base` only), so reads are remembered by
  // text: exact, with nothing to invalidate. When full, all are forgotten at once: deleting the oldest one by one
  // leaves a Map's deleted slots at its start, which every `keys().next()` walks again.
  const reads = new Map<string, Read | null>();
  // Runs' starts are remembered: every later statement of a run is checked against its start, while the whole run is
  // read once, at its end. The other statements of a run are remembered only when they come a few at a time (a kiosk
  // sending as visitors play), when its end, in a later request, reads them all back; a large batch mostly holds
  // whole runs, checked within the batch, and remembering each of its statements would cost more than it saves.
  function remember(body: string, read: Read | null, every = false): void {
    if (!read || (!every && read.record.type !== 'scenario-start')) return;
    if (reads.size >= REMEMBERED_READS) reads.clear();
    reads.set(body, read);
  }
  function readOf(body: string): Read | null {
    let read = reads.get(body);
    if (read === undefined) remember(body, (read = recordFromStatement(JSON.parse(body) as Statement, base)));
    return read;
  }

  /**
   * The run's stored statements as records: all of them when the batch ends the run (the end is judged by them),
   * else only its start (what every other statement is checked against). Parsing a whole run for each of its
   * statements, as a kiosk sends them one by one, would make a run cost the square of its length.
   */
  async function loadRun(runId: string, clientId: number | null, whole: boolean): Promise<RunSoFar> {
    const run: RunSoFar = { records: [], kinds: [] };
    for (const body of await store.runBodies(runId, clientId, !whole)) {
      const read = readOf(body);
      if (!read) continue;
      run.records.push(read.record);
      run.kinds.push(read.kind);
    }
    return run;
  }

  /** Extensions Ruyi's statements do not carry (the device route takes Ruyi's own statements only). */
  function unknownExtensions(statement: Statement): { path: string; message: string }[] {
    const problems: { path: string; message: string }[] = [];
    const check = (extensions: unknown, path: string, allowed: readonly string[]) => {
      if (!isObject(extensions)) return;
      for (const key of Object.keys(extensions))
        if (!allowed.includes(key))
          problems.push({
            path: `${path}.${key}`,
            message: `unknown extension; Ruyi's statements carry ${allowed.length ? allowed.join(', ') : 'no extension'} here`,
          });
    };
    const s = statement as unknown as Record<string, unknown>;
    const context = isObject(s.context) ? s.context : {};
    check(context.extensions, 'context.extensions', known.context);
    check(isObject(s.result) ? s.result.extensions : undefined, 'result.extensions', known.result);
    const object = isObject(s.object) ? s.object : {};
    check(isObject(object.definition) ? object.definition.extensions : undefined, 'object.definition.extensions', known.definition);
    const activities = isObject(context.contextActivities) ? context.contextActivities : {};
    for (const kind of ['parent', 'grouping', 'category', 'other'])
      asList(activities[kind] as unknown[] | undefined).forEach((activity, j) => {
        const definition = isObject(activity) ? activity.definition : undefined;
        const at = Array.isArray(activities[kind]) ? `[${j}]` : '';
        check(isObject(definition) ? definition.extensions : undefined, `context.contextActivities.${kind}${at}.definition.extensions`, known.definition);
      });
    return problems;
  }

  /**
   * Why a statement may not claim the class its class-code extension names, or null (no claim, or a fair one): the
   * seat token of that class, and made before its planned end (a device's clock may run a little fast).
   */
  const classPath = `context.extensions.${iri.extensions.classCode}`;
  function classClaimProblem(statement: Statement, seat: { classCode: string; closesAt: string } | null): string | null {
    const claimed = statement.context?.extensions?.[iri.extensions.classCode];
    if (claimed === undefined) return null;
    if (!seat) return 'a class code needs the seat token of that class (the x-ruyi-class-seat header from POST /api/classes/join)';
    if (claimed !== seat.classCode) return `must be ${seat.classCode}, the class this seat token joined`;
    const made = Date.parse(statement.timestamp ?? '');
    if (!(made <= Date.parse(seat.closesAt) + CLASS_CLOCK_SKEW_MS))
      return `was made at ${statement.timestamp ?? '(no timestamp)'}, after class ${seat.classCode} ended at ${seat.closesAt}: it cannot count for the class`;
    return null;
  }

  /** The areas a statement's grouping names. */
  function groupingAreas(statement: Statement): string[] {
    const grouping = asList(statement.context?.contextActivities?.grouping);
    return grouping.flatMap((a) => {
      const match = areaPattern.exec(a.id);
      return match ? [match[1]!] : [];
    });
  }

  /**
   * Checks a request's statements and returns the statistics facts to store with each (null: counts nowhere).
   * Throws ApiError 400 naming every problem's statement path; nothing is stored then.
   */
  async function admit(request: AdmissionRequest): Promise<(StatementFacts | null)[]> {
    const { statements, clientId, device, at, bodies } = request;
    // The device that posted a statement, as the server knows it: the device route's authenticated device. A statement
    // through /xapi comes from a park's server forwarding what it admitted (or a tool with credentials staff issued):
    // the device it names, under its park's code, so two parks' devices never count as one.
    const deviceOf = (statement: Statement): string | null => {
      if (device) return device.deviceId ?? null;
      const named = statement.context?.extensions?.[iri.extensions.device];
      const park = parkCodeOf((statement.actor as { account?: { homePage?: string } }).account?.homePage);
      return typeof named === 'string' && named !== '' && park ? `${park}/${named}` : null;
    };
    const path = (i: number, field?: string) => (field ? `${at(i)}${field}` : at(i).replace(/\.$/, '') || 'statement');
    const problems: ErrorDetail[] = [];
    const content = options.content();

    // Ruyi's statements, read back as their records; `checked`: those about a loaded pack (or about no pack).
    const reads: (Read | null)[] = statements.map((statement, i) => {
      const read = recordFromStatement(statement, base);
      if (bodies?.[i] !== undefined) remember(bodies[i], read, statements.length <= REMEMBER_EVERY_UP_TO);
      if (device) {
        if (!read)
          problems.push({ path: path(i), message: `not a Ruyi statement under ${base} (this route takes the kiosk app's own; other tools post to /xapi/statements)` });
        else if ((statement.actor as { account?: { homePage?: string } }).account?.homePage !== device.parkIri)
          problems.push({ path: path(i, 'actor.account.homePage'), message: `must be this park's IRI, ${device.parkIri}` });
        for (const p of unknownExtensions(statement)) problems.push({ path: path(i, p.path), message: p.message });
        const claim = request.classSeat === undefined ? null : classClaimProblem(statement, request.classSeat);
        if (claim) problems.push({ path: path(i, classPath), message: claim });
      }
      return read;
    });
    if (problems.length) throw new ApiError(400, summarize(problems), problems);

    // /xapi: a Ruyi statement about a pack not loaded here is an ordinary statement (stored, counted nowhere).
    const loaded = (read: Read | null): read is Read => read !== null && (!('packId' in read.record) || content.pack(read.record.packId) !== undefined);
    const checkedAt: number[] = [];
    reads.forEach((read, i) => {
      if (loaded(read) || (device && read)) checkedAt.push(i);
    });
    for (const issue of checkRecords(checkedAt.map((i) => reads[i]!.record), content)) {
      const i = checkedAt[Number(/^records\[(\d+)\]/.exec(issue.path)?.[1] ?? 0)]!;
      const field = recordFieldPath(reads[i]!.record, issue.path, base);
      problems.push({ path: field ? path(i, field) : path(i), message: issue.message });
    }
    if (problems.length) throw new ApiError(400, summarize(problems), problems);

    const facts: (StatementFacts | null)[] = statements.map(() => null);
    const runs = new Map<string, RunSoFar>();
    const ending = new Set(checkedAt.map((i) => reads[i]!.record).flatMap((r) => (r.type === 'scenario-end' ? [r.runId] : [])));
    // One read for the batch: which statements are resends.
    const ids = checkedAt.flatMap((i) => (typeof statements[i]!.id === 'string' ? [statements[i]!.id!.toLowerCase()] : []));
    const stored = ids.length ? await store.storedIds(ids) : new Set<string>();
    for (const i of checkedAt) {
      const statement = statements[i]!;
      const { record, kind } = reads[i]!;
      const problem = (field: string | undefined, message: string) => problems.push({ path: path(i, field), message });

      const registration = statement.context?.registration;
      if (typeof registration !== 'string' || registration.toLowerCase() !== record.visitId.toLowerCase())
        problem('context.registration', `must be the visit id, ${record.visitId} (the actor's account name)`);
      const postedBy = deviceOf(statement);
      if (!('packId' in record)) {
        facts[i] = { kind, visitId: record.visitId, platform: record.platform, locale: record.locale, packId: null, scenarioId: null, area: null, runId: null, scoreScaled: null, passed: null, device: postedBy, packVersion: null };
        continue;
      }

      const { pack, scenario: scenarioOf } = content.pack(record.packId)!;
      const scenario = scenarioOf(record.scenarioId)!;
      const areas = groupingAreas(statement);
      if (areas.length !== 1 || areas[0] !== pack.area)
        problem(
          'context.contextActivities.grouping',
          areas.length === 0
            ? `must hold the area of pack '${pack.id}', ${iri.area(pack.area)}`
            : `names area ${areas.map((a) => `'${a}'`).join(', ')}, but pack '${pack.id}' is in area '${pack.area}' (${iri.area(pack.area)})`,
        );

      // A statement stored before (a resend) was checked when it came; the store takes it as a duplicate (or 409).
      if (stored.has(statement.id!.toLowerCase())) continue;
      let run = runs.get(record.runId);
      if (!run) runs.set(record.runId, (run = await loadRun(record.runId, clientId, ending.has(record.runId))));
      const startAt = run.records.findIndex((r) => r.type === 'scenario-start');
      const start = startAt >= 0 ? run.records[startAt]! : null;
      const inRun = `run ${record.runId}`;

      if (record.type === 'scenario-start') {
        if (start && start.id !== record.id) problem(runPath, `${inRun} has already started (statement ${start.id}); "play again" starts a new run`);
      } else if (!start) {
        problem(runPath, `${inRun} has no scenario-start (initialized) before this statement: a run's statements follow its start`);
      } else {
        if (start.type === 'scenario-start' && (start.packId !== record.packId || start.scenarioId !== record.scenarioId))
          problem('object.id', `must be in scenario '${start.scenarioId}' of pack '${start.packId}', as ${inRun} started (statement ${start.id})`);
        if (start.visitId !== record.visitId)
          problem('actor.account.name', `must be visit ${start.visitId}, whose ${inRun} it is (statement ${start.id})`);
        if (!platformFits(start.platform, record.platform))
          problem('context.platform', `must fit ${inRun}, started on platform '${start.platform}' (statement ${start.id}): the same, or VR`);
      }

      let scoreScaled: number | null = null;
      let passed: boolean | null = null;
      if (record.type === 'scenario-end') {
        const earlier = run.kinds.findIndex((k, j) => k === kind && run.records[j]!.id !== record.id);
        if (earlier >= 0) problem(runPath, `${inRun} has already ended (statement ${run.records[earlier]!.id}); "play again" starts a new run`);
        const seed = start && isCoreRecord(start) && start.type === 'scenario-start' ? (start.seed ?? 0) : 0;
        const judged = judgeScenarioEnd(scenario, run.records, record as ScenarioEndClaim, seed);
        for (const p of judged.problems) problem(p.field === 'run' ? runPath : EVIDENCE_PATH[p.field], p.field === 'run' ? `${inRun} ${p.message}` : p.message);
        scoreScaled = judged.score.scaled;
        passed = judged.score.passed;
      }
      run.records.push(record);
      run.kinds.push(kind);
      facts[i] = {
        kind,
        visitId: record.visitId,
        platform: record.platform,
        locale: record.locale,
        packId: record.packId,
        scenarioId: record.scenarioId,
        // The pack's area, whatever the grouping says (it must say the same, checked above).
        area: pack.area,
        runId: record.runId,
        scoreScaled,
        passed,
        device: postedBy,
        packVersion: pack.version,
      };
    }
    if (problems.length) throw new ApiError(400, summarize(problems), problems);
    return facts;
  }

  return { admit };
}

export type Admission = ReturnType<typeof createAdmission>;

// /xapi/statements (xapi/statements.ts) asks through its context, set by xapi/routes.ts.
declare module '../xapi/statements.ts' {
  interface StatementsContext {
    ruyi?: Admission;
  }
}

/**
 * /xapi/statements: the items to store, each with the facts admission gives it (null for other tools' statements and
 * for Ruyi's about a pack not loaded here). Throws ApiError 400 for a Ruyi statement its pack or run does not bear out.
 */
export async function admitXapiStatements(ctx: StatementsContext, client: Client, items: readonly StatementItem[], single: boolean): Promise<StatementItem[]> {
  if (!ctx.ruyi) return items.map((item) => ({ ...item, facts: null }));
  const facts = await ctx.ruyi.admit({
    statements: items.map((i) => i.statement),
    bodies: items.map((i) => i.body),
    clientId: client.id,
    at: (i) => (single ? '' : `[${i}].`),
  });
  return items.map((item, i) => ({ ...item, facts: facts[i] }));
}
