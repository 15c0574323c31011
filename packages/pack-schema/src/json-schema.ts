// JSON Schemas of the three YAML documents, generated from the zod schema, so an editor's VS Code (with the Red Hat
// YAML extension) completes field names and shows what each field means on hover. The files in content/schema/ are
// committed; a test fails when they are out of date. Regenerate them with
//   node --import tsx packages/pack-schema/src/json-schema.ts --write
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Manifest, Park, Scenario, SCHEMA_VERSION } from './schema.ts';

/** Where the schemas live, relative to the repository root, and the command that writes them. */
export const JSON_SCHEMA_DIR = 'content/schema';
export const JSON_SCHEMA_COMMAND = 'node --import tsx packages/pack-schema/src/json-schema.ts --write';

const DOCUMENTS = {
  'pack.schema.json': {
    schema: Manifest,
    title: 'Ruyi scenario pack: pack.yaml',
    description: `The manifest of a scenario pack (content/packs/<id>/pack.yaml), pack format ${SCHEMA_VERSION}.`,
  },
  'scenario.schema.json': {
    schema: Scenario,
    title: 'Ruyi scenario: scenarios/<id>.yaml',
    description: 'One scenario of a pack: its scene and its steps (case card, hazard hunt, decisions, quiz, drills…), each an instance of a mechanic.',
  },
  'park.schema.json': {
    schema: Park,
    title: 'Ruyi park: park.yaml',
    description: "The park's name and its experience areas (content/park.yaml).",
  },
} as const;

export type JsonSchemaFile = keyof typeof DOCUMENTS;

/**
 * The JSON Schemas, by file name, as the files' text. Draft 7, which the YAML extension reads fully; `io: 'input'`,
 * so a field with a default is optional, as it is for an editor.
 */
export function jsonSchemas(): Record<JsonSchemaFile, string> {
  const out = {} as Record<JsonSchemaFile, string>;
  for (const [file, { schema, title, description }] of Object.entries(DOCUMENTS) as [JsonSchemaFile, (typeof DOCUMENTS)[JsonSchemaFile]][]) {
    const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
    const { $schema, ...rest } = json;
    out[file] = `${JSON.stringify({ $schema, title, ...rest, description }, null, 2)}\n`;
  }
  return out;
}

/** The files in `dir` whose text differs from what `jsonSchemas()` makes now (missing ones included). */
export function staleJsonSchemas(dir: string): JsonSchemaFile[] {
  return (Object.entries(jsonSchemas()) as [JsonSchemaFile, string][])
    .filter(([file, text]) => {
      try {
        return readFileSync(join(dir, file), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

export function writeJsonSchemas(dir: string): JsonSchemaFile[] {
  mkdirSync(dir, { recursive: true });
  const schemas = jsonSchemas();
  for (const [file, text] of Object.entries(schemas)) writeFileSync(join(dir, file), text);
  return Object.keys(schemas) as JsonSchemaFile[];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL(`../../../${JSON_SCHEMA_DIR}`, import.meta.url));
  if (process.argv.includes('--write')) {
    for (const file of writeJsonSchemas(dir)) console.log(`wrote ${JSON_SCHEMA_DIR}/${file}`);
  } else {
    const stale = staleJsonSchemas(dir);
    if (stale.length) {
      console.error(`${stale.map((f) => `${JSON_SCHEMA_DIR}/${f}`).join(', ')} out of date: run ${JSON_SCHEMA_COMMAND}`);
      process.exitCode = 1;
    } else console.log(`${JSON_SCHEMA_DIR} is up to date`);
  }
}
