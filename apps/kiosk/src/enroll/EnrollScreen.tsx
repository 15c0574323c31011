import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { enrollDevice, EnrollmentRefused } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { saveEnrollment, useEnrollment } from './enrollment.ts';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; label: string } | { kind: 'failed'; text: string };

/** After a successful enrollment the start screen opens by itself after this long (or at once with the button). */
const DONE_MS = 4000;

/**
 * /enroll?code=…: where the QR code from the admin page leads (the code is used at once), and where staff type the
 * code on a device without a camera. The device keeps the token it gets; statements waiting on it are sent.
 */
export function EnrollScreen() {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const fromUrl = new URLSearchParams(useSearch()).get('code') ?? '';
  const [code, setCode] = useState(fromUrl);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { status, label } = useEnrollment();
  const input = useRef<HTMLInputElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const started = useRef(false);

  const enroll = async (typed: string) => {
    setState({ kind: 'working' });
    try {
      const enrolled = await enrollDevice(typed);
      saveEnrollment(enrolled.token, enrolled.label);
      setState({ kind: 'done', label: enrolled.label });
    } catch (error) {
      const text =
        error instanceof EnrollmentRefused
          ? t(`enroll.error.${error.reason}`, { message: error.message })
          : t('enroll.error.offline');
      setState({ kind: 'failed', text });
      input.current?.focus();
    }
  };

  // The QR code's address carries the code: use it once, at once.
  useEffect(() => {
    if (!fromUrl || started.current) return;
    started.current = true;
    void enroll(fromUrl);
    // Once per page, whatever re-renders.
  }, []);

  useEffect(() => {
    if (state.kind !== 'done') return;
    doneButton.current?.focus();
    const timer = window.setTimeout(() => navigate('/', { replace: true }), DONE_MS);
    return () => window.clearTimeout(timer);
  }, [state.kind, navigate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void enroll(code);
  };

  return (
    <main className="screen enroll">
      <h1>{t('enroll.title')}</h1>
      {state.kind === 'done' ? (
        <>
          <p className="enroll-done" role="status">
            <span aria-hidden="true">✓ </span>
            {t('enroll.done', { label: state.label })}
          </p>
          <button ref={doneButton} type="button" className="primary" onClick={() => navigate('/', { replace: true })}>
            {t('enroll.continue')}
          </button>
        </>
      ) : (
        <>
          <p>{t('enroll.intro')}</p>
          {status === 'enrolled' && label ? <p>{t('enroll.current', { label })}</p> : null}
          {status === 'exempt' ? <p>{t('enroll.currentLocal')}</p> : null}
          <form className="enroll-form" onSubmit={submit}>
            <label htmlFor={`${id}-code`}>{t('enroll.code')}</label>
            <input
              ref={input}
              id={`${id}-code`}
              type="text"
              inputMode="text"
              autoCapitalize="characters"
              autoComplete="one-time-code"
              spellCheck={false}
              maxLength={32}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={state.kind === 'failed' ? true : undefined}
              aria-describedby={state.kind === 'failed' ? `${id}-error` : undefined}
            />
            <button type="submit" className="primary" disabled={state.kind === 'working' || code.trim() === ''}>
              {state.kind === 'working' ? t('enroll.working') : t('enroll.submit')}
            </button>
          </form>
          <div aria-live="polite">
            {state.kind === 'failed' ? (
              <p id={`${id}-error`} className="enroll-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {state.text}
              </p>
            ) : null}
          </div>
          <button type="button" onClick={() => navigate('/', { replace: true })}>
            {t('enroll.back')}
          </button>
        </>
      )}
      <LanguageSwitch />
    </main>
  );
}
