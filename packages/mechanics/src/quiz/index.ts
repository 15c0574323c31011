// Questions on what the scenario taught: one or several right choices each, explained after answering. The quiz is the
// scenario's knowledge check: without enough right answers the scenario is not passed.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepOf } from '../contract.ts';
import { duplicates, list, oneOf, pointsEach, shuffled, shuffleField, tally } from '../common.ts';
import { locales } from './locales.ts';

const QuizChoice = z.strictObject({ id: Id, label: LocalizedText });

const Question = z.strictObject({
  id: Id.describe('The question\'s id, unique in the scenario.'),
  kind: z.enum(['single', 'multiple']).describe('single: one right choice; multiple: a visitor picks every right choice.'),
  prompt: LocalizedText,
  choices: z.array(QuizChoice).min(2, { error: codedError('mechanic.question-two-choices') }),
  answer: z.array(Id).min(1, { error: codedError('mechanic.answer-one') }).describe('The ids of the right choices: exactly one for a single question.'),
  explanation: LocalizedText,
  source: SourceRef.optional(),
});

const fields = {
  pointsPerQuestion: pointsEach(),
  shuffle: shuffleField("each question's choices"),
  questions: z.array(Question).min(1),
};

type Config = z.infer<z.ZodObject<typeof fields>>;
export type QuizStep = StepOf<Config>;
export type Question = z.infer<typeof Question>;

export interface AnswerGiven {
  choiceIds: string[];
  correct: boolean;
}

export interface QuizState {
  index: number;
  answers: Record<string, AnswerGiven>;
}

export type QuizEvent = { type: 'answer'; choiceIds: string[] } | { type: 'next' };
type AnswerRecord = { type: 'answer'; questionId: string; choiceIds: string[]; correct: boolean; order: string[] };

/** Whether the chosen ids are exactly the question's answer set (order does not matter). */
export function isCorrect(answer: readonly string[], choiceIds: readonly string[]): boolean {
  const chosen = new Set(choiceIds);
  return chosen.size === answer.length && answer.every((id) => chosen.has(id));
}

/** A question's choices in the order this run shows them. */
export function quizChoiceOrder(step: Pick<Config, 'shuffle'>, question: Question, seed: number) {
  return step.shuffle ? shuffled(question.choices, seed, question.id) : [...question.choices];
}

export const quiz = {
  name: 'quiz',
  stepActivity: 'assessment',
  description: 'Questions with one or several right choices, each explained after it is answered; a knowledge check (0.6 unless passAt says otherwise).',
  fields,
  knowledgePassAt: 0.6,
  start: () => ({ index: 0, answers: {} }),
  next(step, state, event, env) {
    const question = step.questions[state.index];
    if (!question) return { state, records: [] };
    if (event.type === 'answer') {
      if (state.answers[question.id]) return { state, records: [] };
      const known = new Set(question.choices.map((c) => c.id));
      const choiceIds = [...new Set(event.choiceIds)].filter((id) => known.has(id));
      if (choiceIds.length === 0 || (question.kind === 'single' && choiceIds.length !== 1)) return { state, records: [] };
      const correct = isCorrect(question.answer, choiceIds);
      const order = quizChoiceOrder(step, question, env.seed).map((c) => c.id);
      return {
        state: { ...state, answers: { ...state.answers, [question.id]: { choiceIds, correct } } },
        records: [{ type: 'answer', questionId: question.id, choiceIds, correct, order }],
      };
    }
    if (!state.answers[question.id]) return { state, records: [] };
    if (state.index + 1 < step.questions.length) return { state: { ...state, index: state.index + 1 }, records: [] };
    return { state, records: [], done: true };
  },
  score: (step, state) => {
    const right = step.questions.filter((q) => state.answers[q.id]?.correct).length;
    return tally(right, step.questions.length, right * step.pointsPerQuestion, step.questions.length * step.pointsPerQuestion);
  },
  missed: (step, state) => step.questions.filter((q) => !state.answers[q.id]?.correct).map((q) => q.prompt),
  records: {
    answer: {
      fields: { questionId: Id, choiceIds: z.array(Id).min(1).max(20), correct: z.boolean(), order: z.array(Id).max(20) },
      segment: 'questions',
      itemField: 'questionId',
      activityType: 'interaction',
      verb: 'answered',
      interaction: (step, r) => {
        const q = step.questions.find((x) => x.id === r.questionId);
        return q && { prompt: q.prompt, choices: q.choices, patterns: [q.answer.join('[,]')] };
      },
      check(step, r) {
        const question = step.questions.find((q) => q.id === r.questionId);
        if (!question)
          return [{ field: 'questionId', message: `unknown question '${r.questionId}' in step '${step.id}': its questions are ${list(step.questions.map((q) => q.id))}` }];
        const known = question.choices.map((c) => c.id);
        const unknown = r.choiceIds.filter((id) => !known.includes(id));
        if (unknown.length) return [{ field: 'choiceIds', message: `unknown choice ${list(unknown)} in question '${question.id}': its choices are ${list(known)}` }];
        if (new Set(r.choiceIds).size !== r.choiceIds.length) return [{ field: 'choiceIds', message: 'lists a choice twice' }];
        if (question.kind === 'single' && r.choiceIds.length !== 1)
          return [{ field: 'choiceIds', message: `question '${question.id}' is single-choice: send exactly one choice, not ${r.choiceIds.length}` }];
        const correct = isCorrect(question.answer, r.choiceIds);
        return r.correct === correct ? [] : [{ field: 'correct', message: `must be ${correct}: the answer to question '${question.id}' is ${list(question.answer)}` }];
      },
      extensions: ['choice-order'],
      toResult: (r) => ({ response: r.choiceIds.join('[,]'), success: r.correct, extensions: { 'choice-order': r.order } }),
      fromResult: (result) => ({
        choiceIds: typeof result.response === 'string' ? result.response.split('[,]') : undefined,
        correct: result.success,
        order: result.extensions?.['choice-order'],
      }),
    },
  },
  eventsFor(step, state, record) {
    if (!step.questions.some((q) => q.id === record.questionId)) return null;
    const answer = { type: 'answer' as const, choiceIds: record.choiceIds, now: 0 };
    const current = step.questions[state.index];
    // "Next question" is silent: made again before the answer to a later question.
    return current && current.id !== record.questionId && state.answers[current.id] ? [{ type: 'next', now: 0 }, answer] : [answer];
  },
  endEvents: (step, state) => {
    const current = step.questions[state.index];
    return current && state.answers[current.id] ? [{ type: 'next' }] : [];
  },
  ids: (step) => step.questions.map((q) => q.id),
  targets: () => [],
  references(step) {
    const issues = duplicates(step.questions, (q) => q.id, (i) => ['questions', i, 'id'], 'question');
    step.questions.forEach((q, n) => {
      issues.push(...duplicates(q.choices, (c) => c.id, (i) => ['questions', n, 'choices', i, 'id'], 'choice'));
      const ids = [...new Set(q.choices.map((c) => c.id))];
      q.answer.forEach((a, i) => {
        if (!ids.includes(a)) issues.push({ path: ['questions', n, 'answer', i], ...coded('mechanic.answer-unknown', { id: a, known: oneOf(ids) }) });
      });
      if (q.kind === 'single' && q.answer.length !== 1)
        issues.push({ path: ['questions', n, 'answer'], ...coded('mechanic.single-answer', { count: q.answer.length }) });
      if (new Set(q.answer).size !== q.answer.length) issues.push({ path: ['questions', n, 'answer'], ...coded('mechanic.answer-twice') });
    });
    return issues;
  },
  locales,
  autoplay(step, state, _env, skill) {
    const question = step.questions[state.index];
    if (!question) return null;
    if (state.answers[question.id]) return { event: { type: 'next' as const }, after: 4000 };
    // A poor visitor gets every other question wrong.
    const wrong = question.choices.find((c) => !question.answer.includes(c.id));
    const choiceIds = skill === 'poor' && state.index % 2 === 0 && wrong ? [wrong.id] : question.answer;
    return { event: { type: 'answer' as const, choiceIds }, after: 9000 };
  },
  cue(step, before, after) {
    const question = step.questions[after.index];
    const given = question && !before.answers[question.id] ? after.answers[question.id] : undefined;
    return given ? (given.correct ? 'find' : 'wrong') : null;
  },
  example: {
    step: {
      questions: [
        {
          id: 'q-number',
          kind: 'single',
          prompt: { 'zh-CN': '火警电话是？', en: 'The fire number is?' },
          choices: [
            { id: 'n119', label: { 'zh-CN': '119', en: '119' } },
            { id: 'n110', label: { 'zh-CN': '110', en: '110' } },
          ],
          answer: ['n119'],
          explanation: { 'zh-CN': '119。', en: '119.' },
        },
        {
          id: 'q-exits',
          kind: 'multiple',
          prompt: { 'zh-CN': '哪些对？', en: 'Which are right?' },
          choices: [
            { id: 'two', label: { 'zh-CN': '记住两个出口', en: 'Know two exits' } },
            { id: 'signs', label: { 'zh-CN': '跟着标志走', en: 'Follow the signs' } },
            { id: 'lift', label: { 'zh-CN': '乘电梯', en: 'Take the lift' } },
          ],
          answer: ['two', 'signs'],
          explanation: { 'zh-CN': '是的。', en: 'Yes.' },
        },
      ],
    },
    play: () => [
      { event: { type: 'answer', choiceIds: ['n119'] }, at: 2000 },
      { event: { type: 'next' }, at: 3000 },
      { event: { type: 'answer', choiceIds: ['two'] }, at: 4000 },
      { event: { type: 'next' }, at: 5000 },
    ],
    forged: () => ({ type: 'answer', questionId: 'q-number', choiceIds: ['n119'], correct: true, order: ['n119', 'n110'] }),
  },
} satisfies Mechanic<'quiz', Config, QuizState, QuizEvent, AnswerRecord>;
