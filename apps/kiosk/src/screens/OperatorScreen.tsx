import { localize } from '@ruyi/pack-schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Session } from '../admin/api.ts';
import { LoginForm } from '../admin/LoginForm.tsx';
import { LogoutButton } from '../admin/LogoutButton.tsx';
import type { ContentResponse } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { ProblemTable } from '../components/ProblemTable.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { FleetView } from '../fleet/FleetView.tsx';
import { StationSoundSettings } from '../sound/StationSoundSettings.tsx';
import { useVisit } from '../stores/visit.ts';

/**
 * For park staff: the devices' state (behind the staff login, the same session as /admin, kept in this page's memory
 * only), which packs are live and, for a broken one, exactly what an editor must fix. The packs and their problems
 * need no login: they are what GET /api/content gives every kiosk, and this screen also stands in for the park when
 * park.yaml itself is broken, where staff must read the problem before anything else works.
 */
export function OperatorScreen({ content }: { content: ContentResponse }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const locale = useVisit((s) => s.locale);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const areaName = (id: string) => {
    const area = content.park?.areas.find((a) => a.id === id);
    return area ? localize(area.name, locale) : id;
  };
  const loggedOut = (why?: string) => {
    setSession(null);
    setNotice(why);
  };
  return (
    <main className="screen operator">
      <header className="operator-header">
        <h1>{t('operator.title')}</h1>
        <LanguageSwitch />
        <a className="button" href="/dashboard">
          {t('dashboard.link')}
        </a>
        <LogoutButton session={session} onLoggedOut={loggedOut} />
      </header>
      {session ? (
        <FleetView token={session.token} content={content} onUnauthorized={() => loggedOut(t('admin.sessionEnded'))} />
      ) : (
        <section aria-labelledby="fleet-login-heading">
          <h2 id="fleet-login-heading">{t('fleet.heading')}</h2>
          <p>{t('fleet.loginNotice')}</p>
          <LoginForm
            notice={notice}
            onLoggedIn={(s) => {
              setNotice(undefined);
              setSession(s);
            }}
          />
        </section>
      )}
      <h2>{t('operator.packs')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">{t('operator.version')}</th>
            <th scope="col">{t('operator.area')}</th>
            <th scope="col">{t('operator.scenarios')}</th>
          </tr>
        </thead>
        <tbody>
          {content.packs.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>{p.version}</td>
              <td>{areaName(p.area)}</td>
              <td>{new Intl.ListFormat(locale).format(p.scenarios.map((s) => l(s.title)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('operator.problems')}</h2>
      {content.problems.length === 0 ? (
        <p>{t('operator.noProblems')}</p>
      ) : (
        content.problems.map((problem) => (
          <section key={problem.dir} className="problem" aria-label={problem.dir}>
            <h3>{problem.dir}</h3>
            <ProblemTable problems={problem.errors} />
          </section>
        ))
      )}
      <StationSoundSettings />
    </main>
  );
}
