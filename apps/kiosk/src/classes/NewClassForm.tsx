import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError } from '../admin/api.ts';
import { useAdminErrorText } from '../admin/useAdminErrorText.ts';
import { createClass, type ClassSession } from './api.ts';

const GRADES = Array.from({ length: 12 }, (_, i) => i + 1);
/** Lengths a teacher picks from (the server takes 15–480 minutes). */
const DURATIONS = [45, 60, 90, 120, 180, 240];

/** Opens a class visit: grade, the class's label (never a pupil's name) and how long it stays open. */
export function NewClassForm({ token, onCreated, onUnauthorized }: { token: string; onCreated: (c: ClassSession) => void; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const id = useId();
  const [grade, setGrade] = useState(3);
  const [label, setLabel] = useState('');
  const [minutes, setMinutes] = useState(120);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await createClass(token, { grade, label: label.trim(), minutes }));
    } catch (e) {
      if (e instanceof AdminApiError && e.status === 401) return onUnauthorized();
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="no-print">
      <h2 id={`${id}-heading`}>{t('classes.newHeading')}</h2>
      <form className="classes-new" onSubmit={submit} aria-labelledby={`${id}-heading`}>
        <label htmlFor={`${id}-grade`}>{t('classes.grade')}</label>
        <select id={`${id}-grade`} value={grade} onChange={(e) => setGrade(Number(e.target.value))}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t('classes.gradeOption', { grade: g })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-label`}>{t('classes.label')}</label>
        <input
          id={`${id}-label`}
          type="text"
          required
          maxLength={20}
          autoComplete="off"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-describedby={`${id}-label-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
        <p id={`${id}-label-hint`} className="classes-hint">
          {t('classes.labelHint')}
        </p>
        <label htmlFor={`${id}-minutes`}>{t('classes.minutes')}</label>
        <select id={`${id}-minutes`} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {DURATIONS.map((m) => (
            <option key={m} value={m}>
              {t('classes.minutesOption', { minutes: m })}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={busy || label.trim() === ''}>
          {busy ? t('classes.creating') : t('classes.create')}
        </button>
        {error ? (
          <p id={`${id}-error`} className="admin-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
