import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { IdleGuard } from './components/IdleGuard.tsx';
import { InputGuard } from './components/InputGuard.tsx';
import { EnrollNotice } from './enroll/EnrollNotice.tsx';
import { lazyView } from './lazyView.tsx';
import { StaffIndicator } from './offline/StaffIndicator.tsx';
import { ClassBadge } from './classes/ClassBadge.tsx';
import { AttractScreen } from './screens/AttractScreen.tsx';
import { MapScreen } from './screens/MapScreen.tsx';
import { endVisit } from './stores/lifecycle.ts';
import { useContent } from './stores/content.ts';
import { useVisit } from './stores/visit.ts';

// The play screen (the mechanics' views, the result) loads once the first screen is up, while the visitor looks at it.
const play = lazyView(() => import('./play/PlayScreen.tsx').then((m) => m.PlayScreen));
const PlayScreen = play.View;

// Screens a visitor never opens load when opened, so the first screen carries none of their code: the VR station
// (three.js, the XR kit), staff pages (the admin page with its QR codes, /operator) and device enrollment.
const VrStationScreen = lazy(() => import('./screens/VrStationScreen.tsx').then((m) => ({ default: m.VrStationScreen })));
const AdminScreen = lazy(() => import('./screens/AdminScreen.tsx').then((m) => ({ default: m.AdminScreen })));
const OperatorScreen = lazy(() => import('./screens/OperatorScreen.tsx').then((m) => ({ default: m.OperatorScreen })));
// The statistics dashboard carries Apache ECharts: only this page's chunk has it.
const DashboardScreen = lazy(() => import('./dashboard/DashboardScreen.tsx').then((m) => ({ default: m.DashboardScreen })));
const EnrollScreen = lazy(() => import('./enroll/EnrollScreen.tsx').then((m) => ({ default: m.EnrollScreen })));
// 平安校园: the teachers' page and a certificate's check page.
const ClassesScreen = lazy(() => import('./classes/ClassesScreen.tsx').then((m) => ({ default: m.ClassesScreen })));
const CertificateScreen = lazy(() => import('./classes/CertificateScreen.tsx').then((m) => ({ default: m.CertificateScreen })));

// A page of every prop kind, for developers and content editors checking models; not in the kiosk build.
const ScenePreview = import.meta.env.DEV ? lazy(() => import('./scene/dev/ScenePreview.tsx').then((m) => ({ default: m.ScenePreview }))) : null;
// The in-world steps in a plain canvas, for looking at them without a headset; not in the kiosk build.
const VrStepsPreview = import.meta.env.DEV ? lazy(() => import('./xr/dev/VrStepsPreview.tsx').then((m) => ({ default: m.VrStepsPreview }))) : null;

export function App() {
  const { t, i18n } = useTranslation();
  const content = useContent();
  const locale = useVisit((s) => s.locale);
  const [location, navigate] = useLocation();
  // The VR station ends its visits itself (in VR no DOM dialog can be seen): see xr/session/useSessionGuard.ts.
  const vrStation = location === '/vr' || location.startsWith('/vr/');

  useEffect(() => {
    void i18n.changeLanguage(locale);
  }, [i18n, locale]);

  const ready = content.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    // After the first screen has drawn, when the browser is idle (a kiosk without requestIdleCallback: soon after).
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void play.preload().catch(() => undefined));
  }, [ready]);

  if (content.status === 'loading')
    return (
      <main className="screen message-screen" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  if (content.status === 'failed')
    return (
      <main className="screen message-screen">
        <h1>{t('app.loadFailed')}</h1>
        <pre className="technical">{content.error}</pre>
      </main>
    );

  const { content: data, config } = content;
  const restart = (reset: () => void) => {
    endVisit('finished');
    navigate('/', { replace: true });
    reset();
  };
  return (
    <ErrorBoundary
      fallback={(reset) => (
        <main className="screen message-screen">
          <h1>{t('app.crashed')}</h1>
          <button type="button" className="primary" onClick={() => restart(reset)}>
            {t('app.restart')}
          </button>
        </main>
      )}
    >
      {!vrStation && <IdleGuard idleSeconds={config.idleSeconds} countdownSeconds={config.idleCountdownSeconds} />}
      <InputGuard />
      <EnrollNotice />
      <StaffIndicator />
      <ClassBadge />
      {/* While a screen loaded on demand (staff pages, enrollment, the VR station) arrives. */}
      <Suspense
        fallback={
          <main className="screen message-screen" aria-busy="true">
            <p>{t('app.loading')}</p>
          </main>
        }
      >
      <Switch>
        {ScenePreview ? (
          <Route path="/dev/scene">
            <Suspense>
              <ScenePreview />
            </Suspense>
          </Route>
        ) : null}
        {VrStepsPreview ? (
          <Route path="/dev/vr-steps">
            <Suspense>
              <VrStepsPreview />
            </Suspense>
          </Route>
        ) : null}
        <Route path="/operator">
          <OperatorScreen content={data} />
        </Route>
        <Route path="/admin" component={AdminScreen} />
        <Route path="/dashboard">
          <DashboardScreen content={data} />
        </Route>
        <Route path="/enroll" component={EnrollScreen} />
        <Route path="/classes">
          <ClassesScreen content={data} />
        </Route>
        <Route path="/certificate/:id">{(params) => <CertificateScreen id={params.id} content={data} />}</Route>
        <Route path="/vr">
          <VrStationScreen content={data} />
        </Route>
        <Route path="/vr/:packId/:scenarioId">
          {(params) => <VrStationScreen content={data} packId={params.packId} scenarioId={params.scenarioId} />}
        </Route>
        {!data.park ? (
          <Route>
            <OperatorScreen content={data} />
          </Route>
        ) : null}
        <Route path="/">{data.park && <AttractScreen park={data.park} />}</Route>
        <Route path="/map">{data.park && <MapScreen content={data} />}</Route>
        <Route path="/play/:packId/:scenarioId">
          {(params) => <PlayScreen key={`${params.packId}/${params.scenarioId}`} content={data} packId={params.packId} scenarioId={params.scenarioId} />}
        </Route>
        <Route>
          <Redirect to="/" />
        </Route>
      </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
