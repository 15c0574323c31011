// What the screen shows while the visitor is in the headset (the session draws only in the headset): which scenario,
// and a way for staff to end the session from the screen.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { endXrSession } from './xrSession.ts';

export function VrPresentingNotice({ title }: { title: string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <main className="screen message-screen vr-presenting">
      <h1>{t('vr.presenting.heading')}</h1>
      <p>{t('vr.presenting.body', { title })}</p>
      <button type="button" onClick={() => endXrSession('exit')}>
        {t('vr.exit')}
      </button>
    </main>
  );
}
