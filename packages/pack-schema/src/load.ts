// Turns content files (YAML text) into validated packs, or into errors that name file, line:column and document path.
// Pure: the caller reads the files (see node.ts), so the same code validates on the server, in the CLI and in tests.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { checkAssetFiles, type ReadAsset } from './assets.ts';
import { MIGRATIONS, migrate, migratePark, scenarioPathBack } from './migrations.ts';
import { assetRefsOf, checkManifestAssets, checkScenarioReferences, type ReferenceIssue } from './references.ts';
import { Manifest, Park, Scenario, SCHEMA_VERSION } from './schema.ts';
import { checkChineseSpacing, checkTranslations } from './translations.ts';
import type { Pack, PackError, Park as ParkT, SourceFile } from './types.ts';
import { coded, type CodedMessage } from './messages/render.ts';
import { yamlSyntaxProblem } from './messages/yaml.ts';
import { codedIssue } from './messages/zod.ts';

type Segment = string | number;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => {
    if (typeof seg === 'number') return `${out}[${seg}]`;
    return out ? `${out}.${String(seg)}` : String(seg);
  }, '');
}

/** One parsed YAML file that can say where a document path is. */
class YamlFile {
  readonly doc: Document;
  private readonly lines = new LineCounter();

  /**
   * A path of the migrated document as the path of the same thing in the file as written (a pack in an older format
   * hears about its errors in its own terms, at its own lines).
   */
  pathBack: (path: readonly Segment[]) => readonly Segment[] = (path) => path;

  constructor(readonly file: SourceFile) {
    this.doc = parseDocument(file.text, { lineCounter: this.lines, prettyErrors: true, uniqueKeys: true });
  }

  /** One error however many the yaml library reports for one mistake: the first, in words that say what to fix. */
  syntaxErrors(): PackError[] {
    if (!this.doc.errors.length) return [];
    const { line, column, ...message } = yamlSyntaxProblem(this.file.text, this.doc.errors);
    return [{ file: this.file.path, path: '', ...(line ? { line, column } : {}), ...message }];
  }

  /** The nearest node that exists on the way to `path`: a missing key is reported where its parent is. */
  errorAt(migratedPath: readonly Segment[], coded: CodedMessage): PackError {
    const path = this.pathBack(migratedPath);
    const message = { code: coded.code, params: coded.params, message: coded.message };
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { file: this.file.path, path: formatPath(path), line, column: col, ...message };
      }
    }
    return { file: this.file.path, path: formatPath(path), ...message };
  }

  /** An unknown field is reported on the line of its key, not at the start of the mapping that holds it. */
  unknownKeyAt(migratedPath: readonly Segment[], key: string): PackError {
    const path = this.pathBack(migratedPath);
    const map = path.length ? this.doc.getIn(path, true) : this.doc.contents;
    const pair = isMap(map) ? map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key) : undefined;
    if (!pair || !isNode(pair.key) || !pair.key.range) return this.errorAt(path, coded('field.unknown', { key }));
    const { line, col } = this.lines.linePos(pair.key.range[0]);
    // `{ en: Look up, above the door }` silently becomes two fields: say why, since the text looks right to an editor.
    const message = isMap(map) && map.flow && pair.value === null ? coded('field.unknown-in-flow', { key }) : coded('field.unknown', { key });
    return { file: this.file.path, path: formatPath([...path, key]), line, column: col, ...message };
  }

  /** The parsed YAML as plain data, or its syntax errors. */
  data(): { ok: true; value: unknown } | { ok: false; errors: PackError[] } {
    const syntax = this.syntaxErrors();
    if (syntax.length) return { ok: false, errors: syntax };
    if (this.doc.contents === null) return { ok: false, errors: [{ file: this.file.path, path: '', ...coded('file.empty') }] };
    return { ok: true, value: this.doc.toJS() };
  }

  /** Issues found in the document (paths inside it) as errors or warnings at their lines. */
  at(issues: readonly ReferenceIssue[]): PackError[] {
    return issues.map((issue) => {
      const error = this.errorAt(issue.path, issue);
      return issue.severity ? { ...error, severity: issue.severity } : error;
    });
  }

  /** Validates `value` (by default the file's own data; a migrated copy of it when given) against `schema`. */
  parse<T extends z.ZodType>(schema: T, value?: unknown): { ok: true; value: z.output<T> } | { ok: false; errors: PackError[] } {
    let input = value;
    if (input === undefined) {
      const data = this.data();
      if (!data.ok) return data;
      input = data.value;
    }
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, value: result.data };
    return {
      ok: false,
      errors: result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => this.unknownKeyAt(issue.path as Segment[], key))
          : [this.errorAt(issue.path as Segment[], codedIssue(issue))],
      ),
    };
  }
}

export type LoadResult<T> =
  | {
      ok: true;
      value: T;
      /** Things that read wrong but do not stop the content from loading; each has `severity: 'warning'`. */
      warnings: PackError[];
      /** Set when the file was written for an older format: the version it was written for and the migrations run. */
      migrated?: { from: number; applied: string[] };
    }
  /** The errors, with any warnings mixed in (`severity: 'warning'`). */
  | { ok: false; errors: PackError[] };

export interface PackFiles {
  /** The pack's folder relative to the content folder, e.g. `packs/fire-dehui-2013`. */
  dir: string;
  /** `pack.yaml`, or null when the folder has none. */
  manifest: SourceFile | null;
  /** Every file under `scenarios/`, keyed by file name (`plant.yaml`). */
  scenarios: Record<string, SourceFile>;
  /**
   * Reads a file of the pack's `assets/` folder by its path there (`models/boxes.glb`), null when it is missing. When
   * given, `loadPack` also checks the asset files (present, of their kind, within the budgets: see assets.ts).
   */
  readAsset?: ReadAsset;
}

export const MANIFEST_FILE = 'pack.yaml';
export const scenarioFileName = (id: string) => `${id}.yaml`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asWarnings = (issues: ReferenceIssue[]): ReferenceIssue[] => issues.map((i) => ({ ...i, severity: 'warning' }));

function finish<T>(value: T, errors: PackError[], warnings: PackError[], migrated?: { from: number; applied: string[] }): LoadResult<T> {
  if (errors.length) return { ok: false, errors: [...errors, ...warnings] };
  return migrated ? { ok: true, value, warnings, migrated } : { ok: true, value, warnings };
}

export function loadPack(files: PackFiles): LoadResult<Pack> {
  if (!files.manifest)
    return { ok: false, errors: [{ file: `${files.dir}/${MANIFEST_FILE}`, path: '', ...coded('pack.no-manifest', { file: MANIFEST_FILE }) }] };
  const manifestFile = new YamlFile(files.manifest);
  const manifestData = manifestFile.data();
  if (!manifestData.ok) return manifestData;

  // Migrate the whole pack, as data, to the current format before the schema sees it.
  const scenarioFiles = new Map(Object.entries(files.scenarios).map(([name, source]) => [name, new YamlFile(source)]));
  const scenarioData = new Map([...scenarioFiles].map(([name, file]) => [name, file.data()]));
  let doc = { manifest: manifestData.value, scenarios: {} as Record<string, unknown> };
  for (const [name, data] of scenarioData) if (data.ok) doc.scenarios[name] = data.value;
  const warnings: PackError[] = [];
  let migrated: { from: number; applied: string[] } | undefined;
  if (isRecord(doc.manifest)) {
    const result = migrate(doc);
    if (!result.ok) return { ok: false, errors: [manifestFile.errorAt(['schemaVersion'], result)] };
    doc = result.doc;
    if (result.applied.length) {
      migrated = { from: result.from, applied: result.applied };
      const byHand = MIGRATIONS.filter((m) => result.applied.includes(m.name)).map((m) => m.byHand);
      warnings.push(
        ...manifestFile.at(
          asWarnings([
            {
              path: ['schemaVersion'],
              ...coded('pack.migrated', { from: result.from, to: SCHEMA_VERSION, applied: result.applied.join(', '), byHand: byHand.join('; then ') }),
            },
          ]),
        ),
      );
    }
  }

  const manifest = manifestFile.parse(Manifest, doc.manifest);
  if (!manifest.ok) return manifest;
  const m = manifest.value;
  const errors: PackError[] = [];

  const folderName = files.dir.split('/').pop();
  if (folderName !== m.id)
    errors.push(manifestFile.errorAt(['id'], coded('pack.id-folder', { id: m.id, folder: String(folderName) })));
  const sourceDupes = new Set<string>();
  m.sources.forEach((s, i) => {
    if (sourceDupes.has(s.id)) errors.push(manifestFile.errorAt(['sources', i, 'id'], coded('pack.source-twice', { id: s.id })));
    sourceDupes.add(s.id);
  });
  errors.push(...manifestFile.at(checkManifestAssets(m)));
  warnings.push(...manifestFile.at(asWarnings([...checkTranslations(m, m.locales), ...checkChineseSpacing(m)])));

  const scenarios: Pack['scenarios'] = [];
  const listed = new Set<string>();
  let allScenariosRead = true;
  m.scenarios.forEach((id, i) => {
    if (listed.has(id)) {
      errors.push(manifestFile.errorAt(['scenarios', i], coded('pack.scenario-twice', { id })));
      return;
    }
    listed.add(id);
    const name = scenarioFileName(id);
    const file = scenarioFiles.get(name);
    if (!file) {
      errors.push(manifestFile.errorAt(['scenarios', i], coded('pack.scenario-no-file', { file: name, id })));
      allScenariosRead = false;
      return;
    }
    const data = scenarioData.get(name)!;
    if (migrated) file.pathBack = (path) => scenarioPathBack(migrated!.applied, path, doc.scenarios[name]);
    const parsed = data.ok ? file.parse(Scenario, doc.scenarios[name]) : data;
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      allScenariosRead = false;
      return;
    }
    if (parsed.value.id !== id)
      errors.push(file.errorAt(['id'], coded('scenario.id-file', { id: parsed.value.id, file: name })));
    const references = file.at(checkScenarioReferences(parsed.value, m));
    errors.push(...references.filter((e) => !e.severity));
    warnings.push(...references.filter((e) => e.severity));
    warnings.push(...file.at(asWarnings([...checkTranslations(parsed.value, m.locales), ...checkChineseSpacing(parsed.value)])));
    scenarios.push(parsed.value);
  });
  for (const name of Object.keys(files.scenarios)) {
    if (!listed.has(name.replace(/\.yaml$/, '')))
      errors.push({ file: files.scenarios[name]!.path, path: '', ...coded('scenario.not-listed', { manifest: MANIFEST_FILE }) });
  }

  if (allScenariosRead) {
    const used = new Set(scenarios.flatMap(assetRefsOf));
    m.assets.forEach((asset, i) => {
      if (!used.has(asset.id))
        warnings.push(
          ...manifestFile.at(
            asWarnings([{ path: ['assets', i, 'id'], ...coded('asset.unused', { id: asset.id }) }]),
          ),
        );
    });
  }
  if (files.readAsset) {
    const issues = manifestFile.at(checkAssetFiles(m.assets, files.readAsset));
    errors.push(...issues.filter((e) => !e.severity));
    warnings.push(...issues.filter((e) => e.severity));
  }

  const { scenarios: _ids, ...rest } = m;
  return finish({ ...rest, scenarios }, errors, warnings, migrated);
}

export function loadPark(file: SourceFile): LoadResult<ParkT> {
  const yaml = new YamlFile(file);
  const data = yaml.data();
  if (!data.ok) return data;
  let value = data.value;
  let migrated: { from: number; applied: string[] } | undefined;
  if (isRecord(value)) {
    const result = migratePark(value);
    if (!result.ok) return { ok: false, errors: [yaml.errorAt(['schemaVersion'], result)] };
    value = result.park;
    if (result.from !== SCHEMA_VERSION) migrated = { from: result.from, applied: [] };
  }
  const park = yaml.parse(Park, value);
  if (!park.ok) return park;
  const seen = new Set<string>();
  const errors = park.value.areas.flatMap((a, i) => {
    if (seen.has(a.id)) return [yaml.errorAt(['areas', i, 'id'], coded('park.area-twice', { id: a.id }))];
    seen.add(a.id);
    return [];
  });
  return finish(park.value, errors, yaml.at(asWarnings(checkChineseSpacing(park.value))), migrated);
}

/** `file:line:column` (or just the file) of a content problem, as editors and their editors' jump-to-line read it. */
export function errorLocation(e: { file?: string; line?: number; column?: number }): string {
  if (!e.file) return '';
  return e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
}

export function formatError(e: PackError): string {
  return `${errorLocation(e)}${e.path ? ` ${e.path}` : ''}: ${e.message}`;
}
