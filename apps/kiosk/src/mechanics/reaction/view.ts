// What both views say about the drill, in one place, so the screen and the headset never disagree.
import { actionOf, isSpent, reactionOutcome, type ReactionOutcome, type ReactionState, type ReactionStep } from '@ruyi/mechanics/reaction';
import type { LocalizedText } from '@ruyi/pack-schema';

type T = (key: string, options?: Record<string, unknown>) => string;
type L = (text: LocalizedText) => string;

export const k = (t: (key: string, options?: Record<string, unknown>) => string): T => (key, options) => t(`mechanics.reaction.${key}`, options);

export interface ShownAction {
  id: string;
  label: string;
  /** Tapped and done with: a right action done, or a wrong one tapped (another tap changes nothing). */
  spent: 'right' | 'wrong' | null;
}

/** The actions in the order shown, each with what became of it. */
export function shownActions(step: ReactionStep, state: ReactionState, l: L): ShownAction[] {
  return state.order.flatMap((id) => {
    const action = actionOf(step, id);
    if (!action) return [];
    const spent = isSpent(step, state, id) ? (action.kind === 'right' ? 'right' : 'wrong') : null;
    return [{ id, label: l(action.label), spent }];
  });
}

/** The live line after a tap: right, not yet, or wrong (with a mark: never colour alone). */
export function liveLine(step: ReactionStep, state: ReactionState, t: T, l: L): { good: boolean; text: string } | null {
  const last = state.last;
  if (!last) return null;
  const action = actionOf(step, last.actionId);
  if (!action) return null;
  const name = l(action.label);
  if (last.result === 'right') return { good: true, text: t('right', { action: name }) };
  if (last.result === 'distractor') return { good: false, text: `${t('distractor', { action: name })} ${l(action.feedback)}` };
  const next = step.actions[state.progress];
  return { good: false, text: t('wrongOrder', { action: name, next: next ? l(next.label) : '' }) };
}

const seconds = (ms: number) => (Math.round(ms / 100) / 10).toString();

/** The result once the drill is over: its words and how it went. */
export function verdict(step: ReactionStep, state: ReactionState, t: T): { outcome: ReactionOutcome; text: string } | null {
  const outcome = reactionOutcome(step, state);
  if (!outcome) return null;
  const within = step.withinSeconds;
  const text =
    outcome === 'in-time'
      ? t('inTime', { seconds: seconds(state.reactionMs!), within })
      : outcome === 'late'
        ? t('late', { seconds: seconds(state.reactionMs!), within })
        : outcome === 'wrong'
          ? t('wrongVerdict')
          : t('timedOut', { limit: 2 * within });
  return { outcome, text };
}

/** The mark of a verdict: ✔ in time, ⚠ late, ✘ otherwise. */
export const verdictMark = (outcome: ReactionOutcome) => (outcome === 'in-time' ? '✔' : outcome === 'late' ? '⚠' : '✘');

/** The wrong taps, each once, with why they were wrong. */
export function wrongTaps(step: ReactionStep, state: ReactionState, t: T, l: L): { id: string; label: string; why: string }[] {
  const out: { id: string; label: string; why: string }[] = [];
  let progress = 0;
  for (const id of state.tapped) {
    const action = actionOf(step, id);
    if (!action) continue;
    if (action.kind === 'right' && action.index === progress) {
      progress++;
      continue;
    }
    if (out.some((w) => w.id === id)) continue;
    out.push({ id, label: l(action.label), why: action.kind === 'distractor' ? l(action.feedback) : t('outOfOrder') });
  }
  return out;
}
