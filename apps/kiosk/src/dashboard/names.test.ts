import { readContent } from '@ruyi/pack-schema/node';
import { describe, expect, it } from 'vitest';
import { namesOf } from './names.ts';

// The park's own content, read as the server reads it.
const content = readContent('content');
const fire = content.packs.find((p) => p.id === 'fire-first-response')!;
const scenario = fire.scenarios[0]!;
const key = `${fire.id}/${scenario.id}`;
type Loose = { id: string; mechanic: string; questions?: { id: string; prompt: { 'zh-CN': string; en: string }; choices: { id: string; label: { 'zh-CN': string; en: string } }[] }[] };
const quiz = (scenario.steps as unknown as Loose[]).find((s) => s.mechanic === 'quiz')!;
const question = quiz.questions![0]!;

describe('names from the loaded content', () => {
  it('names areas, scenarios, questions and choices in the staff language', () => {
    const zh = namesOf(content, 'zh-CN');
    const en = namesOf(content, 'en');
    expect(zh.area(fire.area)).toBe(content.park!.areas.find((a) => a.id === fire.area)!.name['zh-CN']);
    expect(en.scenario(key)).toBe(scenario.title.en);
    expect(zh.scenario(key)).toBe(scenario.title['zh-CN']);
    expect(zh.item(key, quiz.id, question.id)).toBe(question.prompt['zh-CN']);
    const [a, b] = question.choices;
    expect(en.choice(key, quiz.id, question.id, a!.id)).toBe(a!.label.en);
    expect(en.choice(key, quiz.id, question.id, `${a!.id}[,]${b!.id}`)).toBe(`${a!.label.en} + ${b!.label.en}`);
  });

  it('says where a decision\'s choice leads: the next decision\'s prompt, or null at the end of the drill', () => {
    type Node = { id: string; prompt: { en: string }; choices: { id: string; next?: string }[] };
    const found = content.packs.flatMap((p) =>
      p.scenarios.flatMap((s) =>
        (s.steps as unknown as { id: string; nodes?: Node[] }[]).flatMap((step) =>
          (step.nodes ?? []).flatMap((node) => node.choices.map((c) => ({ key: `${p.id}/${s.id}`, step, node, choice: c }))),
        ),
      ),
    );
    const leading = found.find((f) => f.choice.next)!;
    const ending = found.find((f) => !f.choice.next)!;
    const names = namesOf(content, 'en');
    const target = leading.step.nodes!.find((n) => n.id === leading.choice.next)!;
    expect(names.next(leading.key, leading.step.id, leading.node.id, leading.choice.id)).toBe(target.prompt.en);
    expect(names.next(ending.key, ending.step.id, ending.node.id, ending.choice.id)).toBeNull();
  });

  it('falls back to the id for anything the content does not hold', () => {
    const names = namesOf(content, 'en');
    expect(names.area('moon')).toBe('moon');
    expect(names.scenario('gone/pack')).toBe('gone/pack');
    expect(names.item(key, quiz.id, 'no-such-question')).toBe('no-such-question');
    expect(names.choice(key, quiz.id, question.id, 'zz')).toBe('zz');
    expect(namesOf(null, 'en').scenario(key)).toBe(key);
  });
});
