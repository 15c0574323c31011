// Writes the README's example statements from the real mapping and the fire pack (see src/ruyi/examples.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { readContent } from '@ruyi/pack-schema/node';
import { EXAMPLES_END, EXAMPLES_START, exampleStatements, examplesMarkdown } from '../src/ruyi/examples.ts';

const readme = new URL('../README.md', import.meta.url);
const content = readContent(new URL('../../../content/', import.meta.url).pathname);
const pack = content.packs.find((p) => p.id === 'fire-dehui-2013');
if (!pack) throw new Error('the fire pack (content/packs/fire-dehui-2013) did not load');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(EXAMPLES_START);
const end = text.indexOf(EXAMPLES_END);
if (start < 0 || end < start) throw new Error(`README.md needs the lines\n${EXAMPLES_START}\n${EXAMPLES_END}`);
const next = `${text.slice(0, start + EXAMPLES_START.length)}\n\n${examplesMarkdown(exampleStatements(pack))}\n${text.slice(end)}`;
writeFileSync(readme, next);
console.log(next === text ? 'README.md examples were current' : 'README.md examples written');
