import type { CertificateView } from '@ruyi/api-contract';
import { localize } from '@ruyi/pack-schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentResponse } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useVisit } from '../stores/visit.ts';
import { verifyCertificate } from './api.ts';
import { CertificateSheet } from './CertificateSheet.tsx';
import './classes.css';

type State = { kind: 'checking' } | { kind: 'valid'; view: CertificateView } | { kind: 'not-found' } | { kind: 'failed'; message: string };

/** The scenario's title from the packs this server serves, else its id. */
export function scenarioTitle(content: ContentResponse, scenario: string, locale: string): string {
  const [packId, scenarioId] = scenario.split('/');
  const found = content.packs.find((p) => p.id === packId)?.scenarios.find((s) => s.id === scenarioId);
  return found ? localize(found.title, locale) : scenario;
}

/**
 * /certificate/<id>, where a certificate's QR code leads (public): the server says whether it issued it, and the page
 * says so in words, valid or not found, in the visitor's language, with what the certificate states.
 */
export function CertificateScreen({ id, content }: { id: string; content: ContentResponse }) {
  const { t } = useTranslation();
  const locale = useVisit((s) => s.locale);
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: 'checking' });
    verifyCertificate(id, abort.signal).then(
      (view) => setState(view ? { kind: 'valid', view } : { kind: 'not-found' }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [id]);

  const park = content.park ? localize(content.park.name, locale) : '';
  return (
    <main className="screen certificate-screen">
      <header className="certificate-screen-header no-print">
        <h1>{t('classes.verify.title')}</h1>
        <LanguageSwitch />
      </header>
      <div aria-live="polite" className="no-print">
        {state.kind === 'checking' ? <p aria-busy="true">{t('classes.verify.checking')}</p> : null}
        {state.kind === 'valid' ? (
          <p className="verify-result verify-valid" data-testid="verify-result">
            <span aria-hidden="true">✔ </span>
            {t('classes.verify.valid')}
          </p>
        ) : null}
        {state.kind === 'not-found' ? (
          <p className="verify-result verify-not-found" data-testid="verify-result">
            <span aria-hidden="true">✘ </span>
            {t('classes.verify.notFound', { id })}
          </p>
        ) : null}
        {state.kind === 'failed' ? (
          <p className="verify-result verify-not-found" role="alert">
            <span aria-hidden="true">⚠ </span>
            {t('classes.verify.failed', { message: state.message })}
          </p>
        ) : null}
      </div>
      {state.kind === 'valid' ? (
        <CertificateSheet id={id} view={state.view} words={{ park, scenario: scenarioTitle(content, state.view.scenario, locale) }} />
      ) : null}
    </main>
  );
}
