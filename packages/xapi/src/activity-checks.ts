// Activities and their definitions (Data 2.4.4.1), interaction types and the component lists each one may use.
import {
  at,
  atIndex,
  checkArray,
  checkExtensions,
  checkIri,
  checkLanguageMap,
  checkObject,
  checkString,
  isJsonObject,
  show,
  type Problems,
} from './json-checks.ts';
import type { InteractionType } from './statement.ts';

const INTERACTION_TYPES: readonly InteractionType[] = [
  'true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other',
];
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
/** Data 2.4.4.1, "Interaction Components": which lists go with which interactionType. */
const LISTS_OF: Record<InteractionType, readonly string[]> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};
const DEFINITION_KEYS = ['name', 'description', 'type', 'moreInfo', 'interactionType', 'correctResponsesPattern', ...COMPONENT_LISTS, 'extensions'];

function checkComponents(problems: Problems, path: string, value: unknown): void {
  if (!checkArray(problems, path, value, 'interaction components ({"id": ..., "description": {...}})')) return;
  const firstIndexOf = new Map<string, number>();
  value.forEach((item, i) => {
    const itemPath = atIndex(path, i);
    const component = checkObject(problems, itemPath, item, 'an interaction component', ['id', 'description']);
    if (!component) return;
    if (component.id === undefined) problems.push({ path: at(itemPath, 'id'), message: `is required` });
    else if (checkString(problems, at(itemPath, 'id'), component.id)) {
      if (component.id === '') problems.push({ path: at(itemPath, 'id'), message: `must not be empty` });
      const first = firstIndexOf.get(component.id);
      if (first !== undefined) problems.push({ path: at(itemPath, 'id'), message: `repeats the id of ${atIndex(path, first)} (${show(component.id)}); ids in one list must be distinct` });
      else firstIndexOf.set(component.id, i);
    }
    if (component.description !== undefined) checkLanguageMap(problems, at(itemPath, 'description'), component.description);
  });
}

function checkDefinition(problems: Problems, path: string, value: unknown): void {
  // Every property of a definition is optional, so one with none is still a definition: accepted (the ADL suite's
  // 'definition missing all properties' cases expect 200) and stored as sent; it describes nothing.
  if (isJsonObject(value) && Object.keys(value).length === 0) return;
  const definition = checkObject(problems, path, value, 'an activity definition', DEFINITION_KEYS);
  if (!definition) return;
  if (definition.name !== undefined) checkLanguageMap(problems, at(path, 'name'), definition.name);
  if (definition.description !== undefined) checkLanguageMap(problems, at(path, 'description'), definition.description);
  if (definition.type !== undefined) checkIri(problems, at(path, 'type'), definition.type, 'IRI');
  if (definition.moreInfo !== undefined) checkIri(problems, at(path, 'moreInfo'), definition.moreInfo, 'IRL');
  if (definition.extensions !== undefined) checkExtensions(problems, at(path, 'extensions'), definition.extensions);

  const interactionType = definition.interactionType;
  const isKnownType = (INTERACTION_TYPES as readonly unknown[]).includes(interactionType);
  if (interactionType !== undefined && !isKnownType) {
    problems.push({ path: at(path, 'interactionType'), message: `must be one of ${INTERACTION_TYPES.join(', ')} (case-sensitive), got ${show(interactionType)}` });
  }
  const allowedLists = isKnownType ? LISTS_OF[interactionType as InteractionType] : [];
  if (definition.correctResponsesPattern !== undefined) {
    const patternPath = at(path, 'correctResponsesPattern');
    if (interactionType === undefined) problems.push({ path: patternPath, message: `is only allowed in an interaction (a definition with an interactionType)` });
    if (checkArray(problems, patternPath, definition.correctResponsesPattern, 'strings')) {
      definition.correctResponsesPattern.forEach((pattern, i) => checkString(problems, atIndex(patternPath, i), pattern));
    }
  }
  for (const list of COMPONENT_LISTS) {
    if (definition[list] === undefined) continue;
    if (interactionType === undefined) {
      problems.push({ path: at(path, list), message: `is only allowed in an interaction (a definition with an interactionType)` });
    } else if (isKnownType && !allowedLists.includes(list)) {
      const allowed = allowedLists.length ? `only ${allowedLists.join(' and ')}` : 'no component list';
      problems.push({ path: at(path, list), message: `is not used by interactionType '${String(interactionType)}', which takes ${allowed}` });
    }
    checkComponents(problems, at(path, list), definition[list]);
  }
}

/** An Activity as the statement's object or in contextActivities: objectType optional, id an IRI. */
export function checkActivity(problems: Problems, path: string, value: unknown): void {
  const activity = checkObject(problems, path, value, 'an Activity', ['objectType', 'id', 'definition']);
  if (!activity) return;
  if (activity.objectType !== undefined && activity.objectType !== 'Activity') {
    problems.push({ path: at(path, 'objectType'), message: `must be 'Activity' (case-sensitive), got ${show(activity.objectType)}` });
  }
  if (activity.id === undefined) problems.push({ path: at(path, 'id'), message: `is required (the Activity's IRI)` });
  else checkIri(problems, at(path, 'id'), activity.id, 'IRI');
  if (activity.definition !== undefined) checkDefinition(problems, at(path, 'definition'), activity.definition);
}
