import type { TextBlock } from '../ui/index.ts';

/** A line saying how something went: in words, with a check or a cross and the tone to match (never colour alone). */
export function verdictBlock(ok: boolean, text: string, extra?: Omit<TextBlock, 'style' | 'text' | 'mark' | 'tone'>): TextBlock {
  return { style: 'label', text, mark: ok ? 'check' : 'cross', tone: ok ? 'good' : 'bad', ...extra };
}
