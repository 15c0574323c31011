// The JSON Schemas editors' VS Code reads: committed, up to date, carrying the field help, and accepting real packs.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// Ajv (draft 7) comes with Fastify; it is used here only to check the generated schemas against real files.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURE_CONTENT_DIR } from '../test-fixtures/fixtures.ts';
import { JSON_SCHEMA_COMMAND, jsonSchemas, staleJsonSchemas } from './json-schema.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA_DIR = `${ROOT}content/schema`;
const schemas = jsonSchemas();
const json = (file: keyof typeof schemas) => JSON.parse(schemas[file]) as Record<string, any>;

describe('content/schema', () => {
  it('is up to date with the zod schema', () => {
    const stale = staleJsonSchemas(SCHEMA_DIR);
    expect(stale, `content/schema/${stale.join(', ')} out of date: run ${JSON_SCHEMA_COMMAND}`).toEqual([]);
  });

  it('carries the descriptions VS Code shows on hover', () => {
    const pack = json('pack.schema.json');
    expect(pack.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(pack.properties.locales.description).toMatch(/languages the pack provides/);
    expect(pack.properties.assets.description).toMatch(/assets\/ folder/);
    expect(pack.properties.assets.items.oneOf[1].properties.alt.description).toMatch(/screen reader/);
    const scenario = json('scenario.schema.json');
    const prop = scenario.properties.scene.properties.props.items;
    expect(prop.properties.model.description).toMatch(/model asset/);
    expect(prop.properties.position.description).toMatch(/metres/);
    const steps = scenario.properties.steps.items.oneOf ?? scenario.properties.steps.items.anyOf;
    const caseCard = steps.find((s: { properties: { mechanic: { const: string } } }) => s.properties.mechanic.const === 'case-card');
    expect(caseCard.properties.narration.description).toMatch(/recorded reading/);
    expect(caseCard.properties.mechanic.description).toMatch(/ordered-steps/);
    expect(scenario.properties.title.properties['zh-CN'].description).toMatch(/Chinese/);
  });

  it('leaves fields with a default optional, as they are for an editor', () => {
    const prop = json('scenario.schema.json').properties.scene.properties.props.items;
    expect(prop.required).toEqual(['id', 'kind', 'position', 'label']);
  });
});

describe('the JSON Schemas accept the real content and the test fixtures', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validators = Object.fromEntries(Object.entries(schemas).map(([file, text]) => [file, ajv.compile(JSON.parse(text))]));
  const valid = (schemaFile: string, path: string) => {
    const validate = validators[schemaFile]!;
    const ok = validate(parse(readFileSync(path, 'utf8')));
    return ok ? [] : (validate.errors ?? []).map((e) => `${path}: ${e.instancePath} ${e.message}`);
  };

  for (const contentDir of [`${ROOT}content`, FIXTURE_CONTENT_DIR]) {
    it(contentDir.replace(ROOT, ''), () => {
      const errors = [...valid('park.schema.json', `${contentDir}/park.yaml`)];
      for (const pack of readdirSync(`${contentDir}/packs`)) {
        errors.push(...valid('pack.schema.json', `${contentDir}/packs/${pack}/pack.yaml`));
        for (const file of readdirSync(`${contentDir}/packs/${pack}/scenarios`))
          errors.push(...valid('scenario.schema.json', `${contentDir}/packs/${pack}/scenarios/${file}`));
      }
      expect(errors).toEqual([]);
    });
  }

  it('and rejects what the loader rejects: a misspelt field, an asset path leaving assets/', () => {
    const validate = validators['pack.schema.json']!;
    const pack = parse(readFileSync(`${FIXTURE_CONTENT_DIR}/packs/tiny-pack/pack.yaml`, 'utf8'));
    expect(validate({ ...pack, authros: [] })).toBe(false);
    expect(validate({ ...pack, assets: [{ id: 'a', kind: 'model', file: '../a.glb' }] })).toBe(false);
    expect(validate({ ...pack, assets: [{ id: 'a', kind: 'image', file: 'a.png' }] })).toBe(false); // no alt
    expect(validate({ ...pack, assets: [{ id: 'a', kind: 'image', file: 'a.PNG', alt: { 'zh-CN': '图', en: 'A picture' } }] })).toBe(true);
  });
});
