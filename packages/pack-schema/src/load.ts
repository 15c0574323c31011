// Turns content files (YAML text) into validated packs, or into errors that name file, line:column and document path.
// Pure: the caller reads the files (see node.ts), so the same code validates on the server, in the CLI and in tests.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { checkScenarioReferences } from './references.ts';
import { Manifest, Park, Scenario } from './schema.ts';
import type { Pack, PackError, Park as ParkT, SourceFile } from './types.ts';

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

  constructor(readonly file: SourceFile) {
    this.doc = parseDocument(file.text, { lineCounter: this.lines, prettyErrors: true, uniqueKeys: true });
  }

  syntaxErrors(): PackError[] {
    return this.doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      // The first line of a pretty error ends with "at line L, column C:", which the location prefix already says.
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { file: this.file.path, path: '', line: pos?.line, column: pos?.col, message: `YAML: ${message}` };
    });
  }

  /** The nearest node that exists on the way to `path`: a missing key is reported where its parent is. */
  errorAt(path: readonly Segment[], message: string): PackError {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { file: this.file.path, path: formatPath(path), line, column: col, message };
      }
    }
    return { file: this.file.path, path: formatPath(path), message };
  }

  /** An unknown field is reported on the line of its key, not at the start of the mapping that holds it. */
  unknownKeyAt(path: readonly Segment[], key: string): PackError {
    const map = path.length ? this.doc.getIn(path, true) : this.doc.contents;
    const pair = isMap(map) ? map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key) : undefined;
    if (!pair || !isNode(pair.key) || !pair.key.range) return this.errorAt(path, `unknown field '${key}' (check the spelling)`);
    const { line, col } = this.lines.linePos(pair.key.range[0]);
    // `{ en: Look up, above the door }` silently becomes two fields: say why, since the text looks right to an editor.
    const message =
      isMap(map) && map.flow && pair.value === null
        ? `unknown field '${key}': inside { … } a comma starts a new field, so put text that contains commas in quotes`
        : `unknown field '${key}' (check the spelling)`;
    return { file: this.file.path, path: formatPath([...path, key]), line, column: col, message };
  }

  parse<T extends z.ZodType>(schema: T): { ok: true; value: z.output<T> } | { ok: false; errors: PackError[] } {
    const syntax = this.syntaxErrors();
    if (syntax.length) return { ok: false, errors: syntax };
    if (this.doc.contents === null) return { ok: false, errors: [{ file: this.file.path, path: '', message: 'the file is empty' }] };
    const result = schema.safeParse(this.doc.toJS());
    if (result.success) return { ok: true, value: result.data };
    return {
      ok: false,
      errors: result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => this.unknownKeyAt(issue.path as Segment[], key))
          : [this.errorAt(issue.path as Segment[], describeIssue(issue))],
      ),
    };
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return `is required (${issue.expected})`;
  return issue.message;
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: PackError[] };

export interface PackFiles {
  /** The pack's folder relative to the content folder, e.g. `packs/fire-dehui-2013`. */
  dir: string;
  /** `pack.yaml`, or null when the folder has none. */
  manifest: SourceFile | null;
  /** Every file under `scenarios/`, keyed by file name (`plant.yaml`). */
  scenarios: Record<string, SourceFile>;
}

export const MANIFEST_FILE = 'pack.yaml';
export const scenarioFileName = (id: string) => `${id}.yaml`;

export function loadPack(files: PackFiles): LoadResult<Pack> {
  if (!files.manifest)
    return { ok: false, errors: [{ file: `${files.dir}/${MANIFEST_FILE}`, path: '', message: `the pack has no ${MANIFEST_FILE}` }] };
  const manifestFile = new YamlFile(files.manifest);
  const manifest = manifestFile.parse(Manifest);
  if (!manifest.ok) return manifest;
  const m = manifest.value;
  const errors: PackError[] = [];

  const folderName = files.dir.split('/').pop();
  if (folderName !== m.id)
    errors.push(manifestFile.errorAt(['id'], `the pack id '${m.id}' must match its folder name '${folderName}'`));
  const sourceDupes = new Set<string>();
  m.sources.forEach((s, i) => {
    if (sourceDupes.has(s.id)) errors.push(manifestFile.errorAt(['sources', i, 'id'], `source id '${s.id}' is used twice`));
    sourceDupes.add(s.id);
  });

  const scenarios: Pack['scenarios'] = [];
  const listed = new Set<string>();
  m.scenarios.forEach((id, i) => {
    if (listed.has(id)) {
      errors.push(manifestFile.errorAt(['scenarios', i], `scenario '${id}' is listed twice`));
      return;
    }
    listed.add(id);
    const source = files.scenarios[scenarioFileName(id)];
    if (!source) {
      errors.push(manifestFile.errorAt(['scenarios', i], `there is no file scenarios/${scenarioFileName(id)} for scenario '${id}'`));
      return;
    }
    const file = new YamlFile(source);
    const parsed = file.parse(Scenario);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      return;
    }
    if (parsed.value.id !== id)
      errors.push(file.errorAt(['id'], `the scenario id '${parsed.value.id}' must match its file name '${scenarioFileName(id)}'`));
    for (const issue of checkScenarioReferences(parsed.value, m)) errors.push(file.errorAt(issue.path, issue.message));
    scenarios.push(parsed.value);
  });
  for (const name of Object.keys(files.scenarios)) {
    if (!listed.has(name.replace(/\.yaml$/, '')))
      errors.push({ file: files.scenarios[name]!.path, path: '', message: `this scenario is not listed in ${MANIFEST_FILE} (scenarios:)` });
  }

  if (errors.length) return { ok: false, errors };
  const { scenarios: _ids, ...rest } = m;
  return { ok: true, value: { ...rest, scenarios } };
}

export function loadPark(file: SourceFile): LoadResult<ParkT> {
  const yaml = new YamlFile(file);
  const park = yaml.parse(Park);
  if (!park.ok) return park;
  const seen = new Set<string>();
  const errors = park.value.areas.flatMap((a, i) => {
    if (seen.has(a.id)) return [yaml.errorAt(['areas', i, 'id'], `area '${a.id}' is listed twice`)];
    seen.add(a.id);
    return [];
  });
  return errors.length ? { ok: false, errors } : park;
}

export function formatError(e: PackError): string {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  return `${where}${e.path ? ` ${e.path}` : ''}: ${e.message}`;
}
