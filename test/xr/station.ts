// The VR station (/vr, /vr/<packId>/<scenarioId>) as staff see it, by the app's own strings (the station opens in the
// park's default language, zh-CN): ready for the next visitor, and the one-tap hand-over that enters VR.
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect } from '../fixtures.ts';
import { XR_TIMEOUT } from './harness.ts';

type Tree = { [key: string]: string | Tree };
const locales: Record<string, Tree> = {};

/** A string of the kiosk app's locale file by dotted key, e.g. t('vr.station.start'). */
export function t(key: string, locale = 'zh-CN'): string {
  locales[locale] ??= JSON.parse(readFileSync(`apps/kiosk/src/locales/${locale}.json`, 'utf8')) as Tree;
  let node: string | Tree | undefined = locales[locale];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no string ${key} in apps/kiosk/src/locales/${locale}.json`);
  return node;
}

/** The hand-over button: staff put the headset on the visitor and tap it once; the session starts. */
export function stationEnterButton(page: Page): Locator {
  return page.getByRole('button', { name: t('vr.station.start'), exact: true });
}

/** The station waits for the next visitor: its ready line shows and the hand-over button can be tapped. */
export async function stationReady(page: Page): Promise<void> {
  await expect(page.getByText(t('vr.station.ready'))).toBeVisible({ timeout: XR_TIMEOUT });
  await expect(stationEnterButton(page)).toBeEnabled({ timeout: XR_TIMEOUT });
}
