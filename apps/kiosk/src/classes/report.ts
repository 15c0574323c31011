// A class report as the teacher's page shows it: one row per seat, and the class's weakest questions named by the
// loaded packs' own texts in the staff language. Pure: the page and its tests share it.
import type { LocalizedText, Pack } from '@ruyi/pack-schema';
import type { ClassReport, ClassStudent, ItemReport as ItemReportSchema } from '@ruyi/api-contract';
import type { z } from 'zod';

type ItemReport = z.infer<typeof ItemReportSchema>;

export interface StudentRow {
  seat: number;
  platform: ClassStudent['platform'];
  started: number;
  completed: number;
  passed: number;
  /** Mean scaled score (0..1) of completed scenarios; null while none is completed. */
  averageScore: number | null;
  finished: boolean;
  /** Scenarios (pack/scenario) started and not completed yet. */
  playing: string[];
  lastSeenAt: string;
}

export function studentRows(students: readonly ClassStudent[]): StudentRow[] {
  return [...students]
    .sort((a, b) => a.seat - b.seat)
    .map((s) => {
      const done = s.scenarios.filter((x) => x.completed);
      const scores = done.map((x) => x.score).filter((x): x is number => typeof x === 'number');
      return {
        seat: s.seat,
        platform: s.platform,
        started: s.scenarios.length,
        completed: done.length,
        passed: done.filter((x) => x.passed === true).length,
        averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        finished: s.finished,
        playing: s.scenarios.filter((x) => !x.completed).map((x) => x.scenario),
        lastSeenAt: s.lastSeenAt,
      };
    });
}

/** Seats that finished, and all seats: the summary line. */
export function finishedCount(report: Pick<ClassReport, 'students'>): { finished: number; seats: number } {
  return { finished: report.students.filter((s) => s.finished).length, seats: report.students.length };
}

export interface WeakRow {
  key: string;
  /** The scenario's title, or its pack/scenario id when no loaded pack has it. */
  scenario: string;
  /** The question's (or decision's) own text, or its id. */
  question: string;
  answered: number;
  correctRate: number | null;
  /** The wrong answer most chosen, in the pack's words; null when nobody chose a wrong one. */
  topWrong: { text: string; n: number } | null;
}

type Named = { id: string; prompt?: LocalizedText; choices?: { id: string; label?: LocalizedText }[] };

/** The asked items of a step (quiz questions, decisions): whatever lists have ids and prompts. */
function itemsOf(step: Record<string, unknown>): Named[] {
  const found: Named[] = [];
  for (const value of Object.values(step))
    if (Array.isArray(value)) for (const entry of value) if (entry && typeof entry === 'object' && typeof (entry as Named).id === 'string' && (entry as Named).prompt) found.push(entry as Named);
  return found;
}

/** An xAPI choice response (`a[,]b`) as the pack's choice labels. */
function choiceText(choice: string, item: Named | undefined, l: (text: LocalizedText) => string): string {
  return choice
    .split('[,]')
    .map((id) => {
      const label = item?.choices?.find((c) => c.id === id)?.label;
      return label ? l(label) : id;
    })
    .join(' + ');
}

/** The weakest questions, named from the packs loaded on this device (in the language `l` speaks). */
export function weakestRows(items: readonly ItemReport[], packs: readonly Pack[], l: (text: LocalizedText) => string): WeakRow[] {
  return items.map((item) => {
    const [packId, scenarioId] = item.scenario.split('/');
    const scenario = packs.find((p) => p.id === packId)?.scenarios.find((s) => s.id === scenarioId);
    const step = scenario?.steps.find((s) => s.id === item.step) as Record<string, unknown> | undefined;
    const asked = step ? itemsOf(step).find((i) => i.id === item.item) : undefined;
    return {
      key: `${item.scenario}/${item.step}/${item.item}`,
      scenario: scenario ? l(scenario.title) : item.scenario,
      question: asked?.prompt ? l(asked.prompt) : item.item,
      answered: item.n,
      correctRate: item.correctRate,
      topWrong: item.topWrong ? { text: choiceText(item.topWrong.choice, asked, l), n: item.topWrong.n } : null,
    };
  });
}

/** A share as a whole percentage for tables (null: a dash). */
export const percent = (share: number | null, locale: string) =>
  share === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
