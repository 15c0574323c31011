// A made-up visitor playing a scenario through the real engine (startRun/next), as the kiosk app does: every record
// is the one the app would make for the same taps. Whether an answer is right follows an item-response model: the
// visitor's ability against the item's difficulty (a question, a hazard, a decision, a signal…), which is drawn once
// from the seed, so some questions are hard for everyone. A wrong answer goes to each wrong choice by its "lure",
// also drawn from the seed, so every question has a most-chosen wrong answer. Mechanics without items to get right
// or wrong (reading, rhythm, reaction) use their own stand-in visitor (`autoplay`), good or poor by the same odds.
import type { AnyMechanic, StepEnv } from '@ruyi/mechanics';
import type { Scenario } from '@ruyi/pack-schema';
import type { RecordBody } from '@ruyi/records';
import { envOf, next, recordBodyFor, runStartBody, startRun, stepOf, type RunRef, type RunState } from '@ruyi/scenario-engine';
import { chance, hashed, intBetween, normal, rng, mix, weighted, type Rng } from './random.ts';

type Move = { event: { type: string; [field: string]: unknown }; after: number };

/** The item-response model, fixed by the generator's seed. */
export interface Difficulty {
  /** An item's difficulty (logits; about normal(0, 1)), by its key `<pack>/<scenario>/<item>`. */
  of(key: string): number;
  /** How strongly a wrong choice draws those who get the item wrong (positive; relative). */
  lure(key: string, choiceId: string): number;
}

export function difficultyModel(seed: number): Difficulty {
  const cache = new Map<string, number>();
  const fixedNormal = (name: string) => normal(rng(mix(seed, name)));
  return {
    of(key) {
      let d = cache.get(key);
      if (d === undefined) cache.set(key, (d = fixedNormal(`difficulty|${key}`)));
      return d;
    },
    lure(key, choiceId) {
      const name = `lure|${key}|${choiceId}`;
      let w = cache.get(name);
      if (w === undefined) cache.set(name, (w = Math.exp(1.4 * fixedNormal(name))));
      return w;
    },
  };
}

/** The chance a visitor of this ability gets an item of this difficulty right. */
export const rightChance = (ability: number, difficulty: number) => 1 / (1 + Math.exp(-(ability - difficulty)));

export interface Player {
  /** Logits: about 1.2 for an adult, less for young pupils; a second play of a scenario adds what was learnt. */
  ability: number;
  /** Multiplies the time spent reading and thinking (not timed steps): 0.6 quick … 1.6 slow. */
  pace: number;
  next: Rng;
  model: Difficulty;
}

interface StepContext {
  step: any;
  state: any;
  env: StepEnv;
  key: (item: string) => string;
  player: Player;
  /** What this visitor decided at the step's start, kept while the step lasts. */
  plan: Record<string, unknown>;
  mechanic: AnyMechanic;
}

const rightly = (c: StepContext, item: string) => chance(c.player.next, rightChance(c.player.ability, c.player.model.of(c.key(item))));
const think = (c: StepContext, ms: number) => Math.round(ms * c.player.pace * (0.6 + 0.8 * c.player.next()));
const lured = <T extends { id: string }>(c: StepContext, item: string, wrong: readonly T[]) => weighted(c.player.next, wrong, (w) => c.player.model.lure(c.key(item), w.id));
/** The mechanic's own stand-in visitor, good with the visitor's odds for the step as a whole. */
function stand(c: StepContext): Move | null {
  if (c.plan.skill === undefined) c.plan.skill = rightly(c, `step-${c.step.id}`) ? 'good' : 'poor';
  return c.mechanic.autoplay?.(c.step, c.state, c.env, c.plan.skill as 'good' | 'poor') ?? null;
}

const MOVES: Record<string, (c: StepContext) => Move | null> = {
  'case-card': (c) => ({ event: { type: 'continue' }, after: think(c, 22_000) }),

  quiz(c) {
    const question = c.step.questions[c.state.index];
    if (!question) return null;
    if (c.state.answers[question.id]) return { event: { type: 'next' }, after: think(c, 5_000) };
    const answer: string[] = question.answer;
    const wrong = question.choices.filter((ch: { id: string }) => !answer.includes(ch.id));
    let choiceIds = answer;
    if (!rightly(c, question.id) && wrong.length) {
      const lure = lured(c, question.id, wrong).id;
      // A multiple-choice question is got wrong by a lure among the right ones, or by one right choice left out.
      choiceIds = question.kind === 'single' ? [lure] : answer.length > 1 && chance(c.player.next, 0.5) ? answer.slice(1) : [...answer, lure];
    }
    return { event: { type: 'answer', choiceIds }, after: think(c, 10_000) };
  },

  decisions(c) {
    if (c.state.pending !== null) return { event: { type: 'continue' }, after: think(c, 6_000) };
    const node = c.step.nodes.find((n: { id: string }) => n.id === c.state.nodeId);
    if (!node) return null;
    const safe = node.choices.filter((ch: { safe: boolean }) => ch.safe);
    const unsafe = node.choices.filter((ch: { safe: boolean }) => !ch.safe);
    const choice = (rightly(c, node.id) || unsafe.length === 0) && safe.length ? safe[0] : lured(c, node.id, unsafe);
    return { event: { type: 'choose', choiceId: choice.id }, after: think(c, 8_000) };
  },

  'hazard-hunt'(c) {
    if (c.state.stage === 'review') return { event: { type: 'continue' }, after: think(c, 9_000) };
    if (!c.plan.taps) {
      // Which hazards this visitor will spot, and which other objects they will tap first, in a plausible order.
      const found = c.step.hazards.filter((h: { id: string }) => rightly(c, h.id)).map((h: { prop: string }) => h.prop);
      const hazardProps = new Set(c.step.hazards.map((h: { prop: string }) => h.prop));
      const others = c.env.props.filter((p) => !hazardProps.has(p.id));
      const misses = others.length ? intBetween(c.player.next, 0, c.player.ability > 1 ? 1 : 3) : 0;
      const taps: string[] = [...found];
      for (let i = 0; i < misses; i++) taps.splice(intBetween(c.player.next, 0, taps.length), 0, lured(c, 'wrong-taps', others).id);
      c.plan.taps = taps;
    }
    const taps = c.plan.taps as string[];
    const prop = taps.shift();
    return prop ? { event: { type: 'inspect', propId: prop }, after: think(c, 7_000) } : { event: { type: 'end-search' }, after: think(c, 3_000) };
  },

  'timed-choice'(c) {
    if (c.state.phase === 'intro') return { event: { type: 'begin' }, after: think(c, 5_000) };
    if (c.state.phase === 'feedback') return { event: { type: 'continue' }, after: think(c, 5_000) };
    const situation = c.step.situations[c.state.index];
    if (c.state.phase !== 'choosing' || !situation) return null;
    const limit = Math.round(situation.seconds * 1000);
    const quick = Math.max(300, Math.min(limit - 200, Math.round(limit * (0.2 + 0.6 * c.player.next()))));
    const safe = situation.choices.filter((ch: { safe: boolean }) => ch.safe);
    const unsafe = situation.choices.filter((ch: { safe: boolean }) => !ch.safe);
    if (rightly(c, situation.id) && safe.length) return { event: { type: 'choose', choiceId: safe[0].id }, after: quick };
    // Freezing until the time runs out is one of the wrong answers.
    if (!unsafe.length || chance(c.player.next, 0.3)) return { event: { type: 'timeout' }, after: limit };
    return { event: { type: 'choose', choiceId: lured(c, situation.id, unsafe).id }, after: quick };
  },

  'audio-recognition'(c) {
    if (c.state.chosen !== null) return { event: { type: 'continue' }, after: think(c, 4_000) };
    const round = c.step.rounds[c.state.round];
    if (!round) return null;
    const wrong = (c.state.order as string[]).filter((id) => id !== round.signal).map((id) => ({ id }));
    const pick = rightly(c, round.id) || !wrong.length ? round.signal : lured(c, round.id, wrong).id;
    return { event: { type: 'choose', signalId: pick }, after: think(c, 9_000) };
  },

  'ordered-steps'(c) {
    const { step, state } = c;
    if (state.stage === 'choose') {
      if (state.chosen !== null) return { event: { type: 'continue' }, after: think(c, 3_000) };
      const options = step.choose?.options ?? [];
      const right = options.filter((o: { right: boolean }) => o.right);
      const wrong = options.filter((o: { right: boolean }) => !o.right);
      const option = (rightly(c, step.id) || !wrong.length) && right.length ? right[0] : lured(c, step.id, wrong);
      return { event: { type: 'choose', optionId: option.id }, after: think(c, 5_000) };
    }
    if (state.done.length >= step.actions.length) return { event: { type: 'continue' }, after: think(c, 2_000) };
    const due = step.actions[state.done.length];
    // Before each step of the drill, a visitor who does not know it taps a wrong action (a distractor, or a step too early).
    if (state.wrong.length < 3 && state.last?.outcome !== 'distractor' && state.last?.outcome !== 'too-early' && !rightly(c, due.id)) {
      const early = step.actions.slice(state.done.length + 1);
      const distractors = step.distractors.filter((d: { id: string }) => !state.wrong.includes(d.id));
      const candidates = [...distractors, ...early];
      if (candidates.length) return { event: { type: 'act', actionId: lured(c, due.id, candidates).id }, after: think(c, 2_500) };
    }
    return { event: { type: 'act', actionId: due.id }, after: think(c, 3_500) };
  },
};

export interface PlayedRecords {
  records: { body: RecordBody; at: number }[];
  /** The run reached its result (not left before its end). */
  finished: boolean;
  passed: boolean | null;
  scaled: number | null;
  end: number;
}

/**
 * Plays `scenario` from `start` (ms since the epoch) and returns its records with their times. With `leaveBefore`
 * (a step id), the visitor walks away when that step comes: the run has no end, as on a kiosk left alone.
 */
export function playRun(scenario: Scenario, run: RunRef, player: Player, start: number, runSeed: number, leaveBefore?: string): PlayedRecords {
  let now = start;
  let state: RunState = startRun(scenario, now, runSeed);
  const records: PlayedRecords['records'] = [{ body: runStartBody(run, runSeed), at: now }];
  const env = envOf(scenario, runSeed);
  let plan: Record<string, unknown> = {};
  let planFor: string | null = null;
  let stuck = false;
  let passed: boolean | null = null;
  let scaled: number | null = null;
  const key = (item: string) => `${run.packId}/${run.scenarioId}/${item}`;
  for (let i = 0; i < 5_000 && state.current; i++) {
    const current = state.current;
    if (current.stepId === leaveBefore) break;
    const found = stepOf(scenario, current.stepId)!;
    if (planFor !== current.stepId) {
      plan = {};
      planFor = current.stepId;
      stuck = false;
    }
    const c: StepContext = { step: found.step, state: current.state, env, key, player, plan, mechanic: found.mechanic };
    const own = stuck ? undefined : MOVES[found.step.mechanic];
    const move = own ? own(c) : stand(c);
    if (!move) throw new Error(`step '${found.step.id}' (${found.step.mechanic}) of '${scenario.id}' has no move for a made-up visitor`);
    now += move.after;
    const t = next(scenario, state, { stepId: current.stepId, event: move.event, now });
    // A move the step did not take (the content allows less than the visitor tried): the stand-in finishes the step.
    if (t.outcomes.length === 0 && t.state.current?.stepId === current.stepId && t.state.current.state === current.state) {
      if (stuck) c.plan.skill = 'good';
      stuck = true;
    }
    state = t.state;
    for (const outcome of t.outcomes) {
      records.push({ body: recordBodyFor(outcome, run), at: now });
      if (outcome.kind === 'scenario-end') {
        passed = outcome.passed;
        scaled = outcome.score.scaled;
      }
    }
  }
  if (state.current && leaveBefore === undefined) throw new Error(`the made-up run of '${scenario.id}' did not end`);
  return { records, finished: passed !== null, passed, scaled, end: now };
}
