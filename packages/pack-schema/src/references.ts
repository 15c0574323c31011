// Checks the schema alone cannot express: unique ids, and every reference (prop, source, decision, answer, asset)
// resolving, to something of the right kind.
import { extensionList, type AssetKind, type LOCALES } from './schema.ts';
import type { Asset, Manifest, Scenario } from './types.ts';

export interface ReferenceIssue {
  /** Path segments inside the scenario document. */
  path: (string | number)[];
  message: string;
  /** Absent for an error. */
  severity?: 'warning';
}

function duplicates<T>(items: readonly T[], idOf: (item: T) => string, at: (i: number) => (string | number)[], what: string) {
  const seen = new Map<string, number>();
  const issues: ReferenceIssue[] = [];
  items.forEach((item, i) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else issues.push({ path: at(i), message: `${what} id '${id}' is used twice (first at index ${first}); ids must be unique` });
  });
  return issues;
}

function oneOf(known: Iterable<string>): string {
  const list = [...known];
  return list.length ? list.join(', ') : '(none defined)';
}

const A_KIND: Record<AssetKind, string> = { model: 'a model', image: 'an image', audio: 'an audio asset' };

/**
 * A reference to an asset: it must exist and be of the kind the field needs, e.g.
 * `asset 'x' is an image, but model: needs a model asset (.glb)`.
 */
function checkAsset(assets: readonly Pick<Asset, 'id' | 'kind'>[], ref: string, kind: AssetKind, field: string): string | null {
  const asset = assets.find((a) => a.id === ref);
  if (!asset) {
    const ofKind = assets.filter((a) => a.kind === kind).map((a) => a.id);
    return `asset '${ref}' is not one of the pack's ${kind} assets (pack.yaml assets:): ${oneOf(ofKind)}`;
  }
  if (asset.kind !== kind) return `asset '${ref}' is ${A_KIND[asset.kind]}, but ${field} needs ${kind === 'audio' ? 'an audio' : A_KIND[kind]} asset (${extensionList(kind)})`;
  return null;
}

/** The asset references of a scenario: prop models, the case card's image and its narration. */
export function checkAssetReferences(scenario: Scenario, assets: readonly Pick<Asset, 'id' | 'kind'>[]): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const check = (ref: string | undefined, kind: AssetKind, field: string, path: (string | number)[]) => {
    const message = ref === undefined ? null : checkAsset(assets, ref, kind, field);
    if (message) issues.push({ path, message });
  };
  scenario.scene.props.forEach((p, i) => check(p.model, 'model', 'model:', ['scene', 'props', i, 'model']));
  check(scenario.caseCard.image, 'image', 'image:', ['caseCard', 'image']);
  for (const [locale, ref] of Object.entries(scenario.caseCard.narration ?? {}) as [(typeof LOCALES)[number], string | undefined][])
    check(ref, 'audio', 'narration:', ['caseCard', 'narration', locale]);
  return issues;
}

/** The asset ids a scenario refers to. */
export function assetRefsOf(scenario: Scenario): string[] {
  const refs = scenario.scene.props.flatMap((p) => (p.model ? [p.model] : []));
  if (scenario.caseCard.image) refs.push(scenario.caseCard.image);
  for (const ref of Object.values(scenario.caseCard.narration ?? {})) if (ref) refs.push(ref);
  return refs;
}

/** pack.yaml's `assets:`: unique ids, and no two entries on the same file. Paths are inside pack.yaml. */
export function checkManifestAssets(manifest: Pick<Manifest, 'assets'>): ReferenceIssue[] {
  const { assets } = manifest;
  const issues = duplicates(assets, (a) => a.id, (i) => ['assets', i, 'id'], 'asset');
  const files = new Map<string, number>();
  assets.forEach((a, i) => {
    // Two spellings of one file on a computer that ignores upper/lower case are one file too.
    const key = a.file.toLowerCase();
    const first = files.get(key);
    if (first === undefined) files.set(key, i);
    else issues.push({ path: ['assets', i, 'file'], message: `the file '${a.file}' is already asset '${assets[first]!.id}'; refer to that asset instead` });
  });
  return issues;
}

export function checkScenarioReferences(scenario: Scenario, manifest: Pick<Manifest, 'sources'> & { assets?: readonly Pick<Asset, 'id' | 'kind'>[] }): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const sourceIds = new Set(manifest.sources.map((s) => s.id));
  const checkSource = (ref: string | undefined, path: (string | number)[]) => {
    if (ref !== undefined && !sourceIds.has(ref))
      issues.push({ path, message: `source '${ref}' is not one of the pack's sources: ${oneOf(sourceIds)}` });
  };

  scenario.caseCard.sources.forEach((ref, i) => checkSource(ref, ['caseCard', 'sources', i]));
  issues.push(...checkAssetReferences(scenario, manifest.assets ?? []));

  const { props } = scenario.scene;
  issues.push(...duplicates(props, (p) => p.id, (i) => ['scene', 'props', i, 'id'], 'prop'));
  const propIds = new Set(props.map((p) => p.id));

  const { hazards } = scenario.hazardHunt;
  issues.push(...duplicates(hazards, (h) => h.id, (i) => ['hazardHunt', 'hazards', i, 'id'], 'hazard'));
  issues.push(
    ...duplicates(hazards, (h) => h.prop, (i) => ['hazardHunt', 'hazards', i, 'prop'], 'hazard prop').map((issue) => ({
      ...issue,
      message: issue.message.replace('hazard prop id', 'prop').replace('ids must be unique', 'one prop can hold only one hazard'),
    })),
  );
  hazards.forEach((h, i) => {
    if (!propIds.has(h.prop))
      issues.push({ path: ['hazardHunt', 'hazards', i, 'prop'], message: `prop '${h.prop}' is not in scene.props: ${oneOf(propIds)}` });
    checkSource(h.source, ['hazardHunt', 'hazards', i, 'source']);
  });

  const { nodes, start } = scenario.decisions;
  issues.push(...duplicates(nodes, (n) => n.id, (i) => ['decisions', 'nodes', i, 'id'], 'decision'));
  const nodeIds = new Set(nodes.map((n) => n.id));
  if (!nodeIds.has(start))
    issues.push({ path: ['decisions', 'start'], message: `decision '${start}' is not one of the decisions: ${oneOf(nodeIds)}` });
  nodes.forEach((node, n) => {
    issues.push(...duplicates(node.choices, (c) => c.id, (i) => ['decisions', 'nodes', n, 'choices', i, 'id'], 'choice'));
    node.choices.forEach((choice, c) => {
      if (choice.next !== undefined && !nodeIds.has(choice.next))
        issues.push({
          path: ['decisions', 'nodes', n, 'choices', c, 'next'],
          message: `decision '${choice.next}' is not one of the decisions: ${oneOf(nodeIds)}`,
        });
      checkSource(choice.source, ['decisions', 'nodes', n, 'choices', c, 'source']);
    });
    if (!node.choices.some((c) => c.safe))
      issues.push({ path: ['decisions', 'nodes', n, 'choices'], message: 'a decision needs at least one safe choice to teach' });
  });
  issues.push(...checkDecisionGraph(scenario));

  const { questions } = scenario.quiz;
  issues.push(...duplicates(questions, (q) => q.id, (i) => ['quiz', 'questions', i, 'id'], 'question'));
  questions.forEach((q, n) => {
    issues.push(...duplicates(q.choices, (c) => c.id, (i) => ['quiz', 'questions', n, 'choices', i, 'id'], 'choice'));
    const choiceIds = new Set(q.choices.map((c) => c.id));
    q.answer.forEach((a, i) => {
      if (!choiceIds.has(a))
        issues.push({ path: ['quiz', 'questions', n, 'answer', i], message: `'${a}' is not one of the choices ${oneOf(choiceIds)}` });
    });
    if (q.kind === 'single' && q.answer.length !== 1)
      issues.push({ path: ['quiz', 'questions', n, 'answer'], message: `a single-choice question has exactly one answer, not ${q.answer.length}` });
    if (new Set(q.answer).size !== q.answer.length)
      issues.push({ path: ['quiz', 'questions', n, 'answer'], message: 'an answer lists the same choice twice' });
    checkSource(q.source, ['quiz', 'questions', n, 'source']);
  });

  return issues;
}

/** Every decision must be reachable from the start, and no path may loop: a visitor's drill always ends. */
function checkDecisionGraph(scenario: Scenario): ReferenceIssue[] {
  const { nodes, start } = scenario.decisions;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (!byId.has(start)) return [];
  const issues: ReferenceIssue[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    const node = byId.get(id)!;
    node.choices.forEach((choice) => {
      if (!choice.next || !byId.has(choice.next)) return;
      const s = state.get(choice.next);
      if (s === 'visiting') {
        const n = nodes.indexOf(node);
        const c = node.choices.indexOf(choice);
        issues.push({
          path: ['decisions', 'nodes', n, 'choices', c, 'next'],
          message: `going to '${choice.next}' makes a loop; every path through the decisions must end`,
        });
      } else if (s === undefined) visit(choice.next);
    });
    state.set(id, 'done');
  };
  visit(start);
  nodes.forEach((node, n) => {
    if (!state.has(node.id))
      issues.push({ path: ['decisions', 'nodes', n, 'id'], message: `decision '${node.id}' cannot be reached from the start '${start}'` });
  });
  return issues;
}
