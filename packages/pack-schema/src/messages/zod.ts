// A schema issue as a coded message. The schema's own words (an `error:` written in the schema or a mechanic's step
// format, with `codedError`) keep their code; otherwise the issue's code and numbers make a plain sentence naming the
// field. `message` stays the wording the issue always had, for programs that read it.
import type { z } from 'zod';
import type { MessageCode } from './catalogue.ts';
import { issueCode } from './coded.ts';
import type { CodedMessage, MessageParams } from './render.ts';

/** The message an issue always had: zod's own, or "is required (type)" for a missing field. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return `is required (${issue.expected})`;
  return issue.message;
}

const values = (list: readonly unknown[]) => list.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
const sized = (origin: string) => (origin === 'array' || origin === 'set' ? 'array' : origin === 'string' ? 'string' : 'number');

/** The code and params of an issue the schema library worded itself. */
function generic(issue: z.core.$ZodIssue): { code: MessageCode; params: MessageParams } {
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1] ?? 'something else';
      if (received === 'undefined') return { code: 'zod.required', params: { expected: issue.expected } };
      return { code: 'zod.invalid_type', params: { expected: issue.expected, received } };
    }
    case 'invalid_value':
      return { code: 'zod.invalid_value', params: { values: values(issue.values) } };
    case 'too_small': {
      const kind = sized(issue.origin);
      const code = kind === 'number' && issue.inclusive === false ? 'zod.too_small.number-exclusive' : (`zod.too_small.${kind}` as const);
      return { code, params: { minimum: Number(issue.minimum) } };
    }
    case 'too_big': {
      const kind = sized(issue.origin);
      const code = kind === 'number' && issue.inclusive === false ? 'zod.too_big.number-exclusive' : (`zod.too_big.${kind}` as const);
      return { code, params: { maximum: Number(issue.maximum) } };
    }
    case 'invalid_format':
      return { code: 'zod.invalid_format', params: { format: issue.format } };
    case 'not_multiple_of':
      return { code: 'zod.not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'invalid_union':
      return { code: 'zod.invalid_union', params: {} };
    case 'invalid_key':
      return { code: 'zod.invalid_key', params: {} };
    case 'invalid_element':
      return { code: 'zod.invalid_element', params: {} };
    default:
      return { code: 'zod.custom', params: {} };
  }
}

/** Codes the generic mapping may give (the catalogue test checks each has both texts). */
export const ZOD_ISSUE_CODES: readonly MessageCode[] = [
  'zod.required',
  'zod.invalid_type',
  'zod.invalid_value',
  'zod.too_small.array',
  'zod.too_small.string',
  'zod.too_small.number',
  'zod.too_small.number-exclusive',
  'zod.too_big.array',
  'zod.too_big.string',
  'zod.too_big.number',
  'zod.too_big.number-exclusive',
  'zod.invalid_format',
  'zod.not_multiple_of',
  'zod.invalid_union',
  'zod.invalid_key',
  'zod.invalid_element',
  'zod.custom',
];

export function codedIssue(issue: z.core.$ZodIssue): CodedMessage {
  const message = issueMessage(issue);
  // A text written in the schema or a mechanic carries its own code (codedError); the library's own words get the issue's.
  const own = issueCode(issue);
  if (own) return { code: own.code, params: own.params, message };
  return { ...generic(issue), message };
}
