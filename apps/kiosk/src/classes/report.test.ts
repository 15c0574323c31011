import type { ClassStudent } from '@ruyi/api-contract';
import { localize, type Pack } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { describe, expect, it } from 'vitest';
import { finishedCount, percent, studentRows, weakestRows } from './report.ts';

const student = (seat: number, scenarios: ClassStudent['scenarios'], finished: boolean): ClassStudent => ({
  seat,
  platform: seat % 2 ? 'kiosk' : 'web',
  joinedAt: '2026-06-03T01:00:00.000Z',
  lastSeenAt: '2026-06-03T01:20:00.000Z',
  scenarios,
  finished,
});

describe('a class report as rows', () => {
  it('one row per seat in seat order, with started, completed, passed and the mean score', () => {
    const rows = studentRows([
      student(2, [{ scenario: 'p/a', completed: false, passed: null, score: null }], false),
      student(1, [
        { scenario: 'p/a', completed: true, passed: true, score: 0.9 },
        { scenario: 'p/b', completed: true, passed: false, score: 0.4 },
      ], true),
      student(3, [], false),
    ]);
    expect(rows.map((r) => r.seat)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ started: 2, completed: 2, passed: 1, finished: true, playing: [] });
    expect(rows[0]!.averageScore).toBeCloseTo(0.65);
    expect(rows[1]).toMatchObject({ started: 1, completed: 0, passed: 0, averageScore: null, finished: false, playing: ['p/a'] });
    expect(rows[2]).toMatchObject({ started: 0, averageScore: null });
    expect(finishedCount({ students: [student(1, [], true), student(2, [], false)] })).toEqual({ finished: 1, seats: 2 });
  });

  it('names the weakest questions and their most chosen wrong answer from the loaded packs, in the staff language', () => {
    const content = readContent('content');
    const pack = content.packs.find((p) => p.scenarios.some((s) => s.steps.some((st) => st.mechanic === 'quiz'))) as Pack;
    const scenario = pack.scenarios.find((s) => s.steps.some((st) => st.mechanic === 'quiz'))!;
    const step = scenario.steps.find((st) => st.mechanic === 'quiz') as unknown as { id: string; questions: { id: string; prompt: never; answer: string[]; choices: { id: string; label: never }[] }[] };
    const question = step.questions[0]!;
    const wrong = question.choices.find((c) => !question.answer.includes(c.id))!;
    const item = {
      scenario: `${pack.id}/${scenario.id}`,
      step: step.id,
      item: question.id,
      n: 10,
      correct: 4,
      correctRate: 0.4,
      choices: [],
      topWrong: { choice: wrong.id, n: 5 },
    };
    for (const locale of ['zh-CN', 'en']) {
      const [row] = weakestRows([item], [pack], (text) => localize(text, locale));
      expect(row).toEqual({
        key: `${pack.id}/${scenario.id}/${step.id}/${question.id}`,
        scenario: localize(scenario.title, locale),
        question: localize(question.prompt, locale),
        answered: 10,
        correctRate: 0.4,
        topWrong: { text: localize(wrong.label, locale), n: 5 },
      });
    }
    // A multiple-choice answer (xAPI's `a[,]b`) names each choice.
    const [both] = weakestRows([{ ...item, topWrong: { choice: `${wrong.id}[,]${question.answer[0]}`, n: 2 } }], [pack], (text) => localize(text, 'en'));
    expect(both!.topWrong!.text).toBe(`${localize(wrong.label, 'en')} + ${localize(question.choices.find((c) => c.id === question.answer[0])!.label, 'en')}`);
  });

  it('falls back to ids for a pack this device does not have', () => {
    const [row] = weakestRows([{ scenario: 'gone/s', step: 'q', item: 'q1', n: 1, correct: 0, correctRate: 0, choices: [], topWrong: null }], [], () => 'x');
    expect(row).toMatchObject({ scenario: 'gone/s', question: 'q1', topWrong: null });
  });

  it('writes shares as percentages, a dash for none', () => {
    expect(percent(0.4, 'en')).toBe('40%');
    expect(percent(null, 'en')).toBe('–');
  });
});
