import type { Content, Pack } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import { reportReload } from './report.ts';

const at = new Date(2026, 5, 1, 9, 30, 5);
const pack = (id: string) => ({ id, version: '1.2.0', scenarios: [{ id: 's1' }, { id: 's2' }] }) as unknown as Pack;
const content = (packs: Pack[], problems: Content['problems'] = [], warnings: Content['warnings'] = []): Content => ({ park: null, packs, problems, warnings });

describe('reportReload', () => {
  it('says the pack is valid in one line', () => {
    expect(reportReload(content([pack('fire')]), 'fire', at)).toEqual({ ok: true, lines: ['[09:30:05] ✔ fire 1.2.0 is valid (2 scenarios)'] });
  });

  it('lists the warnings of a valid pack under its line', () => {
    const warned = content([pack('fire')], [], [{ dir: 'packs/fire', errors: [{ file: 'packs/fire/pack.yaml', path: 'title.en', line: 3, column: 3, message: 'no English text' }] }]);
    expect(reportReload(warned, 'fire', at).lines).toEqual([
      '[09:30:05] ✔ fire 1.2.0 is valid (2 scenarios), with 1 warning:',
      '  packs/fire/pack.yaml:3:3 title.en: no English text',
    ]);
  });

  it("lists the pack's errors, and park.yaml's, as file:line:column path: message, ignoring other packs", () => {
    const report = reportReload(
      content(
        [],
        [
          { dir: 'packs/fire', errors: [{ file: 'packs/fire/scenarios/s1.yaml', path: 'quiz.questions[1].answer[0]', line: 12, column: 7, message: "'x' is not one of the choices" }] },
          { dir: 'packs/other', errors: [{ file: 'packs/other/pack.yaml', path: 'id', message: 'bad' }] },
          { dir: '.', errors: [{ file: 'park.yaml', path: '', message: 'the file is empty' }] },
        ],
      ),
      'fire',
      at,
      (f) => `content/${f}`,
    );
    expect(report).toEqual({
      ok: false,
      lines: [
        '[09:30:05] ✘ fire has 2 errors (open screens keep the last valid version):',
        "  content/packs/fire/scenarios/s1.yaml:12:7 quiz.questions[1].answer[0]: 'x' is not one of the choices",
        '  content/park.yaml: the file is empty',
      ],
    });
  });

  it('speaks Chinese when the command does, the problems included', () => {
    const broken = content([], [{ dir: 'packs/fire', errors: [{ file: 'packs/fire/scenarios/s1.yaml', path: 'steps[3].questions[0].answer[0]', line: 12, column: 7, message: "'x' is not one of the choices a, b" }] }]);
    expect(reportReload(broken, 'fire', at, undefined, 'zh-CN').lines).toEqual([
      '[09:30:05] ✘ fire 有 1 个错误（已打开的屏幕继续显示上一个有效版本）：',
      '  packs/fire/scenarios/s1.yaml:12:7 steps[3].questions[0].answer[0]: “x”不是本题的选项之一：a, b',
    ]);
    expect(reportReload(content([pack('fire')]), 'fire', at, undefined, 'zh-CN').lines).toEqual(['[09:30:05] ✔ fire 1.2.0 有效（2 个场景）']);
  });

  it('names park.yaml when only the park is broken, and says when the pack folder is gone', () => {
    const parkOnly = reportReload(content([pack('fire')], [{ dir: '.', errors: [{ file: 'park.yaml', path: 'areas', message: 'is required' }] }]), 'fire', at);
    expect(parkOnly.lines[0]).toBe('[09:30:05] ✘ park.yaml has 1 error:');
    expect(reportReload(content([]), 'fire', at).lines).toEqual(['[09:30:05] ✘ fire: there is no such pack in the content folder any more']);
  });
});
