// The step of a scenario as packs write it: one schema per mechanic (its own fields and the common ones), told apart
// by `mechanic:`. The pack format takes its `steps:` from here.
import { codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import { stepCommonFields } from './common.ts';
import { MECHANIC_NAMES, MECHANICS, type MechanicName } from './registry.ts';

function stepSchema<N extends MechanicName>(name: N) {
  const mechanic = MECHANICS[name];
  return z
    .strictObject({
      ...stepCommonFields,
      mechanic: z.literal(name).describe(`The kind of step: ${MECHANIC_NAMES.join(', ')}.`),
      ...mechanic.fields,
    })
    .describe(`A ${name} step: ${mechanic.description}`);
}

export const STEP_SCHEMAS = Object.fromEntries(MECHANIC_NAMES.map((name) => [name, stepSchema(name)])) as {
  [N in MechanicName]: ReturnType<typeof stepSchema<N>>;
};

const unknownMechanic = codedError('schema.mechanic', { values: MECHANIC_NAMES.join(', ') });

export const Step = z
  .discriminatedUnion('mechanic', Object.values(STEP_SCHEMAS) as unknown as [ReturnType<typeof stepSchema<MechanicName>>], {
    error: (issue) => (issue.code === 'invalid_union' ? unknownMechanic(issue) : undefined),
  })
  .describe('One step of the scenario: { id, mechanic, … } with the fields of its mechanic.');

export type Step = z.infer<typeof Step>;
