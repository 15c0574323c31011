// Sound at a touch kiosk, with the browser's speech synthesis and Web Audio replaced by recorders (a headless browser
// has no voices and no speakers): nothing before the first touch, the case card read aloud in the visitor's language
// with captions, the hunt's find and wrong-tap sounds, the result's sound, and the station's mute.
import type { Page } from '@playwright/test';
import { localize } from '@ruyi/pack-schema';
import { CUE_NOTES, type Cue } from '../apps/kiosk/src/sound/cues.ts';
import { captionChunks } from '../apps/kiosk/src/sound/narration.ts';
import { SOUND_SETTINGS_KEY } from '../apps/kiosk/src/sound/settings.ts';
import { expect, expectNoA11yViolations, test } from './fixtures.ts';
import { answerQuiz, button, caseCard, endHunt, findHazards, hunt, playDecisions, playPath, pressProp, scenario, tap } from './visit-steps.ts';
import { stepOf } from './steps.ts';

interface Heard {
  utterances: { text: string; lang: string; voice: string | null; volume: number }[];
  oscillators: { hz: number; wave: string }[];
  /** The level of each cue's master gain. */
  masters: number[];
  contexts: number;
  speaking: boolean;
}

/** Replaces speech synthesis (a Chinese and an English voice on the device) and Web Audio with recorders. */
async function recordSound(page: Page) {
  await page.addInitScript(() => {
    const heard = { utterances: [] as unknown[], oscillators: [] as unknown[], masters: [] as number[], contexts: 0, speaking: false };
    let current: { onend: ((e: unknown) => void) | null } | null = null;
    const voices = [
      { voiceURI: 'stub-zh', name: 'Stub 普通话', lang: 'zh-CN', localService: true, default: true },
      { voiceURI: 'stub-en', name: 'Stub English', lang: 'en-US', localService: true, default: false },
    ];
    const synth = {
      get speaking() {
        return heard.speaking;
      },
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak(u: { text: string; lang: string; voice: { voiceURI: string } | null; volume: number; onend: ((e: unknown) => void) | null }) {
        heard.utterances.push({ text: u.text, lang: u.lang, voice: u.voice?.voiceURI ?? null, volume: u.volume });
        heard.speaking = true;
        current = u;
      },
      cancel() {
        heard.speaking = false;
        current = null;
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    (window as unknown as Record<string, unknown>).SpeechSynthesisUtterance = class {
      lang = '';
      voice = null;
      volume = 1;
      rate = 1;
      pitch = 1;
      onend = null;
      onerror = null;
      constructor(public text: string) {}
    };

    class Param {
      constructor(public value: number) {}
      setValueAtTime(v: number) {
        this.value = v;
      }
      linearRampToValueAtTime() {}
      exponentialRampToValueAtTime() {}
    }
    let destination: unknown = null;
    class Node {
      connect(target: unknown) {
        // A gain into the speakers is a cue's master: its level is the station's volume.
        if (target === destination && this instanceof Gain) heard.masters.push(this.gain.value);
      }
      disconnect() {}
      addEventListener() {}
    }
    class Oscillator extends Node {
      type = 'sine';
      frequency = new Param(440);
      onended = null;
      start() {
        heard.oscillators.push({ hz: this.frequency.value, wave: this.type });
      }
      stop() {}
    }
    class Gain extends Node {
      gain = new Param(1);
    }
    class Context {
      state = 'running';
      currentTime = 0;
      destination = new Node();
      constructor() {
        heard.contexts++;
        destination = this.destination;
      }
      createOscillator() {
        return new Oscillator();
      }
      createGain() {
        return new Gain();
      }
      createBiquadFilter() {
        return Object.assign(new Node(), { type: 'lowpass', frequency: new Param(350) });
      }
      resume() {
        return Promise.resolve();
      }
      close() {
        return Promise.resolve();
      }
    }
    Object.assign(window, { AudioContext: Context, webkitAudioContext: Context });
    Object.assign(window, {
      __heard: heard,
      // The test says when the voice has finished the sentence it is reading.
      __endUtterance: () => {
        const u = current;
        current = null;
        heard.speaking = false;
        u?.onend?.({});
      },
    });
  });
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: Heard }).__heard);

/** The cues the recorded oscillators played, in order: each cue is its notes' pitches in a row. */
function cuesIn(oscillators: Heard['oscillators']): Cue[] {
  const found: Cue[] = [];
  for (let i = 0; i < oscillators.length; ) {
    const cue = (Object.keys(CUE_NOTES) as Cue[]).find((c) => CUE_NOTES[c].every((n, j) => oscillators[i + j]?.hz === n.hz && oscillators[i + j]?.wave === n.wave));
    if (!cue) throw new Error(`an oscillator at ${oscillators[i]!.hz} Hz starts no known cue`);
    found.push(cue);
    i += CUE_NOTES[cue].length;
  }
  return found;
}
const cuesHeard = async (page: Page) => cuesIn((await heard(page)).oscillators);

const card = stepOf(scenario, 'case-card');
const decoy = scenario.scene.props.find((p) => !hunt.hazards.some((h) => h.prop === p.id))!;
const caption = (page: Page) => page.locator('main.case-card').getByTestId('narration-caption');

test('nothing sounds before the first touch; the case card is read in Chinese then English with captions; a find, a wrong tap and the result sound', async ({ page }) => {
  await recordSound(page);
  await page.goto(playPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(localize(card.title, 'zh-CN'));
  const read = button(page, '朗读');
  await expect(read).toBeVisible();

  // A script's click is no touch: the gate stays shut, no voice speaks and no audio device is even opened.
  await read.evaluate((b: HTMLButtonElement) => b.click());
  await expect(button(page, '停止朗读')).toHaveCount(0);
  expect(await heard(page)).toMatchObject({ utterances: [], oscillators: [], contexts: 0 });
  await expectNoA11yViolations(page, 'case card with read-aloud');

  // The first touch: the card read by the Chinese voice, sentence by sentence, each shown as the caption.
  await read.tap();
  const zhChunks = captionChunks([localize(card.title, 'zh-CN'), `地点：${localize(card.place, 'zh-CN')}`].join('\n'));
  await expect.poll(async () => (await heard(page)).utterances).toEqual([{ text: zhChunks[0], lang: 'zh-CN', voice: 'stub-zh', volume: 0.8 }]);
  await expect(caption(page)).toHaveText(zhChunks[0]!);
  await expect(caption(page)).toHaveAttribute('aria-live', 'polite');
  await page.evaluate(() => (window as unknown as { __endUtterance(): void }).__endUtterance());
  await expect.poll(async () => (await heard(page)).utterances.at(-1)?.text).toBe(zhChunks[1]);
  await expect(caption(page)).toHaveText(zhChunks[1]!);
  await expectNoA11yViolations(page, 'case card while reading');
  await button(page, '停止朗读').tap();
  await expect(caption(page)).toBeEmpty();
  expect((await heard(page)).speaking).toBe(false);

  // In English: the English voice reads the English card.
  await button(page, 'English').tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(localize(card.title, 'en'));
  const before = (await heard(page)).utterances.length;
  await button(page, 'Read aloud').tap();
  await expect.poll(async () => (await heard(page)).utterances.slice(before)).toEqual([{ text: localize(card.title, 'en'), lang: 'en', voice: 'stub-en', volume: 0.8 }]);
  await expect(caption(page)).toHaveText(localize(card.title, 'en'));
  await button(page, '中文').tap();
  await expect(caption(page)).toBeEmpty();

  // The hunt: a wrong tap, then a find.
  await caseCard(page);
  await page.waitForFunction(() => window.__ruyiScene?.ready === true);
  expect(await cuesHeard(page)).toEqual([]);
  await pressProp(page, decoy.id, tap);
  await expect(page.locator('main.hazard-hunt .feedback')).toContainText(localize(decoy.label, 'zh-CN'));
  await expect.poll(() => cuesHeard(page)).toEqual(['wrong']);
  await findHazards(page, 0, hunt.hazards.length);
  await expect.poll(() => cuesHeard(page)).toEqual(['wrong', ...hunt.hazards.map(() => 'find')]);
  // The instructions, read on request.
  await page.locator('main.hazard-hunt').getByRole('button', { name: '朗读：说明', exact: true }).tap();
  await expect.poll(async () => (await heard(page)).utterances.at(-1)).toMatchObject({ text: captionChunks(localize(hunt.instructions, 'zh-CN'))[0], lang: 'zh-CN' });
  await endHunt(page);

  // Decisions and quiz right: each right choice sounds, and the result sounds good.
  await playDecisions(page);
  await answerQuiz(page, 0, stepOf(scenario, 'quiz').questions.length);
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect.poll(async () => (await cuesHeard(page)).at(-1)).toBe('result-good');
  expect((await cuesHeard(page)).filter((c) => c === 'wrong')).toEqual(['wrong']);
});

test('the operator page sets the station volume and mute on the device; a muted station plays nothing and offers no reading', async ({ page }) => {
  await recordSound(page);
  await page.goto('/operator');
  const mute = page.getByRole('checkbox', { name: '静音' });
  const volume = page.getByRole('slider', { name: '音量' });
  await expect(volume).toHaveValue('80');
  await expectNoA11yViolations(page, 'operator with station sound');
  await volume.fill('40');
  await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), SOUND_SETTINGS_KEY)).toEqual({ volume: 0.4, muted: false });
  await button(page, '试听提示音').tap();
  await expect.poll(() => cuesHeard(page)).toEqual(['result-good']);
  expect((await heard(page)).masters).toEqual([0.4]);
  await mute.tap();
  await expect(mute).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: '已静音' })).toBeVisible();

  // The setting stays on the device: a visit on this kiosk is silent.
  await page.goto(playPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(localize(card.title, 'zh-CN'));
  await expect(page.locator('.narration-button')).toHaveCount(0);
  await caseCard(page);
  await pressProp(page, decoy.id, tap);
  await findHazards(page, 0, 1);
  const after = await heard(page);
  expect(after.oscillators).toEqual([]);
  expect(after.utterances).toEqual([]);
});
