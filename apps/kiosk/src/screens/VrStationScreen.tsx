// The VR station (/vr): staff pick a scenario from the live packs, then hand the headset over with ONE tap that is
// also the user activation requestSession needs. The visit and the run start once the session is up (so every record
// says platform 'vr'); when the visitor exits, takes the headset off or idles, the session and the visit end and the
// station is ready again for the next visitor with the same scenario (/vr/<packId>/<scenarioId>, also a deep link).
// A student of a class visit joins on this 2D page first (the kiosk's keypad, or `?join=CODE`); the session's visit
// takes the seat (xr/station/). A class visit that completed its scenario in the headset is offered its certificate on
// this page once the headset is off (xr/station/stationCertificate.ts), until the next visitor starts.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ContentResponse } from '../api/client.ts';
import { certificateOffer } from '../classes/certificateOffer.ts';
import { seatOf } from '../classes/membership.ts';
import { ContentProblems } from '../components/ContentProblems.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { endVisit } from '../stores/lifecycle.ts';
import { useRun } from '../stores/run.ts';
import { useVisit } from '../stores/visit.ts';
import { useImmersiveVrSupported } from '../xr/session/useImmersiveVr.ts';
import { VrPresentingNotice } from '../xr/session/VrPresentingNotice.tsx';
import { enterVr, type EndReason } from '../xr/session/xrStore.ts';
import { useXr } from '../xr/state.ts';
import { useHeldSeat } from '../xr/station/heldSeat.ts';
import { StationCertificate } from '../xr/station/StationCertificate.tsx';
import { StationClass } from '../xr/station/StationClass.tsx';
import { dropStationCertificate, earnStationCertificate, endStationSession } from '../xr/station/stationCertificate.ts';
import { beginStationVisit } from '../xr/station/stationVisit.ts';
import { VrPlayView } from '../xr/VrPlayView.tsx';
import './vrStation.css';

export function VrStationScreen({ content, packId, scenarioId }: { content: ContentResponse; packId?: string; scenarioId?: string }): JSX.Element {
  // A station starts clean: a visit left over from another screen ends here (never one that is in the headset).
  useEffect(() => {
    if (!useXr.getState().presenting && useVisit.getState().visitId) endVisit('finished');
  }, []);
  if (packId === undefined || scenarioId === undefined) return <StationChoice content={content} />;
  return <StationReady key={`${packId}/${scenarioId}`} content={content} packId={packId} scenarioId={scenarioId} />;
}

function StationHeader(): JSX.Element {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <p className="park-name">{t('vr.station.title')}</p>
      <LanguageSwitch />
    </header>
  );
}

/** Every scenario of the live packs, as large buttons. */
function StationChoice({ content }: { content: ContentResponse }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const supported = useImmersiveVrSupported();
  const scenarios = content.packs.flatMap((pack) => pack.scenarios.map((scenario) => ({ pack, scenario })));
  return (
    <div className="screen vr-station">
      <StationHeader />
      <main>
        <h1>{t('vr.station.title')}</h1>
        <p className="lead">{t('vr.station.intro')}</p>
        {supported && <StationClass />}
        {scenarios.length === 0 ? (
          <p>{t('vr.station.none')}</p>
        ) : (
          <ul className="vr-station-choices">
            {scenarios.map(({ pack, scenario }) => (
              <li key={`${pack.id}/${scenario.id}`}>
                <Link className="button primary" href={`/vr/${pack.id}/${scenario.id}`}>
                  {t('vr.station.choose', { title: l(scenario.title) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
      <ContentProblems />
    </div>
  );
}

function StationReady({ content, packId, scenarioId }: { content: ContentResponse; packId: string; scenarioId: string }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const pack = content.packs.find((p) => p.id === packId);
  const scenario = pack?.scenarios.find((s) => s.id === scenarioId);
  const supported = useImmersiveVrSupported();
  const canEnter = useXr((s) => s.canEnter);
  const presenting = useXr((s) => s.presenting);
  const posture = useVisit((s) => s.posture);
  const run = useRun((s) => s.active);
  const [status, setStatus] = useState<'ready' | 'entering' | 'failed' | 'ended'>('ready');
  const startButton = useRef<HTMLButtonElement>(null);
  const toStart = useCallback(() => startButton.current?.focus(), []);

  // A run of the visit in the headset that reaches its result in a class visit earns the certificate the page offers
  // once the session is over (by the kiosk's own rule); nothing of it outlives this page.
  useEffect(() => {
    const unsubscribe = useVisit.subscribe((visit) => earnStationCertificate(certificateOffer(visit.visitId, seatOf(visit.visitId), visit.run)));
    return () => {
      unsubscribe();
      dropStationCertificate();
    };
  }, []);

  // The next student joined on the page: the last one's certificate is no longer offered.
  const holding = useHeldSeat((s) => s.held !== null);
  useEffect(() => {
    if (holding) dropStationCertificate();
  }, [holding]);

  // The content changed while a visitor plays: go on in the new version, as PlayScreen does.
  useEffect(() => {
    if (pack && scenario) useRun.getState().adopt(pack, scenario);
  }, [pack, scenario]);

  const onSessionEnd = useCallback((reason: EndReason) => {
    // Before `presenting` turns false: the visit-end record is the headset's too.
    endStationSession(useVisit.getState().visitId);
    endVisit(reason === 'idle' || reason === 'hidden' ? 'timeout' : 'finished');
    setStatus('ended');
  }, []);

  const start = (p: Pack, s: Scenario) => {
    setStatus('entering');
    dropStationCertificate();
    // Straight from the tap: requestSession needs its user activation.
    enterVr().then(
      (session) => {
        if (!session) return setStatus('failed');
        beginStationVisit();
        useRun.getState().start(p, s);
        setStatus('ready');
      },
      (error: unknown) => {
        console.warn('Ruyi: could not enter VR:', error);
        setStatus('failed');
      },
    );
  };

  // The run's own scenario while it plays (it may outlive a content change that removed it).
  const playing = run?.pack.id === packId && run.scenario.id === scenarioId ? run : null;
  let body: JSX.Element;
  const shown = playing?.scenario ?? scenario;
  if (presenting) body = <VrPresentingNotice title={shown ? l(shown.title) : scenarioId} />;
  else if (!pack || !scenario)
    body = (
      <main>
        <h1>{t('play.notFound')}</h1>
        <p>{t('play.notFoundDetail', { packId, scenarioId })}</p>
        <Link className="button primary" href="/vr">
          {t('vr.station.another')}
        </Link>
      </main>
    );
  else
    body = (
      <main>
        <p className="eyebrow">{t('vr.station.ready')}</p>
        <h1>{l(scenario.title)}</h1>
        <p role="status">{status === 'ended' ? t('vr.station.ended') : ''}</p>
        {supported && <StationCertificate title={l(scenario.title)} />}
        {supported ? <p className="lead">{t('vr.station.startHelp')}</p> : <p className="lead">{t('vr.station.unsupported')}</p>}
        {/* A seat is taken only where a headset can take it into a visit. */}
        {supported && <StationClass afterJoin={toStart} />}
        <div className="vr-station-actions">
          <button ref={startButton} type="button" className="primary vr-start" disabled={!supported || !canEnter || status === 'entering'} onClick={() => start(pack, scenario)}>
            {t('vr.station.start')}
          </button>
          <button type="button" aria-pressed={posture === 'seated'} onClick={() => useVisit.getState().setPosture(posture === 'seated' ? 'standing' : 'seated')}>
            {t('vr.station.seated')}
          </button>
          <Link className="button" href="/vr">
            {t('vr.station.another')}
          </Link>
        </div>
        {status === 'failed' && <p role="alert">{t('vr.enterFailed')}</p>}
      </main>
    );

  return (
    <div className="screen vr-station">
      {!presenting && <StationHeader />}
      {body}
      {/* Mounted before the tap and kept through the session: the session lives on its renderer. */}
      {supported && <VrPlayView packId={packId} scenarioId={scenarioId} onSessionEnd={onSessionEnd} />}
      <ContentProblems />
    </div>
  );
}
