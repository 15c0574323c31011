import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeAccount, createAccount, listAccounts, resetPassword, type StaffAccount, type StaffRole, type StaffScope } from './api.ts';
import { StatusMessage } from './StatusMessage.tsx';
import { usePanelMessage } from './usePanelMessage.ts';
import './AccountsPanel.css';

export interface AccountsPanelProps {
  token: string;
  /** The logged-in account: it is listed but not disabled from here. */
  selfId: number;
  onUnauthorized: () => void;
}

const ROLES: StaffRole[] = ['admin', 'operator', 'analyst', 'teacher'];
const KINDS: StaffScope['kind'][] = ['city', 'district', 'park', 'school'];

/** A scope in words: '城市' / 'District 220102'. */
export function useScopeText() {
  const { t } = useTranslation();
  return (scope: StaffScope) => (scope.kind === 'city' ? t('accounts.kind.city') : t('accounts.scopeOf', { kind: t(`accounts.kind.${scope.kind}`), id: scope.id }));
}

/**
 * For admins: the staff accounts within their scope (the server lists no others), a form to add one with its role and
 * scope, and per account: disable or enable, and set a new password. The server decides what an admin may do; its
 * refusals are shown as they come.
 */
export function AccountsPanel({ token, selfId, onUnauthorized }: AccountsPanelProps) {
  const { t } = useTranslation();
  const scopeText = useScopeText();
  const id = useId();
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<StaffRole>('operator');
  const [kind, setKind] = useState<StaffScope['kind']>('park');
  const [place, setPlace] = useState('');
  const [password, setPassword] = useState('');
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const resetInput = useRef<HTMLInputElement>(null);

  const { message, setMessage, fail } = usePanelMessage(onUnauthorized);

  const refresh = useCallback(async () => {
    try {
      setAccounts(await listAccounts(token));
    } catch (error) {
      fail(error);
    }
  }, [token, fail]);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => {
    if (resetting) resetInput.current?.focus();
  }, [resetting]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await action(), error: false });
      await refresh();
      return true;
    } catch (error) {
      fail(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const scope = (kind === 'city' ? { kind } : { kind, id: place.trim() }) as StaffScope;
    const done = await run(async () => {
      const created = await createAccount(token, { login: login.trim(), role, scope, password });
      return t('accounts.added', { login: created.login });
    });
    setPassword('');
    if (done) {
      setLogin('');
      setPlace('');
    }
  };

  const reset = async (event: FormEvent) => {
    event.preventDefault();
    if (!resetting) return;
    const target = resetting;
    const done = await run(async () => {
      await resetPassword(token, target.id, newPassword);
      return t('accounts.passwordSet', { login: target.login });
    });
    setNewPassword('');
    if (done) setResetting(null);
  };

  return (
    <section className="admin-accounts" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('accounts.heading')}</h2>
      <StatusMessage message={message} />
      {accounts === null ? (
        <p aria-busy="true">{t('admin.loading')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.colLogin')}</th>
              <th scope="col">{t('accounts.colRole')}</th>
              <th scope="col">{t('accounts.colScope')}</th>
              <th scope="col">{t('accounts.colState')}</th>
              <th scope="col">{t('accounts.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} data-account={account.login}>
                <th scope="row">{account.login}</th>
                <td>{t(`accounts.role.${account.role}`)}</td>
                <td>{scopeText(account.scope)}</td>
                <td>{account.disabledAt ? <span className="admin-warning">{t('accounts.disabled')}</span> : t('accounts.active')}</td>
                <td className="admin-accounts-actions">
                  {account.id === selfId ? (
                    <span>{t('accounts.you')}</span>
                  ) : (
                    <button
                      type="button"
                      className={account.disabledAt ? undefined : 'danger'}
                      disabled={busy}
                      onClick={() =>
                        void run(async () => {
                          await changeAccount(token, account.id, { disabled: !account.disabledAt });
                          return t(account.disabledAt ? 'accounts.enabledNow' : 'accounts.disabledNow', { login: account.login });
                        })
                      }
                    >
                      {t(account.disabledAt ? 'accounts.enable' : 'accounts.disable', { login: account.login })}
                    </button>
                  )}
                  <button type="button" disabled={busy} onClick={() => setResetting(account)}>
                    {t('accounts.resetPassword', { login: account.login })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {resetting ? (
        <form className="admin-accounts-form" onSubmit={reset} aria-labelledby={`${id}-reset-heading`}>
          <h3 id={`${id}-reset-heading`}>{t('accounts.resetHeading', { login: resetting.login })}</h3>
          <label htmlFor={`${id}-new-password`}>{t('accounts.newPassword')}</label>
          <input
            ref={resetInput}
            id={`${id}-new-password`}
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            aria-describedby={`${id}-password-hint`}
          />
          <p id={`${id}-password-hint`} className="admin-accounts-hint">
            {t('accounts.passwordHint')}
          </p>
          <div className="admin-actions">
            <button type="submit" className="primary" disabled={busy || newPassword.length < 12}>
              {t('accounts.setPassword')}
            </button>
            <button type="button" onClick={() => setResetting(null)}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      ) : null}

      <form className="admin-accounts-form" onSubmit={add} aria-labelledby={`${id}-add-heading`}>
        <h3 id={`${id}-add-heading`}>{t('accounts.addHeading')}</h3>
        <div className="admin-accounts-fields">
          <label htmlFor={`${id}-login`}>{t('admin.loginName')}</label>
          <input
            id={`${id}-login`}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            pattern="[a-z0-9][a-z0-9._\-]{1,31}"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            aria-describedby={`${id}-login-hint`}
          />
          <p id={`${id}-login-hint`} className="admin-accounts-hint">
            {t('accounts.loginHint')}
          </p>
          <label htmlFor={`${id}-role`}>{t('accounts.colRole')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`accounts.role.${r}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-kind`}>{t('accounts.scopeKind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as StaffScope['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`accounts.kind.${k}`)}
              </option>
            ))}
          </select>
          {kind === 'city' ? null : (
            <>
              <label htmlFor={`${id}-place`}>{t(`accounts.placeId.${kind}`)}</label>
              <input id={`${id}-place`} type="text" autoComplete="off" spellCheck={false} required value={place} onChange={(e) => setPlace(e.target.value)} />
            </>
          )}
          <label htmlFor={`${id}-password`}>{t('admin.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={`${id}-add-password-hint`}
          />
          <p id={`${id}-add-password-hint`} className="admin-accounts-hint">
            {t('accounts.passwordHint')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.add')}
        </button>
      </form>
    </section>
  );
}
