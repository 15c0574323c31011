import type { Certificate } from '@ruyi/api-contract';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError } from '../admin/api.ts';
import { flushStatements } from '../stores/record.ts';
import { requestCertificate } from './api.ts';
import { CertificateSheet, type SheetWords } from './CertificateSheet.tsx';
import './classes.css';

type State = { kind: 'working' } | { kind: 'ready'; certificate: Certificate } | { kind: 'failed'; notYet: boolean; message: string };

/** Waits before asking again while the run's end is still on its way to the server (it answers 404/409 until then). */
const RETRY_MS = [500, 1000, 2000, 4000, 8000];

/**
 * The certificate of a class visit's completed scenario: asked from the server once the visit's statements are there
 * (it certifies only what it has stored), shown as it prints, with a button to print it.
 */
export default function CertificateDialog({ visitId, scenario, seatToken, words, onClose }: { visitId: string; scenario: string; seatToken: string; words: SheetWords; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<State>({ kind: 'working' });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
    return () => d?.close();
  }, []);

  useEffect(() => {
    let stopped = false;
    const ask = async () => {
      await flushStatements().catch(() => undefined);
      for (let attempt = 0; !stopped; attempt++) {
        try {
          const certificate = await requestCertificate(visitId, scenario, seatToken);
          if (!stopped) setState({ kind: 'ready', certificate });
          return;
        } catch (error) {
          const waiting = error instanceof AdminApiError && (error.status === 404 || error.status === 409);
          const delay = RETRY_MS[attempt];
          if (!waiting || delay === undefined) {
            if (!stopped) setState({ kind: 'failed', notYet: waiting, message: error instanceof Error ? error.message : String(error) });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, delay));
          await flushStatements().catch(() => undefined);
        }
      }
    };
    void ask();
    return () => {
      stopped = true;
    };
  }, [visitId, scenario, seatToken]);

  useEffect(() => {
    if (state.kind === 'ready') printButton.current?.focus();
  }, [state.kind]);

  return (
    <dialog
      ref={dialog}
      className="dialog certificate-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="certificate-dialog-title">
        {t('classes.certificate.dialogTitle')}
      </h2>
      <div aria-live="polite">
        {state.kind === 'working' ? <p aria-busy="true">{t('classes.certificate.working')}</p> : null}
        {state.kind === 'failed' ? (
          <p className="join-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {state.notYet ? t('classes.certificate.notYet') : t('classes.certificate.failed', { message: state.message })}
          </p>
        ) : null}
      </div>
      {state.kind === 'ready' ? <CertificateSheet id={state.certificate.id} view={state.certificate} words={words} /> : null}
      <div className="join-actions">
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('classes.certificate.close')}
        </button>
        {state.kind === 'ready' ? (
          <button ref={printButton} type="button" className="primary" onClick={() => window.print()}>
            <span aria-hidden="true">🖨 </span>
            {t('classes.certificate.printNow')}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
