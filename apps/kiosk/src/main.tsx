import './no-eval.ts';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { createI18n } from './i18n.ts';
import { startOffline } from './offline/register.ts';
import { configOverrides, useContent } from './stores/content.ts';
import { loadRecording } from './stores/record.ts';
import { installSound } from './sound/install.ts';
import './styles.css';

const i18n = createI18n();
void useContent.getState().load(configOverrides(window.location.search));
installSound();
startOffline();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);

// The outbox (statements a previous start left unsent) and the heartbeat start with the recording chunk, which loads
// after the first screen's code rather than as part of it.
loadRecording().catch((error: unknown) => console.warn('Ruyi: the recording code did not load; it is tried again with the next record:', error));
