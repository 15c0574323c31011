// Audio recognition: in each round, the signal that plays picked by its name among all the signals (shown shuffled);
// the verdict, then the next round.
import { expect } from '../fixtures.ts';
import type { TouchPlayer } from './types.ts';
import { button, text, words } from './words.ts';

export const playAudioRecognition: TouchPlayer<'audio-recognition'> = async ({ page, locale, checkpoint }, step) => {
  const drill = page.locator('main.audio-recognition');
  const total = step.rounds.length;
  for (const [i, round] of step.rounds.entries()) {
    const signal = step.signals.find((s) => s.id === round.signal);
    if (!signal) throw new Error(`round ${round.id} plays ${round.signal}, which is no signal of step ${step.id}`);
    await expect(drill.locator('h1')).toContainText(words('audio-recognition', 'progress', locale, { n: i + 1, total }));
    await expect(drill.locator('.choice-list button')).toHaveCount(step.signals.length);
    if (i === 0) await checkpoint('audio recognition');
    const name = text(signal.name, locale);
    await button(page, name).tap();
    await expect(drill.locator('.consequence .verdict')).toContainText(words('audio-recognition', 'right', locale, { name }));
    await expect(drill.locator('.consequence')).toContainText(text(signal.meaning, locale));
    if (i === 0) await checkpoint('audio recognition: verdict');
    await button(page, words('audio-recognition', i === total - 1 ? 'finish' : 'continue', locale)).tap();
  }
  return { points: total * step.pointsPerRound, maxPoints: total * step.pointsPerRound };
};
