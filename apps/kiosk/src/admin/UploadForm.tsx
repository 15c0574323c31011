import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, uploadPack, type ErrorDetail, type InstallResult } from './api.ts';
import { ProblemTable } from '../components/ProblemTable.tsx';
import { useAdminErrorText } from './useAdminErrorText.ts';

type UploadState =
  | { kind: 'idle' }
  | { kind: 'sending'; share: number }
  | { kind: 'done'; result: InstallResult }
  | { kind: 'rejected'; message: string; details: ErrorDetail[] }
  | { kind: 'failed'; message: string };

/** Choose a .ruyipack.tgz and install it; shows the progress, then the result or every validator message. */
export function UploadForm({ token, onInstalled, onUnauthorized }: { token: string; onInstalled: () => void; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setState({ kind: 'sending', share: 0 });
    try {
      const result = await uploadPack(token, file, (share) => setState({ kind: 'sending', share }));
      setState({ kind: 'done', result });
      if (fileInput.current) fileInput.current.value = '';
      setFile(null);
      onInstalled();
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) return onUnauthorized();
      if (error instanceof AdminApiError && error.status === 400 && error.details.length)
        setState({ kind: 'rejected', message: error.message, details: error.details });
      else setState({ kind: 'failed', message: errorText(error) });
    }
  };

  const sending = state.kind === 'sending';
  return (
    <section className="admin-upload" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.uploadHeading')}</h2>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-file`}>{t('admin.uploadFile')}</label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".tgz,.ruyipack.tgz,application/gzip"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          disabled={sending}
        />
        <button type="submit" className="primary" disabled={!file || sending}>
          {t('admin.uploadSubmit')}
        </button>
      </form>
      <div className="admin-upload-result" aria-live="polite">
        {state.kind === 'sending' ? (
          <>
            <progress max={1} value={state.share} aria-label={t('admin.uploadProgress')} />
            <p role="status">
              {state.share < 1 ? t('admin.uploading', { percent: Math.round(state.share * 100) }) : t('admin.checking')}
            </p>
          </>
        ) : null}
        {state.kind === 'done' ? (
          <p role="status" className="admin-ok">
            {t(`admin.result.${state.result.status}`, { id: state.result.id, version: state.result.version })}
          </p>
        ) : null}
      </div>
      {state.kind === 'rejected' ? (
        <div role="alert" className="admin-rejected">
          <p className="admin-error">{t('admin.rejected', { n: state.details.length })}</p>
          <ProblemTable problems={state.details} />
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <p role="alert" className="admin-error">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
