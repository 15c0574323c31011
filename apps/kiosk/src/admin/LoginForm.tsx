import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login, type Session } from './api.ts';
import { useAdminErrorText } from './useAdminErrorText.ts';

/** The staff login form: an account's login name and password. The token it gets is handed up and kept in memory only. */
export function LoginForm({ onLoggedIn, notice }: { onLoggedIn: (session: Session) => void; notice?: string }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(name.trim(), password));
    } catch (e) {
      setError(errorText(e));
      setPassword('');
      passwordInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-login" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.loginHeading')}</h2>
      {notice ? <p role="status">{notice}</p> : null}
      <label htmlFor={`${id}-login`}>{t('admin.loginName')}</label>
      <input
        ref={input}
        id={`${id}-login`}
        type="text"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      <label htmlFor={`${id}-password`}>{t('admin.password')}</label>
      <input
        ref={passwordInput}
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="primary" disabled={busy || password === '' || name.trim() === ''}>
        {busy ? t('admin.loggingIn') : t('admin.login')}
      </button>
      {error ? (
        <p id={`${id}-error`} className="admin-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
