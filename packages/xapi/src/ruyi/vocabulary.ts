// Ruyi's xAPI vocabulary: the verbs it uses (ADL's, no custom verb: every step of a visit fits one), and the IRIs
// of its activities and extensions, all under one base. Every park of a city shares the base (RUYI_XAPI_BASE), so the
// same scenario is the same activity everywhere and the city can add parks up; the park itself is told apart by the
// visitor's account homePage (RUYI_PARK_IRI) and by the park activity in the grouping.
import { STEP_RECORDS, type RecordType } from '@ruyi/mechanics';

const ADL = 'http://adlnet.gov/expapi/verbs/';

/** The verbs, with their display in the two languages every Ruyi text has. */
export const VERBS = {
  launched: { id: `${ADL}launched`, display: { 'zh-CN': '开始参观', en: 'launched' } },
  initialized: { id: `${ADL}initialized`, display: { 'zh-CN': '开始体验', en: 'initialized' } },
  experienced: { id: `${ADL}experienced`, display: { 'zh-CN': '体验了', en: 'experienced' } },
  interacted: { id: `${ADL}interacted`, display: { 'zh-CN': '查看了', en: 'interacted' } },
  answered: { id: `${ADL}answered`, display: { 'zh-CN': '作答', en: 'answered' } },
  completed: { id: `${ADL}completed`, display: { 'zh-CN': '完成了', en: 'completed' } },
  passed: { id: `${ADL}passed`, display: { 'zh-CN': '通过了', en: 'passed' } },
  failed: { id: `${ADL}failed`, display: { 'zh-CN': '未通过', en: 'failed' } },
  terminated: { id: `${ADL}terminated`, display: { 'zh-CN': '结束参观', en: 'terminated' } },
} as const;

export type VerbName = keyof typeof VERBS;

const ADL_ACTIVITY = 'http://adlnet.gov/expapi/activities/';
/** The activity type of decisions and quiz questions (choice interactions). */
export const CMI_INTERACTION = `${ADL_ACTIVITY}cmi.interaction`;

/** Activity types: ADL's where one fits, Ruyi's own (under the base) for what ADL has none for (hazards, scene objects). */
export function activityTypes(base: string) {
  return {
    park: `${ADL_ACTIVITY}course`,
    area: `${ADL_ACTIVITY}module`,
    scenario: `${ADL_ACTIVITY}simulation`,
    /** A step, by what its mechanic says it is. */
    step: (kind: 'lesson' | 'performance' | 'simulation' | 'assessment') => `${ADL_ACTIVITY}${kind}`,
    interaction: CMI_INTERACTION,
    profile: `${ADL_ACTIVITY}profile`,
    /** A mechanic's own kind of activity (hazard, scene-object, drill-action…). */
    own: (name: string) => (name === 'interaction' ? CMI_INTERACTION : `${base}activity-types/${name}`),
  } as const;
}

/** Segments are kebab-case ids (the pack schema's), so they need no escaping in an IRI. */
export function iris(base: string) {
  const scenario = (packId: string, scenarioId: string) => `${base}packs/${packId}/scenarios/${scenarioId}`;
  return {
    /** In every Ruyi statement's category: how a reader (and recordFromStatement) knows the statement is Ruyi's. */
    profile: `${base}profile`,
    area: (areaId: string) => `${base}areas/${areaId}`,
    scenario,
    step: (packId: string, scenarioId: string, step: string) => `${scenario(packId, scenarioId)}/steps/${step}`,
    /** What a step record is about (a hazard, a decision, a question…): `<scenario>/<segment>/<item>`; segments are the mechanics'. */
    item: (packId: string, scenarioId: string, segment: string, item: string) => `${scenario(packId, scenarioId)}/${segment}/${item}`,
    extensions: {
      /** A random id of the kiosk, headset or PC (never a person's). */
      device: `${base}extensions/device`,
      /** One play of a scenario: "play again" starts a new run. */
      run: `${base}extensions/run`,
      /**
       * A school class visit (平安校园): `<school code>/<join code>`, e.g. `CC-0042/7KQ2MX`, the value POST
       * /api/classes/join gives the student's device. Never a name. The school code rides along so a hub, which has
       * no class tables, still adds schools up by district; a park's server takes the extension only with that
       * class's seat token (kiosk-server's records/admission.ts).
       */
      classCode: `${base}extensions/class-code`,
      /** Why a visit ended: finished or timeout (the kiosk was left alone). */
      endReason: `${base}extensions/end-reason`,
      /** The step of its scenario a step record belongs to. */
      step: `${base}extensions/step`,
      /** A run's seed (on its start): the order its choices were shown in follows from it. */
      seed: `${base}extensions/seed`,
      /** A mechanic's result extension, by its short name. */
      result: (name: string) => `${base}extensions/${name}`,
    },
  };
}

export type Iris = ReturnType<typeof iris>;

/** Where Ruyi's statements carry each of its extensions; a statement with any other is not one Ruyi makes. */
export function extensionPlaces(base: string): { context: readonly string[]; result: readonly string[]; definition: readonly string[] } {
  const { extensions } = iris(base);
  const own = [...new Set(STEP_RECORDS.flatMap((r) => r.spec.extensions ?? []))].map(extensions.result);
  return {
    context: [extensions.device, extensions.run, extensions.classCode, extensions.step, extensions.seed],
    result: [extensions.endReason, ...own],
    definition: [],
  };
}

/** The statement kinds that statistics count, by the record type they come from; a verdict is the passed/failed twin of a scenario's completed. */
export type StatementKind = RecordType | 'scenario-verdict';

/** `context.platform` per record platform: what an LRS report shows for the device kind. */
export const PLATFORM_NAMES = { kiosk: 'Ruyi kiosk', vr: 'Ruyi VR', web: 'Ruyi web' } as const;

