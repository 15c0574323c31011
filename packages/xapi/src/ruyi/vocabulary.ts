// Ruyi's xAPI vocabulary: the verbs it uses (ADL's, no custom verb: every step of a visit fits one), and the IRIs
// of its activities and extensions, all under one base. Every park of a city shares the base (RUYI_XAPI_BASE), so the
// same scenario is the same activity everywhere and the city can add parks up; the park itself is told apart by the
// visitor's account homePage (RUYI_PARK_IRI) and by the park activity in the grouping.
import type { RecordType } from '@ruyi/records';

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

/** Activity types: ADL's where one fits, Ruyi's own (under the base) for hazards and scene objects. */
export function activityTypes(base: string) {
  return {
    park: `${ADL_ACTIVITY}course`,
    area: `${ADL_ACTIVITY}module`,
    scenario: `${ADL_ACTIVITY}simulation`,
    'case-card': `${ADL_ACTIVITY}lesson`,
    'hazard-hunt': `${ADL_ACTIVITY}performance`,
    'hunt-review': `${ADL_ACTIVITY}lesson`,
    decisions: `${ADL_ACTIVITY}simulation`,
    hazard: `${base}activity-types/hazard`,
    prop: `${base}activity-types/scene-object`,
    interaction: CMI_INTERACTION,
    profile: `${ADL_ACTIVITY}profile`,
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
    hazard: (packId: string, scenarioId: string, hazardId: string) => `${scenario(packId, scenarioId)}/hazards/${hazardId}`,
    prop: (packId: string, scenarioId: string, propId: string) => `${scenario(packId, scenarioId)}/props/${propId}`,
    decision: (packId: string, scenarioId: string, nodeId: string) => `${scenario(packId, scenarioId)}/decisions/${nodeId}`,
    question: (packId: string, scenarioId: string, questionId: string) => `${scenario(packId, scenarioId)}/questions/${questionId}`,
    extensions: {
      /** A random id of the kiosk, headset or PC (never a person's). */
      device: `${base}extensions/device`,
      /** One play of a scenario: "play again" starts a new run. */
      run: `${base}extensions/run`,
      /** A school class's code (平安校园 programmes): a code, never a name. */
      classCode: `${base}extensions/class-code`,
      /** Why a visit ended: finished or timeout (the kiosk was left alone). */
      endReason: `${base}extensions/end-reason`,
    },
  };
}

export type Iris = ReturnType<typeof iris>;

/** Where Ruyi's statements carry each of its extensions; a statement with any other is not one Ruyi makes. */
export function extensionPlaces(base: string): { context: readonly string[]; result: readonly string[]; definition: readonly string[] } {
  const { extensions } = iris(base);
  return { context: [extensions.device, extensions.run, extensions.classCode], result: [extensions.endReason], definition: [] };
}

/** The statement kinds that statistics count, by the record type they come from; a verdict is the passed/failed twin of a scenario's completed. */
export type StatementKind = RecordType | 'scenario-verdict';

/** `context.platform` per record platform: what an LRS report shows for the device kind. */
export const PLATFORM_NAMES = { kiosk: 'Ruyi kiosk', vr: 'Ruyi VR', web: 'Ruyi web' } as const;

/** The steps' names in a report (the same in every scenario; the scenario's own title is on its activity). */
export const STEP_NAMES = {
  'case-card': { 'zh-CN': '事故案例', en: 'Accident case' },
  'hazard-hunt': { 'zh-CN': '查找隐患', en: 'Hazard hunt' },
  'hunt-review': { 'zh-CN': '隐患回顾', en: 'Hazard review' },
  decisions: { 'zh-CN': '应急处置', en: 'Emergency decisions' },
} as const;
