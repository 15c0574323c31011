// Coded messages for code outside this package's loader (the mechanics' step formats and checks), importable without
// the loader itself: a mechanic's schema is part of the pack schema, so importing the package's index would be a cycle.
import type { MessageCode } from './catalogue.ts';
import { coded, type CodedMessage, type MessageParams } from './render.ts';

export { coded, withReason, REASON_CODE, type CodedMessage, type MessageParams } from './render.ts';
export type { MessageCode } from './catalogue.ts';

/** Where a schema issue keeps the code its `error:` option gave it (read by `codedIssue`). */
export const ISSUE_CODE = 'ruyiMessage';

/**
 * A schema `error:` option that gives the issue a catalogue code and params, so nobody has to recognise its English.
 * The schema library only keeps the text an error option returns, and it copies the issue's own fields after asking
 * for that text: the code rides on the issue as a field of its own (messages.test.ts fails if that ever stops working).
 */
export function codedError(code: MessageCode, params: MessageParams = {}): (issue: object) => string {
  const message = coded(code, params);
  return (issue) => {
    (issue as Record<string, unknown>)[ISSUE_CODE] = message;
    return message.message;
  };
}

/** The code a schema issue got from `codedError`, if any. */
export function issueCode(issue: object): CodedMessage | undefined {
  const found = (issue as Record<string, unknown>)[ISSUE_CODE];
  return found && typeof found === 'object' ? (found as CodedMessage) : undefined;
}
