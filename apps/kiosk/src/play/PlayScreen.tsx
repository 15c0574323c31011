import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ContentResponse } from '../api/client.ts';
import { ContentProblems } from '../components/ContentProblems.tsx';
import { AudienceSwitch } from '../components/AudienceSwitch.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { beginVisit } from '../stores/lifecycle.ts';
import { useRun } from '../stores/run.ts';
import { EnterVrButton } from '../xr/session/EnterVrButton.tsx';
import { useImmersiveVrSupported } from '../xr/session/useImmersiveVr.ts';
import { VrPresentingNotice } from '../xr/session/VrPresentingNotice.tsx';
import { useXr } from '../xr/state.ts';
import { VrPlayView } from '../xr/LazyVrPlayView.tsx';
import { preloadScene } from '../scene/LazyScene.tsx';
import { CurrentStep } from './currentStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { stepPlace } from './stepPlace.ts';

export function PlayScreen({ content, packId, scenarioId }: { content: ContentResponse; packId: string; scenarioId: string }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const pack = content.packs.find((p) => p.id === packId);
  const scenario = pack?.scenarios.find((s) => s.id === scenarioId);
  const active = useRun((s) => s.active);
  const vrSupported = useImmersiveVrSupported();
  const presenting = useXr((s) => s.presenting);

  // The 3D view's code loads while the visitor reads the first steps (the case card), not on the first screen.
  useEffect(() => {
    preloadScene().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!pack || !scenario) return;
    // A deep link (QR code, operator) opens a scenario directly: that starts a visit too.
    beginVisit();
    const current = useRun.getState().active;
    if (current?.pack.id !== pack.id || current.scenario.id !== scenario.id) useRun.getState().start(pack, scenario);
    // The content changed while this scenario is played (a new pack version, a save in preview): go on in the new one.
    else useRun.getState().adopt(pack, scenario);
  }, [pack, scenario]);

  const playing = active?.pack.id === packId && active.scenario.id === scenarioId;
  if (!pack || !scenario) {
    const broken = content.problems.some((p) => p.dir.split('/').pop() === packId);
    return (
      <>
        <main className="screen message-screen">
          {playing ? (
            // It was there when the visitor started: it was removed or renamed since.
            <>
              <h1>{t('preview.gone')}</h1>
              <p>{t('preview.goneDetail')}</p>
            </>
          ) : (
            <>
              <h1>{t('play.notFound')}</h1>
              <p>{broken ? t('play.packBroken') : t('play.notFoundDetail', { packId, scenarioId })}</p>
            </>
          )}
          <Link className="button primary" href="/map">
            {t('play.backToMap')}
          </Link>
        </main>
        <ContentProblems />
      </>
    );
  }
  if (!active || !playing) return null;

  // The run's own pack and scenario, not the content's: until the effect above has adopted a new version, the state
  // on screen belongs to the version it was made with.
  const shown = { pack: active.pack, scenario: active.scenario };
  const current = active.state.current;
  const place = current ? stepPlace(shown.scenario, current.stepId) : null;
  const stepText = place
    ? t('play.stepOf', { n: place.n, total: place.total, name: t(`mechanics.${place.mechanic}.title`) })
    : t('play.resultName');
  return (
    <div className={`screen play step-${place?.mechanic ?? 'result'}`}>
      {presenting ? (
        // In the headset the VR view shows every step; the screen only says so.
        <VrPresentingNotice title={l(shown.scenario.title)} />
      ) : (
        <>
          <header className="topbar">
            <Link className="button" href="/map">
              {t('play.backToMap')}
            </Link>
            <p className="scenario-title">{l(shown.scenario.title)}</p>
            <p className="step-indicator">{stepText}</p>
            <EnterVrButton className="" />
            <LanguageSwitch />
            <AudienceSwitch />
          </header>
          {current ? (
            <CurrentStep pack={shown.pack} scenario={shown.scenario} state={active.state} />
          ) : (
            <ResultStep pack={shown.pack} scenario={shown.scenario} state={active.state} />
          )}
        </>
      )}
      {/* Stays mounted in and out of VR: the session lives on its renderer. */}
      {vrSupported && <VrPlayView packId={packId} scenarioId={scenarioId} />}
      <ContentProblems />
    </div>
  );
}
