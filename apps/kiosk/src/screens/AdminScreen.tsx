import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, getAdminStatus, listPacks, logout, removePack, rollbackPack, type AdminPack, type Session } from '../admin/api.ts';
import { AccountsPanel, useScopeText } from '../admin/AccountsPanel.tsx';
import { ConfirmDialog } from '../admin/ConfirmDialog.tsx';
import { DevicePanel } from '../admin/DevicePanel.tsx';
import { FloorNotice } from '../admin/FloorNotice.tsx';
import { LoginForm } from '../admin/LoginForm.tsx';
import { PackTable } from '../admin/PackTable.tsx';
import { SyncPanel } from '../admin/SyncPanel.tsx';
import { UploadForm } from '../admin/UploadForm.tsx';
import { useAdminErrorText } from '../admin/useAdminErrorText.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { StatusMessage } from '../admin/StatusMessage.tsx';
import { NoPasswordNotice } from '../admin/NoPasswordNotice.tsx';
import { useStaffLanguage } from '../admin/useStaffLanguage.ts';

type Pending = { kind: 'rollback' | 'remove'; pack: AdminPack };

/**
 * For park staff: install packs without a rebuild, roll one back, remove one. The session token lives in this
 * component's state only: a reload, or leaving the page, logs out.
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [packs, setPacks] = useState<AdminPack[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const token = session?.token;
  // Packs, sync and devices are the park's floor: admins' and operators'. Analysts and teachers have their own pages.
  const operates = session?.account.role === 'admin' || session?.account.role === 'operator';
  const scopeText = useScopeText();
  useStaffLanguage();
  // Whether the server has a staff password: null until known (and when it cannot be asked: the login form then says).
  const [passwordSet, setPasswordSet] = useState<boolean | null>(null);
  const [checking, setChecking] = useState(true);
  const checkPassword = useCallback(async () => {
    setChecking(true);
    try {
      setPasswordSet((await getAdminStatus()).passwordSet);
    } catch {
      setPasswordSet(null);
    } finally {
      setChecking(false);
    }
  }, []);
  useEffect(() => {
    void checkPassword();
  }, [checkPassword]);

  const loggedOut = useCallback((why?: string) => {
    setSession(null);
    setPacks(null);
    setNotice(why);
  }, []);

  const refresh = useCallback(async () => {
    if (!token || !operates) return;
    try {
      setPacks(await listPacks(token));
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) loggedOut(t('admin.sessionEnded'));
      else setMessage({ text: errorText(error), error: true });
    }
    // errorText changes with the language only; listing again for that is not needed.
  }, [token, operates, loggedOut, t]);

  useEffect(() => {
    if (!token) return;
    void refresh();
    heading.current?.focus();
  }, [token, refresh]);

  const perform = async ({ kind, pack }: Pending) => {
    if (!token) return;
    setPending(null);
    setBusy(true);
    setMessage(null);
    try {
      if (kind === 'rollback') {
        const result = await rollbackPack(token, pack.id);
        setMessage({ text: t('admin.rolledBack', { id: result.id, version: result.version }), error: false });
      } else {
        const result = await removePack(token, pack.id);
        setMessage({ text: t(result.builtInServes ? 'admin.removedBuiltInServes' : 'admin.removed', { id: result.id }), error: false });
      }
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) return loggedOut(t('admin.sessionEnded'));
      setMessage({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
    }
    await refresh();
  };

  const doLogout = async () => {
    // Out of the session first: the sync section's polling stops before the token it uses is revoked.
    loggedOut(t('admin.loggedOut'));
    if (token) await logout(token).catch(() => undefined);
  };

  return (
    <main className="screen admin">
      <header className="admin-header">
        <h1 ref={heading} tabIndex={-1}>
          {t('admin.title')}
        </h1>
        <LanguageSwitch />
        <a className="button" href="/dashboard">
          {t('dashboard.link')}
        </a>
        {session ? (
          <button type="button" onClick={doLogout}>
            {t('admin.logout')}
          </button>
        ) : null}
      </header>
      {!session && passwordSet === false ? (
        <NoPasswordNotice checking={checking} onCheckAgain={() => void checkPassword()} />
      ) : !session && checking ? (
        <p aria-busy="true">{t('admin.loading')}</p>
      ) : !session ? (
        <LoginForm
          notice={notice}
          onLoggedIn={(s) => {
            setNotice(undefined);
            setMessage(null);
            setSession(s);
          }}
        />
      ) : (
        <p className="admin-signed-in">
          {t('accounts.signedInAs', { login: session.account.login, role: t(`accounts.role.${session.account.role}`), scope: scopeText(session.account.scope) })}
        </p>
      )}
      {session && operates ? (
        <>
          <FloorNotice token={session.token} onUnauthorized={() => loggedOut(t('admin.sessionEnded'))} />
          <section aria-labelledby="admin-packs-heading">
            <h2 id="admin-packs-heading">{t('admin.packsHeading')}</h2>
            <StatusMessage message={message} />
            {packs ? (
              <PackTable packs={packs} busy={busy} onRollback={(pack) => setPending({ kind: 'rollback', pack })} onRemove={(pack) => setPending({ kind: 'remove', pack })} />
            ) : (
              <p aria-busy="true">{t('admin.loading')}</p>
            )}
          </section>
          <UploadForm token={session.token} onInstalled={() => void refresh()} onUnauthorized={() => loggedOut(t('admin.sessionEnded'))} />
          <SyncPanel token={session.token} onUnauthorized={() => loggedOut(t('admin.sessionEnded'))} />
          <DevicePanel token={session.token} onUnauthorized={() => loggedOut(t('admin.sessionEnded'))} />
        </>
      ) : null}
      {session?.account.role === 'admin' ? (
        <AccountsPanel token={session.token} selfId={session.account.id} onUnauthorized={() => loggedOut(t('admin.sessionEnded'))} />
      ) : null}
      {pending ? (
        <ConfirmDialog
          message={
            pending.kind === 'rollback'
              ? t('admin.confirmRollback', { id: pending.pack.id, version: pending.pack.previousVersions[0]?.version ?? '' })
              : t(pending.pack.builtIn ? 'admin.confirmRemoveBuiltIn' : 'admin.confirmRemove', { id: pending.pack.id })
          }
          confirmLabel={pending.kind === 'rollback' ? t('admin.confirmRollbackButton') : t('admin.confirmRemoveButton')}
          onConfirm={() => void perform(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </main>
  );
}
