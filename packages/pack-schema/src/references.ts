// Checks the schema alone cannot express: unique ids, every reference (prop, source, step, asset) resolving to
// something of the right kind, and a scenario whose every path ends. Each mechanic checks its own step's references.
import { duplicates, mechanicOf } from '@ruyi/mechanics';
import { extensionList, type AssetKind, type LOCALES } from './schema.ts';
import type { Asset, Manifest, Scenario } from './types.ts';
import { coded, type CodedMessage } from './messages/coded.ts';

/** A problem found in a document, with its catalogue code and params (messages/catalogue.ts): never English alone. */
export interface ReferenceIssue extends CodedMessage {
  /** Path segments inside the scenario document. */
  path: (string | number)[];
  /** Absent for an error. */
  severity?: 'warning';
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
function checkAsset(assets: readonly Pick<Asset, 'id' | 'kind'>[], ref: string, kind: AssetKind, field: string): CodedMessage | null {
  const asset = assets.find((a) => a.id === ref);
  if (!asset) {
    const ofKind = assets.filter((a) => a.kind === kind).map((a) => a.id);
    return coded('asset.not-found', { ref, kind, known: oneOf(ofKind) });
  }
  if (asset.kind !== kind)
    return coded('asset.wrong-kind', { ref, actual: A_KIND[asset.kind], slot: field, needed: kind === 'audio' ? 'an audio' : A_KIND[kind], extensions: extensionList(kind) });
  return null;
}

type Path = (string | number)[];

/** Every asset a scenario names, wherever it is: prop `model:`, a step's `image:` and `narration:` (per language). */
function assetRefs(scenario: Scenario): { ref: string; kind: AssetKind; field: string; path: Path }[] {
  const refs: { ref: string; kind: AssetKind; field: string; path: Path }[] = [];
  scenario.scene.props.forEach((p, i) => p.model && refs.push({ ref: p.model, kind: 'model', field: 'model:', path: ['scene', 'props', i, 'model'] }));
  scenario.steps.forEach((step, i) => {
    const s = step as Record<string, unknown>;
    if (typeof s.image === 'string') refs.push({ ref: s.image, kind: 'image', field: 'image:', path: ['steps', i, 'image'] });
    for (const [locale, ref] of Object.entries((s.narration ?? {}) as Record<(typeof LOCALES)[number], string | undefined>))
      if (ref) refs.push({ ref, kind: 'audio', field: 'narration:', path: ['steps', i, 'narration', locale] });
  });
  return refs;
}

/** The asset references of a scenario: prop models, images and narration. */
export function checkAssetReferences(scenario: Scenario, assets: readonly Pick<Asset, 'id' | 'kind'>[]): ReferenceIssue[] {
  return assetRefs(scenario).flatMap(({ ref, kind, field, path }) => {
    const message = checkAsset(assets, ref, kind, field);
    return message ? [{ path, ...message }] : [];
  });
}

/** The asset ids a scenario refers to. */
export function assetRefsOf(scenario: Scenario): string[] {
  return assetRefs(scenario).map((r) => r.ref);
}

/** pack.yaml's `assets:`: unique ids, and no two entries on the same file. Paths are inside pack.yaml. */
export function checkManifestAssets(manifest: Pick<Manifest, 'assets'>): ReferenceIssue[] {
  const { assets } = manifest;
  const issues: ReferenceIssue[] = duplicates(assets, (a) => a.id, (i) => ['assets', i, 'id'], 'asset');
  const files = new Map<string, number>();
  assets.forEach((a, i) => {
    // Two spellings of one file on a computer that ignores upper/lower case are one file too.
    const key = a.file.toLowerCase();
    const first = files.get(key);
    if (first === undefined) files.set(key, i);
    else issues.push({ path: ['assets', i, 'file'], ...coded('asset.file-twice', { file: a.file, id: assets[first]!.id }) });
  });
  return issues;
}

/** Every `source:` and `sources:` in a step, with its path (any mechanic may cite the pack's sources). */
function sourceRefs(value: unknown, path: Path): { ref: string; path: Path }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sourceRefs(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if (key === 'source' && typeof v === 'string') return [{ ref: v, path: [...path, key] }];
    if (key === 'sources' && Array.isArray(v)) return v.flatMap((ref, i) => (typeof ref === 'string' ? [{ ref, path: [...path, key, i] }] : []));
    return sourceRefs(v, [...path, key]);
  });
}

export function checkScenarioReferences(scenario: Scenario, manifest: Pick<Manifest, 'sources'> & { assets?: readonly Pick<Asset, 'id' | 'kind'>[] }): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const sourceIds = new Set(manifest.sources.map((s) => s.id));
  for (const { ref, path } of sourceRefs(scenario.steps, ['steps']))
    if (!sourceIds.has(ref)) issues.push({ path, ...coded('source.unknown', { ref, known: oneOf(sourceIds) }) });
  issues.push(...checkAssetReferences(scenario, manifest.assets ?? []));

  const { props } = scenario.scene;
  issues.push(...duplicates(props, (p) => p.id, (i) => ['scene', 'props', i, 'id'], 'prop'));
  issues.push(...duplicates(scenario.steps, (s) => s.id, (i) => ['steps', i, 'id'], 'step'));

  // Hazards, decisions, questions, actions… name xAPI activities of the scenario: two steps of one mechanic must not
  // both define the same id.
  const owner = new Map<string, string>();
  scenario.steps.forEach((step, i) => {
    const mechanic = mechanicOf(step.mechanic)!;
    // (Within one step, each mechanic reports its own duplicates, where they are.)
    for (const id of new Set(mechanic.ids(step))) {
      const key = `${step.mechanic}/${id}`;
      const first = owner.get(key);
      if (first !== undefined)
        issues.push({ path: ['steps', i], ...coded('step.id-in-other', { id, mechanic: step.mechanic, first }) });
      else owner.set(key, step.id);
    }
    for (const issue of mechanic.references(step, { props })) issues.push({ ...issue, path: ['steps', i, ...issue.path] });
  });
  issues.push(...checkStepGraph(scenario));
  return issues;
}

/** Every place a step may lead (its next, its branches, and its mechanic's own jumps), with where it says so. */
function stepTargets(scenario: Scenario, i: number): { path: Path; to: string }[] {
  const step = scenario.steps[i]!;
  const targets: { path: Path; to: string }[] = [];
  if (step.next !== undefined) targets.push({ path: ['steps', i, 'next'], to: step.next });
  else if (i + 1 < scenario.steps.length) targets.push({ path: ['steps', i, 'id'], to: scenario.steps[i + 1]!.id });
  step.branches?.forEach((b, j) => targets.push({ path: ['steps', i, 'branches', j, 'to'], to: b.to }));
  for (const t of mechanicOf(step.mechanic)!.targets(step)) targets.push({ path: ['steps', i, ...t.path], to: t.to });
  return targets;
}

/** Every step a target names exists, every step can be reached from the first, and no path loops: a run always ends. */
function checkStepGraph(scenario: Scenario): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const index = new Map(scenario.steps.map((s, i) => [s.id, i]));
  const ids = [...index.keys()];
  scenario.steps.forEach((_, i) => {
    for (const t of stepTargets(scenario, i))
      if (t.to !== 'end' && !index.has(t.to)) issues.push({ path: t.path, ...coded('step.unknown-target', { to: t.to, known: ids.join(', ') }) });
  });
  scenario.steps.forEach((s, i) => {
    if (s.id === 'end') issues.push({ path: ['steps', i, 'id'], ...coded('step.id-end') });
  });
  const mark = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number): void => {
    mark.set(i, 'visiting');
    for (const t of stepTargets(scenario, i)) {
      const j = index.get(t.to);
      if (j === undefined) continue;
      if (mark.get(j) === 'visiting') issues.push({ path: t.path, ...coded('step.loop', { to: t.to }) });
      else if (!mark.has(j)) visit(j);
    }
    mark.set(i, 'done');
  };
  if (scenario.steps.length) visit(0);
  scenario.steps.forEach((s, i) => {
    if (!mark.has(i)) issues.push({ path: ['steps', i, 'id'], ...coded('step.unreachable', { id: s.id }) });
  });
  if (!issues.length) issues.push(...checkKnowledgeOnEveryPath(scenario));
  return issues;
}

/** Whether a step is a knowledge check: passing the scenario needs it. */
const isKnowledgeCheck = (step: Scenario['steps'][number]) => (step.passAt ?? mechanicOf(step.mechanic)?.knowledgePassAt ?? null) !== null;

/**
 * A scenario with knowledge checks should not let a visitor reach the result around all of them (a branch or a
 * choice's goto to `end`): only the checks a visitor played count, so such a path passes on the rest alone.
 */
function checkKnowledgeOnEveryPath(scenario: Scenario): ReferenceIssue[] {
  if (!scenario.steps.some(isKnowledgeCheck)) return [];
  const index = new Map(scenario.steps.map((s, i) => [s.id, i]));
  const memo = new Map<number, { path: Path; to: string } | null>();
  // On a path from step i to the result that meets no knowledge check, the target that goes to the result.
  const around = (i: number): { path: Path; to: string } | null => {
    if (memo.has(i)) return memo.get(i)!;
    memo.set(i, null);
    let found: { path: Path; to: string } | null = null;
    if (!isKnowledgeCheck(scenario.steps[i]!))
      for (const t of stepTargets(scenario, i)) {
        const j = index.get(t.to);
        // Reported where the path leaves for the result, which is where an editor changes it.
        found = t.to === 'end' ? t : j !== undefined ? around(j) : null;
        if (found) break;
      }
    memo.set(i, found);
    return found;
  };
  const bypass = around(0);
  if (!bypass) return [];
  return [
    {
      path: bypass.path,
      ...coded('step.knowledge-bypass', { checks: scenario.steps.filter(isKnowledgeCheck).map((s) => s.id).join(', ') }),
      severity: 'warning',
    },
  ];
}
