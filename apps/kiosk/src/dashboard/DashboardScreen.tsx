import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, type Session } from '../admin/api.ts';
import { LoginForm } from '../admin/LoginForm.tsx';
import { LogoutButton } from '../admin/LogoutButton.tsx';
import { useAdminErrorText } from '../admin/useAdminErrorText.ts';
import { useStaffLanguage } from '../admin/useStaffLanguage.ts';
import type { ContentResponse } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useVisit } from '../stores/visit.ts';
import { fetchReport, type StatisticsReport } from './api.ts';
import { csvFileName } from './csv.ts';
import { downloadText } from './download.ts';
import { tableCsv } from './format.ts';
import { dashboardModel, type TableModel } from './model.ts';
import { namesOf } from './names.ts';
import { periodProblem, presetOf, presetPeriod, PRESETS, type Period, type PresetId } from './period.ts';
import { PLACE_KINDS, placeOfScope, placeProblem, placeQuery, placeSlug, type Place } from './place.ts';
import { ReportView } from './ReportView.tsx';
import './dashboard.css';

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; report: StatisticsReport; place: Place }
  | { state: 'error'; text: string };

/**
 * For staff who read the statistics (analysts, admins, operators): the report for a period and a place within their
 * account's scope, as charts and tables, each table saved as CSV, the whole printed on A4. Behind the staff login; the
 * session lives in this page's memory only. The server decides which places an account may see.
 */
export function DashboardScreen({ content }: { content: ContentResponse }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const locale = useVisit((s) => s.locale);
  useStaffLanguage();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [today] = useState(() => new Date());
  const [period, setPeriod] = useState<Period>(() => presetPeriod('safetyMonth', today));
  const [place, setPlace] = useState<Place>({ kind: 'city', id: '' });
  const [asked, setAsked] = useState<{ period: Period; place: Place } | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const token = session?.token;

  const placeText = (p: Place) => (p.kind === 'city' ? t('accounts.kind.city') : t('accounts.scopeOf', { kind: t(`accounts.kind.${p.kind}`), id: p.id.trim() }));

  const loggedOut = (why?: string) => {
    setSession(null);
    setAsked(null);
    setLoad({ state: 'idle' });
    setNotice(why);
  };

  useEffect(() => {
    if (!token || !asked || !session) return;
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    fetchReport(token, { ...asked.period, ...placeQuery(asked.place) }, abort.signal).then(
      (report) => setLoad({ state: 'ready', report, place: asked.place }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof AdminApiError && error.status === 401) return loggedOut(t('admin.sessionEnded'));
        const code = error instanceof AdminApiError ? error.details[0]?.code : undefined;
        const text =
          code === 'staff.scope'
            ? t('dashboard.outsideScope', { place: placeText(asked.place), own: placeText(placeOfScope(session.account.scope)) })
            : code === 'staff.role'
              ? t('dashboard.roleRefused')
              : errorText(error);
        setLoad({ state: 'error', text });
      },
    );
    return () => abort.abort();
    // The words are read when the answer comes; a language change re-renders them from `load` where it can.
  }, [token, asked]);

  const names = useMemo(() => namesOf(content, locale), [content, locale]);
  const model = useMemo(() => (load.state === 'ready' ? dashboardModel(load.report, names, t) : null), [load, names, t, locale]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = periodProblem(period);
    if (wrong) return setProblem(t(`dashboard.periodProblem.${wrong}`));
    if (placeProblem(place)) return setProblem(t('dashboard.placeProblem'));
    setProblem(null);
    setAsked({ period: { ...period }, place: { ...place, id: place.id.trim() } });
  };

  const download = (table: TableModel) => {
    if (load.state !== 'ready') return;
    const csv = tableCsv(table, { percent: t('dashboard.unit.percent') });
    downloadText(csvFileName(table.id, load.report.period, placeSlug(load.place)), csv);
  };

  const preset = presetOf(period, today);
  return (
    <main className="screen admin dashboard">
      <header className="admin-header">
        <h1 ref={heading} tabIndex={-1}>
          {t('dashboard.title')}
        </h1>
        <LanguageSwitch />
        {model && !model.empty ? (
          <button type="button" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        ) : null}
        <LogoutButton session={session} onLoggedOut={loggedOut} />
      </header>
      {!session ? (
        <section aria-labelledby={`${id}-login`} className="dashboard-login">
          <h2 id={`${id}-login`}>{t('admin.loginHeading')}</h2>
          <p>{t('dashboard.loginNotice')}</p>
          <LoginForm
            notice={notice}
            onLoggedIn={(s) => {
              const own = placeOfScope(s.account.scope);
              const first = presetPeriod('safetyMonth', today);
              setNotice(undefined);
              setSession(s);
              setPlace(own);
              setPeriod(first);
              setAsked({ period: first, place: own });
              heading.current?.focus();
            }}
          />
        </section>
      ) : (
        <>
          <p className="admin-signed-in dashboard-controls">
            {t('accounts.signedInAs', { login: session.account.login, role: t(`accounts.role.${session.account.role}`), scope: placeText(placeOfScope(session.account.scope)) })}
          </p>
          <form className="dashboard-controls" aria-label={t('dashboard.controls')} onSubmit={submit} noValidate>
            <fieldset>
              <legend>{t('dashboard.periodLegend')}</legend>
              <label htmlFor={`${id}-preset`}>{t('dashboard.preset')}</label>
              <select
                id={`${id}-preset`}
                value={preset}
                onChange={(e) => {
                  const value = e.target.value as PresetId | 'custom';
                  if (value !== 'custom') setPeriod(presetPeriod(value, today));
                }}
              >
                {PRESETS.map((p) => (
                  <option key={p} value={p}>
                    {t(`dashboard.presets.${p}`)}
                  </option>
                ))}
                <option value="custom">{t('dashboard.presets.custom')}</option>
              </select>
              <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
              <input id={`${id}-from`} type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
              <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
              <input id={`${id}-to`} type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
            </fieldset>
            <fieldset>
              <legend>{t('dashboard.placeLegend')}</legend>
              <label htmlFor={`${id}-kind`}>{t('dashboard.placeKind')}</label>
              <select id={`${id}-kind`} value={place.kind} onChange={(e) => setPlace({ kind: e.target.value as Place['kind'], id: '' })}>
                {PLACE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`accounts.kind.${k}`)}
                  </option>
                ))}
              </select>
              {place.kind !== 'city' ? (
                <>
                  <label htmlFor={`${id}-place`}>{t(`dashboard.placeId.${place.kind}`)}</label>
                  <input id={`${id}-place`} type="text" autoCapitalize="none" spellCheck={false} value={place.id} onChange={(e) => setPlace({ ...place, id: e.target.value })} />
                </>
              ) : null}
            </fieldset>
            <button type="submit" className="primary">
              {t('dashboard.show')}
            </button>
            <div aria-live="polite">
              {problem ? (
                <p className="admin-error" role="alert">
                  {problem}
                </p>
              ) : null}
            </div>
          </form>
          <div aria-live="polite" className="dashboard-state">
            {load.state === 'loading' ? (
              <p role="status" aria-busy="true">
                {t('dashboard.loading')}
              </p>
            ) : load.state === 'error' ? (
              <p className="admin-error" role="alert">
                {load.text}
              </p>
            ) : model?.empty && load.state === 'ready' ? (
              <p role="status">{t('dashboard.empty', { place: placeText(load.place), ...load.report.period })}</p>
            ) : null}
          </div>
          {model && !model.empty && load.state === 'ready' ? (
            <div className="dashboard-report">
              <p className="dashboard-for">
                {t('dashboard.reportFor', { place: placeText(load.place), period: t('dashboard.periodRange', load.report.period) })}
              </p>
              <p className="dashboard-printed">{t('dashboard.printedAt', { time: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date()) })}</p>
              <ReportView model={model} locale={locale} onDownload={download} />
            </div>
          ) : null}
        </>
      )}
    </main>
  );
}
