import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, type Session } from '../admin/api.ts';
import { LoginForm } from '../admin/LoginForm.tsx';
import { LogoutButton } from '../admin/LogoutButton.tsx';
import { StatusMessage } from '../admin/StatusMessage.tsx';
import { useAdminErrorText } from '../admin/useAdminErrorText.ts';
import { useStaffLanguage } from '../admin/useStaffLanguage.ts';
import type { ContentResponse } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { listClasses, type ClassSession } from './api.ts';
import { ClassView } from './ClassView.tsx';
import { NewClassForm } from './NewClassForm.tsx';
import { useClassWords } from './useClassWords.ts';
import './classes.css';

/**
 * /classes, for teachers (平安校园): open a class visit, show its join code to the class, follow it live, close it and
 * read (print, download) its report. Behind the staff login; the session lives in this page's memory only.
 */
export function ClassesScreen({ content }: { content: ContentResponse }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const words = useClassWords();
  useStaffLanguage();
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [classes, setClasses] = useState<ClassSession[] | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const token = session?.token;

  const loggedOut = useCallback((why?: string) => {
    setSession(null);
    setClasses(null);
    setShown(null);
    setNotice(why);
  }, []);
  const unauthorized = useCallback(() => loggedOut(t('admin.sessionEnded')), [loggedOut, t]);

  const refresh = useCallback(async () => {
    if (!token) return;
    try {
      setClasses(await listClasses(token));
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) unauthorized();
      else setMessage({ text: errorText(error), error: true });
    }
    // errorText follows the language only.
  }, [token, unauthorized]);

  useEffect(() => {
    if (!token) return;
    void refresh();
    heading.current?.focus();
  }, [token, refresh]);

  return (
    <main className="screen admin classes-screen">
      <header className="admin-header no-print">
        <h1 ref={heading} tabIndex={-1}>
          {t('classes.title')}
        </h1>
        <LanguageSwitch />
        <LogoutButton session={session} onLoggedOut={loggedOut} />
      </header>
      {!session ? (
        <section aria-labelledby="classes-login-heading">
          <h2 id="classes-login-heading">{t('classes.loginHeading')}</h2>
          <p>{t('classes.loginNotice')}</p>
          <LoginForm
            notice={notice}
            onLoggedIn={(s) => {
              setNotice(undefined);
              setMessage(null);
              setSession(s);
            }}
          />
        </section>
      ) : (
        <>
          <p className="admin-signed-in no-print">{t('classes.signedInAs', { login: session.account.login })}</p>
          <StatusMessage message={message} />
          {shown ? (
            <ClassView
              key={shown}
              token={session.token}
              classId={shown}
              content={content}
              onBack={() => {
                setShown(null);
                void refresh();
              }}
              onUnauthorized={unauthorized}
            />
          ) : (
            <>
              <NewClassForm
                token={session.token}
                onCreated={(created) => {
                  setMessage(null);
                  setShown(created.id);
                }}
                onUnauthorized={unauthorized}
              />
              <section aria-labelledby="classes-list-heading" className="no-print">
                <h2 id="classes-list-heading">{t('classes.listHeading')}</h2>
                {classes === null ? (
                  <p aria-busy="true">{t('admin.loading')}</p>
                ) : classes.length === 0 ? (
                  <p>{t('classes.listEmpty')}</p>
                ) : (
                  <ul className="classes-list">
                    {classes.map((c) => (
                      <li key={c.id}>
                        <span>
                          {words.className(c)} · <span className="class-code-inline">{c.code}</span> · {c.open ? t('classes.openUntil', { time: words.time(c.closesAt) }) : t('classes.closedAt', { time: words.time(c.closedAt ?? c.closesAt) })} ·{' '}
                          {t('classes.joinedCount', { count: c.joined })}
                        </span>
                        <button type="button" onClick={() => setShown(c.id)} aria-label={t('classes.showClass', { class: words.className(c), code: c.code })}>
                          {t('classes.show')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </>
      )}
    </main>
  );
}
